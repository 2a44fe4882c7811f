'use strict';
/* The n8n CLI commands of an instance, each one n8n process in its own process group: imports and `n8n execute`. */
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const { runProcess } = require('./processes');
const { ownBrokerPort } = require('./n8n-env');
const { writeJson } = require('./user-folder');
const { describeRun } = require('./run-output');

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/**
 * n8n-style id: 16 alphanumeric characters (n8n's execute treats longer ids as invalid), always with
 * a digit: `n8n execute-batch --ids` silently drops ids without one.
 */
function newId() {
	const bytes = crypto.randomBytes(16);
	const s = Array.from(bytes, (b) => ALNUM[b % ALNUM.length]).join('');
	return /\d/.test(s) ? s : s.slice(0, 15) + String(bytes[0] % 10);
}

/** A copy of the workflow with what n8n's import needs filled in. */
function normalizeWorkflow(wf) {
	const out = { name: 'E2E workflow', nodes: [], connections: {}, settings: { executionOrder: 'v1' }, pinData: {}, ...wf };
	if (!out.id) out.id = newId();
	if (out.active === undefined) out.active = false;
	out.nodes = out.nodes.map((n) => ({ ...n, id: n.id || crypto.randomUUID(), position: n.position || [0, 0], parameters: n.parameters ?? {} }));
	return out;
}

/** @param {{ line, n8n, env, folder, file }} instance  n8n: what ensureN8n returned; file(name): a new path in its work folder */
function cliCommands({ line, n8n, env, folder, file }) {
	/** Runs an n8n CLI command (runProcess's result); `opts.nodeArgs` go to Node itself, before n8n's script. */
	async function run(args, { nodeArgs = [], env: more = {}, timeoutMs, label = `n8n ${args[0]}` } = {}) {
		const runEnv = { ...env, ...(await ownBrokerPort()), ...more };
		return runProcess(n8n.nodeBin, [...nodeArgs, n8n.n8nBin, ...args], { env: runEnv, cwd: folder, timeoutMs, label });
	}

	async function mustRun(args, label) {
		const r = await run(args, { label });
		if (r.code !== 0) throw new Error(`n8n ${args.join(' ')} exited with ${r.code}\n--- stdout ---\n${r.stdout}\n--- stderr ---\n${r.stderr}`);
	}

	/** Credentials { id?, name, type, data: { ...plain fields } } (n8n encrypts data); resolves to their ids. */
	async function importCredentials(creds) {
		const list = [].concat(creds).map((c) => ({ id: c.id || newId(), ...c }));
		const f = file('credentials.json');
		writeJson(f, list);
		await mustRun(['import:credentials', `--input=${f}`], 'import:credentials');
		return list.map((c) => c.id);
	}

	/** Workflows in ONE n8n process (`--separate`), missing ids generated; resolves to their ids. */
	async function importWorkflows(wfs) {
		const list = [].concat(wfs).map(normalizeWorkflow);
		if (list.length) {
			const dir = file('workflows');
			fs.mkdirSync(dir);
			for (const wf of list) writeJson(path.join(dir, `${wf.id}.json`), wf);
			await mustRun(['import:workflow', '--separate', `--input=${dir}`], `import:workflow (${list.length})`);
		}
		return list.map((w) => w.id);
	}

	return {
		run,
		importCredentials,
		importWorkflows,
		/** importWorkflows for one workflow (resolves to its id) or many (to their ids). */
		importWorkflow: async (wfs) => (Array.isArray(wfs) ? importWorkflows(wfs) : (await importWorkflows(wfs))[0]),
		/**
		 * `n8n publish:workflow` on 2.x, as a user publishes a sub-workflow before other workflows call it
		 * outside the editor; 1.x runs the saved workflow, so nothing to do there.
		 */
		publishWorkflow: async (id) => String(line) !== '1' && mustRun(['publish:workflow', `--id=${id}`], `publish:workflow ${id}`),
		/** `n8n execute --id=<id> --rawOutput`, read by describeRun(). */
		execute: async (id, opts = {}) => describeRun(await run(['execute', `--id=${id}`, '--rawOutput'], { label: `execute ${id}`, timeoutMs: opts.timeoutMs })),
	};
}

module.exports = { newId, cliCommands };
