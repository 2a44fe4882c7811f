'use strict';
/*
 * A small harness that drives a real n8n headless (CLI commands and, for UI tests, `n8n start`).
 * Only Node built-ins are used. See NOTES.md next to this file for the facts it relies on.
 *
 *   const { createInstance } = require('./n8n');
 *   const n8n = await createInstance({ line: '2', tarball: '/abs/n8n-nodes-oneall-0.1.0.tgz' });
 *   await n8n.importCredentials([{ id, name, type: 'oneAllApi', data: { ... } }]);
 *   const [id] = await n8n.importWorkflows([workflow]);
 *   const run = await n8n.execute(id);          // { ok, code, status, result, error, stdout, stderr, ms }
 *   const editor = await n8n.startEditor({ port: 5679 });   // throws when the port is taken
 *   const worker = await n8n.startWorker({ concurrency: 10, env });   // queue mode (see queue-mode.js)
 *   const cookie = await editor.login();        // 'n8n-auth=...'
 *   await editor.stop();
 *   await n8n.cleanup();
 *
 * This file puts an instance together and exports the harness; the parts live next to it:
 * user-folder.js (the folder, the package install), n8n-env.js (the environment), cli.js (running a
 * command), imports.js, execute.js, batch-watch.js, executions.js (the stored runs), editor.js,
 * worker.js, run-output.js (reading `n8n execute`), processes.js (starting and ending processes).
 */
const path = require('path');
const { portFree, freePort } = require('./ports');
const { ensureN8n } = require('./install-n8n');
const { QUIET_ENV, LINE_ENV, instanceEnv } = require('./n8n-env');
const { killLiveEditors, trackChild, onCleanup, spawnLogged, stopGroup, runProcess, stopOnSignals } = require('./processes');
const { parseRunOutput, describeRun, nodeOutput, nodeError } = require('./run-output');
const { makeUserFolder, installPackage } = require('./user-folder');
const { cliRunner } = require('./cli');
const { newId, importCommands } = require('./imports');
const { executeCommands } = require('./execute');
const { executeBatchWatched } = require('./batch-watch');
const { readExecutions } = require('./executions');
const { OWNER, startEditor, playwrightCookies } = require('./editor');
const { startWorker } = require('./worker');

/**
 * Creates a fresh n8n user folder (in the OS temp dir) and, if given, installs the packed
 * community package into <folder>/.n8n/nodes the way a user does it by hand.
 * `folder`: use this user folder instead, kept across runs (never removed; made when missing):
 * its workflows, executions, owner and the encryption key n8n wrote into .n8n/config on its first
 * run stay, so no key is set unless `encryptionKey` is given.
 * `owner`: the account setupOwner() creates and login() uses (default OWNER).
 * @param {{ line?: '1'|'2', tarball?: string, encryptionKey?: string, env?: object, keep?: boolean,
 *   folder?: string, owner?: {email, firstName, lastName, password} }} opts
 */
async function createInstance({ line = '2', tarball, encryptionKey, env: extraEnv = {}, keep, folder: userFolder, owner = OWNER } = {}) {
	const n8n = await ensureN8n(line);
	const { folder, n8nDir, nodesDir, persistent, file, release } = makeUserFolder({ line, userFolder, keep });
	const env = instanceEnv({ line, n8n, folder, persistent, encryptionKey, extraEnv });
	const { run, mustRun } = cliRunner({ n8n, env, folder });
	const editors = new Set();
	const workers = new Set();

	/**
	 * Every execution stored in this instance's database (n8n keeps failed runs there with their
	 * full data, which `execute-batch` does not print), oldest first:
	 * [{ id, workflowId, status, mode, startedAt, stoppedAt, ms, result }] where `result` has the
	 * shape `execute()` gives (IRun: { data: { resultData: { runData, error?, … } }, status, … }).
	 */
	async function executions() {
		return readExecutions(n8n.dir, path.join(n8nDir, 'database.sqlite'));
	}

	// What the parts share; the instance below is what callers see.
	const parts = { line, n8n, folder, env, owner, file, run, mustRun, executions, editors, workers };
	const instance = {
		line: String(line),
		version: n8n.version,
		folder,
		nodesDir,
		env,
		n8n,
		run,
		installPackage: (tgz) => installPackage(nodesDir, tgz),
		...importCommands(parts),
		...executeCommands(parts),
		executions,
		executeBatchWatched: (ids, opts) => executeBatchWatched(parts, ids, opts),
		startEditor: (opts) => startEditor(parts, opts),
		startWorker: (opts) => startWorker(parts, opts),

		/** Stops editors and removes the user folder (unless it was given as `folder`, or keep or N8N_E2E_KEEP is set). */
		async cleanup() {
			for (const e of [...editors]) await e.stop();
			for (const w of [...workers]) await w.stop();
			release();
		},
	};

	if (tarball) await instance.installPackage(tarball);
	return instance;
}

module.exports = {
	stopOnSignals,
	createInstance,
	parseRunOutput,
	describeRun,
	nodeOutput,
	nodeError,
	newId,
	freePort,
	portFree,
	runProcess,
	playwrightCookies,
	killLiveEditors,
	trackChild,
	onCleanup,
	spawnLogged,
	stopGroup,
	QUIET_ENV,
	LINE_ENV,
	OWNER,
};
