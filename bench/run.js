#!/usr/bin/env node
'use strict';
/*
 * `npm run bench` (issue 6): what our node costs next to n8n's own HTTP Request node, and its footprint.
 *
 * Assumes dist/ is built (`npm run build`); packs the package itself. In ONE run, against the local
 * OneAll sandbox (test/sandbox) and a real n8n 2.41.0 on Node 24 (test/e2e/lib harness, cached
 * under ~/.cache/n8n-nodes-oneall; the first run installs it, ~8 min):
 *   1. `npm pack` → tarball size; dist/ size;
 *   2. a fresh n8n user folder with the tarball installed in .n8n/nodes (as users do by hand),
 *      a `oneAllApi` and an `httpBasicAuth` credential holding the same keys;
 *   3. `n8n export:nodes` → size of the node description n8n sends to the editor (after its loader
 *      added its own options and the AI-tool variant);
 *   4. cold load of the built node and credential modules (fresh `node -e` processes, median);
 *   5. for each sandbox delay (0 ms, 50 ms): PAIRS pairs of runs, alternating the order, of the
 *      same N Twitter picture uploads through OneAll › Twitter › Upload Picture and through
 *      HTTP Request v4.5 (POST, same URL, same headers incl. Basic auth, same JSON body), one
 *      `n8n execute` process per run. Per run: the node's executionTime from n8n's run data (ms per
 *      item), the whole `n8n execute` wall time, and the n8n process's peak RSS (VmHWM). The
 *      sandbox's recorded requests of both nodes are compared byte for byte;
 *   6. where the time target is missed: one more run of each node under `--cpu-prof`, and a
 *      breakdown of the node's execution window (who is on the CPU, who waits).
 * Prints the figures and writes bench/results.md.
 *
 * Knobs (environment): BENCH_ITEMS (1000), BENCH_PAIRS (3), BENCH_DELAYS ("0,50"),
 * BENCH_COLD_RUNS (11), BENCH_PROFILE (auto | 1 = always | 0 = never),
 * BENCH_HTTP_BATCHING (1: also one run of HTTP Request with its Batching defaults at each delay > 0),
 * BENCH_OUT (bench/results.md), BENCH_VERBOSE=1 (harness log lines), BENCH_KEEP=1 (keep temp files).
 * Only Node built-ins, the e2e harness and the sandbox are used.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const crypto = require('crypto');
const { spawn, execFileSync } = require('child_process');
const { performance } = require('perf_hooks');

if (!process.env.BENCH_VERBOSE) process.env.N8N_E2E_QUIET = '1';

const { createInstance, describeRun, freePort } = require('../test/e2e/lib/n8n');
const { startSandbox } = require('../test/sandbox/server');
const sandboxData = require('../test/sandbox/data');
const { analyse } = require('./lib/profile');

const ROOT = path.resolve(__dirname, '..');
const PRELOAD = path.join(__dirname, 'lib', 'preload.js');
const PACKAGE = require(path.join(ROOT, 'package.json'));

const int = (v, d) => (v === undefined || v === '' ? d : Math.max(1, parseInt(v, 10) || d));
const CONFIG = {
	items: int(process.env.BENCH_ITEMS, 1000),
	pairs: int(process.env.BENCH_PAIRS, 3),
	delays: (process.env.BENCH_DELAYS || '0,50').split(',').map((s) => Number(s.trim())),
	coldRuns: int(process.env.BENCH_COLD_RUNS, 11),
	profile: process.env.BENCH_PROFILE || 'auto',
	httpBatching: process.env.BENCH_HTTP_BATCHING !== '0',
	out: path.resolve(ROOT, process.env.BENCH_OUT || path.join('bench', 'results.md')),
};

const TARGETS = { ratio: 1.1, tarballBytes: 45437, coldLoadMs: 50 };
const KEYS = { publicKey: 'sandbox-public-key', privateKey: 'sandbox-private-key' };
const TOKEN = sandboxData.named.twitter.identity_token;
const PICTURE = (i) => `https://example.com/bench/picture-${i}.png`;
const NODE_NAME = { oneall: 'OneAll', http: 'HTTP Request', httpBatching: 'HTTP Request' };
const LABEL = {
	oneall: 'OneAll node',
	http: 'HTTP Request node',
	httpBatching: 'HTTP Request, Batching defaults',
};

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

const t0 = performance.now();
function say(line = '') {
	process.stdout.write(`${line}\n`);
}
function step(msg) {
	const s = ((performance.now() - t0) / 1000).toFixed(0).padStart(4);
	process.stderr.write(`[bench ${s}s] ${msg}\n`);
}
const median = (xs) => {
	const a = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((p, q) => p - q);
	if (!a.length) return NaN;
	const m = Math.floor(a.length / 2);
	return a.length % 2 ? a[m] : (a[m - 1] + a[m]) / 2;
};
const fmt = (x, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const mib = (kbytes) => (Number.isFinite(kbytes) ? `${(kbytes / 1024).toFixed(0)} MiB` : 'n/a');
const bytes = (n) => n.toLocaleString('en-US');

/** Directory size: bytes and file count. */
function dirSize(dir) {
	let total = 0;
	let files = 0;
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const p = path.join(dir, entry.name);
		if (entry.isDirectory()) {
			const s = dirSize(p);
			total += s.bytes;
			files += s.files;
		} else if (entry.isFile()) {
			total += fs.statSync(p).size;
			files++;
		}
	}
	return { bytes: total, files };
}

function newestMtime(dir, filter) {
	let newest = 0;
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const p = path.join(dir, entry.name);
		if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p, filter));
		else if (filter(p)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
	}
	return newest;
}

// Every process this script starts runs in its own process group and is tracked here, so that
// nothing survives an interrupted run.
const live = new Set();
function killLive() {
	for (const child of live) {
		try {
			process.kill(-child.pid, 'SIGKILL');
		} catch {
			/* gone */
		}
	}
	live.clear();
}
process.on('exit', killLive);

