'use strict';
// Runs (one `n8n execute` process each, with bench/lib/preload.js inside it) and pairs of runs.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { describeRun, nodeTask, nodeOutput } = require('../test/harness/run-output');
const { PULL_PAGE } = require('../test/sandbox/pull');
const { CONFIG, step } = require('./config');
const { NODE, LABEL, orderAndOverlap, indexOf, readPath, readPages } = require('./workloads');
const { median, spread, mapValues, fmt, mib, range } = require('./lib/stats');

const PRELOAD = path.join(__dirname, 'lib', 'preload.js');
let seq = 0;

/** CPU ms the n8n process used between two epoch times, read off the preload's CPU series (NaN without one). */
function cpuBetween(series, fromMs, toMs) {
	const at = (t) => {
		const found = series.findIndex(([ti], k) => k > 0 && ti >= t);
		const i = found > 0 ? found : series.length - 1;
		const [[t0, c0], [t1, c1]] = [series[i - 1], series[i]];
		return t1 === t0 ? c1 : c0 + ((c1 - c0) * Math.min(Math.max(t - t0, 0), t1 - t0)) / (t1 - t0);
	};
	return series ? at(toMs) - at(fromMs) : NaN;
}

// Runs workflow `wfId` once in `n8n execute` with the preload, the sandbox answering after `delay` ms:
// the node's figures, its items, the sandbox's records.
async function execute(ctx, wfId, kind, { delay = 0, timeoutMs = 300000, nodeArgs = [], attribute = false } = {}) {
	ctx.sb.reset();
	ctx.sb.setDelay(delay);
	const preloadOut = path.join(ctx.tmpDir, `preload-${++seq}.json`);
	const r = await ctx.instance.run(['execute', `--id=${wfId}`, '--rawOutput'], {
		nodeArgs: ['--require', PRELOAD, ...nodeArgs],
		env: { BENCH_PRELOAD_OUT: preloadOut, BENCH_ATTRIBUTE_EXPRESSIONS: attribute ? '1' : '0' },
		timeoutMs,
		label: 'bench execute',
	});
	// No file ({}): the process did not reach its exit handlers.
	const preload = fs.existsSync(preloadOut) ? JSON.parse(fs.readFileSync(preloadOut, 'utf8')) : {};
	const run = describeRun(r);
	const t = nodeTask(run.result, NODE[kind]) || {};
	const problems = run.ok ? [] : [`run not successful: ${run.error ? run.error.message : `exit ${run.code}`}`];
	const res = { kind, delay, problems, nodeMs: t.executionTime ?? NaN, startTime: t.startTime ?? NaN, wallMs: r.ms, preload };
	res.peakKb = preload.vmHwmKb ?? NaN;
	res.crashed = run.crashedOnExit ? ' (n8n segfaulted on exit after printing the run; judged by its JSON)' : '';
	return { res, out: nodeOutput(run.result, NODE[kind]) || [], records: ctx.sb.requests.slice() };
}

/** A run of posting workflow `wfId`: counts only if all `items` came out, each reached the sandbox once and was answered 200. */
async function postRun(ctx, { wfId, kind, delay, items, label, nodeArgs, attribute }) {
	const { res, out, records } = await execute(ctx, wfId, kind, { delay, nodeArgs, attribute, timeoutMs: Math.max(300000, items * (delay + 20) * 3) });
	const { problems, preload } = res;
	const counts = preload.counts || {};
	const got = { 'output items': out.length, 'requests at the sandbox': records.length, 'answered 200': records.filter((rec) => rec.status === 200).length };
	for (const [what, n] of Object.entries(got)) if (n !== items) problems.push(`${n} ${what}, expected ${items}`);
	if (new Set(records.map(indexOf)).size !== records.length) problems.push('an item was sent twice');
	if (kind === 'oneall' && !out.every((it) => it.json && it.json.post_id)) problems.push('an output item has no post_id');
	const perItem = (n) => n / items;
	Object.assign(res, orderAndOverlap(records), {
		ok: !problems.length,
		records,
		msPerItem: res.nodeMs / items,
		cpuMsPerItem: cpuBetween(preload.cpuSeries, res.startTime, res.startTime + res.nodeMs) / items,
		// evaluations per item of each expression n8n resolved in the run; with `attribute`, by who asked
		perItem: mapValues(counts.byExpression, perItem),
		perItemByCaller: mapValues(counts.byCaller, (by) => mapValues(by, perItem)),
		loadInN8n: preload.loadInN8n,
	});
	const figures = `node ${fmt(res.nodeMs, 0)} ms (${fmt(res.msPerItem, 3)} ms/item, CPU ${fmt(res.cpuMsPerItem, 3)} ms/item), wall ${fmt(res.wallMs, 0)} ms`;
	step(`${label || LABEL[kind]} @ ${delay} ms: ${figures}, peak RSS ${mib(res.peakKb)}, in flight ≤ ${res.maxInFlight}${res.ok ? '' : `  PROBLEM: ${problems.join('; ')}`}${res.crashed}`);
	return res;
}

