'use strict';
/*
 * The workflows the bench runs: what goes in, what the OneAll node and the HTTP Request node are
 * asked to send (the same requests), and what must reach the sandbox for a run to count.
 * Every workflow: Manual Trigger → Edit Fields (raw JSON: the posts) → Split Out → node under test.
 */
const { newId } = require('../test/harness/n8n');
const sandboxData = require('../test/sandbox/data');
const { CONFIG, TARGETS } = require('./config');

const NODE = { oneall: 'OneAll', http: 'HTTP Request' };
const LABEL = { oneall: 'OneAll node', http: 'HTTP Request node' };
const CRED = {
	oneall: { id: 'benchOneAllCred1', name: 'OneAll sandbox (bench)' },
	basic: { id: 'benchBasicCred01', name: 'Basic auth, same keys (bench)' },
};
const TWITTER = sandboxData.identities.filter((i) => i.provider === 'twitter').map((i) => i.identity_token);
const FACEBOOK = sandboxData.named.facebook.identity_token;

/**
 * Timed workloads: each is run in pairs (OneAll, HTTP Request), the order alternating.
 * `target`: the largest ratio of node times OneAll / HTTP Request that meets it (null: reported only).
 */
const TIMED = [
	{
		key: 'fanOut',
		title: `Fan-out: ${CONFIG.items} tweets over 50 identities, identity token from the item`,
		identities: 50,
		tokenFromItem: true,
		delay: 50,
		pairs: CONFIG.fanOutPairs,
		target: 1.25,
	},
	{
		key: 'one0',
		title: `One identity: ${CONFIG.items} tweets, sandbox 0 ms`,
		identities: 1,
		tokenFromItem: false,
		delay: 0,
		pairs: CONFIG.onePairs,
		target: 1.0,
	},
	{
		key: 'one50',
		title: `One identity: ${CONFIG.items} tweets, sandbox 50 ms (sequential by design)`,
		identities: 1,
		tokenFromItem: false,
		delay: 50,
		pairs: CONFIG.slowPairs,
		target: null,
	},
];

/** The expression whose evaluations per item are counted (Additional Fields › Link). */
const COUNTED = {
	key: 'count',
	title: `Facebook › Publish Post, Additional Fields › Link from an expression, ${CONFIG.countItems} items`,
	expression: '={{ $json.url }}',
	limit: TARGETS.additionalFieldEvaluations,
};

