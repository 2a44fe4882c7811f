'use strict';
/*
 * The harness that drives a real n8n headless (CLI commands and `n8n start`), from Node built-ins
 * only; NOTES.md next to this file has the facts it relies on.
 *
 *   const n8n = await createInstance({ line: '2', tarball });
 *   const [id] = await n8n.importWorkflows([workflow]);
 *   const run = await n8n.execute(id);          // { ok, code, status, result, error, stdout, stderr, ms }
 *   await n8n.cleanup();                        // stops its editors (startEditor), removes the user folder
 */
const path = require('path');
const { portFree, freePort } = require('./ports');
const { ensureN8n } = require('./install-n8n');
const { instanceEnv } = require('./n8n-env');
const { onCleanup, runProcess, stopOnSignals, sleep } = require('./processes');
const { makeUserFolder, installPackage } = require('./user-folder');
const { newId, cliCommands } = require('./cli');
const { readExecutions, executeBatchWatched, lastExecutionId } = require('./executions');
const { OWNER, startEditor } = require('./editor');

/**
 * A fresh n8n user folder in the OS temp dir, with the packed `tarball` (if given) installed into
 * .n8n/nodes the way a user does it by hand. `folder`: use this user folder instead, kept across runs
 * (made when missing): its workflows, executions, owner and the encryption key n8n wrote into
 * .n8n/config stay, so no key is set unless `encryptionKey` is given. `owner`: the editor's login() account.
 * @param {{ line?: '1'|'2', tarball?: string, encryptionKey?: string, env?: object, keep?: boolean,
 *   folder?: string, owner?: {email, firstName, lastName, password} }} opts
 */
async function createInstance({ line = '2', tarball, encryptionKey, env: extraEnv = {}, keep, folder: userFolder, owner = OWNER } = {}) {
	const n8n = await ensureN8n(line);
	const { folder, n8nDir, nodesDir, persistent, file, release } = makeUserFolder({ line, userFolder, keep });
	const env = instanceEnv({ line, n8n, folder, persistent, encryptionKey, extraEnv });
	const editors = new Set();
	/** Every execution stored in its database, oldest first (n8n keeps failed runs there with their data). */
	const executions = () => readExecutions(n8n.dir, path.join(n8nDir, 'database.sqlite'));
	const parts = { line, n8n, folder, env, owner, file, executions, editors };
	const instance = {
		line: String(line),
		version: n8n.version,
		folder,
		nodesDir,
		env,
		n8n,
		...cliCommands(parts),
		installPackage: (tgz) => installPackage(nodesDir, tgz),
		executions,
		executeBatchWatched: (ids, opts) => executeBatchWatched(parts, ids, opts),
		startEditor: (opts) => startEditor(parts, opts),
		/** Stops its editors and removes the user folder (unless it was given as `folder`, or keep or N8N_E2E_KEEP is set). */
		async cleanup() {
			for (const e of [...editors]) await e.stop();
			release();
		},
	};
	if (tarball) await instance.installPackage(tarball);
	return instance;
}

module.exports = { createInstance, stopOnSignals, sleep, lastExecutionId, onCleanup, runProcess, newId, freePort, portFree };
