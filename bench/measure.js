'use strict';
/*
 * Timed runs: one `n8n execute` process per run (the e2e harness), with bench/lib/preload.js
 * inside it (peak memory, n8n's own load of our modules, expression evaluations by expression).
 * A run counts only if every item came out and every request reached the sandbox and was answered 200.
 */
const fs = require('fs');
const path = require('path');
const { describeRun } = require('../test/harness/n8n');
const { nodeTask, nodeOutput } = require('../test/harness/run-output');
const { CONFIG, step } = require('./config');
const { NODE, LABEL, watchArrivals, orderAndOverlap, indexOf } = require('./workloads');
const { median, spread, fmt, mib } = require('./lib/stats');

const PRELOAD = path.join(__dirname, 'lib', 'preload.js');
let seq = 0;

/** An n8n CLI command with the preload; resolves to the harness's result plus `preload` (its JSON). */
async function runN8n(instance, tmpDir, args, { nodeArgs = [], timeoutMs, attribute = false } = {}) {
	const preloadOut = path.join(tmpDir, `preload-${++seq}.json`);
	const r = await instance.run(args, {
		nodeArgs: ['--require', PRELOAD, ...nodeArgs],
		env: { BENCH_PRELOAD_OUT: preloadOut, BENCH_COUNT_EXPRESSIONS: '1', BENCH_ATTRIBUTE_EXPRESSIONS: attribute ? '1' : '0' },
		timeoutMs,
		label: `bench ${args[0]}`,
	});
	let preload = null;
	try {
		preload = JSON.parse(fs.readFileSync(preloadOut, 'utf8'));
	} catch {
		/* the process did not reach its exit handlers */
	}
	return { ...r, preload };
}

/** CPU ms the n8n process used between two epoch times, read off the preload's CPU series. */
function cpuBetween(series, fromMs, toMs) {
	if (!series || series.length < 2 || !Number.isFinite(fromMs) || !Number.isFinite(toMs)) return NaN;
	const at = (t) => {
		let i = 1;
		while (i < series.length - 1 && series[i][0] < t) i++;
		const [t0, c0] = series[i - 1];
		const [t1, c1] = series[i];
		return t1 === t0 ? c1 : c0 + ((c1 - c0) * Math.min(Math.max(t - t0, 0), t1 - t0)) / (t1 - t0);
	};
	return at(toMs) - at(fromMs);
}

/**
 * Runs workflow `wfId` once with the sandbox answering after `delay` ms.
 * `expectItems`: items in and out; `oneall`: whether output items must carry a OneAll id.
 */
async function measuredRun(ctx, { wfId, kind, delay, expectItems, label, nodeArgs, attribute }) {
	const { instance, sb, tmpDir } = ctx;
	watchArrivals(sb);
	sb.reset();
	sb.setDelay(delay);
	const r = await runN8n(instance, tmpDir, ['execute', `--id=${wfId}`, '--rawOutput'], {
		nodeArgs,
		attribute,
		timeoutMs: Math.max(300000, expectItems * (delay + 20) * 3),
	});
	const run = describeRun(r);
	const t = nodeTask(run.result, NODE[kind]);
	const out = nodeOutput(run.result, NODE[kind]) || [];
	const records = sb.requests.slice();
	const statuses = {};
	for (const rec of records) statuses[rec.status] = (statuses[rec.status] || 0) + 1;
	const problems = [];
	if (!run.ok) problems.push(`run not successful: ${run.error ? run.error.message : `exit ${run.code}`}`);
	if (out.length !== expectItems) problems.push(`${out.length} output items, expected ${expectItems}`);
	if (records.length !== expectItems) problems.push(`sandbox got ${records.length} requests, expected ${expectItems}`);
	if ((statuses[200] || 0) !== expectItems) problems.push(`sandbox statuses ${JSON.stringify(statuses)}`);
	if (new Set(records.map(indexOf)).size !== records.length) problems.push('an item was sent twice');
	if (kind === 'oneall' && !out.every((it) => it.json && it.json.post_id)) problems.push('an output item has no post_id');
	const counts = r.preload && r.preload.counts;
	const res = {
		kind,
		delay,
		ok: problems.length === 0,
		problems,
		nodeMs: t ? t.executionTime : NaN,
		startTime: t ? t.startTime : NaN,
		wallMs: r.ms,
		peakKb: r.preload ? r.preload.vmHwmKb : NaN,
		preload: r.preload,
		loadInN8n: r.preload ? r.preload.loadInN8n : undefined,
		// evaluations per item of each expression string n8n resolved in the whole run
		perItem: counts ? Object.fromEntries(Object.entries(counts.byExpression).map(([e, n]) => [e, n / expectItems])) : {},
		// with `attribute`: the same per item, split by who asked for the evaluation
		perItemByCaller: counts
			? Object.fromEntries(Object.entries(counts.byCaller || {}).map(([e, by]) => [e, Object.fromEntries(Object.entries(by).map(([who, n]) => [who, n / expectItems]))]))
			: {},
		crashedOnExit: run.crashedOnExit,
		records,
		...orderAndOverlap(records),
	};
	res.msPerItem = res.nodeMs / expectItems;
	res.cpuMsPerItem = cpuBetween(r.preload && r.preload.cpuSeries, res.startTime, res.startTime + res.nodeMs) / expectItems;
	if (res.preload) res.preload.cpuSeries = undefined;
	step(
		`${label || LABEL[kind]} @ ${delay} ms: node ${fmt(res.nodeMs, 0)} ms (${fmt(res.msPerItem, 3)} ms/item, CPU ${fmt(res.cpuMsPerItem, 3)} ms/item), wall ${fmt(res.wallMs, 0)} ms, peak RSS ${mib(res.peakKb)}, in flight ≤ ${res.maxInFlight}${res.ok ? '' : `  PROBLEM: ${problems.join('; ')}`}${run.crashedOnExit ? ' (n8n segfaulted on exit after printing the run; judged by its JSON)' : ''}`,
	);
	return res;
}

