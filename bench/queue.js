#!/usr/bin/env node
'use strict';
/*
 * `npm run bench:queue` (`npm run bench` runs it after its own part): the queue-mode suite's workload on one
 * n8n process, then in queue mode with 1 and 2 workers; its section of the bench report is replaced on each run.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { ROOT, CONFIG, KEYS, step, elapsedSec } = require('./config');
const { packToTemp } = require('../test/harness/pack');
const { startQueueMode } = require('../test/harness/queue-mode');
const { stopOnSignals } = require('../test/harness/n8n');
const { startSandbox } = require('../test/sandbox/server');
const { queueWorkflows, HOOKS } = require('../test/queue/workflows.cases');
const { posts, postRecords, duplicates } = require('../test/queue/records');

const EXECUTIONS = 10;
const ITEMS = 100;
const MARK = { start: '<!-- queue-mode bench: start -->', end: '<!-- queue-mode bench: end -->' };
const CREDENTIAL = { id: 'benchQueueCred01', name: 'OneAll sandbox' };

/** One round: all executions at once; its time, the executions that succeeded, the distinct posts, why any failed. */
async function round(cluster, sandbox, n) {
	sandbox.reset();
	const before = cluster.executions().reduce((m, e) => Math.max(m, Number(e.id)), 0);
	// Tags "<kind> r<run> i<item>", the kind letters only ("bencha", "benchb", …), as the sandbox records read them.
	const kind = `bench${String.fromCharCode(97 + n)}`;
	const t0 = Date.now();
	const answers = await Promise.all(Array.from({ length: EXECUTIONS }, (_, r) => cluster.webhook(HOOKS.posts, { posts: posts(kind, r, ITEMS, { note: 'queue bench' }) })));
	const ms = Date.now() - t0;
	const ok = answers.filter((a) => a.status === 200 && Array.isArray(a.body) && a.body.length === ITEMS).length;
	const recs = postRecords(sandbox.requests, kind);
	const twice = duplicates(recs).length;
	return { ms, ok, posts: recs.length - twice, twice, failures: ok === EXECUTIONS ? [] : cluster.failures(before) };
}

async function measure(label, cluster, sandbox, results) {
	for (const delay of CONFIG.queueDelays) {
		sandbox.setDelay(delay);
		const all = [];
		for (let n = 0; n <= CONFIG.queueRounds; n++) all.push(await round(cluster, sandbox, n));
		const rounds = all.slice(1);
		// Of an even number, the faster of the middle two.
		const mid = rounds.slice().sort((p, q) => p.ms - q.ms)[Math.floor((rounds.length - 1) / 2)];
		const row = { label, delay, rounds, executionsPerMinute: (mid.ok * 60000) / mid.ms, postsPerSecond: mid.posts / (mid.ms / 1000), roundsRun: all.length };
		row.failed = all.reduce((t, r) => t + (EXECUTIONS - r.ok), 0);
		row.twice = all.reduce((t, r) => t + r.twice, 0);
		row.errors = [...new Set(all.flatMap((r) => r.failures.map((f) => f.error || f.status)))];
		results.push(row);
		const each = rounds.map((r) => `${(r.ms / 1000).toFixed(1)} s (${r.ok} ok)`).join(', ');
		const failed = row.failed ? `; ${row.failed} executions failed: ${row.errors.join(' | ')}` : '';
		step(`${label}, ${delay} ms: rounds ${each} → ${row.executionsPerMinute.toFixed(0)} executions/min, ${row.postsPerSecond.toFixed(0)} posts/s${failed}`);
	}
	sandbox.setDelay(0);
}

