'use strict';
/*
 * What the matrix cases check over the sandbox's records and n8n's items. Each case tags its
 * posts with `[<key>]` in the text (and `/<key>/` in picture URLs), and runs in a batch beside the
 * other cases, so a case's requests are those that carry its tag.
 */
const { fail, show, assertEqual, outputOf, pairedIndexes } = require('../../harness/suite');
const { overlapsPerIdentity } = require('../../sandbox/server');
const { DEFAULT_FAULT_INFO } = require('../../sandbox/faults');
const { checkAllAuth } = require('../../harness/secrets');

const MSG_500 = `OneAll error 500: ${DEFAULT_FAULT_INFO[500]}`;
const MSG_429 = `OneAll error 429: ${DEFAULT_FAULT_INFO[429]}`;
const MSG_TIMEOUT = 'Could not reach OneAll: the request timed out';
const MSG_CERTIFICATE = "Could not reach OneAll: the server's certificate is not trusted (DEPTH_ZERO_SELF_SIGNED_CERT)";

const tagged = (requests, key) => requests.filter((r) => r.body.includes(`[${key}]`) || r.body.includes(`/${key}/`));

const messageOf = (rec) => {
	try {
		return rec.json.request.push.post.message;
	} catch {
		return undefined;
	}
};
const posts = (requests) => requests.filter((r) => /\/twitter\/post\.json$/.test(r.pathname));

/** [message, status] of each post, in the order they reached the sandbox (status null: never answered). */
const sent = (requests) => posts(requests).map((r) => [messageOf(r), r.status]);

/** The exact posts, in arrival order, each with the suite's credential. */
function expectSent(requests, expected) {
	assertEqual(sent(requests), expected, 'posts that reached the sandbox ([message, status])');
	checkAllAuth(requests);
}

/** Posts per identity in arrival order, never two open at once for one identity. */
function expectOrderedPerIdentity(requests, expectedByIdentity) {
	const got = {};
	for (const r of posts(requests)) (got[r.identity] = got[r.identity] || []).push(messageOf(r));
	const want = {};
	for (const [token, messages] of Object.entries(expectedByIdentity)) want[token.toLowerCase()] = messages;
	assertEqual(got, want, 'posts per identity, in arrival order');
	const overlaps = overlapsPerIdentity(requests);
	if (overlaps.length) fail(`${overlaps.length} overlapping request pair(s) for one identity, e.g. ${show(overlaps[0])}`);
}

/** The most requests the sandbox had open at once (over all identities). */
function maxOpen(requests) {
	const events = [];
	for (const r of requests) {
		events.push([r.arrivedAt, 1]);
		events.push([r.endedAt === null ? Infinity : r.endedAt, -1]);
	}
	events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
	let open = 0;
	let max = 0;
	for (const [, d] of events) max = Math.max(max, (open += d));
	return max;
}

/** The OneAll result the sandbox gave for the post with this message (exactly one such 200 post). */
function resultFor(requests, message) {
	const found = posts(requests).filter((r) => messageOf(r) === message && r.status === 200);
	if (found.length !== 1) fail(`${found.length} successful posts of ${show(message)}`);
	return found[0].result;
}

/**
 * A node output, item by item: `expected` lists, per item, { post: message } (OneAll's result of
 * that post), { error: text } (an error item) or { json } (exactly this), with its pairedItem.
 */
function expectItems(run, node, outputIndex, requests, expected) {
	const items = outputOf(run, node, outputIndex);
	if (items.length !== expected.length) fail(`${node} output ${outputIndex}: ${items.length} items, expected ${expected.length}: ${show(items.map((i) => i.json))}`);
	expected.forEach((want, i) => {
		const item = items[i];
		if (want.post !== undefined) assertEqual(item.json, resultFor(requests, want.post), `${node} output ${outputIndex} item ${i} json`);
		else if (want.error !== undefined) assertEqual(item.json, { error: want.error }, `${node} output ${outputIndex} item ${i} json`);
		else assertEqual(item.json, want.json, `${node} output ${outputIndex} item ${i} json`);
	});
	assertEqual(
		pairedIndexes(items),
		expected.map((w) => w.paired),
		`${node} output ${outputIndex} pairedItem`,
	);
	return items;
}

module.exports = {
	MSG_500,
	MSG_429,
	MSG_TIMEOUT,
	MSG_CERTIFICATE,
	tagged,
	messageOf,
	posts,
	sent,
	expectSent,
	expectOrderedPerIdentity,
	maxOpen,
	resultFor,
	expectItems,
};