/** Compares what the sandbox received from both nodes, request by request (matched by item). */
function compareRequests(a, b) {
	const norm = (rec) => ({
		method: rec.method,
		url: rec.url,
		headers: Object.fromEntries(Object.entries(rec.headers).sort(([x], [y]) => (x < y ? -1 : 1))),
		body: rec.body,
	});
	const byItem = (recs) => new Map(recs.map((r) => [indexOf(r), norm(r)]));
	const A = byItem(a);
	const B = byItem(b);
	let identical = 0;
	const diffs = new Map();
	for (const [i, ra] of A) {
		const rb = B.get(i);
		if (!rb) {
			diffs.set('missing', `item ${i} only in one run`);
			continue;
		}
		let same = true;
		for (const f of ['method', 'url', 'body']) {
			if (ra[f] !== rb[f]) {
				same = false;
				if (!diffs.has(f)) diffs.set(f, `${JSON.stringify(ra[f])} vs ${JSON.stringify(rb[f])}`);
			}
		}
		for (const h of new Set([...Object.keys(ra.headers), ...Object.keys(rb.headers)])) {
			if (ra.headers[h] !== rb.headers[h]) {
				same = false;
				const show = (v) => (h === 'authorization' ? (v ? '<Basic …>' : 'absent') : JSON.stringify(v));
				if (!diffs.has(`header ${h}`)) diffs.set(`header ${h}`, `${show(ra.headers[h])} vs ${show(rb.headers[h])}`);
			}
		}
		if (same) identical++;
	}
	const sample = A.get(0);
	return { compared: A.size, identical, diffs: [...diffs.entries()], headerNames: sample ? Object.keys(sample.headers) : [], sample };
}

/**
 * `count` pairs of runs, OneAll then HTTP Request and the other way round in turn, so neither
 * always runs second on a warmer machine; `onPair` sees each pair as soon as it is complete.
 * @returns {Promise<{ oneall: object[], http: object[] }>} each kind's runs in order
 */
async function alternatingPairs(count, runOne, onPair) {
	const runs = { oneall: [], http: [] };
	for (let p = 0; p < count; p++) {
		const order = p % 2 === 0 ? ['oneall', 'http'] : ['http', 'oneall'];
		const pair = {};
		for (const kind of order) runs[kind].push((pair[kind] = await runOne(kind)));
		onPair(pair);
	}
	return runs;
}

/** Pairs of runs of one timed workload, the order alternating; ratios of node times per pair. */
async function runPairs(ctx, w, ids) {
	const ratios = [];
	const cpuRatios = [];
	let identity = null;
	const run = (kind) => measuredRun(ctx, { wfId: ids[kind], kind, delay: w.delay, expectItems: CONFIG.items, label: `${w.key} ${LABEL[kind]}` });
	const runs = await alternatingPairs(w.pairs, run, (pair) => {
		if (pair.oneall.ok && pair.http.ok) {
			ratios.push(pair.oneall.nodeMs / pair.http.nodeMs);
			cpuRatios.push(pair.oneall.cpuMsPerItem / pair.http.cpuMsPerItem);
		}
		if (!identity) identity = compareRequests(pair.oneall.records, pair.http.records);
		pair.oneall.records = pair.http.records = undefined; // free memory
	});
	const per = (kind) => {
		const rs = runs[kind];
		return {
			msPerItem: median(rs.map((r) => r.msPerItem)),
			msPerItemAll: rs.map((r) => r.msPerItem),
			cpuMsPerItem: median(rs.map((r) => r.cpuMsPerItem)),
			wallMs: median(rs.map((r) => r.wallMs)),
			peakKb: median(rs.map((r) => r.peakKb)),
			maxInFlight: Math.max(...rs.map((r) => r.maxInFlight)),
			identities: rs[0] ? rs[0].identities : 0,
			inOrder: rs.every((r) => r.inOrder),
			overlaps: Math.max(...rs.map((r) => r.overlaps)),
			perItem: rs[0] ? rs[0].perItem : {},
			ok: rs.every((r) => r.ok),
			problems: [...new Set(rs.flatMap((r) => r.problems))],
			loadInN8n: rs.map((r) => r.loadInN8n),
		};
	};
	const ratio = spread(ratios);
	return { workload: w, oneall: per('oneall'), http: per('http'), ratios, ratio, cpuRatios, cpuRatio: spread(cpuRatios), identity, met: w.target === null ? null : ratio.median <= w.target };
}

module.exports = { runN8n, measuredRun, runPairs, alternatingPairs, compareRequests };
