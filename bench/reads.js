'use strict';
/*
 * Reading a long list: Twitter → Get Many Tweets with Return All next to n8n's HTTP Request node
 * with its own pagination, reading the same pages of the sandbox (the largest page it allows) for
 * the same identity. Both nodes ask for exactly the same requests; the OneAll node gives one item
 * per tweet, HTTP Request one item per page. Each size is run in pairs, the order alternating.
 */
const { describeRun, newId } = require('../test/harness/n8n');
const { nodeTask, nodeOutput } = require('../test/harness/run-output');
const sandboxData = require('../test/sandbox/data');
const { PULL_PAGE } = require('../test/sandbox/pull');
const { step } = require('./config');
const { CRED } = require('./workloads');
const { runN8n, alternatingPairs } = require('./measure');
const { median, spread, fmt, mib } = require('./lib/stats');

const SIZES = (process.env.BENCH_READ_SIZES || '1000,10000').split(',').map(Number);
const PAIRS = Math.max(1, parseInt(process.env.BENCH_READ_PAIRS || '3', 10) || 3);
const TARGET = 1.0;
const NODE = { oneall: 'Get Many Tweets', http: 'HTTP Request' };
const TWITTER = sandboxData.identities.filter((i) => i.provider === 'twitter').map((i) => i.identity_token);
// One identity per size, so each list is the sandbox's own seed of that length.
const tokenOf = (size) => TWITTER[SIZES.indexOf(size) + 1];
const pathOf = (size) => `/pull/identities/${tokenOf(size)}/twitter/tweets.json`;
/** The sandbox seed these workloads read: `startSandbox({ pullSizes })`. */
const PULL_SIZES = Object.fromEntries(SIZES.map((size) => [tokenOf(size), { tweets: size }]));
/** Pages of the largest size, and the empty page that ends a list of whole pages. */
const pagesOf = (size) => Math.floor(size / PULL_PAGE.max) + 1;

