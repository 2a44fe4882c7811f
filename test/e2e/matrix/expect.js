'use strict';
/*
 * What the matrix cases check over the sandbox's records and n8n's items. Each case tags its
 * posts with `[<key>]` in the text (and `/<key>/` in picture URLs), and runs in a batch beside the
 * other cases, so a case's requests are those that carry its tag.
 */
const { fail, show, assertEqual, assertMatch, outputOf, pairedIndexes } = require('../../harness/suite');
const { overlapsPerIdentity, maxInFlight: maxOpen } = require('../../sandbox/records');
const { checkAllAuth } = require('../../harness/secrets');

/**
 * The stable part of the node's error message for an HTTP status ('500': "OneAll error 500:") or a
 * transport code ('ETIMEDOUT': "Could not reach OneAll: … timed out"; any other code, such as
 * 'DEPTH_ZERO_SELF_SIGNED_CERT': "Could not reach OneAll: … (<code>)"). The full texts are pinned
 * once, by jest (test/unit/errors.test.js, test/hardening/faults.test.js).
 */
function messageHas(code) {
	if (/^\d{3}$/.test(code)) return new RegExp(`OneAll error ${code}:`);
	return new RegExp(`Could not reach OneAll: .*${code === 'ETIMEDOUT' ? 'timed out' : `\\(${code}\\)`}`);
}

const tagged = (requests, key) => requests.filter((r) => r.body.includes(`[${key}]`) || r.body.includes(`/${key}/`));
const messageOf = (rec) => rec.json?.request?.push?.post?.message;
const posts = (requests) => requests.filter((r) => /\/twitter\/post\.json$/.test(r.pathname));

/** The exact posts ([message, status]) in arrival order (status null: never answered), each with the suite's credential. */
function expectSent(requests, expected) {
	assertEqual(posts(requests).map((r) => [messageOf(r), r.status]), expected, 'posts that reached the sandbox ([message, status])');
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

/** The OneAll result the sandbox gave for the post with this message (exactly one such 200 post). */
function resultFor(requests, message) {
	const found = posts(requests).filter((r) => messageOf(r) === message && r.status === 200);
	if (found.length !== 1) fail(`${found.length} successful posts of ${show(message)}`);
	return found[0].result;
}

/**
 * A node output, item by item: `expected` lists, per item, { post: message } (OneAll's result of
 * that post), { error: RegExp } (an error item: only `error`, matching), or { json } (exactly this),
 * with its pairedItem.
 */
function expectItems(run, node, outputIndex, requests, expected) {
	const items = outputOf(run, node, outputIndex);
	if (items.length !== expected.length) fail(`${node} output ${outputIndex}: ${items.length} items, expected ${expected.length}: ${show(items.map((i) => i.json))}`);
	expected.forEach((want, i) => {
		const what = `${node} output ${outputIndex} item ${i} json`;
		const json = items[i].json;
		if (want.post !== undefined) assertEqual(json, resultFor(requests, want.post), what);
		else if (want.error === undefined) assertEqual(json, want.json, what);
		else {
			assertEqual(Object.keys(json), ['error'], `${what} keys`);
			assertMatch(json.error, want.error, `${what} .error`);
		}
	});
	assertEqual(pairedIndexes(items), expected.map((w) => w.paired), `${node} output ${outputIndex} pairedItem`);
	return items;
}

module.exports = { messageHas, tagged, messageOf, posts, expectSent, expectOrderedPerIdentity, maxOpen, expectItems };
