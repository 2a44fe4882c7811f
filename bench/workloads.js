'use strict';
// The workflows the bench runs, the OneAll node and n8n's HTTP Request node asked to send the same
// requests, and what the sandbox saw of them.
const { newId } = require('../test/harness/n8n');
const { manualTrigger, tweet, workflow } = require('../test/harness/workflow');
const { overlapsPerIdentity, maxInFlight } = require('../test/sandbox/records');
const { messageOf } = require('../test/e2e/matrix/expect');
const sandboxData = require('../test/sandbox/data');
const { PULL_PAGE } = require('../test/sandbox/pull');
const { CONFIG, TARGETS } = require('./config');

const NODE = { oneall: 'OneAll', http: 'HTTP Request' };
const LABEL = { oneall: 'OneAll node', http: 'HTTP Request node' };
const CRED = {
	oneall: { id: 'benchOneAllCred1', name: 'OneAll sandbox (bench)' },
	basic: { id: 'benchBasicCred01', name: 'Basic auth, same keys (bench)' },
};
const TWITTER = sandboxData.identities.filter((i) => i.provider === 'twitter').map((i) => i.identity_token);

// Each run in pairs (OneAll, HTTP Request); `target`: the largest ratio of node times OneAll / HTTP
// Request that meets it (null: reported only). More than one identity: the token comes from the item.
const TIMED = [
	{ key: 'fanOut', identities: 50, delay: 50, pairs: CONFIG.fanOutPairs, target: 1.25 },
	{ key: 'one0', identities: 1, delay: 0, pairs: CONFIG.onePairs, target: 1.0 },
	{ key: 'one50', identities: 1, delay: 50, pairs: CONFIG.slowPairs, target: null },
];
TIMED[0].title = `Fan-out: ${CONFIG.items} tweets over 50 identities, identity token from the item`;
TIMED[1].title = `One identity: ${CONFIG.items} tweets, sandbox 0 ms`;
TIMED[2].title = `One identity: ${CONFIG.items} tweets, sandbox 50 ms (sequential by design)`;

/** The expression whose evaluations per item are counted (Additional Fields › Link). */
const COUNTED = {
	title: `Facebook › Publish Post, Additional Fields › Link from an expression, ${CONFIG.countItems} items`,
	expression: '={{ $json.url }}',
	limit: TARGETS.additionalFieldEvaluations,
};

/** The item a post came from, by its message ("Bench tweet 7"), else -1. */
const indexOf = (rec) => {
	const found = /^Bench (?:tweet|post) (\d+)$/.exec(messageOf(rec) ?? '');
	return found ? Number(found[1]) : -1;
};

const oneAll = (parameters) => ({ name: NODE.oneall, type: 'n8n-nodes-oneall.oneAll', typeVersion: 1, parameters, credentials: { oneAllApi: CRED.oneall } });
const identityToken = (value) => ({ __rl: true, mode: 'id', value });

/** n8n's HTTP Request node with Basic auth (the same keys) and `Accept: application/json`, as OneAll asks. */
function httpRequest(typeVersion, parameters) {
	const accept = { parameters: [{ name: 'Accept', value: 'application/json' }] };
	const auth = { authentication: 'genericCredentialType', genericAuthType: 'httpBasicAuth' };
	const all = { ...auth, sendHeaders: true, headerParameters: accept, options: {}, ...parameters };
	return { name: NODE.http, type: 'n8n-nodes-base.httpRequest', typeVersion, parameters: all, credentials: { httpBasicAuth: CRED.basic } };
}

/** Manual Trigger → Edit Fields (raw JSON: the posts) → Split Out → `node`. */
function posting(name, items, node) {
	const nodes = [
		manualTrigger(),
		{ name: 'Posts', type: 'n8n-nodes-base.set', typeVersion: 3.4, parameters: { mode: 'raw', jsonOutput: JSON.stringify({ posts: items }), options: {} } },
		{ name: 'One Item per Post', type: 'n8n-nodes-base.splitOut', typeVersion: 1, parameters: { fieldToSplitOut: 'posts', options: {} } },
		node,
	];
	return workflow(newId(), name, nodes, [['Start', 'Posts'], ['Posts', 'One Item per Post'], ['One Item per Post', node.name]]);
}

