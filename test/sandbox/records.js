'use strict';

/**
 * What the sandbox remembers of the requests it served: one record per API request (control
 * requests are not recorded), the counters behind `sb.stats()` and the push id counter, and the
 * per-identity overlap check over the records.
 *
 * A record: { seq, method, url, viaProxy, tls, pathname, query, headers, body, json, status,
 * fault, startedAt, durationMs, identity, result, arrivedAt, endedAt }. `arrivedAt` / `endedAt`
 * are the sandbox's `performance.now()`; `endedAt` stays null for a request never answered.
 */

const { performance } = require('node:perf_hooks');

/** The identity token (lower case) of a push or Pull API path, else null. */
function identityOf(pathname) {
	const m = /^\/(?:push|pull|update)\/identities\/([^/]+)\//.exec(pathname);
	return m ? m[1].toLowerCase() : null;
}

/**
 * Requests to one identity that were open at the sandbox at the same time: for each identity, in
 * order of arrival, a request that arrived before an earlier one had been answered (a request never
 * answered stays open for good). Times are the sandbox's `performance.now()` (rec.arrivedAt, rec.endedAt).
 * @returns {{ identity: string, open: number, arrived: number }[]} record seqs of each overlapping pair
 */
function overlapsPerIdentity(records) {
	const byIdentity = new Map();
	for (const rec of records) {
		if (!rec.identity) continue;
		if (!byIdentity.has(rec.identity)) byIdentity.set(rec.identity, []);
		byIdentity.get(rec.identity).push(rec);
	}
	const found = [];
	for (const [identity, list] of byIdentity) {
		list.sort((a, b) => a.arrivedAt - b.arrivedAt || a.seq - b.seq);
		let latest = null; // the earlier request answered last (or never)
		const endOf = (rec) => (rec.endedAt === null ? Infinity : rec.endedAt);
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
	let pushSeq = 0;
	let stats = freshStats();

	/** `target`: { rawUrl, viaProxy, pathname, query } of the request as the server read it. */
	function add(req, target, body, json, t0) {
		const rec = {
			seq: ++recSeq,
			method: req.method,
			url: target.rawUrl,
			viaProxy: target.viaProxy,
			tls: !!req.socket.encrypted,
			pathname: target.pathname,
			query: target.query,
			headers: req.headers,
			body,
			json,
			status: null,
			fault: null,
			startedAt: Date.now(),
			durationMs: null,
			identity: identityOf(target.pathname),
			result: undefined,
			arrivedAt: t0,
			endedAt: null,
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
		if (ms > stats.maxMs) stats.maxMs = ms;
	}

	return {
		requests,
		add,
		finish,
		countFault() {
			stats.faults++;
		},
		/** The id number of a successful push: the n-th since reset() gets n. */
		nextPushId() {
			stats.pushes++;
			return ++pushSeq;
		},
		/** A copy of the counters, with the mean and how many records are kept. */
		stats() {
			const s = { ...stats, byStatus: { ...stats.byStatus } };
			s.meanMs = s.count ? s.totalMs / s.count : 0;
			s.recorded = requests.length;
			return s;
		},
		reset() {
			requests.length = 0;
			recSeq = 0;
			pushSeq = 0;
			stats = freshStats();
		},
	};
}

module.exports = { createRecorder, identityOf, overlapsPerIdentity };
