'use strict';
/*
 * Reading the sandbox's record of a queue-mode run. Every post carries a tag in its message (or its
 * picture URL): "<kind> r<run> i<item>", so a request says which execution and which input item
 * it came from, whatever worker sent it and in whatever order the executions interleaved.
 */

const TAG = /^([a-z]+) r(\d+) i(\d+)/;

/** "posts r03 i017" for a tweet or a picture upload of the queue workflows, else undefined. */
function tagOf(rec) {
	const push = rec.json && rec.json.request && rec.json.request.push;
	if (!push) return undefined;
	if (push.post && typeof push.post.message === 'string') {
		const m = TAG.exec(push.post.message);
		return m ? m[0] : undefined;
	}
	if (push.picture && typeof push.picture.url === 'string') {
		const m = /\/([a-z]+)-r(\d+)-i(\d+)\.png$/.exec(push.picture.url);
		return m ? `${m[1]} r${m[2]} i${m[3]}` : undefined;
	}
	return undefined;
}

function parts(rec) {
	const m = TAG.exec(tagOf(rec) || '');
	return m ? { kind: m[1], run: Number(m[2]), item: Number(m[3]) } : undefined;
}

const identityOf = (rec) => /^\/push\/identities\/([^/]+)\//.exec(rec.pathname)[1];

/** The tweets of one kind of execution, in the order they reached the sandbox. */
function postRecords(requests, kind) {
	return requests.filter((r) => r.pathname.endsWith('/twitter/post.json') && (parts(r) || {}).kind === kind);
}

/** Tags that reached the sandbox more than once. */
function duplicates(recs) {
	const seen = new Map();
	for (const r of recs) seen.set(tagOf(r), (seen.get(tagOf(r)) || 0) + 1);
	return [...seen].filter(([, n]) => n > 1).map(([t, n]) => `${t} ×${n}`);
}

/** Requests grouped by execution (run) and identity, each group in arrival order. */
function groups(recs) {
	const out = new Map();
	for (const r of recs) {
		const key = `run ${parts(r).run}, identity ${identityOf(r).slice(0, 8)}`;
		if (!out.has(key)) out.set(key, []);
		out.get(key).push(r);
	}
	return out;
}

/** Where an execution's posts to one identity did not arrive in input order. */
function inputOrderProblems(recs) {
	const problems = [];
	for (const [key, list] of groups(recs)) {
		const items = list.map((r) => parts(r).item);
		for (let i = 1; i < items.length; i++) {
			if (items[i] <= items[i - 1]) {
				problems.push(`${key}: item ${items[i]} arrived after item ${items[i - 1]}`);
				break;
			}
		}
	}
	return problems;
}

/**
 * Where one execution had two requests to the same identity open at once, by the sandbox's own
 * clock (`arrivedAt` when the request came in, `endedAt` when its answer was written). Whole-ms
 * arrival stamps plus durations are no judge: the stamp is taken once the body has been read, which
 * a busy machine delays, and made answered requests look open.
 */
function overlapProblems(recs) {
	const problems = [];
	for (const [key, group] of groups(recs)) {
		const list = [...group].sort((a, b) => a.arrivedAt - b.arrivedAt);
		for (let i = 1; i < list.length; i++) {
			const prev = list[i - 1];
			if (prev.endedAt === null || list[i].arrivedAt < prev.endedAt) {
				problems.push(`${key}: ${tagOf(list[i])} arrived before ${tagOf(prev)} was answered`);
				break;
			}
		}
	}
	return problems;
}

/** The most requests the sandbox had open at one time. */
function maxInFlight(recs) {
	const events = [];
	for (const r of recs) {
		events.push([r.arrivedAt, 1]);
		events.push([r.endedAt ?? Infinity, -1]);
	}
	events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
	let open = 0;
	let max = 0;
	for (const [, d] of events) {
		open += d;
		max = Math.max(max, open);
	}
	return max;
}

module.exports = { tagOf, postRecords, duplicates, inputOrderProblems, overlapProblems, maxInFlight };
