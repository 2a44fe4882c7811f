'use strict';
/* n8n CLI commands on an instance's user folder: each is one n8n process in its own process group. */
const { runProcess } = require('./processes');
const { ownBrokerPort } = require('./n8n-env');

/**
 * The command runners of one instance.
 * @param {{ n8n, env, folder }} instance  n8n: what ensureN8n returned; env: the instance's environment
 * @returns {{ run(args, opts?), mustRun(args, opts?) }}
 */
function cliRunner({ n8n, env, folder }) {
	/**
	 * Runs an n8n CLI command; resolves to { code, signal, stdout, stderr, ms, timedOut }.
	 * `opts.nodeArgs`: flags for Node itself, before n8n's script (e.g. --require, --cpu-prof).
	 */
	async function run(args, opts = {}) {
		const brokerPort = await ownBrokerPort();
		return runProcess(n8n.nodeBin, [...(opts.nodeArgs || []), n8n.n8nBin, ...args], {
			env: { ...env, ...brokerPort, ...(opts.env || {}) },
			cwd: folder,
			timeoutMs: opts.timeoutMs,
			label: opts.label || `n8n ${args[0]}`,
		});
	}

	/** run(), but a non-zero exit throws with the command's output. */
	async function mustRun(args, opts) {
		const r = await run(args, opts);
		if (r.code !== 0) {
			throw new Error(
				`n8n ${args.join(' ')} exited with ${r.code}\n--- stdout ---\n${r.stdout}\n--- stderr ---\n${r.stderr}`,
			);
		}
		return r;
	}

	return { run, mustRun };
}

module.exports = { cliRunner };
