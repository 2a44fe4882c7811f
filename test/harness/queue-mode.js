'use strict';
/*
 * n8n in queue mode: a main process (webhooks, editor), N workers, Redis and PostgreSQL, started on free
 * ports and stopped by stop() (or when the test process ends). Every process has its own user folder with
 * the package installed, as on every machine of a team. `mode: 'regular'`: the main process alone, no Redis.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const crypto = require('crypto');
const { createInstance } = require('./n8n');
const { freePort } = require('./ports');
const { killGroup, onCleanup, spawnLogged, stopGroup, sleep, waitFor } = require('./processes');
const { ownBrokerPort } = require('./n8n-env');
const { n8nModule } = require('./executions');
const { startRedis } = require('./redis');
const { startPostgres } = require('./postgres');
const { postJson } = require('./http');

/** `n8n worker` on the instance's user folder; resolves once its log says it is ready. */
async function startWorker(instance, concurrency, timeoutMs = 240000) {
	const { n8n, folder, env } = instance;
	const proc = spawnLogged(n8n.nodeBin, [n8n.n8nBin, 'worker', `--concurrency=${concurrency}`], { cwd: folder, env: { ...env, ...(await ownBrokerPort()) } });
	await waitFor(`n8n worker ${proc.child.pid}`, () => /n8n worker is now ready/.test(proc.output()), { proc, timeoutMs });
	return {
		pid: proc.child.pid,
		instance,
		logs: proc.output,
		stop: () => stopGroup(proc, 15000),
		/** Sends a signal to the worker's whole process group (n8n and its task runner). */
		kill(signal = 'SIGKILL') {
			killGroup(proc.child.pid, signal);
			return proc.exit;
		},
	};
}

/**
 * @param {{ tarball: string, workers?: number, concurrency?: number, mode?: 'queue'|'regular', credentials?: object[],
 *   workflows?: object[], env?: object, line?: string, monitorRedis?: boolean }} opts  concurrency: executions per
 *   worker at once; workflows: imported and published (active) before main starts; env: added to every n8n process;
 *   monitorRedis: record every Redis command from the start (cluster.redisTraffic())
 */