/** Spawns a process in its own group; resolves to { code, signal, stdout, stderr, ms, timedOut, peakKb }. */
function runProcess(bin, args, { env, cwd, timeoutMs = 900000, pollMemory = false } = {}) {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const child = spawn(bin, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
		live.add(child);
		const out = [];
		const err = [];
		child.stdout.on('data', (c) => out.push(c));
		child.stderr.on('data', (c) => err.push(c));
		let peakKb = null;
		const poll = pollMemory
			? setInterval(() => {
					try {
						const m = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/^VmHWM:\s+(\d+) kB/m);
						if (m) peakKb = Math.max(peakKb || 0, Number(m[1]));
					} catch {
						/* exited */
					}
				}, 100)
			: null;
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				/* gone */
			}
		}, timeoutMs);
		child.on('error', (e) => {
			clearTimeout(timer);
			if (poll) clearInterval(poll);
			live.delete(child);
			reject(e);
		});
		child.on('close', (code, signal) => {
			const ms = performance.now() - started;
			clearTimeout(timer);
			if (poll) clearInterval(poll);
			// n8n's JS task runner is a child in the same group: make sure nothing is left behind.
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				/* group already gone */
			}
			live.delete(child);
			resolve({
				code,
				signal,
				stdout: Buffer.concat(out).toString('utf8'),
				stderr: Buffer.concat(err).toString('utf8'),
				ms,
				timedOut,
				peakKb,
			});
		});
	});
}

// ---------------------------------------------------------------------------------------------
// Workflows
// ---------------------------------------------------------------------------------------------

const CRED = {
	oneall: { id: 'benchOneAllCred1', name: 'OneAll sandbox (bench)' },
	basic: { id: 'benchBasicCred01', name: 'Basic auth, same keys (bench)' },
};
const WF_ID = { oneall: 'benchOneAllWf001', http: 'benchHttpReqWf01', httpBatching: 'benchHttpBatch01' };

/** Manual Trigger → Edit Fields (raw JSON: the N picture URLs) → Split Out → the node under test. */
function workflow(kind, sandboxUrl) {
	const urls = Array.from({ length: CONFIG.items }, (_, i) => PICTURE(i));
	const nodes = [
		{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {}, position: [0, 0] },
		{
			name: 'Pictures',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [200, 0],
			parameters: { mode: 'raw', jsonOutput: JSON.stringify({ url: urls }), options: {} },
		},
		{
			name: 'One Item per Picture',
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			position: [400, 0],
			parameters: { fieldToSplitOut: 'url', options: {} },
		},
	];
	if (kind === 'oneall') {
		nodes.push({
			name: NODE_NAME.oneall,
			type: 'n8n-nodes-oneall.oneAll',
			typeVersion: 1,
			position: [600, 0],
			parameters: {
				resource: 'twitter',
				operation: 'uploadPicture',
				identityToken: { __rl: true, mode: 'id', value: TOKEN },
				pictureUrl: '={{ $json.url }}',
				additionalFields: {},
			},
			credentials: { oneAllApi: CRED.oneall },
		});
	} else {
		const options = {};
		// What a user gets by adding Options › Batching without changing its defaults (50 items / 1 s).
		if (kind === 'httpBatching') options.batching = { batch: { batchSize: 50, batchInterval: 1000 } };
		nodes.push({
			name: NODE_NAME.http,
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.5,
			position: [600, 0],
			parameters: {
				method: 'POST',
				url: `${sandboxUrl}/push/identities/${TOKEN}/twitter/picture.json`,
				authentication: 'genericCredentialType',
				genericAuthType: 'httpBasicAuth',
				sendHeaders: true,
				headerParameters: { parameters: [{ name: 'Accept', value: 'application/json' }] },
				sendBody: true,
				specifyBody: 'json',
				jsonBody: '={"request":{"push":{"picture":{"url":"{{ $json.url }}"}}}}',
				options,
			},
			credentials: { httpBasicAuth: CRED.basic },
		});
	}
	const connect = (a, b) => ({ [a]: { main: [[{ node: b, type: 'main', index: 0 }]] } });
	return {
		id: WF_ID[kind],
		name: `Bench · ${CONFIG.items} Twitter picture uploads · ${LABEL[kind]}`,
		nodes,
		connections: {
			...connect('Start', 'Pictures'),
			...connect('Pictures', 'One Item per Picture'),
			...connect('One Item per Picture', nodes[3].name),
		},
		settings: { executionOrder: 'v1' },
	};
}

// ---------------------------------------------------------------------------------------------
// n8n runs
// ---------------------------------------------------------------------------------------------

let tmpDir;
let runSeq = 0;

/** Runs an n8n CLI command with the preload (peak RSS, clock pair) and optional node flags. */
async function runN8n(instance, args, { nodeArgs = [], timeoutMs, env: extraEnv = {} } = {}) {
	const preloadOut = path.join(tmpDir, `preload-${++runSeq}.json`);
	const env = {
		...instance.env,
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		BENCH_PRELOAD_OUT: preloadOut,
		...extraEnv,
	};
	const r = await runProcess(instance.n8n.nodeBin, ['--require', PRELOAD, ...nodeArgs, instance.n8n.n8nBin, ...args], {
		env,
		cwd: instance.folder,
		timeoutMs,
		pollMemory: true,
	});
	let preload = null;
	try {
		preload = JSON.parse(fs.readFileSync(preloadOut, 'utf8'));
	} catch {
		/* the process did not reach its exit handlers */
	}
	return { ...r, preload };
}

/** Largest number of requests the sandbox had in flight at once, from its records. */
function maxInFlight(records) {
	const ev = [];
	for (const r of records) {
		ev.push([r.startedAt, 1]);
		ev.push([r.startedAt + (r.durationMs || 0), -1]);
	}
	ev.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
	let cur = 0;
	let max = 0;
	for (const [, d] of ev) {
		cur += d;
		if (cur > max) max = cur;
	}
	return max;
}

const pictureOf = (rec) => {
	const url = rec.json && rec.json.request && rec.json.request.push && rec.json.request.push.picture && rec.json.request.push.picture.url;
	const m = typeof url === 'string' && url.match(/picture-(\d+)\.png$/);
	return m ? Number(m[1]) : -1;
};

