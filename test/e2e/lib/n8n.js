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
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const crypto = require('crypto');
const { spawn } = require('child_process');
const { portFree, freePort } = require('./ports');
const { ensureN8n } = require('./install-n8n');
const { log } = require('./log');
const { QUIET_ENV, LINE_ENV } = require('./n8n-env');
const { killLiveEditors, trackChild, onCleanup, spawnLogged, stopGroup, runProcess, stopOnSignals } = require('./processes');
const { parseRunOutput, describeRun, nodeOutput, nodeError } = require('./run-output');
const { readExecutions } = require('./executions');

const OWNER = {
	email: 'owner@example.com',
	firstName: 'E2E',
	lastName: 'Owner',
	password: 'E2eOwner-Passw0rd',
};

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


function writeJson(file, data) {
	fs.writeFileSync(file, JSON.stringify(data, null, 2) + '\n');
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
	const persistent = !!userFolder;
	const folder = persistent ? path.resolve(userFolder) : fs.mkdtempSync(path.join(os.tmpdir(), `n8n-e2e-${line}-`));
	const n8nDir = path.join(folder, '.n8n');
	const nodesDir = path.join(n8nDir, 'nodes');
	const workDir = path.join(folder, 'work');
	// The files written for imports (credential data among them) never outlive a run.
	if (persistent) fs.rmSync(workDir, { recursive: true, force: true });
	fs.mkdirSync(nodesDir, { recursive: true });
	fs.mkdirSync(workDir, { recursive: true });

	const env = {
		...process.env,
		...QUIET_ENV,
		...(LINE_ENV[String(line)] || {}),
		...n8n.env,
		N8N_USER_FOLDER: folder,
		N8N_ENCRYPTION_KEY: encryptionKey || crypto.randomBytes(24).toString('hex'),
		...extraEnv,
	};
	// A kept folder decrypts its credentials with the key in its .n8n/config; one from the parent
	// environment would not match it.
	if (persistent && !encryptionKey && !extraEnv.N8N_ENCRYPTION_KEY) delete env.N8N_ENCRYPTION_KEY;
	// Keep the parent's own n8n/npm settings from leaking in.
	delete env.N8N_CUSTOM_EXTENSIONS;
	delete env.NODE_OPTIONS;

	const editors = new Set();
	const workers = new Set();
	// An interruption while n8n or the package is still being set up must not leave the folder.
	const removeFolder = () => {
		if (persistent) fs.rmSync(workDir, { recursive: true, force: true });
		else if (!keep && !process.env.N8N_E2E_KEEP) fs.rmSync(folder, { recursive: true, force: true });
	};
	const forget = onCleanup(removeFolder);
	let seq = 0;
	const file = (name) => path.join(workDir, `${++seq}-${name}`);

	/**
	 * Runs an n8n CLI command; resolves to { code, signal, stdout, stderr, ms, timedOut }.
	 * `opts.nodeArgs`: flags for Node itself, before n8n's script (e.g. --require, --cpu-prof).
	 */
	async function run(args, opts = {}) {
		// 2.x always starts a task broker (default port 5679); give each process its own port so
		// parallel n8n processes (another instance, an editor) do not collide.
		const brokerPort = await freePort();
		return runProcess(n8n.nodeBin, [...(opts.nodeArgs || []), n8n.n8nBin, ...args], {
			env: { ...env, N8N_RUNNERS_BROKER_PORT: String(brokerPort), ...(opts.env || {}) },
			cwd: folder,
			timeoutMs: opts.timeoutMs,
			label: opts.label || `n8n ${args[0]}`,
		});
	}

	async function mustRun(args, opts) {
		const r = await run(args, opts);
		if (r.code !== 0) {
			throw new Error(
				`n8n ${args.join(' ')} exited with ${r.code}\n--- stdout ---\n${r.stdout}\n--- stderr ---\n${r.stderr}`,
			);
		}
		return r;
	}

	const instance = {
		line: String(line),
		version: n8n.version,
		folder,
		nodesDir,
		env,
		n8n,
		run,

		/** npm install <tarball> in <folder>/.n8n/nodes (no peers, no scripts, no network needed). */
		async installPackage(tgz) {
			const abs = path.resolve(tgz);
			if (!fs.existsSync(abs)) throw new Error(`tarball not found: ${abs}`);
			const pkgJson = path.join(nodesDir, 'package.json');
			if (!fs.existsSync(pkgJson)) {
				// What n8n itself writes there before its first community package install.
				writeJson(pkgJson, { name: 'installed-nodes', private: true, dependencies: {} });
			}
			const r = await runProcess(
				process.env.N8N_E2E_NPM || 'npm',
				[
					'install',
					abs,
					'--no-audit',
					'--no-fund',
					'--legacy-peer-deps', // never pull the n8n-workflow peer into .n8n/nodes
					'--ignore-scripts',
					'--no-package-lock',
					'--loglevel=error',
				],
				{ env: { ...process.env }, cwd: nodesDir, timeoutMs: 120000, label: 'npm install <tarball>' },
			);
			if (r.code !== 0) throw new Error(`npm install ${abs} failed:\n${r.stdout}\n${r.stderr}`);
			const installed = JSON.parse(fs.readFileSync(pkgJson, 'utf8')).dependencies || {};
			return Object.keys(installed);
		},

		/**
		 * Imports credentials. Each: { id?, name, type, data: { ...plain fields } } (data is encrypted by n8n).
		 * @returns {Promise<string[]>} the credential ids
		 */
		async importCredentials(creds) {
			const list = (Array.isArray(creds) ? creds : [creds]).map((c) => ({
				id: c.id || newId(),
				...c,
			}));
			const f = file('credentials.json');
			writeJson(f, list);
			await mustRun(['import:credentials', `--input=${f}`], { label: 'import:credentials' });
			return list.map((c) => c.id);
		},

		/**
		 * Imports one workflow (object) or many (array, in ONE n8n process via --separate).
		 * Missing ids are generated. Returns the id (for an object) or the ids (for an array).
		 */
		async importWorkflow(wfs) {
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
		},
		importWorkflows(wfs) {
			return instance.importWorkflow(Array.isArray(wfs) ? wfs : [wfs]);
		},

		/**
		 * `n8n publish:workflow --id=<id>` on 2.x, as a user publishes a sub-workflow before other
		 * workflows call it outside the editor; 1.x runs the saved workflow, so nothing to do there.
		 */
		async publishWorkflow(id) {
			if (String(line) === '1') return;
			await mustRun(['publish:workflow', `--id=${id}`], { label: `publish:workflow ${id}` });
		},

		/**
		 * `n8n execute --id=<id> --rawOutput`.
		 * @returns {Promise<{ok, code, status, result, error, lastNodeExecuted, stdout, stderr, ms}>}
		 *   result: the parsed run (IRun: { data: { resultData: { runData, error?, lastNodeExecuted } }, status, ... })
		 *   ok: exit code 0 and no resultData.error
		 */
		async execute(id, opts = {}) {
			const r = await run(['execute', `--id=${id}`, '--rawOutput'], {
				label: `execute ${id}`,
				timeoutMs: opts.timeoutMs,
			});
			return describeRun(r);
		},

		/** Executes several workflows one after the other (one n8n process each); returns { [id]: executeResult }. */
		async executeMany(ids, opts = {}) {
			const out = {};
			for (const id of ids) out[id] = await instance.execute(id, opts);
			return out;
		},

		/**
		 * Executes several workflows in ONE n8n process (`n8n execute-batch`, concurrency 1, no retries).
		 * Returns { [id]: { ok, status, result?, error? } }: `result` (the same IRun as execute's) only
		 * for successful runs; for a failed run only `error.message` ("<message> on node <name>") is known,
		 * so call execute(id) when you need the failed run's full data.
		 */
		async executeBatch(ids, opts = {}) {
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
		},

		/**
		 * Every execution stored in this instance's database (n8n keeps failed runs there with their
		 * full data, which `execute-batch` does not print), oldest first:
		 * [{ id, workflowId, status, mode, startedAt, stoppedAt, ms, result }] where `result` has the
		 * shape `execute()` gives (IRun: { data: { resultData: { runData, error?, … } }, status, … }).
		 * Read with n8n's own sqlite3 and flatted packages, the way n8n stores them.
		 */
		async executions() {
			return readExecutions(n8n.dir, path.join(n8nDir, 'database.sqlite'));
		},

		/**
		 * `n8n execute-batch` over `ids` (one process, one workflow at a time, no retries), watched:
		 * when a workflow runs longer than its bound (`boundsMs[id]`, else `defaultBoundMs`), the
		 * process is killed and the workflows not yet run are started again in a new process, so one
		 * hanging workflow costs its bound, not n8n's own 3-minute batch timeout.
		 * @returns {Promise<{ runs: { [id]: { ok, status, result?, error?, ms, hung? } }, processes: object[] }>}
		 *   `hung: true` for a workflow stopped at its bound; `status: 'not-run'` if it never started.
		 */
		async executeBatchWatched(ids, { boundsMs = {}, defaultBoundMs = 60000, pollMs = 1000, env: batchEnv = {} } = {}) {
			const runs = {};
			const processes = [];
			const seen = new Set((await instance.executions()).map((e) => e.id));
			let remaining = ids.slice();
			while (remaining.length) {
				const batch = remaining;
				let hung;
				const dir = file('batch');
				fs.mkdirSync(dir);
				const brokerPort = await freePort();
				const child = spawn(
					n8n.nodeBin,
					[n8n.n8nBin, 'execute-batch', `--ids=${batch.join(',')}`, '--concurrency=1', '--retries=0', `--output=${path.join(dir, 'output.json')}`],
					{ cwd: folder, env: { ...env, ...batchEnv, N8N_RUNNERS_BROKER_PORT: String(brokerPort) }, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
				);
				const proc = { ids: batch, stdout: '', stderr: '', code: null, signal: null, ms: 0 };
				processes.push(proc);
				child.stdout.on('data', (c) => (proc.stdout += c));
				child.stderr.on('data', (c) => (proc.stderr += c));
				const t0 = Date.now();
				const exited = new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
				let done = false;
				exited.then(() => (done = true));
				while (!done) {
					await Promise.race([exited, new Promise((r) => setTimeout(r, pollMs))]);
					if (done) break;
					let running;
					try {
						running = (await instance.executions()).filter((e) => !seen.has(e.id) && e.status === 'running');
					} catch {
						continue; // the database is busy or not written yet: look again
					}
					const over = running.find((e) => Date.now() - e.startedAt > (boundsMs[e.workflowId] || defaultBoundMs));
					if (over) {
						hung = over.workflowId;
						try {
							process.kill(-child.pid, 'SIGKILL');
						} catch {
							/* gone */
						}
						await exited;
						break;
					}
				}
				Object.assign(proc, await exited, { ms: Date.now() - t0 });
				log(`execute-batch (${batch.length}): exit ${proc.code}${proc.signal ? ` (${proc.signal})` : ''} in ${(proc.ms / 1000).toFixed(1)}s${hung ? `, stopped: ${hung} ran past its bound` : ''}`);
				const stored = (await instance.executions()).filter((e) => !seen.has(e.id));
				for (const e of stored) seen.add(e.id);
				for (const id of batch) {
					const mine = stored.filter((e) => e.workflowId === id && e.mode !== 'integrated');
					const e = mine[mine.length - 1];
					if (id === hung) {
						runs[id] = { ok: false, status: 'running', hung: true, ms: e ? Date.now() - e.startedAt : undefined, error: { message: `still running after ${((boundsMs[id] || defaultBoundMs) / 1000).toFixed(0)} s` }, result: e && e.result };
					} else if (e && e.status !== 'running' && e.status !== 'new') {
						const error = e.result && e.result.data.resultData.error;
						runs[id] = { ok: e.status === 'success' && !error, status: e.status, ms: e.ms, result: e.result, error };
					}
				}
				remaining = batch.filter((id) => !runs[id]);
				if (!hung) {
					for (const id of remaining) runs[id] = { ok: false, status: 'not-run', error: { message: `execute-batch ended (exit ${proc.code}/${proc.signal}) without running it` } };
					remaining = [];
				}
			}
			return { runs, processes };
		},

		/**
		 * Runs `n8n start` for this user folder and resolves once /healthz answers.
		 * @returns {Promise<{url, port, child, logs(), stop(), setupOwner(), login()}>}
		 */
		async startEditor({ port = 5678, timeoutMs = 120000, env: startEnv = {} } = {}) {
			const url = `http://localhost:${port}`;
			// Else /healthz would be answered by whatever holds the port, and this n8n would exit.
			if (!(await portFree(port))) throw new Error(`port ${port} is taken (another n8n?)`);
			const brokerPort = await freePort();
			const child = spawn(n8n.nodeBin, [n8n.n8nBin, 'start'], {
				cwd: folder,
				env: {
					...env,
					N8N_RUNNERS_BROKER_PORT: String(brokerPort),
					N8N_PORT: String(port),
					N8N_HOST: 'localhost',
					N8N_LISTEN_ADDRESS: '127.0.0.1',
					N8N_PROTOCOL: 'http',
					N8N_EDITOR_BASE_URL: url,
					WEBHOOK_URL: `${url}/`,
					...startEnv,
				},
				stdio: ['ignore', 'pipe', 'pipe'],
				detached: true,
			});
			// Tracked from the start: an editor interrupted while starting up is killed too.
			trackChild(child);
			let output = '';
			child.stdout.on('data', (c) => (output += c));
			child.stderr.on('data', (c) => (output += c));
			let exited = null;
			const exitPromise = new Promise((resolve) =>
				child.on('exit', (code, signal) => {
					exited = { code, signal };
					resolve(exited);
				}),
			);
			const t0 = Date.now();
			let settings;
			for (;;) {
				if (exited) {
					throw new Error(`n8n start exited early (${JSON.stringify(exited)}):\n${output}`);
				}
				if (Date.now() - t0 > timeoutMs) {
					try {
						process.kill(-child.pid, 'SIGKILL');
					} catch {
						/* gone */
					}
					throw new Error(`n8n start did not answer /healthz within ${timeoutMs} ms:\n${output}`);
				}
				try {
					// /healthz answers as soon as the HTTP server listens; until n8n has finished starting,
					// every other route answers 200 with the text "n8n is starting up. Please wait".
					// So wait for /healthz, then for /rest/settings to answer JSON.
					const health = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
					if (health.ok) {
						const res = await fetch(`${url}/rest/settings`, { signal: AbortSignal.timeout(5000) });
						const type = res.headers.get('content-type') || '';
						if (res.ok && type.includes('json')) {
							settings = (await res.json()).data;
							break;
						}
						await res.arrayBuffer();
					}
				} catch {
					/* not up yet */
				}
				await new Promise((r) => setTimeout(r, 500));
			}
			log(`n8n start: ready after ${((Date.now() - t0) / 1000).toFixed(1)}s on ${url}`);

			let ownerDone = false;
			const handle = {
				url,
				port,
				child,
				owner: { ...owner },
				/** the editor's /rest/settings data, as read when it became ready */
				settings,
				logs: () => output,
				/** Creates the owner account (once); returns the auth cookie from that call. */
				async setupOwner() {
					const res = await fetch(`${url}/rest/owner/setup`, {
						method: 'POST',
						headers: { 'content-type': 'application/json' },
						body: JSON.stringify(owner),
					});
					const body = await res.text();
					if (!res.ok) throw new Error(`POST /rest/owner/setup -> ${res.status}: ${body}`);
					ownerDone = true;
					return cookieFrom(res);
				},
				/**
				 * Makes sure an owner exists and logs in; returns the cookie header value 'n8n-auth=<jwt>'.
				 * For Playwright: context.addCookies([{ name: 'n8n-auth', value, url }]).
				 */
				async login() {
					if (!ownerDone) {
						const now = await fetch(`${url}/rest/settings`).then((r) => r.json());
						const showSetup = now && now.data && now.data.userManagement
							? now.data.userManagement.showSetupOnFirstLoad
							: undefined;
						if (showSetup !== false) await handle.setupOwner();
						ownerDone = true;
					}
					const res = await fetch(`${url}/rest/login`, {
						method: 'POST',
						headers: { 'content-type': 'application/json' },
						body: JSON.stringify({
							emailOrLdapLoginId: owner.email,
							password: owner.password,
						}),
					});
					const body = await res.text();
					if (!res.ok) throw new Error(`POST /rest/login -> ${res.status}: ${body}`);
					return cookieFrom(res);
				},
				/** A REST call as the owner (logged in once); returns n8n's JSON answer. */
				async rest(method, route, body) {
					if (!handle.cookie) handle.cookie = await handle.login();
					const res = await fetch(`${url}/rest${route}`, {
						method,
						headers: { cookie: handle.cookie, 'content-type': 'application/json' },
						body: body === undefined ? undefined : JSON.stringify(body),
					});
					const text = await res.text();
					if (!res.ok) throw new Error(`${method} /rest${route} -> ${res.status}: ${text}`);
					return JSON.parse(text);
				},
				/** login() in the shape of Playwright's context.addCookies() argument. */
				async playwrightCookies() {
					return playwrightCookies(await handle.login(), url);
				},
				async stop() {
					if (exited) return exited;
					try {
						process.kill(-child.pid, 'SIGTERM');
					} catch {
						/* gone */
					}
					const killer = setTimeout(() => {
						try {
							process.kill(-child.pid, 'SIGKILL');
						} catch {
							/* gone */
						}
					}, 15000);
					const res = await exitPromise;
					clearTimeout(killer);
					editors.delete(handle);
					return res;
				},
			};
			editors.add(handle);
			return handle;
		},

		/**
		 * `n8n worker --concurrency=N` on this user folder (queue mode: pass the shared database,
		 * Redis and encryption key through `env`); resolves once its log says it is ready.
		 * @returns {Promise<{pid, child, logs(), exited(), exit, stop(), kill(signal)}>}
		 */
		async startWorker({ concurrency = 10, timeoutMs = 180000, env: workerEnv = {} } = {}) {
			const brokerPort = await freePort();
			const proc = spawnLogged(n8n.nodeBin, [n8n.n8nBin, 'worker', `--concurrency=${concurrency}`], {
				cwd: folder,
				env: { ...env, N8N_RUNNERS_BROKER_PORT: String(brokerPort), ...workerEnv },
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
		},

		/** Stops editors and removes the user folder (unless it was given as `folder`, or keep or N8N_E2E_KEEP is set). */
		async cleanup() {
			for (const e of [...editors]) await e.stop();
			for (const w of [...workers]) await w.stop();
			forget();
			if (!persistent && (keep || process.env.N8N_E2E_KEEP)) log(`keeping ${folder}`);
			removeFolder();
		},
	};

	if (tarball) await instance.installPackage(tarball);
	return instance;
}


/**
 * Turns 'n8n-auth=<jwt>' into what Playwright's context.addCookies() takes.
 * The cookie was issued without a browser-id, so n8n does not bind it to one browser.
 */
function playwrightCookies(cookie, url) {
	const [name, ...rest] = cookie.split('=');
	return [{ name, value: rest.join('='), url, httpOnly: true, sameSite: 'Lax' }];
}

function cookieFrom(res) {
	const all =
		typeof res.headers.getSetCookie === 'function'
			? res.headers.getSetCookie()
			: [res.headers.get('set-cookie') || ''];
	const auth = all.map((c) => c.split(';')[0]).find((c) => c.startsWith('n8n-auth='));
	if (!auth) throw new Error(`no n8n-auth cookie in response (set-cookie: ${JSON.stringify(all)})`);
	return auth;
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