function render(results, info) {
	const L = [MARK.start, '## Queue mode: 10 webhook executions × 100 posts at once', ''];
	const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
	const end = os.loadavg().map((l) => l.toFixed(2)).join(' / ');
	L.push(`Written by \`npm run bench:queue\` (bench/queue.js) on ${date} UTC; it took ${elapsedSec().toFixed(0)} s. ${info.cpus}; load average ${info.loadStart} at start, ${end} at the end.`, '');
	L.push(`Workload: ${EXECUTIONS} production-webhook calls at once, each one execution of ${ITEMS} Twitter posts over 5 identities (Webhook → Split Out → OneAll Publish Tweet, the webhook answering with all results). n8n ${info.version} on Node 24, PostgreSQL ${info.pg} for every setup, Redis ${info.redis} for queue mode, worker concurrency 10 (n8n's default), everything on the same machine as the sandbox. A round is timed from the first call to the last answer; one warm-up round, then ${CONFIG.queueRounds} measured rounds, of which the median one counts (of an even number, the faster of the middle two).`, '');
	L.push('| setup | sandbox delay | executions / min | posts / s | each round: seconds (executions that succeeded) | executions failed, all rounds incl. warm-up |');
	L.push('|---|---|---|---|---|---|');
	for (const r of results) {
		const each = r.rounds.map((x) => `${(x.ms / 1000).toFixed(1)} (${x.ok})`).join(', ');
		const errors = r.errors.length ? `: ${r.errors.map((e) => `"${e}"`).join(', ')}` : '';
		L.push(`| ${r.label} | ${r.delay} ms | **${r.executionsPerMinute.toFixed(0)}** | **${r.postsPerSecond.toFixed(0)}** | ${each} | ${r.failed} of ${r.roundsRun * EXECUTIONS}${errors} |`);
	}
	L.push('', `Executions per minute counts the executions that succeeded in the counted round; posts per second counts the distinct posts the sandbox received in it. Posts received twice, all rounds: ${results.reduce((t, r) => t + r.twice, 0)}.`, '');
	L.push("Within one execution the node sends one identity's posts one at a time and different identities in parallel, so with a 50 ms answer an execution of 100 posts over 5 identities needs at least 20 × 50 ms = 1 s; executions run side by side on a worker (up to its concurrency) and on different workers.");
	L.push(MARK.end);
	return L.join('\n');
}

/** Replaces the section between the markers in the report, or appends it. */
function writeSection(section) {
	let text = fs.existsSync(CONFIG.out) ? fs.readFileSync(CONFIG.out, 'utf8') : '';
	const a = text.indexOf(MARK.start);
	const b = text.indexOf(MARK.end);
	text = a !== -1 && b > a ? text.slice(0, a) + section + text.slice(b + MARK.end.length) : `${text.trimEnd()}\n\n${section}`;
	fs.mkdirSync(path.dirname(CONFIG.out), { recursive: true });
	fs.writeFileSync(CONFIG.out, text.endsWith('\n') ? text : `${text}\n`);
}

async function runQueueBench() {
	const info = { cpus: `${os.cpus().length} × ${os.cpus()[0].model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`, loadStart: os.loadavg().map((l) => l.toFixed(2)).join(' / ') };
	const { tgz } = packToTemp('bench-queue');
	const sandbox = await startSandbox({ port: 0, ...KEYS });
	const options = { tarball: tgz, credentials: [{ ...CREDENTIAL, type: 'oneAllApi', data: { subdomain: 'sandbox', ...KEYS, baseUrl: sandbox.url } }], workflows: [queueWorkflows(CREDENTIAL).posts] };
	const results = [];
	// On a failure the harness's exit cleanup stops what is still running.
	step('one n8n process (regular mode, PostgreSQL)');
	let cluster = await startQueueMode({ ...options, mode: 'regular' });
	Object.assign(info, { version: cluster.version, pg: cluster.pg.version.replace(/^.*PostgreSQL\) /, '') });
	await measure('one n8n process', cluster, sandbox, results);
	await cluster.stop();
	step('queue mode, main + 1 worker');
	cluster = await startQueueMode({ ...options, workers: 1 });
	info.redis = cluster.redis.version;
	await measure('queue mode, 1 worker', cluster, sandbox, results);
	step('adding a second worker');
	await cluster.addWorker();
	await measure('queue mode, 2 workers', cluster, sandbox, results);
	await cluster.stop();
	await sandbox.close();
	writeSection(render(results, info));
	step(`wrote its section of ${path.relative(ROOT, CONFIG.out)}`);
}

stopOnSignals();
runQueueBench().catch((err) => {
	process.stderr.write(`${err.stack || err}\n`);
	process.exit(1);
});