async function measuredRun(instance, sb, kind, delayMs, { nodeArgs = [], env } = {}) {
	sb.reset();
	sb.setDelay(delayMs);
	const r = await runN8n(instance, ['execute', `--id=${WF_ID[kind]}`, '--rawOutput'], {
		nodeArgs,
		env,
		timeoutMs: Math.max(300000, CONFIG.items * (delayMs + 20) * 3),
	});
	const run = describeRun(r);
	const task = run.result && run.result.data.resultData.runData[NODE_NAME[kind]];
	const t = task && task[0];
	const items = t && t.data && t.data.main && t.data.main[0] ? t.data.main[0].length : 0;
	const records = sb.requests.slice();
	const order = records.map(pictureOf);
	const inOrder = order.every((v, i) => v === i);
	const statuses = {};
	for (const rec of records) statuses[rec.status] = (statuses[rec.status] || 0) + 1;
	const problems = [];
	if (!run.ok) problems.push(`run not successful: ${run.error ? run.error.message : `exit ${run.code}`}`);
	if (items !== CONFIG.items) problems.push(`${items} output items, expected ${CONFIG.items}`);
	if (records.length !== CONFIG.items) problems.push(`sandbox got ${records.length} requests, expected ${CONFIG.items}`);
	if ((statuses[200] || 0) !== CONFIG.items) problems.push(`sandbox statuses ${JSON.stringify(statuses)}`);
	if (kind === 'oneall' && items && !t.data.main[0].every((it) => it.json && it.json.picture_id)) problems.push('an output item has no picture_id');
	const res = {
		kind,
		delayMs,
		ok: problems.length === 0,
		problems,
		nodeMs: t ? t.executionTime : NaN,
		startTime: t ? t.startTime : NaN,
		wallMs: r.ms,
		peakKb: (r.preload && r.preload.vmHwmKb) || r.peakKb,
		preload: r.preload,
		loadInN8n: r.preload ? r.preload.loadInN8n : undefined,
		expressionCounts: r.preload ? r.preload.counts : undefined,
		crashedOnExit: run.crashedOnExit,
		records,
		inOrder,
		maxInFlight: maxInFlight(records),
		sandboxMeanMs: records.length ? records.reduce((s, x) => s + (x.durationMs || 0), 0) / records.length : NaN,
	};
	res.msPerItem = res.nodeMs / CONFIG.items;
	res.wallMsPerItem = res.wallMs / CONFIG.items;
	step(
		`${LABEL[kind]} @ ${delayMs} ms: node ${fmt(res.nodeMs, 0)} ms (${fmt(res.msPerItem, 3)} ms/item), wall ${fmt(res.wallMs, 0)} ms, peak RSS ${mib(res.peakKb)}, in flight ≤ ${res.maxInFlight}${res.ok ? '' : `  PROBLEM: ${problems.join('; ')}`}${run.crashedOnExit ? ' (n8n segfaulted on exit after printing the run; judged by its JSON)' : ''}`,
	);
	return res;
}

/** Compares what the sandbox received from both nodes, request by request (matched by picture). */
function compareRequests(a, b) {
	const norm = (rec) => ({
		method: rec.method,
		url: rec.url,
		headers: Object.fromEntries(Object.entries(rec.headers).sort(([x], [y]) => x.localeCompare(y))),
		body: rec.body,
	});
	const byPic = (recs) => new Map(recs.map((r) => [pictureOf(r), norm(r)]));
	const A = byPic(a);
	const B = byPic(b);
	let identical = 0;
	const diffs = new Map(); // field → example
	for (const [pic, ra] of A) {
		const rb = B.get(pic);
		if (!rb) {
			diffs.set('missing', `picture ${pic} only in one run`);
			continue;
		}
		let same = true;
		for (const f of ['method', 'url', 'body']) {
			if (ra[f] !== rb[f]) {
				same = false;
				if (!diffs.has(f)) diffs.set(f, `${JSON.stringify(ra[f])} vs ${JSON.stringify(rb[f])}`);
			}
		}
		const names = new Set([...Object.keys(ra.headers), ...Object.keys(rb.headers)]);
		for (const h of names) {
			if (ra.headers[h] !== rb.headers[h]) {
				same = false;
				const show = (v) => (h === 'authorization' ? (v ? '<Basic …>' : 'absent') : JSON.stringify(v));
				if (!diffs.has(`header ${h}`)) diffs.set(`header ${h}`, `${show(ra.headers[h])} vs ${show(rb.headers[h])}`);
			}
		}
		if (same) identical++;
	}
	const sample = A.get(0);
	return {
		compared: A.size,
		identical,
		diffs: [...diffs.entries()],
		headerNames: sample ? Object.keys(sample.headers) : [],
		sample,
	};
}

// ---------------------------------------------------------------------------------------------
// Footprint
// ---------------------------------------------------------------------------------------------

function pack() {
	const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', tmpDir], {
		cwd: ROOT,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const info = JSON.parse(out)[0];
	const file = path.join(tmpDir, info.filename);
	return {
		file,
		bytes: fs.statSync(file).size,
		unpackedSize: info.unpackedSize,
		entryCount: info.entryCount,
		largest: [...info.files].sort((x, y) => y.size - x.size).slice(0, 5),
	};
}

// Runs in a fresh `node -e` process: times require() and `new` of our node and credential, in
// wall time and in CPU time of the main thread. Argument 3: load n8n-workflow first (as n8n has);
// argument 4: call localeCompare once first (ICU's collator already initialised).
const COLD_PROBE = `
const { performance } = require('perf_hooks');
const [nodeFile, credFile, withWorkflowFirst, warmIcu] = process.argv.slice(1);
const cpu = () => { const u = process.threadCpuUsage ? process.threadCpuUsage() : process.cpuUsage(); return (u.user + u.system) / 1000; };
const r = {};
let t = performance.now();
if (withWorkflowFirst === '1') { require('n8n-workflow'); r.workflowMs = performance.now() - t; }
if (warmIcu === '1') 'a'.localeCompare('b');
r.fromUs = Number(process.hrtime.bigint() / 1000n);
const c0 = cpu();
t = performance.now(); const N = require(nodeFile); r.nodeRequireMs = performance.now() - t;
t = performance.now(); const node = new N.OneAll(); r.nodeNewMs = performance.now() - t;
t = performance.now(); const C = require(credFile); r.credRequireMs = performance.now() - t;
t = performance.now(); new C.OneAllApi(); r.credNewMs = performance.now() - t;
r.oursCpuMs = cpu() - c0;
r.toUs = Number(process.hrtime.bigint() / 1000n);
r.oursMs = r.nodeRequireMs + r.nodeNewMs + r.credRequireMs + r.credNewMs;
r.ourModules = Object.keys(require.cache).filter((f) => /[\\/]n8n-nodes-oneall[\\/]dist[\\/]/.test(f)).length;
r.properties = node.description.properties.length;
process.stdout.write(JSON.stringify(r));
`;

