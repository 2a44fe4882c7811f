'use strict';
/*
 * `n8n execute-batch` watched through the instance's database, so that one hanging workflow costs
 * its own bound instead of n8n's 3-minute batch timeout.
 */
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');
const { log } = require('./log');
const { killGroup, trackChild } = require('./processes');
const { ownBrokerPort } = require('./n8n-env');

/**
 * Runs one `n8n execute-batch` over `batch` and polls the executions it stores; when one runs past
 * its bound, the whole process group is killed.
 * @returns {Promise<{ proc: { ids, stdout, stderr, code, signal, ms }, hung?: string }>} hung: the workflow it was stopped on
 */
async function runWatchedBatch({ n8n, folder, env, file, executions }, batch, { boundOf, pollMs, batchEnv, seen }) {
	const dir = file('batch');
	fs.mkdirSync(dir);
	const brokerPort = await ownBrokerPort();
	// Tracked like every other n8n process, so an interrupted runner leaves no batch behind. Not
	// spawnLogged: the report checks stdout and stderr apart.
	const child = trackChild(
		spawn(
			n8n.nodeBin,
			[n8n.n8nBin, 'execute-batch', `--ids=${batch.join(',')}`, '--concurrency=1', '--retries=0', `--output=${path.join(dir, 'output.json')}`],
			{ cwd: folder, env: { ...env, ...batchEnv, ...brokerPort }, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
		),
	);
	const proc = { ids: batch, stdout: '', stderr: '', code: null, signal: null, ms: 0 };
	child.stdout.on('data', (c) => (proc.stdout += c));
	child.stderr.on('data', (c) => (proc.stderr += c));
	const t0 = Date.now();
	const exited = new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
	let done = false;
	exited.then(() => (done = true));
	let hung;
	while (!done) {
		await Promise.race([exited, new Promise((r) => setTimeout(r, pollMs))]);
		if (done) break;
		let running;
		try {
			running = (await executions()).filter((e) => !seen.has(e.id) && e.status === 'running');
		} catch {
			continue; // the database is busy or not written yet: look again
		}
		const over = running.find((e) => Date.now() - e.startedAt > boundOf(e.workflowId));
		if (over) {
			hung = over.workflowId;
			killGroup(child.pid, 'SIGKILL');
			await exited;
			break;
		}
	}
	Object.assign(proc, await exited, { ms: Date.now() - t0 });
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
 * `n8n execute-batch` over `ids` (one process, one workflow at a time, no retries), watched:
 * when a workflow runs longer than its bound (`boundsMs[id]`, else `defaultBoundMs`), the
 * process is killed and the workflows not yet run are started again in a new process.
 * @param {{ n8n, folder, env, file, executions }} instance  executions(): what its database holds
 * @returns {Promise<{ runs: { [id]: { ok, status, result?, error?, ms, hung? } }, processes: object[] }>}
 *   `hung: true` for a workflow stopped at its bound; `status: 'not-run'` if it never started.
 */
async function executeBatchWatched(instance, ids, { boundsMs = {}, defaultBoundMs = 60000, pollMs = 1000, env: batchEnv = {} } = {}) {
	const boundOf = (id) => boundsMs[id] || defaultBoundMs;
	const runs = {};
	const processes = [];
	const seen = new Set((await instance.executions()).map((e) => e.id));
	let remaining = ids.slice();
	while (remaining.length) {
		const batch = remaining;
		const { proc, hung } = await runWatchedBatch(instance, batch, { boundOf, pollMs, batchEnv, seen });
		processes.push(proc);
		const stored = (await instance.executions()).filter((e) => !seen.has(e.id));
		for (const e of stored) seen.add(e.id);
		Object.assign(runs, settledRuns(stored, batch, hung, boundOf));
		remaining = batch.filter((id) => !runs[id]);
		if (!hung) {
			for (const id of remaining) runs[id] = { ok: false, status: 'not-run', error: { message: `execute-batch ended (exit ${proc.code}/${proc.signal}) without running it` } };
			remaining = [];
		}
	}
	return { runs, processes };
}

module.exports = { executeBatchWatched };
