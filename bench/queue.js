#!/usr/bin/env node
'use strict';
/*
 * Throughput at scale: 10 production-webhook executions at once, each posting 100 tweets over
 * 5 identities (the queue-mode suite's workload), on
 *   - one n8n process (regular mode),
 *   - n8n in queue mode with 1 worker, then with 2 workers (main + Redis + PostgreSQL),
 * all with PostgreSQL, against the local OneAll sandbox. Per setup and sandbox delay: one warm-up
 * round, then ROUNDS measured rounds; a round is timed from the first webhook call to the last
 * answer; executions that fail are counted and their errors (as n8n stored them) reported.
 *
 *   npm run bench:queue                 (npm run bench runs it after its own part)
 *   BENCH_QUEUE_ROUNDS=2 BENCH_QUEUE_DELAYS=0,50   (the defaults; BENCH_OUT as in bench/config.js)
 *
 * Writes its section of the bench report (between the queue-mode markers, replaced on each run):
 * bench/.work/results.md, untracked, which `npm run bench:publish` makes bench/results.md.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');

if (!process.env.BENCH_VERBOSE) process.env.N8N_E2E_QUIET = '1';

const { packPackage } = require('../test/harness/pack');
const { startQueueMode } = require('../test/harness/queue-mode');
const { stopOnSignals } = require('../test/harness/n8n');
const { startSandbox } = require('../test/sandbox/server');
const sandboxData = require('../test/sandbox/data');
const { queueWorkflows, HOOKS } = require('../test/queue/workflows');
const { postRecords, duplicates } = require('../test/queue/records');

const ROOT = path.resolve(__dirname, '..');
const int = (v, d) => (v === undefined || v === '' ? d : Math.max(1, parseInt(v, 10) || d));
const CONFIG = {
	rounds: int(process.env.BENCH_QUEUE_ROUNDS, 2),
	delays: (process.env.BENCH_QUEUE_DELAYS || '0,50').split(',').map((s) => Number(s.trim())),
	executions: 10,
	items: 100,
	out: require('./config').CONFIG.out,
};
const MARK = { start: '<!-- queue-mode bench: start -->', end: '<!-- queue-mode bench: end -->' };
const KEYS = { publicKey: 'sandbox-public-key', privateKey: 'sandbox-private-key' };
const CREDENTIAL = { id: 'benchQueueCred01', name: 'OneAll sandbox' };
const IDENTITIES = sandboxData.identities.filter((i) => i.provider === 'twitter').slice(0, 5).map((i) => i.identity_token);

const t0 = Date.now();
const step = (msg) => process.stderr.write(`[bench:queue ${((Date.now() - t0) / 1000).toFixed(0).padStart(4)}s] ${msg}\n`);

/** The tag's kind for a round: letters only ("bencha", "benchb", …), as the sandbox records read them. */
const kindOf = (round) => `bench${String.fromCharCode(97 + round)}`;

function roundInput(round) {
	return Array.from({ length: CONFIG.executions }, (_, r) =>
		Array.from({ length: CONFIG.items }, (_, i) => ({
			identity: IDENTITIES[i % IDENTITIES.length],
			message: `${kindOf(round)} r${String(r).padStart(2, '0')} i${String(i).padStart(3, '0')} · queue bench`,
		})),
	);
}

/**
 * One round: all executions at once. Returns its wall time, the executions that succeeded, the
 * distinct posts the sandbox got, and what n8n said about any execution that failed.
 */
async function round(cluster, sandbox, n) {
	sandbox.reset();
	const before = cluster.executions().reduce((m, e) => Math.max(m, Number(e.id)), 0);
	const runs = roundInput(n);
	const started = Date.now();
	const answers = await Promise.all(runs.map((p) => cluster.webhook(HOOKS.posts, { posts: p })));
	const ms = Date.now() - started;
	const ok = answers.filter((a) => a.status === 200 && Array.isArray(a.body) && a.body.length === CONFIG.items).length;
	const recs = postRecords(sandbox.requests, kindOf(n));
	const twice = duplicates(recs).length;
	const failures = ok === runs.length ? [] : cluster.failures(before);
	return { ms, ok, posts: recs.length - twice, twice, failures };
}

async function measure(label, cluster, sandbox, results) {
	for (const delay of CONFIG.delays) {
		sandbox.setDelay(delay);
		const warm = await round(cluster, sandbox, 0);
		const rounds = [];
		for (let n = 1; n <= CONFIG.rounds; n++) rounds.push(await round(cluster, sandbox, n));
		const all = [warm, ...rounds];
		const mid = rounds.slice().sort((p, q) => p.ms - q.ms)[Math.floor((rounds.length - 1) / 2)];
		const row = {
			label,
			delay,
			rounds,
			warm,
			executionsPerMinute: (mid.ok * 60000) / mid.ms,
			postsPerSecond: mid.posts / (mid.ms / 1000),
			failed: all.reduce((t, r) => t + (CONFIG.executions - r.ok), 0),
			twice: all.reduce((t, r) => t + r.twice, 0),
			errors: [...new Set(all.flatMap((r) => r.failures.map((f) => f.error || f.status)))],
			roundsRun: all.length,
		};
		results.push(row);
		step(`${label}, ${delay} ms: rounds ${rounds.map((r) => `${(r.ms / 1000).toFixed(1)} s (${r.ok} ok)`).join(', ')} → ${row.executionsPerMinute.toFixed(0)} executions/min, ${row.postsPerSecond.toFixed(0)} posts/s${row.failed ? `; ${row.failed} executions failed: ${row.errors.join(' | ')}` : ''}`);
	}
	sandbox.setDelay(0);
}

