'use strict';
/*
 * The bench's knobs, from the environment (defaults here); the report's last line lists those of its
 * run. BENCH_OUT: the report (default bench/.work/results.md, untracked; `npm run bench:publish`
 * copies it to bench/results.md). BENCH_VERBOSE=1: the harness's log lines; BENCH_KEEP=1: keep temp files.
 */
const path = require('path');
const { performance } = require('perf_hooks');
const { ROOT, PACKAGE } = require('../test/harness/pack');

const env = process.env;
if (!env.BENCH_VERBOSE) env.N8N_E2E_QUIET = '1';
const int = (v, d) => (v === undefined || v === '' ? d : Math.max(1, parseInt(v, 10) || d));
const numbers = (v, d) => (v || d).split(',').map((s) => Number(s.trim()));

const CONFIG = {
	items: int(env.BENCH_ITEMS, 1000),
	fanOutPairs: int(env.BENCH_FANOUT_PAIRS, 3),
	onePairs: int(env.BENCH_ONE_PAIRS, 5),
	slowPairs: int(env.BENCH_SLOW_PAIRS, 1),
	countItems: int(env.BENCH_COUNT_ITEMS, 100),
	countOnLine1: env.BENCH_COUNT_LINE1 !== '0',
	coldRuns: int(env.BENCH_COLD_RUNS, 11),
	readSizes: numbers(env.BENCH_READ_SIZES, '1000,10000'),
	readPairs: int(env.BENCH_READ_PAIRS, 3),
	queueRounds: int(env.BENCH_QUEUE_ROUNDS, 2),
	queueDelays: numbers(env.BENCH_QUEUE_DELAYS, '0,50'),
	profile: env.BENCH_PROFILE || 'auto', // auto: profile where a time target is missed; 1: always; 0: never
	keep: !!env.BENCH_KEEP,
	out: path.resolve(ROOT, env.BENCH_OUT || 'bench/.work/results.md'),
};

const TARGETS = { tarballBytes: 45437, coldLoadMs: 50, additionalFieldEvaluations: 2 };
const KEYS = { publicKey: 'sandbox-public-key', privateKey: 'sandbox-private-key' };

const elapsedSec = () => performance.now() / 1000; // since the process started
/** Progress on stderr, with seconds since the start. */
const step = (msg) => process.stderr.write(`[bench ${elapsedSec().toFixed(0).padStart(4)}s] ${msg}\n`);

module.exports = { ROOT, CONFIG, TARGETS, KEYS, PACKAGE, step, elapsedSec };
