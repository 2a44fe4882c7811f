'use strict';
/*
 * What `npm run bench` measures and where it writes, from the environment:
 *   BENCH_ITEMS (1000)        items per measured run
 *   BENCH_FANOUT_PAIRS (3)    pairs of runs (OneAll, HTTP Request; order alternating) for the fan-out
 *   BENCH_ONE_PAIRS (5)       pairs for one identity at 0 ms (the tight target: more pairs, spread shown)
 *   BENCH_SLOW_PAIRS (1)      pairs for one identity at 50 ms (sequential by design, ~1 min a run)
 *   BENCH_COUNT_ITEMS (100)   items of the run that counts Additional Fields evaluations
 *   BENCH_COUNT_LINE1 (1)     0: skip the same count in n8n 1.123
 *   BENCH_COLD_RUNS (11)      fresh processes per cold-load figure
 *   BENCH_PROFILE             auto (profile where a time target is missed) | 1 (always) | 0 (never)
 *   BENCH_OUT                 the report (default bench/.work/results.md, untracked;
 *                             `npm run bench:publish` copies it to bench/results.md)
 *   BENCH_VERBOSE=1           the n8n harness's log lines;  BENCH_KEEP=1  keep temp files
 */
const path = require('path');
const { performance } = require('perf_hooks');

const ROOT = path.resolve(__dirname, '..');
const int = (v, d) => (v === undefined || v === '' ? d : Math.max(1, parseInt(v, 10) || d));

const REPORT = path.join(ROOT, 'bench', '.work', 'results.md');
const PUBLISHED = path.join(ROOT, 'bench', 'results.md');

const CONFIG = {
	items: int(process.env.BENCH_ITEMS, 1000),
	fanOutPairs: int(process.env.BENCH_FANOUT_PAIRS, 3),
	onePairs: int(process.env.BENCH_ONE_PAIRS, 5),
	slowPairs: int(process.env.BENCH_SLOW_PAIRS, 1),
	countItems: int(process.env.BENCH_COUNT_ITEMS, 100),
	countOnLine1: process.env.BENCH_COUNT_LINE1 !== '0',
	coldRuns: int(process.env.BENCH_COLD_RUNS, 11),
	profile: process.env.BENCH_PROFILE || 'auto',
	keep: !!process.env.BENCH_KEEP,
	out: process.env.BENCH_OUT ? path.resolve(ROOT, process.env.BENCH_OUT) : REPORT,
};

const TARGETS = { tarballBytes: 45437, coldLoadMs: 50, additionalFieldEvaluations: 2 };
const KEYS = { publicKey: 'sandbox-public-key', privateKey: 'sandbox-private-key' };

const t0 = performance.now();
/** Progress on stderr, with seconds since the start. */
function step(msg) {
	const s = ((performance.now() - t0) / 1000).toFixed(0).padStart(4);
	process.stderr.write(`[bench ${s}s] ${msg}\n`);
}
const elapsedSec = () => (performance.now() - t0) / 1000;

module.exports = { ROOT, REPORT, PUBLISHED, CONFIG, TARGETS, KEYS, PACKAGE: require(path.join(ROOT, 'package.json')), step, elapsedSec };