function render(results, info) {
	const L = [];
	L.push(MARK.start);
	L.push('## Queue mode: 10 webhook executions × 100 posts at once');
	L.push('');
	L.push(`Written by \`npm run bench:queue\` (bench/queue.js) on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; it took ${((Date.now() - t0) / 1000).toFixed(0)} s. ${info.cpus}; load average ${info.loadStart} at start, ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')} at the end.`);
	L.push('');
	L.push(`Workload: ${CONFIG.executions} production-webhook calls at once, each one execution of ${CONFIG.items} Twitter posts over 5 identities (Webhook → Split Out → OneAll Publish Tweet, the webhook answering with all results). n8n ${info.version} on Node 24, PostgreSQL ${info.pg} for every setup, Redis ${info.redis} for queue mode, worker concurrency 10 (n8n's default), everything on the same machine as the sandbox. A round is timed from the first call to the last answer; one warm-up round, then ${CONFIG.rounds} measured rounds, of which the median one counts (of an even number, the faster of the middle two).`);
	L.push('');
	L.push('| setup | sandbox delay | executions / min | posts / s | each round: seconds (executions that succeeded) | executions failed, all rounds incl. warm-up |');
	L.push('|---|---|---|---|---|---|');
	for (const r of results) {
		L.push(`| ${r.label} | ${r.delay} ms | **${r.executionsPerMinute.toFixed(0)}** | **${r.postsPerSecond.toFixed(0)}** | ${r.rounds.map((x) => `${(x.ms / 1000).toFixed(1)} (${x.ok})`).join(', ')} | ${r.failed} of ${r.roundsRun * CONFIG.executions}${r.errors.length ? `: ${r.errors.map((e) => `"${e}"`).join(', ')}` : ''} |`);
	}
	const twice = results.reduce((t, r) => t + r.twice, 0);
	L.push('');
	L.push(`Executions per minute counts the executions that succeeded in the counted round; posts per second counts the distinct posts the sandbox received in it. Posts received twice, all rounds: ${twice}.`);
	L.push('');
	L.push('Within one execution the node sends one identity\'s posts one at a time and different identities in parallel, so with a 50 ms answer an execution of 100 posts over 5 identities needs at least 20 × 50 ms = 1 s; executions run side by side on a worker (up to its concurrency) and on different workers.');
	L.push(MARK.end);
	return `${L.join('\n')}\n`;
}

function writeSection(section) {
	let text = fs.existsSync(CONFIG.out) ? fs.readFileSync(CONFIG.out, 'utf8') : '';
	const a = text.indexOf(MARK.start);
	const b = text.indexOf(MARK.end);
	if (a !== -1 && b > a) text = text.slice(0, a) + section.trimEnd() + text.slice(b + MARK.end.length);
	else text = `${text.trimEnd()}\n\n${section}`;
	fs.writeFileSync(CONFIG.out, text.endsWith('\n') ? text : `${text}\n`);
}

async function runQueueBench() {
	const info = { cpus: `${os.cpus().length} × ${os.cpus()[0].model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`, loadStart: os.loadavg().map((l) => l.toFixed(2)).join(' / ') };
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oneall-bench-queue-pack-'));
	const { tgz } = packPackage(dir);
	const sandbox = await startSandbox({ port: 0, ...KEYS });
	const credential = { ...CREDENTIAL, type: 'oneAllApi', data: { subdomain: 'sandbox', ...KEYS, baseUrl: sandbox.url } };
	const workflows = [queueWorkflows(CREDENTIAL).posts];
	const results = [];
	let cluster;
	try {
		step('one n8n process (regular mode, PostgreSQL)');
		cluster = await startQueueMode({ tarball: tgz, mode: 'regular', credentials: [credential], workflows });
		Object.assign(info, { version: cluster.version, pg: cluster.pg.version.replace(/^.*PostgreSQL\) /, '') });
		await measure('one n8n process', cluster, sandbox, results);
		await cluster.stop();
		cluster = undefined;

		step('queue mode, main + 1 worker');
		cluster = await startQueueMode({ tarball: tgz, workers: 1, credentials: [credential], workflows });
		info.redis = cluster.redis.version;
		await measure('queue mode, 1 worker', cluster, sandbox, results);
		step('adding a second worker');
		await cluster.addWorker();
		await measure('queue mode, 2 workers', cluster, sandbox, results);
	} finally {
		if (cluster) await cluster.stop();
		await sandbox.close();
		fs.rmSync(dir, { recursive: true, force: true });
	}
	writeSection(render(results, info));
	step(`wrote its section of ${path.relative(ROOT, CONFIG.out)}`);
	return results;
}

module.exports = { runQueueBench };

if (require.main === module) {
	stopOnSignals();
	runQueueBench().catch((err) => {
		process.stderr.write(`${err.stack || err}\n`);
		process.exit(1);
	});
}
