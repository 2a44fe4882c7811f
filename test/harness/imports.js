'use strict';
/* Credentials and workflows into an instance's database with n8n's own import commands, and their ids. */
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const { writeJson } = require('./user-folder');

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/**
 * n8n-style id: 16 alphanumeric characters (n8n's execute treats ids longer than 16 as invalid).
 * It always contains a digit: `n8n execute-batch --ids` silently drops ids without one.
 */
function newId() {
	const bytes = crypto.randomBytes(16);
	let s = '';
	for (const b of bytes) s += ALNUM[b % ALNUM.length];
	return /\d/.test(s) ? s : s.slice(0, 15) + String(bytes[0] % 10);
}

/** Fills in what n8n's import needs and returns a copy of the workflow. */
function normalizeWorkflow(wf) {
	const out = {
		name: 'E2E workflow',
		nodes: [],
		connections: {},
		settings: { executionOrder: 'v1' },
		pinData: {},
		...wf,
	};
	if (!out.id) out.id = newId();
	if (out.active === undefined) out.active = false;
	out.nodes = out.nodes.map((n) => ({ ...n }));
	for (const n of out.nodes) {
		if (!n.id) n.id = crypto.randomUUID();
		if (!n.position) n.position = [0, 0];
		if (n.parameters === undefined) n.parameters = {};
	}
	return out;
}

/**
 * The import commands of one instance.
 * @param {{ line, file, mustRun }} instance  file(name): a new path in its work folder
 */
function importCommands({ line, file, mustRun }) {
	/**
	 * Imports credentials. Each: { id?, name, type, data: { ...plain fields } } (data is encrypted by n8n).
	 * @returns {Promise<string[]>} the credential ids
	 */
	async function importCredentials(creds) {
		const list = (Array.isArray(creds) ? creds : [creds]).map((c) => ({
			id: c.id || newId(),
			...c,
		}));
		const f = file('credentials.json');
		writeJson(f, list);
		await mustRun(['import:credentials', `--input=${f}`], { label: 'import:credentials' });
		return list.map((c) => c.id);
	}

	/**
	 * Imports one workflow (object) or many (array, in ONE n8n process via --separate).
	 * Missing ids are generated. Returns the id (for an object) or the ids (for an array).
	 */
	async function importWorkflow(wfs) {
		const many = Array.isArray(wfs);
		const list = (many ? wfs : [wfs]).map(normalizeWorkflow);
		if (list.length === 1) {
			const f = file(`workflow-${list[0].id}.json`);
			writeJson(f, list[0]);
			await mustRun(['import:workflow', `--input=${f}`], { label: 'import:workflow' });
		} else if (list.length > 1) {
			const dir = file('workflows');
			fs.mkdirSync(dir);
			for (const wf of list) writeJson(path.join(dir, `${wf.id}.json`), wf);
			await mustRun(['import:workflow', '--separate', `--input=${dir}`], {
				label: `import:workflow --separate (${list.length})`,
			});
		}
		const ids = list.map((w) => w.id);
		return many ? ids : ids[0];
	}

	function importWorkflows(wfs) {
		return importWorkflow(Array.isArray(wfs) ? wfs : [wfs]);
	}

	/**
	 * `n8n publish:workflow --id=<id>` on 2.x, as a user publishes a sub-workflow before other
	 * workflows call it outside the editor; 1.x runs the saved workflow, so nothing to do there.
	 */
	async function publishWorkflow(id) {
		if (String(line) === '1') return;
		await mustRun(['publish:workflow', `--id=${id}`], { label: `publish:workflow ${id}` });
	}

	return { importCredentials, importWorkflow, importWorkflows, publishWorkflow };
}

module.exports = { newId, normalizeWorkflow, importCommands };
