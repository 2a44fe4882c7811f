#!/usr/bin/env node
'use strict';
/*
 * Queue mode (test/README.md): the packed package in n8n 2.41 with main, two workers, Redis and
 * PostgreSQL, against the local sandbox, whose record is the judge. This file starts and stops them; the
 * cases (what is posted, what is checked) are in ./queue.cases.js, the workflows in ./workflows.cases.js.
 *   npm run build && node test/queue/run.js       (npm test runs it after test/e2e/run.js)
 *   N8N_E2E_VERBOSE=1 …    the harness's own log lines;   N8N_E2E_KEEP=1 …   keep the folders
 *   N8N_QUEUE_BULL_DEFAULTS=1 …   n8n's own lock and stalled-check timings (the kill case then takes ~2 min)
 */
const path = require('path');

if (!process.env.N8N_E2E_VERBOSE) process.env.N8N_E2E_QUIET = '1';

const { stopOnSignals } = require('../harness/n8n');
const { packToTemp, PACKAGE } = require('../harness/pack');
const { startQueueMode } = require('../harness/queue-mode');
const { createReport, fail, assertEqual, secs } = require('../harness/checks');
const { KEYS } = require('../harness/secrets');
const { startSandbox } = require('../sandbox/server');
const { queueWorkflows } = require('./workflows.cases');
const { CASES } = require('./queue.cases');

const CREDENTIAL = { id: 'queueSandboxCr01', name: 'OneAll sandbox (queue mode)' };

// Bull's defaults (lock 60 s, stalled check every 30 s) take up to 1.5 min to notice a dead worker;
// shorter here so the worker-kill case fits the suite.
const QUEUE_TIMING = process.env.N8N_QUEUE_BULL_DEFAULTS
	? {}
	: { QUEUE_WORKER_LOCK_DURATION: '10000', QUEUE_WORKER_LOCK_RENEW_TIME: '2000', QUEUE_WORKER_STALLED_INTERVAL: '5000' };
// n8n reads the credential from the database for every request: with its default pool of 2, several
// 100-item executions side by side on a busy CPU time out connecting (docs/running-at-scale.md).
const DB_POOL = { DB_POSTGRESDB_POOL_SIZE: '10' };

const report = createReport();
const { check, say } = report;

// The harness ends n8n, Redis and PostgreSQL and removes the folders (queue-mode.js's cleanup).
stopOnSignals(() => say('\n# interrupted: stopped n8n, Redis and PostgreSQL'));

async function main() {
	const t0 = Date.now();
	report.setScope('[setup]');
	let sandbox;
	let cluster;
	try {
		const { tgz } = packToTemp('queue', check);
		sandbox = await startSandbox({ port: 0, publicKey: KEYS.publicKey, privateKey: KEYS.privateKey });
		const credential = { ...CREDENTIAL, type: 'oneAllApi', data: { subdomain: 'sandbox', publicKey: KEYS.publicKey, privateKey: KEYS.privateKey, baseUrl: sandbox.url } };
		const wfs = queueWorkflows(CREDENTIAL);
		cluster = await startQueueMode({ tarball: tgz, workers: 2, credentials: [credential], workflows: Object.values(wfs), env: { ...QUEUE_TIMING, ...DB_POOL }, monitorRedis: true });
		const t = cluster.timings;
		report.setScope(`[n8n ${cluster.version} queue mode]`);
		check(`Redis ${cluster.redis.version}, ${cluster.pg.version.replace(/^postgres \(PostgreSQL\) /, 'PostgreSQL ')}, main and 2 workers ready`, () =>
			`${secs(t.total)}: Redis + PostgreSQL ${secs(t.services)}, package + imports ${secs(t.imports)}, main ${secs(t.main)} and workers ${secs(t.workers)} started side by side, webhooks registered ${secs(t.webhooks)} later`,
		);
		check('main and each worker has the tarball installed in its own .n8n/nodes, as users install it', () => {
			const folders = [cluster.mainInstance, ...cluster.workers.map((w) => w.instance)].map((i) => i.nodesDir);
			assertEqual(new Set(folders).size, 3, 'distinct .n8n/nodes folders');
			// require() throws with the path of a package.json that is missing.
			const versions = folders.map((f) => require(path.join(f, 'node_modules', PACKAGE.name, 'package.json')).version);
			assertEqual(versions, Array(3).fill(PACKAGE.version), 'installed versions');
		});
		for (const runCase of CASES) await runCase({ report, cluster, sandbox, wfs });
	} catch (err) {
		check('the suite ran to its end', () => fail(err.stack || String(err)));
	} finally {
		if (cluster) await cluster.stop();
		if (sandbox) await sandbox.close();
	}
	report.setScope('');
	say(`# total ${secs(Date.now() - t0)}`);
	report.close();
}

main();
