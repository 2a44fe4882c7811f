'use strict';
/*
 * The executions an instance stored in its sqlite database, read with n8n's own sqlite3 driver and
 * `flatted`, and `n8n execute-batch` watched through them, so that one hanging workflow costs its own
 * bound instead of n8n's 3-minute batch timeout.
 */
const fs = require('fs');
const path = require('path');
const { log } = require('./log');
const { killGroup, spawnLogged, sleep } = require('./processes');
const { ownBrokerPort } = require('./n8n-env');

/** A module of n8n's own install (its sqlite3 driver, its flatted), as n8n itself resolves it. */
function n8nModule(installDir, name) {
	return require(require.resolve(name, { paths: [path.join(installDir, 'node_modules', 'n8n')] }));
}

const SELECT =
	'SELECT e.id, e.workflowId, e.status, e.mode, e.finished, e.startedAt, e.stoppedAt, d.data FROM execution_entity e LEFT JOIN execution_data d ON d.executionId = e.id ORDER BY e.id';

/** sqlite keeps n8n's dates as 'YYYY-MM-DD HH:MM:SS.SSS' in UTC. */
const sqliteDate = (v) => (v ? Date.parse(`${String(v).replace(' ', 'T')}Z`) : undefined);

/** Runs `fn(all)` over an n8n sqlite database opened with n8n's own driver; `all(sql, params)` resolves to the rows. */
async function withSqlite(installDir, dbFile, fn, mode = 'OPEN_READONLY') {
	const sqlite3 = n8nModule(installDir, 'sqlite3');
	const db = await new Promise((resolve, reject) => {
		const handle = new sqlite3.Database(dbFile, sqlite3[mode], (err) => (err ? reject(err) : resolve(handle)));
	});
	const all = (sql, params = []) => new Promise((resolve, reject) => db.all(sql, params, (err, rows) => (err ? reject(err) : resolve(rows))));
	try {
		return await fn(all);
	} finally {
		await new Promise((resolve) => db.close(() => resolve()));
	}
}

/**
 * Every execution in `dbFile`, oldest first: [{ id, workflowId, status, mode, startedAt, stoppedAt,
 * ms, result }]; `result` has the shape `execute()` gives, and only where run data was stored.
 * @param {string} installDir the n8n install (ensureN8n's `dir`) whose modules read the database
 */
async function readExecutions(installDir, dbFile) {
	if (!fs.existsSync(dbFile)) return [];
	const { parse } = n8nModule(installDir, 'flatted');
	const rows = await withSqlite(installDir, dbFile, (all) => all(SELECT));
	return rows.map((r) => {
		const startedAt = sqliteDate(r.startedAt);
		const stoppedAt = sqliteDate(r.stoppedAt);
		const data = r.data ? parse(r.data) : undefined;
		const { id, workflowId, status, mode } = r;
		const result = data && data.resultData ? { data, status, mode, finished: !!r.finished, startedAt: r.startedAt, stoppedAt: r.stoppedAt } : undefined;
		return { id, workflowId, status, mode, startedAt, stoppedAt, ms: startedAt && stoppedAt ? stoppedAt - startedAt : undefined, result };
	});
}

/**
 * One `n8n execute-batch` over `batch`, polling the executions it stores; when one runs past its
 * bound, the whole process group is killed.
 * @returns {Promise<{ proc: { ids, stdout, stderr, code, signal, ms }, hung?: string }>} hung: the workflow it was stopped on
 */
