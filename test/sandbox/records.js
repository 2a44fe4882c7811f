'use strict';

/**
 * What the sandbox remembers of the requests it served (one record per API request, made by
 * add()), the counters behind `sb.stats()`, the push id counter, and the overlap check.
 */

const { performance } = require('node:perf_hooks');

/**
 * Requests to one identity that were open at the sandbox at the same time (one never answered
 * stays open for good): [{ identity, open, arrived }], the record seqs of each overlapping pair.
 */
function overlapsPerIdentity(records) {
	const byIdentity = new Map();
	for (const rec of records) {
		if (!rec.identity) continue;
		if (!byIdentity.has(rec.identity)) byIdentity.set(rec.identity, []);
		byIdentity.get(rec.identity).push(rec);
	}
	const found = [];
	const endOf = (rec) => (rec.endedAt === null ? Infinity : rec.endedAt);
	for (const [identity, list] of byIdentity) {
		list.sort((a, b) => a.arrivedAt - b.arrivedAt || a.seq - b.seq);
		let latest = null; // the earlier request answered last (or never)
		for (const rec of list) {
			if (latest && rec.arrivedAt < endOf(latest)) found.push({ identity, open: latest.seq, arrived: rec.seq });
			if (!latest || endOf(rec) > endOf(latest)) latest = rec;
		}
	}
	return found;
}

const freshStats = () => ({ count: 0, byStatus: {}, faults: 0, pushes: 0, totalMs: 0, maxMs: 0, startedAt: Date.now() });

/** The records (the oldest dropped beyond maxRecords) and the counters, all cleared by reset(). */
function createRecorder(maxRecords) {
	const requests = [];
	let recSeq = 0;
	let stats = freshStats();

	/** `target`: { rawUrl, viaProxy, pathname, query } of the request as the server read it. */
	function add(req, target, body, json, t0) {
		const { rawUrl: url, viaProxy, pathname, query } = target;
		// The identity token (lower case) of a push, Pull or Update API path.
		const identity = /^\/(?:push|pull|update)\/identities\/([^/]+)\//.exec(pathname)?.[1].toLowerCase() ?? null;
		const rec = {
			seq: ++recSeq, method: req.method, url, viaProxy, tls: !!req.socket.encrypted, pathname, query,
			headers: req.headers, body, json, status: null, fault: null, startedAt: Date.now(), durationMs: null,
			identity, result: undefined, arrivedAt: t0, endedAt: null,
		};
		requests.push(rec);
		if (requests.length > maxRecords) requests.splice(0, requests.length - maxRecords);
		return rec;
	}

	/** A request answered (status 0: its connection was dropped). */
	function finish(rec, t0, status) {
		const ms = performance.now() - t0;
		rec.status = status;
		rec.durationMs = Math.round(ms * 1000) / 1000;
		rec.endedAt = t0 + ms;
		stats.count++;
		stats.byStatus[status] = (stats.byStatus[status] || 0) + 1;
		stats.totalMs += ms;
		stats.maxMs = Math.max(stats.maxMs, ms);
	}

	return {
		requests,
		add,
		finish,
		countFault: () => stats.faults++,
		/** The id number of a successful push: the n-th since reset() gets n. */
		nextPushId: () => ++stats.pushes,
		/** A copy of the counters, with the mean and how many records are kept. */
		stats() {
			const meanMs = stats.count ? stats.totalMs / stats.count : 0;
			return { ...stats, byStatus: { ...stats.byStatus }, meanMs, recorded: requests.length };
		},
		reset() {
			requests.length = 0;
			recSeq = 0;
			stats = freshStats();
		},
	};
}

/** The most requests open at once (arrived, not yet answered), over the records' own clock. */
function maxInFlight(records) {
	const events = records.flatMap((r) => [[r.arrivedAt, 1], [r.endedAt === null ? Infinity : r.endedAt, -1]]);
	events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
	let open = 0;
	let max = 0;
	for (const [, d] of events) max = Math.max(max, (open += d));
	return max;
}

module.exports = { createRecorder, overlapsPerIdentity, maxInFlight };