/** One timed workload's workflow for `kind` ('oneall' | 'http'). */
function timedWorkflow(w, kind, sandboxUrl) {
	const posts = Array.from({ length: CONFIG.items }, (_, i) => ({ identity: TWITTER[i % w.identities], message: `Bench tweet ${i}` }));
	const token = w.identities > 1 ? '={{ $json.identity }}' : TWITTER[0];
	const url = `${w.identities > 1 ? '=' : ''}${sandboxUrl}/push/identities/${w.identities > 1 ? '{{ $json.identity }}' : token}/twitter/post.json`;
	const jsonBody = '={"request":{"push":{"post":{"message":"{{ $json.message }}"}}}}';
	const node =
		kind === 'oneall'
			? tweet(NODE.oneall, { identity: token, message: '={{ $json.message }}', credentials: { oneAllApi: CRED.oneall } })
			: httpRequest(4.5, { method: 'POST', url, sendBody: true, specifyBody: 'json', jsonBody });
	return posting(`Bench · ${w.title} · ${LABEL[kind]}`, posts, node);
}

function countedWorkflow() {
	const items = Array.from({ length: CONFIG.countItems }, (_, i) => ({ message: `Bench post ${i}`, url: `https://example.com/bench/${i}` }));
	const post = { identityToken: identityToken(sandboxData.named.facebook.identity_token), message: '={{ $json.message }}', additionalFields: { link: COUNTED.expression } };
	return posting(`Bench · ${COUNTED.title}`, items, oneAll({ resource: 'facebook', operation: 'publishPost', ...post }));
}

// Reads: one identity per size, so each list is the sandbox's own seed of that length, read in pages
// of the largest size the sandbox allows; a list of whole pages ends with an empty one.
const readToken = (size) => TWITTER[CONFIG.readSizes.indexOf(size) + 1];
const readPath = (size) => `/pull/identities/${readToken(size)}/twitter/tweets.json`;
const readPages = (size) => Math.floor(size / PULL_PAGE.max) + 1;
/** The sandbox seed the reads need: `startSandbox({ pullSizes })`. */
const PULL_SIZES = Object.fromEntries(CONFIG.readSizes.map((size) => [readToken(size), { tweets: size }]));

function readWorkflow(size, kind, sandboxUrl) {
	const pagination = {
		parameters: { parameters: [{ type: 'qs', name: 'page', value: '={{ $pageCount + 1 }}' }] },
		paginationCompleteWhen: 'other',
		completeExpression: `={{ $response.body.response.result.data.tweets.entries.length < ${PULL_PAGE.max} }}`,
	};
	const query = { parameters: [{ name: 'num_tweets', value: String(PULL_PAGE.max) }] };
	const node =
		kind === 'oneall'
			? oneAll({ resource: 'twitter', operation: 'getManyTweets', identityToken: identityToken(readToken(size)), returnAll: true, options: {} })
			: httpRequest(4.2, { url: `${sandboxUrl}${readPath(size)}`, sendQuery: true, queryParameters: query, options: { pagination: { pagination } } });
	return workflow(newId(), `Bench · read ${size} tweets · ${LABEL[kind]}`, [manualTrigger(), node], [['Start', node.name]]);
}

/** Each timed workload and each read with its two workflows (`oneall`, `http`). */
function workloads(sandboxUrl) {
	const both = (make) => ({ oneall: make('oneall'), http: make('http') });
	return {
		timed: TIMED.map((w) => ({ ...w, ...both((kind) => timedWorkflow(w, kind, sandboxUrl)) })),
		reads: CONFIG.readSizes.map((size) => ({ size, ...both((kind) => readWorkflow(size, kind, sandboxUrl)) })),
	};
}

// What the sandbox saw: whether each identity's requests arrived in input order, overlaps (requests
// arriving while an earlier one to the same identity was unanswered), the most in flight at once.
function orderAndOverlap(records) {
	const last = new Map();
	let inOrder = true;
	for (const r of records) {
		if (indexOf(r) < (last.get(r.identity) ?? -1)) inOrder = false;
		last.set(r.identity, indexOf(r));
	}
	return { identities: last.size, inOrder, overlaps: overlapsPerIdentity(records).length, maxInFlight: maxInFlight(records) };
}

module.exports = { COUNTED, NODE, LABEL, CRED, PULL_SIZES, workloads, countedWorkflow, readPath, readPages, orderAndOverlap, indexOf };