function readWorkflow(size, kind, sandboxUrl) {
	const start = { name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {}, position: [0, 0] };
	const node =
		kind === 'oneall'
			? {
					name: NODE.oneall,
					type: 'n8n-nodes-oneall.oneAll',
					typeVersion: 1,
					parameters: { resource: 'twitter', operation: 'getManyTweets', identityToken: { __rl: true, mode: 'id', value: tokenOf(size) }, returnAll: true, options: {} },
					credentials: { oneAllApi: CRED.oneall },
				}
			: {
					name: NODE.http,
					type: 'n8n-nodes-base.httpRequest',
					typeVersion: 4.2,
					parameters: {
						url: `${sandboxUrl}${pathOf(size)}`,
						authentication: 'genericCredentialType',
						genericAuthType: 'httpBasicAuth',
						sendQuery: true,
						queryParameters: { parameters: [{ name: 'num_tweets', value: String(PULL_PAGE.max) }] },
						sendHeaders: true,
						headerParameters: { parameters: [{ name: 'Accept', value: 'application/json' }] },
						options: {
							pagination: {
								pagination: {
									parameters: { parameters: [{ type: 'qs', name: 'page', value: '={{ $pageCount + 1 }}' }] },
									paginationCompleteWhen: 'other',
									completeExpression: `={{ $response.body.response.result.data.tweets.entries.length < ${PULL_PAGE.max} }}`,
								},
							},
						},
					},
					credentials: { httpBasicAuth: CRED.basic },
				};
	return {
		id: newId(),
		name: `Bench · read ${size} tweets · ${node.name}`,
		nodes: [start, { position: [240, 0], ...node }],
		connections: { Start: { main: [[{ node: node.name, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

async function readRun(ctx, size, kind, wfId) {
	const { instance, sb, tmpDir } = ctx;
	sb.reset();
	sb.setDelay(0);
	const r = await runN8n(instance, tmpDir, ['execute', `--id=${wfId}`, '--rawOutput'], { timeoutMs: 300000 });
	const run = describeRun(r);
	const t = nodeTask(run.result, NODE[kind]);
	const out = nodeOutput(run.result, NODE[kind]) || [];
	const records = sb.requests.filter((rec) => rec.pathname === pathOf(size));
	const problems = [];
	if (!run.ok) problems.push(`run not successful: ${run.error ? run.error.message : `exit ${run.code}`}`);
	const pages = pagesOf(size);
	// HTTP Request writes its query parameters in another order: compare the parameters, not the text.
	const urls = records.map((rec) => `${rec.pathname}?page=${rec.query.page}&num_tweets=${rec.query.num_tweets}&${Object.keys(rec.query).length}`);
	const expected = Array.from({ length: pages }, (_v, i) => `${pathOf(size)}?page=${i + 1}&num_tweets=${PULL_PAGE.max}&2`);
	if (JSON.stringify(urls) !== JSON.stringify(expected)) problems.push(`requests ${JSON.stringify(urls.slice(0, 3))}… (${urls.length}), expected ${pages} pages of ${PULL_PAGE.max}`);
	if (!records.every((rec) => rec.status === 200)) problems.push('a page was not answered 200');
	const entries = kind === 'oneall' ? out.length : out.reduce((n, it) => n + ((it.json.response && it.json.response.result.data.tweets.entries.length) || 0), 0);
	if (entries !== size) problems.push(`${entries} entries out, expected ${size}`);
	const res = { kind, size, ok: !problems.length, problems, nodeMs: t ? t.executionTime : NaN, peakKb: r.preload ? r.preload.vmHwmKb : NaN, items: out.length, requests: records.length };
	res.msPerEntry = res.nodeMs / size;
	step(`read ${size} · ${NODE[kind]}: node ${fmt(res.nodeMs, 0)} ms (${fmt(res.msPerEntry, 4)} ms/entry), peak RSS ${mib(res.peakKb)}, ${res.requests} requests, ${res.items} items${res.ok ? '' : `  PROBLEM: ${problems.join('; ')}`}`);
	return res;
}

/** The workflows to import: for each size, [oneall, http]. */
function readWorkflows(sandboxUrl) {
	return SIZES.map((size) => ({ size, oneall: readWorkflow(size, 'oneall', sandboxUrl), http: readWorkflow(size, 'http', sandboxUrl) }));
}

async function runReads(ctx, workloads) {
	const results = [];
	for (const w of workloads) {
		const time = [];
		const rss = [];
		const runs = await alternatingPairs(PAIRS, (kind) => readRun(ctx, w.size, kind, w[kind].id), (pair) => {
			if (pair.oneall.ok && pair.http.ok) {
				time.push(pair.oneall.nodeMs / pair.http.nodeMs);
				rss.push(pair.oneall.peakKb / pair.http.peakKb);
			}
		});
		const per = (kind) => ({
			msPerEntry: median(runs[kind].map((r) => r.msPerEntry)),
			nodeMs: median(runs[kind].map((r) => r.nodeMs)),
			peakKb: median(runs[kind].map((r) => r.peakKb)),
			items: runs[kind][0].items,
			requests: runs[kind][0].requests,
			ok: runs[kind].every((r) => r.ok),
			problems: [...new Set(runs[kind].flatMap((r) => r.problems))],
		});
		const s = { size: w.size, pages: pagesOf(w.size), oneall: per('oneall'), http: per('http'), time: spread(time), rss: spread(rss), times: time };
		s.met = s.oneall.ok && s.http.ok && s.time.median <= TARGET && s.rss.median <= TARGET;
		step(`read ${w.size}: node time ${fmt(s.time.median, 2)}×, peak RSS ${fmt(s.rss.median, 2)}× HTTP Request`);
		results.push(s);
	}
	return results;
}

/** The report's section. */
function readSection(L, reads) {
	if (!reads || !reads.length) return;
	L.push('', '## Reading a long list', '');
	L.push(`Twitter → Get Many Tweets, Return All, next to the HTTP Request node with its own pagination (page \`{{ $pageCount + 1 }}\`, done when a page has fewer than ${PULL_PAGE.max} tweets), the same identity and pages of ${PULL_PAGE.max}, the largest the sandbox allows; both send the same requests (the same pages and query parameters, in another order). The OneAll node gives one item per tweet, HTTP Request one item per page. Ratio = OneAll / HTTP Request in the same pair of runs, median (min–max); target ≤ ${fmt(TARGET, 2)} for node time and for peak RSS.`);
	L.push('', '| tweets | pages | node | node time (median) | ms / entry | peak RSS (median) | items out | ratio of node times | ratio of peak RSS | |', '|---|---|---|---|---|---|---|---|---|---|');
	for (const s of reads) {
		for (const kind of ['oneall', 'http']) {
			const k = s[kind];
			const ratios = kind === 'oneall' ? [`${fmt(s.time.median, 2)} (${fmt(s.time.min, 2)}–${fmt(s.time.max, 2)}) ×`, `${fmt(s.rss.median, 2)} (${fmt(s.rss.min, 2)}–${fmt(s.rss.max, 2)}) ×`, s.met ? 'met' : '**missed**'] : ['', '', ''];
			L.push(`| ${s.size} | ${s.pages} | ${NODE[kind] === NODE.oneall ? 'OneAll node' : 'HTTP Request node'} | ${fmt(k.nodeMs, 0)} ms | ${fmt(k.msPerEntry, 4)} | ${mib(k.peakKb)} | ${k.items} | ${ratios.join(' | ')} |`);
		}
	}
	const problems = reads.flatMap((s) => [...s.oneall.problems, ...s.http.problems]);
	if (problems.length) L.push('', `Problems: ${[...new Set(problems)].join('; ')}`);
}

module.exports = { PULL_SIZES, readWorkflows, runReads, readSection };