/** A read of `size` tweets: counts only if every page was asked for once, answered 200, and every tweet came out. */
async function readRun(ctx, size, kind, wfId) {
	const { res, out, records: all } = await execute(ctx, wfId, kind);
	const { problems } = res;
	const records = all.filter((rec) => rec.pathname === readPath(size));
	// HTTP Request writes its query parameters in another order: compare the parameters, not the text.
	const urls = records.map((rec) => `${rec.pathname}?page=${rec.query.page}&num_tweets=${rec.query.num_tweets}&${Object.keys(rec.query).length}`);
	const expected = Array.from({ length: readPages(size) }, (_v, i) => `${readPath(size)}?page=${i + 1}&num_tweets=${PULL_PAGE.max}&2`);
	if (JSON.stringify(urls) !== JSON.stringify(expected)) problems.push(`requests ${JSON.stringify(urls.slice(0, 3))}… (${urls.length}), expected ${expected.length} pages of ${PULL_PAGE.max}`);
	if (!records.every((rec) => rec.status === 200)) problems.push('a page was not answered 200');
	const entries = kind === 'oneall' ? out.length : out.reduce((n, it) => n + ((it.json.response && it.json.response.result.data.tweets.entries.length) || 0), 0);
	if (entries !== size) problems.push(`${entries} entries out, expected ${size}`);
	Object.assign(res, { size, ok: !problems.length, items: out.length, requests: records.length, msPerEntry: res.nodeMs / size });
	step(`read ${size} · ${LABEL[kind]}: node ${fmt(res.nodeMs, 0)} ms (${fmt(res.msPerEntry, 4)} ms/entry), peak RSS ${mib(res.peakKb)}, ${res.requests} requests, ${res.items} items${res.ok ? '' : `  PROBLEM: ${problems.join('; ')}`}`);
	return res;
}

/** Compares what the sandbox received from both nodes, request by request (matched by item). */
function compareRequests(a, b) {
	const [A, B] = [a, b].map((list) => new Map(list.map((r) => [indexOf(r), r])));
	const fields = (r) => ({ method: r.method, url: r.url, body: r.body, ...Object.fromEntries(Object.entries(r.headers).map(([h, v]) => [`header ${h}`, v])) });
	const show = (f, v) => (f === 'header authorization' ? (v ? '<Basic …>' : 'absent') : JSON.stringify(v));
	const diffs = new Map();
	let identical = 0;
	for (const [i, ra] of A) {
		if (!B.has(i)) {
			diffs.set('missing', `item ${i} only in one run`);
			continue;
		}
		const [fa, fb] = [fields(ra), fields(B.get(i))];
		const differ = [...new Set([...Object.keys(fa), ...Object.keys(fb)])].filter((f) => fa[f] !== fb[f]);
		for (const f of differ) if (!diffs.has(f)) diffs.set(f, `${show(f, fa[f])} vs ${show(f, fb[f])}`);
		if (!differ.length) identical++;
	}
	const sample = A.get(0);
	return { compared: A.size, identical, diffs: [...diffs.entries()], headerNames: sample ? Object.keys(sample.headers).sort() : [], sample };
}

// `count` pairs of runs, OneAll first and HTTP Request first in turn (neither always runs second on a warmer
// machine). Per node: its runs, their medians of `keys`; per key, the ratios of the pairs in which both counted.
async function alternatingPairs(count, runOne, keys) {
	const runs = { oneall: [], http: [] };
	const ratios = Object.fromEntries(keys.map((k) => [k, []]));
	for (let p = 0; p < count; p++) {
		const pair = {};
		for (const kind of p % 2 ? ['http', 'oneall'] : ['oneall', 'http']) runs[kind].push((pair[kind] = await runOne(kind)));
		if (pair.oneall.ok && pair.http.ok) for (const k of keys) ratios[k].push(pair.oneall[k] / pair.http[k]);
	}
	const per = (rs) => ({
		runs: rs,
		...Object.fromEntries(keys.map((k) => [k, median(rs.map((r) => r[k]))])),
		ok: rs.every((r) => r.ok),
		problems: [...new Set(rs.flatMap((r) => r.problems))],
	});
	return { oneall: per(runs.oneall), http: per(runs.http), ratios };
}

/** Pairs of runs of one timed workload: ratios of node times and of CPU times per pair, the first pair's requests compared. */
async function timedPairs(ctx, w) {
	const loadAtStart = os.loadavg()[0];
	const run = (kind) => postRun(ctx, { wfId: w[kind].id, kind, delay: w.delay, items: CONFIG.items, label: `${w.key} ${LABEL[kind]}` });
	const { oneall, http, ratios } = await alternatingPairs(w.pairs, run, ['nodeMs', 'cpuMsPerItem', 'msPerItem', 'wallMs', 'peakKb']);
	const identity = compareRequests(oneall.runs[0].records, http.runs[0].records);
	for (const r of [...oneall.runs, ...http.runs]) r.records = undefined; // free memory
	const ratio = spread(ratios.nodeMs);
	const met = w.target === null ? null : ratio.median <= w.target;
	step(`${w.title}: ratio ${range(ratio)} over ${ratio.n} pairs`);
	const cpuRatios = ratios.cpuMsPerItem;
	return { workload: w, loadAtStart, oneall, http, ratios: ratios.nodeMs, ratio, cpuRatios, cpuRatio: spread(cpuRatios), identity, met };
}

/** Pairs of runs of one read: ratios of node times and of peak memory per pair; target ≤ 1 for both. */
async function readPairs(ctx, w) {
	const { oneall, http, ratios } = await alternatingPairs(CONFIG.readPairs, (kind) => readRun(ctx, w.size, kind, w[kind].id), ['nodeMs', 'peakKb', 'msPerEntry']);
	const s = { size: w.size, pages: readPages(w.size), oneall, http, time: spread(ratios.nodeMs), rss: spread(ratios.peakKb) };
	s.met = oneall.ok && http.ok && s.time.median <= 1 && s.rss.median <= 1;
	step(`read ${w.size}: node time ${fmt(s.time.median, 2)}×, peak RSS ${fmt(s.rss.median, 2)}× HTTP Request`);
	return s;
}

module.exports = { postRun, timedPairs, readPairs };
