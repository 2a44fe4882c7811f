'use strict';
/*
 * Reading the sandbox's record of a queue-mode run. Every post carries a tag in its message (or its
 * picture URL): "<kind> r<run> i<item>", so a request says which execution and which input item
 * it came from, whatever worker sent it and in whatever order the executions interleaved.
 */

const TAG = /^([a-z]+) r(\d+) i(\d+)/;

/** "posts r03 i017" for a tweet or a picture upload of the queue workflows, else undefined. */
function tagOf(rec) {
	const push = rec.json?.request?.push;
	const post = TAG.exec(push?.post?.message ?? '');
	const picture = /\/([a-z]+)-r(\d+)-i(\d+)\.png$/.exec(push?.picture?.url ?? '');
	if (post) return post[0];
	return picture ? `${picture[1]} r${picture[2]} i${picture[3]}` : undefined;
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

/** What the sandbox answered for each of `posts` (found by its message), in the posts' order. */
const resultsOf = (recs, posts) => posts.map((p) => recs.find((r) => r.json.request.push.post.message === p.message)?.result);

/** Tags that reached the sandbox more than once. */
function duplicates(recs) {
	const seen = new Map();
	for (const r of recs) seen.set(tagOf(r), (seen.get(tagOf(r)) || 0) + 1);
	return [...seen].filter(([, n]) => n > 1).map(([t, n]) => `${t} ×${n}`);
}

/**
 * For each execution's requests to one identity, in arrival order (or sorted by `order`), the first
 * pair of neighbours that `bad` flags, told by `text`.
 */
function pairProblems(recs, bad, text, order) {
	const groups = new Map();
	for (const r of recs) {
		const key = `run ${parts(r).run}, identity ${identityOf(r).slice(0, 8)}`;
		groups.set(key, [...(groups.get(key) || []), r]);
	}
	const problems = [];
	for (const [key, group] of groups) {
		const list = order ? [...group].sort(order) : group;
		const i = list.findIndex((r, j) => j > 0 && bad(list[j - 1], r));
		if (i > 0) problems.push(`${key}: ${text(list[i - 1], list[i])}`);
	}
	return problems;
}

/** Where an execution's posts to one identity did not arrive in input order. */
const inputOrderProblems = (recs) =>
	pairProblems(recs, (a, b) => parts(b).item <= parts(a).item, (a, b) => `item ${parts(b).item} arrived after item ${parts(a).item}`);

/**
 * Where one execution had two requests to the same identity open at once, by the sandbox's own
 * clock (`arrivedAt` on arrival, `endedAt` once answered): a stamp taken after the body was read
 * is delayed on a busy machine and makes answered requests look open.
 */
const overlapProblems = (recs) =>
	pairProblems(
		recs,
		(a, b) => a.endedAt === null || b.arrivedAt < a.endedAt,
		(a, b) => `${tagOf(b)} arrived before ${tagOf(a)} was answered`,
		(a, b) => a.arrivedAt - b.arrivedAt,
	);

module.exports = { tagOf, postRecords, resultsOf, duplicates, inputOrderProblems, overlapProblems };