const messageOf = (i) => `Bench tweet ${i}`;
const indexOf = (rec) => {
	const m = rec.json && rec.json.request && rec.json.request.push && rec.json.request.push.post;
	const found = m && typeof m.message === 'string' && m.message.match(/^Bench (?:tweet|post) (\d+)$/);
	return found ? Number(found[1]) : -1;
};
const identityOf = (rec) => (rec.pathname.match(/^\/push\/identities\/([^/]+)\//) || [])[1];

function posts(w) {
	return Array.from({ length: CONFIG.items }, (_, i) => ({ identity: TWITTER[i % w.identities], message: messageOf(i) }));
}

function shell(name, items, node) {
	const nodes = [
		{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {}, position: [0, 0] },
		{ name: 'Posts', type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [200, 0], parameters: { mode: 'raw', jsonOutput: JSON.stringify({ posts: items }), options: {} } },
		{ name: 'One Item per Post', type: 'n8n-nodes-base.splitOut', typeVersion: 1, position: [400, 0], parameters: { fieldToSplitOut: 'posts', options: {} } },
		{ position: [600, 0], ...node },
	];
	const connect = (a, b) => ({ [a]: { main: [[{ node: b, type: 'main', index: 0 }]] } });
	return {
		id: newId(),
		name,
		nodes,
		connections: { ...connect('Start', 'Posts'), ...connect('Posts', 'One Item per Post'), ...connect('One Item per Post', node.name) },
		settings: { executionOrder: 'v1' },
	};
}

/** One timed workload's workflow for `kind` ('oneall' | 'http'). */
function timedWorkflow(w, kind, sandboxUrl) {
	const token = w.tokenFromItem ? '={{ $json.identity }}' : TWITTER[0];
	if (kind === 'oneall') {
		return shell(`Bench · ${w.title} · ${LABEL.oneall}`, posts(w), {
			name: NODE.oneall,
			type: 'n8n-nodes-oneall.oneAll',
			typeVersion: 1,
			parameters: {
				resource: 'twitter',
				operation: 'publishTweet',
				identityToken: { __rl: true, mode: 'id', value: token },
				message: '={{ $json.message }}',
				additionalFields: {},
			},
			credentials: { oneAllApi: CRED.oneall },
		});
	}
	// The same POST, URL, headers (Basic auth with the same keys) and JSON body.
	const url = w.tokenFromItem
		? `=${sandboxUrl}/push/identities/{{ $json.identity }}/twitter/post.json`
		: `${sandboxUrl}/push/identities/${token}/twitter/post.json`;
	return shell(`Bench · ${w.title} · ${LABEL.http}`, posts(w), {
		name: NODE.http,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.5,
		parameters: {
			method: 'POST',
			url,
			authentication: 'genericCredentialType',
			genericAuthType: 'httpBasicAuth',
			sendHeaders: true,
			headerParameters: { parameters: [{ name: 'Accept', value: 'application/json' }] },
			sendBody: true,
			specifyBody: 'json',
			jsonBody: '={"request":{"push":{"post":{"message":"{{ $json.message }}"}}}}',
			options: {},
		},
		credentials: { httpBasicAuth: CRED.basic },
	});
}

function countedWorkflow() {
	const items = Array.from({ length: CONFIG.countItems }, (_, i) => ({ message: `Bench post ${i}`, url: `https://example.com/bench/${i}` }));
	return shell(`Bench · ${COUNTED.title}`, items, {
		name: NODE.oneall,
		type: 'n8n-nodes-oneall.oneAll',
		typeVersion: 1,
		parameters: {
			resource: 'facebook',
			operation: 'publishPost',
			identityToken: { __rl: true, mode: 'id', value: FACEBOOK },
			message: '={{ $json.message }}',
			additionalFields: { link: COUNTED.expression },
		},
		credentials: { oneAllApi: CRED.oneall },
	});
}

/**
 * Marks each request as it reaches the sandbox with how many requests were still unanswered at that
 * moment, in all and to its identity (the sandbox sets a record's status when it answers).
 */
function watchArrivals(sb) {
	if (sb.requests.push !== Array.prototype.push) return;
	let open = [];
	sb.requests.push = function (...recs) {
		for (const rec of recs) {
			open = open.filter((r) => r.status === null);
			const identity = identityOf(rec);
			rec.openAtArrival = open.length;
			rec.openForIdentity = open.filter((r) => identityOf(r) === identity).length;
			open.push(rec);
		}
		return Array.prototype.push.apply(this, recs);
	};
}

/**
 * What the sandbox saw: requests in input order per identity, overlaps per identity (a request
 * arriving while an earlier one to the same identity was unanswered), most in flight at once.
 */
function orderAndOverlap(records) {
	const byIdentity = new Map();
	for (const r of records) {
		const id = identityOf(r);
		if (!byIdentity.has(id)) byIdentity.set(id, []);
		byIdentity.get(id).push(r);
	}
	let inOrder = true;
	for (const list of byIdentity.values()) {
		for (let i = 1; i < list.length; i++) if (indexOf(list[i]) < indexOf(list[i - 1])) inOrder = false;
	}
	const overlaps = records.filter((r) => r.openForIdentity > 0).length;
	const maxInFlight = records.reduce((m, r) => Math.max(m, r.openAtArrival + 1), 0);
	return { identities: byIdentity.size, inOrder, overlaps, maxInFlight };
}

module.exports = { TIMED, COUNTED, NODE, LABEL, CRED, TWITTER, timedWorkflow, countedWorkflow, watchArrivals, orderAndOverlap, indexOf };