async function startQueueMode({ tarball, workers: workerCount = 2, concurrency = 10, mode = 'queue', credentials = [], workflows = [], env: extraEnv = {}, line = '2', monitorRedis = false } = {}) {
	const t0 = Date.now();
	const timings = {};
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oneall-queue-'));
	const stoppers = [];
	const cluster = { dir, timings, workers: [] };
	// Interrupted or crashed: the harness has killed the processes, each instance removes its own folder.
	const removeDir = () => process.env.N8N_E2E_KEEP || fs.rmSync(dir, { recursive: true, force: true });
	const unregister = onCleanup(removeDir);
	cluster.stop = async () => {
		unregister();
		for (const s of stoppers.splice(0).reverse()) await s().catch(() => {}); // keep stopping the rest
		removeDir();
	};
	try {
		const queue = mode === 'queue';
		const redis = queue ? await startRedis({ dir: path.join(dir, 'redis') }) : undefined;
		if (redis) stoppers.push(() => redis.stop());
		if (redis && monitorRedis) cluster.redisTraffic = await redis.monitor();
		const pg = await startPostgres({ keep: !!process.env.N8N_E2E_KEEP });
		stoppers.push(() => pg.stop());
		const db = pg.createDatabase('n8n');
		timings.services = Date.now() - t0;

		const encryptionKey = crypto.randomBytes(24).toString('hex');
		const shared = {
			...db.env,
			EXECUTIONS_MODE: queue ? 'queue' : 'regular',
			...(queue ? { QUEUE_BULL_REDIS_HOST: redis.host, QUEUE_BULL_REDIS_PORT: String(redis.port) } : {}),
			...extraEnv,
		};
		const newInstance = async () => {
			const instance = await createInstance({ line, tarball, encryptionKey, env: shared });
			stoppers.push(() => instance.cleanup());
			return instance;
		};

		const t1 = Date.now();
		const mainInstance = await newInstance();
		if (credentials.length) await mainInstance.importCredentials(credentials);
		const ids = await mainInstance.importWorkflows(workflows);
		// Published (active) before main starts, so main registers their production webhooks. This is
		// the one update `n8n publish:workflow --id=<id>` makes, done for all of them at once: each
		// CLI call costs a whole n8n start-up (15 s and more on a busy machine).
		if (ids.length) {
			pg.psql(`update workflow_entity set active = true, "activeVersionId" = "versionId" where id in (${ids.map((id) => `'${id}'`).join(', ')})`, db.database);
		}
		timings.imports = Date.now() - t1;

		const addWorker = async () => {
			const worker = await startWorker(await newInstance(), concurrency);
			stoppers.push(() => worker.stop());
			cluster.workers.push(worker);
			return worker;
		};
		// Main and the workers start side by side: the database is migrated already, and a worker
		// needs only the database and Redis, not main.
		const t2 = Date.now();
		const port = await freePort();
		const starting = [mainInstance.startEditor({ port, timeoutMs: 240000 }).then((m) => ((timings.main = Date.now() - t2), m))];
		if (queue) for (let i = 0; i < workerCount; i++) starting.push(addWorker());
		const [main] = await Promise.all(starting);
		timings.workers = Date.now() - t2;
		// main answers before it has activated the workflows; a production webhook exists once its
		// row is in webhook_entity (where main and any webhook process look it up).
		const hooked = workflows.filter((w) => w.nodes.some((n) => n.type === 'n8n-nodes-base.webhook')).length;
		const t4 = Date.now();
		for (;;) {
			const rows = Number(pg.psql('select count(distinct "workflowId") from webhook_entity', db.database).trim());
			if (rows >= hooked) break;
			if (Date.now() - t4 > 120000) throw new Error(`only ${rows} of ${hooked} workflows have their webhook registered after 120 s:\n${main.logs()}`);
			await sleep(250);
		}
		timings.webhooks = Date.now() - t4;
		timings.total = Date.now() - t0;

		const flatted = n8nModule(mainInstance.n8n.dir, 'flatted');
		Object.assign(cluster, {
			version: mainInstance.version,
			redis,
			pg,
			db,
			mainInstance,
			addWorker,
			/** POSTs JSON to the production webhook `/webhook/<path>`; resolves to { status, body, text, ms }. */
			async webhook(hookPath, body, { timeoutMs = 300000 } = {}) {
				const started = Date.now();
				const { status, text, json } = await postJson(`${main.url}/webhook/${hookPath}`, body, { timeoutMs });
				return { status, body: json, text, ms: Date.now() - started };
			},
			/** n8n's execution rows: { id, workflowId, status, mode, finished, startedAt, stoppedAt, createdAt }. */
			executions() {
				const columns = 'id, "workflowId", status, mode, finished, "startedAt", "stoppedAt", "createdAt"';
				const out = pg.psql(`select json_agg(e order by e.id) from (select ${columns} from execution_entity) e`, db.database).trim();
				return out ? JSON.parse(out) : [];
			},
			/** The run data n8n stored for one execution (IRunExecutionData), or undefined. */
			executionData(id) {
				const raw = pg.psql(`select data from execution_data where "executionId" = ${Number(id)}`, db.database);
				return raw.trim() ? flatted.parse(raw.replace(/\n$/, '')) : undefined;
			},
			/** Executions after `afterId` that did not succeed, with the error n8n stored: [{ id, status, error }]. */
			failures(afterId = 0) {
				const errorOf = (id) => {
					try {
						return cluster.executionData(id)?.resultData.error?.message;
					} catch (err) {
						return `(run data unreadable: ${err.message})`;
					}
				};
				const failed = cluster.executions().filter((e) => Number(e.id) > afterId && e.status !== 'success');
				return failed.map((e) => ({ id: e.id, status: e.status, error: errorOf(e.id) }));
			},
			/** Everything the processes printed: { 'main', 'worker 1 (pid …)', … }. */
			logs() {
				const out = { main: main.logs() };
				cluster.workers.forEach((w, i) => (out[`worker ${i + 1} (pid ${w.pid})`] = w.logs()));
				return out;
			},
		});
		return cluster;
	} catch (err) {
		await cluster.stop();
		throw err;
	}
}

module.exports = { startQueueMode };
