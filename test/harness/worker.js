'use strict';
/* `n8n worker` on an instance's user folder, for queue mode (queue-mode.js starts main and workers). */
const { log } = require('./log');
const { spawnLogged, stopGroup } = require('./processes');
const { ownBrokerPort } = require('./n8n-env');

/**
 * `n8n worker --concurrency=N` on this user folder (queue mode: pass the shared database,
 * Redis and encryption key through `env`); resolves once its log says it is ready.
 * @param {{ n8n, folder, env, workers }} instance  workers: the set cleanup() stops
 * @returns {Promise<{pid, child, logs(), exited(), exit, stop(), kill(signal)}>}
 */
async function startWorker({ n8n, folder, env, workers }, { concurrency = 10, timeoutMs = 180000, env: workerEnv = {} } = {}) {
	const brokerPort = await ownBrokerPort();
	const proc = spawnLogged(n8n.nodeBin, [n8n.n8nBin, 'worker', `--concurrency=${concurrency}`], {
		cwd: folder,
		env: { ...env, ...brokerPort, ...workerEnv },
	});
	const t0 = Date.now();
	while (!/n8n worker is now ready/.test(proc.output())) {
		if (proc.exited()) throw new Error(`n8n worker exited early (${JSON.stringify(proc.exited())}):\n${proc.output()}`);
		if (Date.now() - t0 > timeoutMs) {
			await stopGroup(proc, 1000);
			throw new Error(`n8n worker was not ready within ${timeoutMs} ms:\n${proc.output()}`);
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	log(`n8n worker ${proc.child.pid}: ready after ${((Date.now() - t0) / 1000).toFixed(1)}s`);
	const worker = {
		pid: proc.child.pid,
		child: proc.child,
		logs: proc.output,
		exited: proc.exited,
		exit: proc.exit,
		stop: () => stopGroup(proc, 15000).finally(() => workers.delete(worker)),
		/** Sends a signal to the worker's whole process group (n8n and its task runner). */
		kill(signal = 'SIGKILL') {
			process.kill(-proc.child.pid, signal);
			return proc.exit;
		},
	};
	workers.add(worker);
	return worker;
}

module.exports = { startWorker };