/** Median load times over `runs` fresh processes. */
async function coldLoad(nodeBin, nodePath, pkgDir, { workflowFirst = true, warmIcu = false, runs = CONFIG.coldRuns, nodeArgs = [] } = {}) {
	const nodeFile = path.join(pkgDir, PACKAGE.n8n.nodes[0]);
	const credFile = path.join(pkgDir, PACKAGE.n8n.credentials[0]);
	const samples = [];
	for (let i = 0; i < runs; i++) {
		const r = await runProcess(
			nodeBin,
			[...nodeArgs, '-e', COLD_PROBE, '--', nodeFile, credFile, workflowFirst ? '1' : '0', warmIcu ? '1' : '0'],
			{ env: { PATH: process.env.PATH, NODE_PATH: nodePath, HOME: process.env.HOME }, cwd: tmpDir, timeoutMs: 60000 },
		);
		if (r.code !== 0) throw new Error(`cold-load probe failed (${nodeBin}):\n${r.stderr}`);
		samples.push(JSON.parse(r.stdout));
	}
	const pick = (k) => median(samples.map((s) => s[k]));
	return {
		runs,
		samples,
		workflowMs: workflowFirst ? pick('workflowMs') : undefined,
		nodeRequireMs: pick('nodeRequireMs'),
		nodeNewMs: pick('nodeNewMs'),
		credRequireMs: pick('credRequireMs'),
		credNewMs: pick('credNewMs'),
		oursMs: pick('oursMs'),
		oursCpuMs: pick('oursCpuMs'),
		minOursMs: Math.min(...samples.map((s) => s.oursMs)),
		maxOursMs: Math.max(...samples.map((s) => s.oursMs)),
		ourModules: samples[0].ourModules,
		properties: samples[0].properties,
	};
}

