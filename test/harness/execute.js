'use strict';
/* Running imported workflows with the CLI: `n8n execute` (one per process) and `n8n execute-batch`. */
const fs = require('fs');
const path = require('path');
const { describeRun } = require('./run-output');

/**
 * The execute commands of one instance.
 * @param {{ run, file }} instance  run: the instance's CLI runner; file(name): a new path in its work folder
 */
function executeCommands({ run, file }) {
	/**
	 * `n8n execute --id=<id> --rawOutput`.
	 * @returns {Promise<{ok, code, status, result, error, lastNodeExecuted, stdout, stderr, ms}>}
	 *   result: the parsed run (IRun: { data: { resultData: { runData, error?, lastNodeExecuted } }, status, ... })
	 *   ok: exit code 0 and no resultData.error
	 */
	async function execute(id, opts = {}) {
		const r = await run(['execute', `--id=${id}`, '--rawOutput'], {
			label: `execute ${id}`,
			timeoutMs: opts.timeoutMs,
		});
		return describeRun(r);
	}

	/** Executes several workflows one after the other (one n8n process each); returns { [id]: executeResult }. */
	async function executeMany(ids, opts = {}) {
		const out = {};
		for (const id of ids) out[id] = await execute(id, opts);
		return out;
	}

	/**
	 * Executes several workflows in ONE n8n process (`n8n execute-batch`, concurrency 1, no retries).
	 * Returns { [id]: { ok, status, result?, error? } }: `result` (the same IRun as execute's) only
	 * for successful runs; for a failed run only `error.message` ("<message> on node <name>") is known,
	 * so call execute(id) when you need the failed run's full data.
	 */
	async function executeBatch(ids, opts = {}) {
		const dir = file('batch');
		const snapshots = path.join(dir, 'snapshots');
		fs.mkdirSync(snapshots, { recursive: true });
		const output = path.join(dir, 'output.json');
		const r = await run(
			[
				'execute-batch',
				`--ids=${ids.join(',')}`,
				'--concurrency=1',
				'--retries=0',
				`--snapshot=${snapshots}`,
				`--output=${output}`,
			],
			{ label: `execute-batch (${ids.length})`, timeoutMs: opts.timeoutMs || 600000 },
		);
		let summary;
		try {
			summary = JSON.parse(fs.readFileSync(output, 'utf8'));
		} catch {
			throw new Error(`execute-batch wrote no output (exit ${r.code}/${r.signal}):\n${r.stdout}\n${r.stderr}`);
		}
		const out = {};
		for (const id of ids) {
			const ex = summary.executions.find((e) => String(e.workflowId) === String(id));
			const snap = path.join(snapshots, `${id}-snapshot.json`);
			const result = fs.existsSync(snap) ? JSON.parse(fs.readFileSync(snap, 'utf8')) : undefined;
			out[id] = {
				ok: !!ex && ex.executionStatus === 'success',
				status: ex ? ex.executionStatus : 'not-run',
				result,
				error: ex && ex.error ? { message: ex.error } : undefined,
				lastNodeExecuted: result ? result.data.resultData.lastNodeExecuted : undefined,
				ms: ex ? ex.executionTime * 1000 : undefined,
			};
		}
		out.__process = { code: r.code, signal: r.signal, ms: r.ms, stdout: r.stdout, stderr: r.stderr };
		return out;
	}

	return { execute, executeMany, executeBatch };
}

module.exports = { executeCommands };
