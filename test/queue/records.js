'use strict';
/*
 * The posts of a queue-mode run and the sandbox's record of them. Every post carries a tag in its
 * message (or its picture URL): "<kind> r<run> i<item>", so a request says which execution and which
 * input item it came from, whatever worker sent it and in whatever order the executions interleaved.
 * The tag is written and read here only (the suite and the queue bench both post with it).
 */
const { overlapsPerIdentity, maxInFlight } = require('../sandbox/records');
const sandboxData = require('../sandbox/data');

const IDENTITIES = sandboxData.identities.filter((i) => i.provider === 'twitter').slice(0, 5).map((i) => i.identity_token);

/**
 * `count` posts for one execution: item i goes to identity i mod 5; `faults` get a sandbox 500 marker
 * instead of the `note`; with `pictures`, each a picture URL carrying its tag too.
 */
function posts(kind, run, count, { faults = [], pictures = false, note = 'queue mode' } = {}) {
	return Array.from({ length: count }, (_, i) => {
		const tag = `${kind} r${String(run).padStart(2, '0')} i${String(i).padStart(3, '0')}`;
		const post = { identity: IDENTITIES[i % IDENTITIES.length], message: faults.includes(i) ? `${tag} __fault:500` : `${tag} · ${note}` };
		if (pictures) post.picture = `https://example.com/queue/${tag.replace(/ /g, '-')}.png`;
		return post;
	});
}

/** { tag: "posts r03 i017", kind, run, item } of a tweet or a picture upload of the queue workflows, else undefined. */
function parts(rec) {
	const push = rec.json?.request?.push;
	const m = /^([a-z]+) r(\d+) i(\d+)/.exec(push?.post?.message ?? '') || /\/([a-z]+)-r(\d+)-i(\d+)\.png$/.exec(push?.picture?.url ?? '');
	return m ? { tag: `${m[1]} r${m[2]} i${m[3]}`, kind: m[1], run: Number(m[2]), item: Number(m[3]) } : undefined;
}

const tagOf = (rec) => parts(rec)?.tag;

/** The tweets of one kind of execution, in the order they reached the sandbox. */
const postRecords = (requests, kind) => requests.filter((r) => r.pathname.endsWith('/twitter/post.json') && parts(r)?.kind === kind);

/** What the sandbox answered for each of `posts` (found by its message), in the posts' order. */
const resultsOf = (recs, posts) => posts.map((p) => recs.find((r) => r.json.request.push.post.message === p.message)?.result);

/** Tags that reached the sandbox more than once. */
function duplicates(recs) {
	const seen = new Map();
	for (const r of recs) seen.set(tagOf(r), (seen.get(tagOf(r)) || 0) + 1);
	return [...seen].filter(([, n]) => n > 1).map(([t, n]) => `${t} ×${n}`);
}

/** Each execution's requests to one identity, in arrival order: [['run R, identity <token start>', records], …]. */
function groups(recs) {
	const map = new Map();
	for (const r of recs) {
		const key = `run ${parts(r).run}, identity ${r.identity.slice(0, 8)}`;
		map.set(key, [...(map.get(key) || []), r]);
	}
	return [...map];
}

/** Where an execution's posts to one identity did not arrive in input order. */
const inputOrderProblems = (recs) =>
	groups(recs).flatMap(([key, list]) => {
		const i = list.findIndex((r, j) => j > 0 && parts(r).item <= parts(list[j - 1]).item);
		return i > 0 ? [`${key}: item ${parts(list[i]).item} arrived after item ${parts(list[i - 1]).item}`] : [];
	});

/** Where one execution had two requests to one identity open at once, by the sandbox's own clock (arrival, answer). */
const overlapProblems = (recs) =>
	groups(recs).flatMap(([key, list]) =>
		overlapsPerIdentity(list).map((o) => `${key}: request ${o.arrived} arrived before request ${o.open} was answered`),
	);

/** The most executions sending at once, each from its first request's arrival to its last answer. */
function executionsAtOnce(recs) {
	const spans = new Map();
	for (const r of recs) {
		const s = spans.get(parts(r).run) || { arrivedAt: Infinity, endedAt: -Infinity };
		spans.set(parts(r).run, { arrivedAt: Math.min(s.arrivedAt, r.arrivedAt), endedAt: Math.max(s.endedAt, r.endedAt ?? Infinity) });
	}
	return maxInFlight([...spans.values()]);
}

module.exports = { posts, tagOf, postRecords, resultsOf, duplicates, inputOrderProblems, overlapProblems, executionsAtOnce };