/** One probe under --cpu-prof (fine interval), analysed over the window of our require + new. */
async function profileColdLoad(nodeBin, nodePath, pkgDir) {
	const dir = path.join(tmpDir, 'prof-cold');
	fs.mkdirSync(dir, { recursive: true });
	const runs = [];
	for (let i = 0; i < 5; i++) {
		const sub = path.join(dir, String(i));
		fs.mkdirSync(sub);
		const c = await coldLoad(nodeBin, nodePath, pkgDir, {
			runs: 1,
			nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${sub}`, '--cpu-prof-interval=50'],
		});
		const file = fs.readdirSync(sub).find((f) => f.endsWith('.cpuprofile'));
		if (file) runs.push(analyse(path.join(sub, file), { fromUs: c.samples[0].fromUs, toUs: c.samples[0].toUs }));
	}
	if (!runs.length) return null;
	// Add the five windows up: more samples, steadier shares.
	const merge = (key) => {
		const m = new Map();
		for (const a of runs) for (const e of a[key]) m.set(e.key, (m.get(e.key) || 0) + e.ms);
		const total = runs.reduce((s, a) => s + a.totalMs, 0);
		return [...m.entries()].sort((x, y) => y[1] - x[1]).map(([k, ms]) => ({ key: k, ms: ms / runs.length, pct: (100 * ms) / total }));
	};
	return {
		runs: runs.length,
		totalMs: runs.reduce((s, a) => s + a.totalMs, 0) / runs.length,
		selfByCategory: merge('selfByCategory'),
		topSelf: merge('topSelf').slice(0, 12),
		topInclusive: merge('topInclusive'),
	};
}

async function descriptionSizes(instance) {
	const file = path.join(tmpDir, 'nodes.json');
	const r = await runN8n(instance, ['export:nodes', `--output=${file}`], { timeoutMs: 180000 });
	if (r.code !== 0 || !fs.existsSync(file)) throw new Error(`n8n export:nodes failed:\n${r.stdout}\n${r.stderr}`);
	// The command ends the stream without waiting for it; give the file a moment to be complete.
	let all;
	for (let i = 0; i < 20; i++) {
		try {
			all = JSON.parse(fs.readFileSync(file, 'utf8'));
			break;
		} catch {
			await new Promise((res) => setTimeout(res, 250));
		}
	}
	if (!all) throw new Error('n8n export:nodes wrote no valid JSON');
	const size = (entry) => {
		const json = JSON.stringify(entry);
		return { name: entry.name, version: entry.version, bytes: Buffer.byteLength(json), gzipBytes: zlib.gzipSync(json).length };
	};
	const ours = all.filter((e) => e.name.startsWith(`${PACKAGE.name}.`)).map(size);
	const http = all
		.filter((e) => e.name === 'n8n-nodes-base.httpRequest')
		.map(size)
		.sort((a, b) => b.bytes - a.bytes);
	const httpAll = http.reduce((s, e) => s + e.bytes, 0);
	const propertiesOf = all.find((e) => e.name === `${PACKAGE.name}.oneAll`);
	return {
		ours,
		http,
		httpAll,
		nodeTypesTotal: all.length,
		properties: propertiesOf ? propertiesOf.properties.length : NaN,
		hasRequestOptions: !!(propertiesOf && propertiesOf.properties.some((p) => p.name === 'requestOptions')),
	};
}

// ---------------------------------------------------------------------------------------------
// Profile
// ---------------------------------------------------------------------------------------------

async function profileRun(instance, sb, kind, delayMs) {
	const dir = path.join(tmpDir, `prof-${kind}-${delayMs}`);
	fs.mkdirSync(dir, { recursive: true });
	const res = await measuredRun(instance, sb, kind, delayMs, {
		nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=250'],
		env: { BENCH_COUNT_EXPRESSIONS: '1' },
	});
	const files = fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
	if (!files.length || !res.preload) return { res, error: 'no profile written (n8n did not exit normally)' };
	// Place the node's execution window (epoch ms in the run data) on the profile's monotonic clock.
	const { epochMs, monoUs } = res.preload.clock;
	const fromUs = monoUs + (res.startTime - epochMs) * 1000;
	const toUs = fromUs + res.nodeMs * 1000;
	const a = analyse(path.join(dir, files[0]), { fromUs, toUs });
	a.windowMs = res.nodeMs;
	return { res, analysis: a, file: path.join(dir, files[0]) };
}

function ourFunctions(analysis) {
	return analysis.topInclusive.filter((f) => f.key.includes(' n8n-nodes-oneall/dist/')).slice(0, 8);
}
function routingFunctions(analysis) {
	return analysis.topInclusive.filter((f) => f.key.includes('routing-node')).slice(0, 8);
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

async function main() {
	tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-oneall-bench-'));
	const loadStart = os.loadavg();
	const machine = {
		cpu: (fs.readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m) || [])[1] || os.cpus()[0].model,
		cores: os.cpus().length,
		memGiB: os.totalmem() / 1024 ** 3,
		systemNode: process.version,
		os: `${os.type()} ${os.release()}`,
	};
	step(`machine: ${machine.cpu}, ${machine.cores} cores; load average ${loadStart.map((x) => x.toFixed(2)).join(' ')}`);

	// ---- dist and tarball
	const distDir = path.join(ROOT, 'dist');
	for (const f of [...PACKAGE.n8n.nodes, ...PACKAGE.n8n.credentials]) {
		if (!fs.existsSync(path.join(ROOT, f))) throw new Error(`${f} is missing: run \`npm run build\` first`);
	}
	const srcNewest = Math.max(
		newestMtime(path.join(ROOT, 'nodes'), (p) => p.endsWith('.ts')),
		newestMtime(path.join(ROOT, 'credentials'), (p) => p.endsWith('.ts')),
	);
	const distNewest = newestMtime(distDir, (p) => p.endsWith('.js'));
	const stale = srcNewest > distNewest;
	if (stale) step('warning: some .ts source is newer than dist/: the figures are for the last build');
	const dist = dirSize(distDir);
	const tarball = pack();
	step(`tarball ${bytes(tarball.bytes)} bytes (${tarball.entryCount} files, unpacked ${bytes(tarball.unpackedSize)}); dist/ ${bytes(dist.bytes)} bytes in ${dist.files} files`);

	// ---- sandbox and n8n
	const sb = await startSandbox({ port: 0, publicKey: KEYS.publicKey, privateKey: KEYS.privateKey });
	let instance;
	const cleanup = async () => {
		killLive();
		if (instance && !process.env.BENCH_KEEP) await instance.cleanup().catch(() => {});
		await sb.close().catch(() => {});
		if (!process.env.BENCH_KEEP) fs.rmSync(tmpDir, { recursive: true, force: true });
	};
	for (const sig of ['SIGINT', 'SIGTERM']) {
		process.once(sig, () => {
			killLive();
			cleanup().finally(() => process.kill(process.pid, sig));
		});
	}
	try {
		step('preparing n8n 2.41.0 (installs it into ~/.cache on the first run)');
		instance = await createInstance({ line: '2', tarball: tarball.file });
		const n8nNode = execFileSync(instance.n8n.nodeBin, ['--version'], { encoding: 'utf8' }).trim();
		await instance.importCredentials([
			{
				...CRED.oneall,
				type: 'oneAllApi',
				data: { subdomain: 'sandbox', publicKey: KEYS.publicKey, privateKey: KEYS.privateKey, baseUrl: sb.url },
			},
			{ ...CRED.basic, type: 'httpBasicAuth', data: { user: KEYS.publicKey, password: KEYS.privateKey } },
		]);
		await instance.importWorkflows([workflow('oneall', sb.url), workflow('http', sb.url), workflow('httpBatching', sb.url)]);
		step('workflows and credentials imported');

		// ---- description n8n sends to the editor
		const desc = await descriptionSizes(instance);
		step(`node description: ${desc.ours.map((d) => `${d.name} ${bytes(d.bytes)} bytes (gzip ${bytes(d.gzipBytes)})`).join(', ')}`);

		// ---- cold load
		const pkgDir = path.join(instance.nodesDir, 'node_modules', PACKAGE.name);
		const nodePath24 = path.join(instance.n8n.dir, 'node_modules');
		const cold = {
			n8n: await coldLoad(instance.n8n.nodeBin, nodePath24, pkgDir),
			n8nWarmIcu: await coldLoad(instance.n8n.nodeBin, nodePath24, pkgDir, { warmIcu: true }),
			n8nAllCold: await coldLoad(instance.n8n.nodeBin, nodePath24, pkgDir, { workflowFirst: false }),
			node20: fs.existsSync(path.join(ROOT, 'node_modules', 'n8n-workflow'))
				? await coldLoad(process.execPath, path.join(ROOT, 'node_modules'), pkgDir)
				: null,
			profile: null,
		};
		step(`cold load (Node ${n8nNode}, n8n-workflow already loaded): ${fmt(cold.n8n.oursMs)} ms; with n8n-workflow's own cold load: ${fmt(cold.n8nAllCold.oursMs)} ms`);

		// ---- time per item, alternating pairs
		const runs = [];
		const extra = [];
		let identity = null;
		for (const delay of CONFIG.delays) {
			for (let p = 0; p < CONFIG.pairs; p++) {
				const order = p % 2 === 0 ? ['oneall', 'http'] : ['http', 'oneall'];
				const pair = {};
				for (const kind of order) {
					const r = await measuredRun(instance, sb, kind, delay);
					r.pair = p;
					pair[kind] = r;
					runs.push(r);
				}
				if (!identity) identity = compareRequests(pair.oneall.records, pair.http.records);
				for (const kind of order) pair[kind].records = undefined; // free memory
			}
			if (CONFIG.httpBatching && delay > 0) {
				const r = await measuredRun(instance, sb, 'httpBatching', delay);
				r.records = undefined;
				extra.push(r);
			}
		}

		// ---- summary per delay
		const summary = CONFIG.delays.map((delay) => {
			const at = runs.filter((r) => r.delayMs === delay);
			const of = (kind) => at.filter((r) => r.kind === kind);
			const ratios = [];
			const wallRatios = [];
			for (let p = 0; p < CONFIG.pairs; p++) {
				const a = at.find((r) => r.kind === 'oneall' && r.pair === p);
				const b = at.find((r) => r.kind === 'http' && r.pair === p);
				if (a && b) {
					ratios.push(a.nodeMs / b.nodeMs);
					wallRatios.push(a.wallMs / b.wallMs);
				}
			}
			const per = (kind) => ({
				msPerItem: median(of(kind).map((r) => r.msPerItem)),
				msPerItemAll: of(kind).map((r) => r.msPerItem),
				wallMs: median(of(kind).map((r) => r.wallMs)),
				wallMsPerItem: median(of(kind).map((r) => r.wallMsPerItem)),
				peakKb: median(of(kind).map((r) => r.peakKb)),
				peakKbMax: Math.max(...of(kind).map((r) => r.peakKb || 0)),
				maxInFlight: Math.max(...of(kind).map((r) => r.maxInFlight)),
				inOrder: of(kind).every((r) => r.inOrder),
				sandboxMeanMs: median(of(kind).map((r) => r.sandboxMeanMs)),
				ok: of(kind).every((r) => r.ok),
				problems: of(kind).flatMap((r) => r.problems),
			});
			return {
				delay,
				oneall: per('oneall'),
				http: per('http'),
				ratios,
				ratio: median(ratios),
				wallRatios,
				wallRatio: median(wallRatios),
				batching: extra.find((r) => r.delayMs === delay),
			};
		});

		// ---- load time inside n8n itself (timed by the preload in every measured run)
		const inN8n = runs.map((r) => r.loadInN8n).filter((l) => l && l.node && l.credential);
		const sumLoad = (l) => l.node.requireMs + (l.node.newMs || 0) + l.credential.requireMs + (l.credential.newMs || 0);
		cold.inN8n = inN8n.length
			? {
					runs: inN8n.length,
					nodeRequireMs: median(inN8n.map((l) => l.node.requireMs)),
					nodeNewMs: median(inN8n.map((l) => l.node.newMs)),
					credRequireMs: median(inN8n.map((l) => l.credential.requireMs)),
					credNewMs: median(inN8n.map((l) => l.credential.newMs)),
					oursMs: median(inN8n.map(sumLoad)),
					minOursMs: Math.min(...inN8n.map(sumLoad)),
					maxOursMs: Math.max(...inN8n.map(sumLoad)),
				}
			: null;

		// ---- targets
		const coldOk = cold.n8n.oursMs < TARGETS.coldLoadMs;
		if (CONFIG.profile === '1' || (CONFIG.profile === 'auto' && !coldOk)) {
			step('profiling the cold load (--cpu-prof, 5 probes)');
			cold.profile = await profileColdLoad(instance.n8n.nodeBin, nodePath24, pkgDir);
		}
		const tarballOk = tarball.bytes <= TARGETS.tarballBytes;
		const ratioOk = summary.map((s) => s.ratio <= TARGETS.ratio);
		const missedTime = ratioOk.some((ok) => !ok);

		// ---- profile where the time target is missed
		let profile = null;
		if (CONFIG.profile === '1' || (CONFIG.profile === 'auto' && missedTime)) {
			const profDelay = CONFIG.delays.includes(0) ? 0 : CONFIG.delays[0];
			step(`profiling one run of each node at ${profDelay} ms (--cpu-prof)`);
			profile = {
				delay: profDelay,
				oneall: await profileRun(instance, sb, 'oneall', profDelay),
				http: await profileRun(instance, sb, 'http', profDelay),
			};
			for (const k of ['oneall', 'http']) if (profile[k].res) profile[k].res.records = undefined;
		}

		const loadEnd = os.loadavg();
		const totalSec = (performance.now() - t0) / 1000;
		const report = renderReport({
			machine,
			n8nNode,
			instance,
			loadStart,
			loadEnd,
			totalSec,
			dist,
			stale,
			tarball,
			desc,
			cold,
			summary,
			identity,
			profile,
			targets: { coldOk, tarballOk, ratioOk },
		});
		fs.mkdirSync(path.dirname(CONFIG.out), { recursive: true });
		fs.writeFileSync(CONFIG.out, report);
		say(report);
		step(`wrote ${path.relative(ROOT, CONFIG.out)}; bench took ${totalSec.toFixed(0)} s`);
		const allRunsOk = summary.every((s) => s.oneall.ok && s.http.ok);
		process.exitCode = allRunsOk && identity && identity.identical === identity.compared ? 0 : 1;
	} finally {
		await cleanup();
	}
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

function renderReport(x) {
	const { machine, summary, tarball, dist, desc, cold, identity, profile, targets } = x;
	const L = [];
	const mark = (ok) => (ok ? 'met' : '**missed**');
	L.push('# Benchmark: OneAll node next to n8n\'s HTTP Request node');
	L.push('');
	L.push(`Written by \`npm run bench\` (bench/run.js) on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; the whole run took ${x.totalSec.toFixed(0)} s.`);
	L.push('');
	L.push('| | |');
	L.push('|---|---|');
	L.push(`| CPU | ${machine.cpu}, ${machine.cores} cores, ${machine.memGiB.toFixed(1)} GiB RAM |`);
	L.push(`| Load average (1/5/15 min) at start / end | ${x.loadStart.map((v) => v.toFixed(2)).join(' / ')} — ${x.loadEnd.map((v) => v.toFixed(2)).join(' / ')} |`);
	L.push(`| n8n | ${x.instance.version} on Node ${x.n8nNode} (npm \`node\` package); SQLite; default expression engine; \`n8n execute --rawOutput\`, one process per run |`);
	L.push(`| System Node (bench, sandbox, npm pack) | ${machine.systemNode} |`);
	L.push(`| Package | ${PACKAGE.name} ${PACKAGE.version}, installed from its packed tarball into \`.n8n/nodes\`${x.stale ? ' (**dist/ older than some sources**)' : ''} |`);
	L.push(`| Workload | ${CONFIG.items} × Twitter › Upload Picture (\`POST /push/identities/<token>/twitter/picture.json\`), local sandbox; ${CONFIG.pairs} pairs per delay, order alternating |`);
	L.push('');
	L.push('## Targets');
	L.push('');
	L.push('| target | figure | |');
	L.push('|---|---|---|');
	summary.forEach((s, i) => {
		L.push(`| time per item ≤ ${TARGETS.ratio} × HTTP Request's (median of pairs), sandbox ${s.delay} ms | ${fmt(s.ratio, 2)} × | ${mark(targets.ratioOk[i])} |`);
	});
	L.push(`| packed tarball ≤ ${bytes(TARGETS.tarballBytes)} bytes | ${bytes(tarball.bytes)} bytes | ${mark(targets.tarballOk)} |`);
	L.push(`| cold load of node + credential < ${TARGETS.coldLoadMs} ms | ${fmt(cold.n8n.oursMs, 1)} ms | ${mark(targets.coldOk)} |`);
	L.push('');
	L.push('## Time per item');
	L.push('');
	L.push('"node" is the node\'s own `executionTime` in n8n\'s run data; "wall" is the whole `n8n execute` process (start-up, loading ~500 node types, the run, saving it, printing it) — mostly fixed cost.');
	L.push('');
	L.push('| sandbox delay | node | ms / item (node, median) | each run | `n8n execute` wall (median) | wall / item | requests in flight at the sandbox (max)¹ | sent in input order | peak RSS of n8n (median / max) |');
	L.push('|---|---|---|---|---|---|---|---|---|');
	for (const s of summary) {
		for (const kind of ['oneall', 'http']) {
			const k = s[kind];
			L.push(
				`| ${s.delay} ms | ${LABEL[kind]} | ${fmt(k.msPerItem, 3)} | ${k.msPerItemAll.map((v) => fmt(v, 3)).join(', ')} | ${fmt(k.wallMs / 1000, 1)} s | ${fmt(k.wallMsPerItem, 2)} ms | ${k.maxInFlight} | ${k.inOrder ? 'yes' : 'no'} | ${mib(k.peakKb)} / ${mib(k.peakKbMax)} |`,
			);
		}
		if (s.batching) {
			const b = s.batching;
			L.push(`| ${s.delay} ms | ${LABEL.httpBatching} (one run, 50 items per 1 s) | ${fmt(b.msPerItem, 3)} | — | ${fmt(b.wallMs / 1000, 1)} s | ${fmt(b.wallMsPerItem, 2)} ms | ${b.maxInFlight} | ${b.inOrder ? 'yes' : 'no'} | ${mib(b.peakKb)} |`);
		}
	}
	L.push('');
	L.push("¹ From the sandbox's records (arrival time in whole ms + duration): 2 can mean one request ending and the next arriving within the same millisecond.");
	L.push('');
	L.push('| sandbox delay | ratio OneAll / HTTP Request, node time (each pair) | median | ratio of wall times (median) |');
	L.push('|---|---|---|---|');
	for (const s of summary) L.push(`| ${s.delay} ms | ${s.ratios.map((r) => fmt(r, 2)).join(', ')} | **${fmt(s.ratio, 2)}** | ${fmt(s.wallRatio, 2)} |`);
	const problems = summary.flatMap((s) => [...s.oneall.problems, ...s.http.problems]);
	if (problems.length) {
		L.push('');
		L.push(`Problems seen: ${[...new Set(problems)].join('; ')}`);
	}
	L.push('');
	L.push('### Identical requests');
	L.push('');
	if (identity) {
		L.push(
			`First pair at ${CONFIG.delays[0]} ms, matched by picture URL: **${identity.identical} of ${identity.compared}** requests identical in method, URL, body and all ${identity.headerNames.length} headers (${identity.headerNames.join(', ')}).`,
		);
		if (identity.diffs.length) {
			L.push('');
			L.push('Differences:');
			for (const [k, v] of identity.diffs) L.push(`- ${k}: OneAll ${v.replace(' vs ', ' / HTTP Request ')}`);
		}
		if (identity.sample) {
			L.push('');
			L.push(`Example: \`${identity.sample.method} ${identity.sample.url}\` with body \`${identity.sample.body}\`.`);
		}
	}
	L.push('');
	L.push('## Footprint');
	L.push('');
	L.push('| | |');
	L.push('|---|---|');
	L.push(`| packed tarball (\`npm pack\`) | ${bytes(tarball.bytes)} bytes (${kb(tarball.bytes)}), ${tarball.entryCount} files, unpacked ${bytes(tarball.unpackedSize)} bytes |`);
	L.push(`| largest files in it | ${tarball.largest.map((f) => `${f.path} ${bytes(f.size)}`).join('; ')} |`);
	L.push(`| \`dist/\` | ${bytes(dist.bytes)} bytes in ${dist.files} files |`);
	for (const d of desc.ours) {
		L.push(`| description n8n sends to the editor: \`${d.name}\` | ${bytes(d.bytes)} bytes of JSON (gzip ${bytes(d.gzipBytes)}) |`);
	}
	const oursTotal = desc.ours.reduce((s, d) => s + d.bytes, 0);
	L.push(`| … both entries together | ${bytes(oursTotal)} bytes (${desc.properties} properties in \`oneAll\`, incl. n8n's \`requestOptions\`: ${desc.hasRequestOptions ? 'yes' : 'no'}) |`);
	if (desc.http.length) {
		L.push(`| for comparison: \`n8n-nodes-base.httpRequest\` | ${desc.http.map((d) => `${bytes(d.bytes)}`).join(' + ')} bytes (${desc.http.length} version entries) |`);
	}
	L.push('');
	L.push('Description sizes are `JSON.stringify` of the entries `n8n export:nodes` writes: the same post-processed types (loader options, AI-tool variant `…Tool`) that the editor fetches as `/types/nodes.json`.');
	L.push('');
	L.push('### Cold load of the built modules');
	L.push('');
	L.push(`Fresh \`node -e\` process per sample, median of ${cold.n8n.runs}: \`require()\` of the module plus \`new\` of its class, which is what n8n's loader does (\`new (require(file).OneAll)()\`), on the files of the installed package (${cold.n8n.ourModules} modules of ours); wall time, and CPU time of the main thread (less disturbed by other processes on a busy machine).`);
	L.push('');
	L.push('| runtime | before our modules | node: require + new | credential: require + new | ours together, wall (min–max) | ours, CPU |');
	L.push('|---|---|---|---|---|---|');
	const row = (label, c, before) =>
		L.push(
			`| ${label} | ${before} | ${fmt(c.nodeRequireMs, 1)} + ${fmt(c.nodeNewMs, 1)} ms | ${fmt(c.credRequireMs, 1)} + ${fmt(c.credNewMs, 1)} ms | **${fmt(c.oursMs, 1)} ms** (${fmt(c.minOursMs, 1)}–${fmt(c.maxOursMs, 1)}) | ${c.oursCpuMs === undefined ? '—' : `${fmt(c.oursCpuMs, 1)} ms`} |`,
		);
	const rt = `Node ${x.n8nNode} + n8n 2.41.0's modules`;
	row(rt, cold.n8n, `n8n-workflow loaded (as in n8n; its own cold load ${fmt(cold.n8n.workflowMs, 0)} ms)`);
	row(rt, cold.n8nWarmIcu, 'n8n-workflow loaded, and one `localeCompare` call made (ICU collator ready)');
	row(rt, cold.n8nAllCold, 'nothing: n8n-workflow\'s cold load counted in the node\'s require');
	if (cold.node20) row(`Node ${machine.systemNode.slice(1)} + repo's n8n-workflow 2.8.0`, cold.node20, `n8n-workflow loaded (its own cold load ${fmt(cold.node20.workflowMs, 0)} ms)`);
	if (cold.inN8n) row(`inside \`n8n execute\` (timed by bench/lib/preload.js around n8n's own loader, median of ${cold.inN8n.runs} runs)`, cold.inN8n, 'what n8n had loaded at start-up');
	L.push('');
	L.push('The target is read on the first row: n8n has loaded n8n-workflow long before it loads any community node.');
	if (cold.profile) {
		const cp = cold.profile;
		L.push('');
		L.push(`**Cold-load profile** (${cp.runs} probes under \`--cpu-prof --cpu-prof-interval=50\`, window = our require + new, ${fmt(cp.totalMs, 1)} ms each on average):`);
		L.push('');
		L.push('| where (self time) | ms per load | % |');
		L.push('|---|---|---|');
		for (const c of cp.selfByCategory.slice(0, 8)) L.push(`| ${c.key} | ${fmt(c.ms, 1)} | ${fmt(c.pct, 1)} |`);
		L.push('');
		L.push('Top functions (self): ' + cp.topSelf.slice(0, 10).map((f) => `\`${f.key}\` ${fmt(f.pct, 1)} %`).join('; ') + '.');
		L.push('');
		L.push('Our code (on stack): ' + cp.topInclusive.filter((f) => f.key.includes(' n8n-nodes-oneall/dist/')).slice(0, 8).map((f) => `\`${f.key}\` ${fmt(f.pct, 1)} %`).join('; ') + '.');
	}

	if (profile) {
		L.push('');
		L.push('## Profile (time target missed)');
		L.push('');
		L.push(`One more run of each node at ${profile.delay} ms under \`node --cpu-prof --cpu-prof-interval=250\`; only the samples inside the node's own execution window (its \`startTime\` + \`executionTime\`, placed on the profiler's clock) are counted. "self" = the sampled function itself; "on stack" = anywhere in the call stack (synchronous part only: after an \`await\` the caller is no longer on the stack).`);
		for (const kind of ['oneall', 'http']) {
			const p = profile[kind];
			L.push('');
			if (!p.analysis) {
				L.push(`**${LABEL[kind]}**: ${p.error}`);
				continue;
			}
			const a = p.analysis;
			const ec = p.res.expressionCounts;
			L.push(`**${LABEL[kind]}**: window ${fmt(p.res.nodeMs, 0)} ms (${fmt(p.res.msPerItem, 3)} ms/item under the profiler), ${fmt(a.totalMs, 0)} ms sampled${ec ? `; n8n evaluated ${bytes(ec.expressions)} expressions in the whole run (${fmt(ec.expressions / CONFIG.items, 1)} per item) and resolved ${bytes(ec.simpleValues)} parameter values (${fmt(ec.simpleValues / CONFIG.items, 1)} per item)` : ''}.`);
			L.push('');
			L.push('| where (self time) | ms | % |');
			L.push('|---|---|---|');
			for (const c of a.selfByCategory.slice(0, 12)) L.push(`| ${c.key} | ${fmt(c.ms, 0)} | ${fmt(c.pct, 1)} |`);
			L.push('');
			if (a.otherUrls.length) L.push(`("other": ${a.otherUrls.map((u) => `${u.key || '(no url)'} ${fmt(u.pct, 1)} %`).join('; ')}.)`, '');
			L.push(`On stack: ${a.inclusiveByCategory.filter((c) => !/^(root|idle|V8|garbage)/.test(c.key)).slice(0, 8).map((c) => `${c.key} ${fmt(c.pct, 1)} %`).join('; ')}.`);
			L.push('');
			L.push('Top functions (self): ' + a.topSelf.slice(0, 10).map((f) => `\`${f.key}\` ${fmt(f.pct, 1)} %`).join('; ') + '.');
			if (kind === 'oneall') {
				L.push('');
				L.push('Our functions (on stack): ' + ourFunctions(a).map((f) => `\`${f.key}\` ${fmt(f.pct, 1)} %`).join('; ') + '.');
				L.push('');
				L.push("n8n's RoutingNode (on stack): " + routingFunctions(a).map((f) => `\`${f.key}\` ${fmt(f.pct, 1)} %`).join('; ') + '.');
			}
		}
	}
	L.push('');
	return `${L.join('\n')}\n`;
}

// For ad-hoc experiments (e.g. a patched build): the building blocks, without running the bench.
module.exports = { workflow, measuredRun, compareRequests, CRED, KEYS, WF_ID, CONFIG, setTmpDir: (d) => (tmpDir = d) };

if (require.main === module) {
	main().catch((err) => {
		process.stderr.write(`${err.stack || err}\n`);
		killLive();
		if (tmpDir && !process.env.BENCH_KEEP) fs.rmSync(tmpDir, { recursive: true, force: true });
		process.exit(1);
	});
}