async function runWatchedBatch({ n8n, folder, env, file, executions }, batch, { boundOf, pollMs, batchEnv, seen }) {
	const dir = file('batch');
	fs.mkdirSync(dir);
	const args = [n8n.n8nBin, 'execute-batch', `--ids=${batch.join(',')}`, '--concurrency=1', '--retries=0', `--output=${path.join(dir, 'output.json')}`];
	const batchProcessEnv = { ...env, ...batchEnv, ...(await ownBrokerPort()) };
	const batchRun = spawnLogged(n8n.nodeBin, args, { cwd: folder, env: batchProcessEnv });
	const t0 = Date.now();
	let hung;
	// Until it has ended (`closed` resolves to { code, signal }, sleep to undefined) or a workflow ran past its bound.
	while (!hung && !(await Promise.race([batchRun.closed, sleep(pollMs)]))) {
		// A database that is busy or not written yet: look again.
		const stored = await executions().catch(() => []);
		const over = stored.find((e) => !seen.has(e.id) && e.status === 'running' && Date.now() - e.startedAt > boundOf(e.workflowId));
		if (over) killGroup(batchRun.child.pid, 'SIGKILL');
		hung = over?.workflowId;
	}
	// The report checks stdout and stderr apart.
	const proc = { ids: batch, stdout: batchRun.stdout(), stderr: batchRun.stderr(), ...(await batchRun.closed), ms: Date.now() - t0 };
	log(`execute-batch (${batch.length}): exit ${proc.code}${proc.signal ? ` (${proc.signal})` : ''} in ${(proc.ms / 1000).toFixed(1)}s${hung ? `, stopped: ${hung} ran past its bound` : ''}`);
	return { proc, hung };
}

/** The outcome of each workflow of `batch` that the stored executions settle; the others are left out. */
function settledRuns(stored, batch, hung, boundOf) {
	const runs = {};
	for (const id of batch) {
		const mine = stored.filter((e) => e.workflowId === id && e.mode !== 'integrated');
		const e = mine[mine.length - 1];
		if (id === hung) {
			runs[id] = { ok: false, status: 'running', hung: true, ms: e ? Date.now() - e.startedAt : undefined, error: { message: `still running after ${(boundOf(id) / 1000).toFixed(0)} s` }, result: e && e.result };
		} else if (e && e.status !== 'running' && e.status !== 'new') {
			const error = e.result && e.result.data.resultData.error;
			runs[id] = { ok: e.status === 'success' && !error, status: e.status, ms: e.ms, result: e.result, error };
		}
	}
	return runs;
}

/**
 * `n8n execute-batch` over `ids` (one process, one workflow at a time, no retries), watched: when a workflow
 * runs longer than its bound (`boundsMs[id]`, else `defaultBoundMs`), the process is killed and the workflows
 * not yet run are started again in a new one. runs: { [id]: { ok, status, result?, error?, ms, hung? } },
 * `hung: true` for a workflow stopped at its bound, `status: 'not-run'` if it never started.
 */
async function executeBatchWatched(instance, ids, { boundsMs = {}, defaultBoundMs = 60000, pollMs = 1000, env: batchEnv = {} } = {}) {
	const boundOf = (id) => boundsMs[id] || defaultBoundMs;
	const runs = {};
	const processes = [];
	const seen = new Set((await instance.executions()).map((e) => e.id));
	for (let batch = ids; batch.length; ) {
		const { proc, hung } = await runWatchedBatch(instance, batch, { boundOf, pollMs, batchEnv, seen });
		processes.push(proc);
		const stored = (await instance.executions()).filter((e) => !seen.has(e.id));
		for (const e of stored) seen.add(e.id);
		Object.assign(runs, settledRuns(stored, batch, hung, boundOf));
		const rest = batch.filter((id) => !runs[id]);
		if (!hung) for (const id of rest) runs[id] = { ok: false, status: 'not-run', error: { message: `execute-batch ended (exit ${proc.code}/${proc.signal}) without running it` } };
		batch = hung ? rest : [];
	}
	return { runs, processes };
}

const lastExecutionId = async (instanceOrCluster) => (await instanceOrCluster.executions()).reduce((m, e) => Math.max(m, Number(e.id)), 0);
module.exports = { n8nModule, withSqlite, readExecutions, executeBatchWatched, lastExecutionId };
