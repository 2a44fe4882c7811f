#!/usr/bin/env node
'use strict';
/*
 * `npm run dev` (= `npm run build && node scripts/dev.js`): a real n8n editor with this package
 * loaded, a ready credential and the example workflows, all against the local OneAll sandbox.
 * No OneAll account needed; nothing leaves the machine.
 *
 *   node scripts/dev.js [--port 5678] [--sandbox-port 5679] [--fresh] [--check]
 *
 *   --port N          the editor's port (default 5678, or $N8N_DEV_PORT)
 *   --sandbox-port N  the sandbox's port (default 5679, or $ONEALL_SANDBOX_PORT; when it is taken,
 *                     a free port is chosen and printed)
 *   --fresh           start from an empty n8n user folder (drops workflows/executions you made)
 *   --check           start everything, check over REST that the credential and the example
 *                     workflows are there, that the node and credential types are loaded and
 *                     that the Identity list loads from the sandbox with that credential, then
 *                     stop everything and exit 0 (or 1 when a check failed)
 *
 * What it does:
 *   1. packs the built package (`npm pack`, run `npm run build` first);
 *   2. starts the OneAll sandbox (test/sandbox) in this process;
 *   3. makes sure n8n 2.x is installed in the cache (test/harness/install-n8n.js: minutes on a fresh
 *      machine, then instant) and reuses the user folder
 *      ${XDG_CACHE_HOME:-~/.cache}/n8n-nodes-oneall/dev-user across runs;
 *   4. installs the fresh tarball into <user folder>/.n8n/nodes, as a user installs a community
 *      package by hand;
 *   5. imports (every run, so the Base URL follows the sandbox's port) the credential
 *      "OneAll sandbox", and the workflows of examples/*.json rewritten to use that credential and
 *      the sandbox's named identities (re-imported only when the example file changed);
 *   6. `n8n start` at http://localhost:5678, creates the owner on first use and prints the URL and
 *      the login;
 *   7. Ctrl-C stops n8n and the sandbox.
 * n8n is set up, started, logged into and stopped by the shared harness (test/harness/n8n.js), on
 * the kept user folder; N8N_E2E_VERBOSE=1 shows the harness's own log lines.
 */
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

const ROOT = path.resolve(__dirname, '..');
const { cacheRoot } = require(path.join(ROOT, 'test', 'harness', 'install-n8n'));
const { createInstance, freePort, portFree } = require(path.join(ROOT, 'test', 'harness', 'n8n'));
const { packToTemp } = require(path.join(ROOT, 'test', 'harness', 'pack'));
const { startSandbox } = require(path.join(ROOT, 'test', 'sandbox', 'server'));
const sandboxData = require(path.join(ROOT, 'test', 'sandbox', 'data'));
const PACKAGE = require(path.join(ROOT, 'package.json'));

if (!process.env.N8N_E2E_VERBOSE) process.env.N8N_E2E_QUIET = '1';

const LINE = '2';
const NODE_TYPE = `${PACKAGE.name}.oneAll`;
const CREDENTIAL = { id: 'oneAllSandbox001', name: 'OneAll sandbox', type: 'oneAllApi' };
const OWNER = {
	email: 'dev@example.com',
	firstName: 'OneAll',
	lastName: 'Developer',
	password: 'OneAll-Dev-Passw0rd',
};
const PROVIDERS = sandboxData.PROVIDERS_WITH_PUSH; // facebook, linkedin, pinterest, twitter, youtube
/** Resource locator fields filled from the Pull API: parameter → [pull list, id key, label key]. */
const PULL_FIELDS = {
	pageId: ['pages', 'page_id', 'name'],
	groupId: ['groups', 'group_id', 'name'],
	companyId: ['companies', 'company_id', 'name'],
	boardId: ['boards', 'board_id', 'name'],
	playlistId: ['playlists', 'playlist_id', 'title'],
};

// ---------------------------------------------------------------------------------------------
function parseArgs(argv) {
	const opts = {
		port: Number(process.env.N8N_DEV_PORT || 5678),
		sandboxPort: Number(process.env.ONEALL_SANDBOX_PORT || 5679),
		fresh: false,
		check: false,
	};
	for (let i = 0; i < argv.length; i++) {
		const [name, inline] = argv[i].split(/=(.*)/s);
		const value = () => (inline !== undefined ? inline : argv[++i]);
		if (name === '--port') opts.port = Number(value());
		else if (name === '--sandbox-port') opts.sandboxPort = Number(value());
		else if (name === '--fresh') opts.fresh = true;
		else if (name === '--check') opts.check = true;
		else if (name === '-h' || name === '--help') {
			console.log('usage: node scripts/dev.js [--port 5678] [--sandbox-port 5679] [--fresh] [--check]');
			process.exit(0);
		} else {
			console.error(`unknown argument: ${argv[i]}`);
			process.exit(2);
		}
	}
	for (const k of ['port', 'sandboxPort']) {
		if (!Number.isInteger(opts[k]) || opts[k] < 1 || opts[k] > 65535) {
			console.error(`--${k === 'port' ? 'port' : 'sandbox-port'} must be a port number`);
			process.exit(2);
		}
	}
	return opts;
}

const say = (msg) => console.log(`[dev] ${msg}`);


/** The label the node's identity list shows (nodes/OneAll/listSearch/getIdentities.ts). */
function identityLabel(identity) {
	return `${identity.displayName || identity.preferredUsername} (${identity.provider}, ${identity.identity_token.slice(0, 8)}…)`;
}

function providerOf(resource) {
	const r = String(resource || '').toLowerCase();
	return PROVIDERS.find((p) => r.startsWith(p));
}

/** The first named sandbox identity of a provider (named.twitter, named.facebook, ...). */
function namedIdentity(provider) {
	return sandboxData.named[provider] || Object.values(sandboxData.named).find((i) => i.provider === provider);
}

const isExpression = (v) => typeof v === 'string' && v.startsWith('=');

/**
 * A copy of an example workflow for the dev instance: OneAll nodes use the sandbox credential,
 * the named sandbox identity of their resource's network, and ids from that identity's Pull lists.
 */
function rewriteExample(file, json) {
	const wf = JSON.parse(JSON.stringify(json));
	const base = path.basename(file, '.json');
	// n8n ids: 16 characters; with a digit (n8n's execute-batch drops ids without one).
	wf.id = `dev${crypto.createHash('sha1').update(base).digest('hex').slice(0, 12)}9`;
	wf.active = false;
	wf.settings = wf.settings || { executionOrder: 'v1' };
	for (const node of wf.nodes || []) {
		if (node.type !== NODE_TYPE) continue;
		node.credentials = { ...(node.credentials || {}), oneAllApi: { id: CREDENTIAL.id, name: CREDENTIAL.name } };
		const p = node.parameters || {};
		const identity = namedIdentity(providerOf(p.resource));
		if (!identity) continue;
		if (p.identityToken && typeof p.identityToken === 'object' && !isExpression(p.identityToken.value)) {
			p.identityToken = {
				__rl: true,
				mode: 'list',
				value: identity.identity_token,
				cachedResultName: identityLabel(identity),
				...(identity.profileUrl ? { cachedResultUrl: identity.profileUrl } : {}),
			};
		}
		const lists = sandboxData.pull[identity.identity_token] || {};
		for (const [field, [list, idKey, labelKey]] of Object.entries(PULL_FIELDS)) {
			const rl = p[field];
			if (!rl || typeof rl !== 'object' || isExpression(rl.value)) continue;
			const first = (lists[list] || [])[0];
			if (!first) continue;
			p[field] = { __rl: true, mode: 'list', value: String(first[idKey]), cachedResultName: String(first[labelKey]) };
		}
	}
	return wf;
}

function readJson(file, fallback) {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch {
		return fallback;
	}
}

// ---------------------------------------------------------------------------------------------
// Everything started here is stopped on exit / Ctrl-C.
// ---------------------------------------------------------------------------------------------
let sandbox = null;
let instance = null; // the harness's n8n on the dev user folder
let editor = null; // its `n8n start`
let stopping = null;

function stopAll(code) {
	if (stopping) return stopping;
	stopping = (async () => {
		if (editor && editor.child.exitCode === null && editor.child.signalCode === null) say('stopping n8n ...');
		// Stops the editor (SIGTERM to its process group, SIGKILL after 15 s) and keeps the user
		// folder; a CLI command still running is killed by the harness when this process exits.
		if (instance) await instance.cleanup();
		if (sandbox) {
			say('stopping the sandbox ...');
			await sandbox.close();
		}
		say('stopped.');
		process.exit(code);
	})();
	return stopping;
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
process.on('SIGHUP', () => stopAll(0));

// ---------------------------------------------------------------------------------------------
async function main() {
	const opts = parseArgs(process.argv.slice(2));
	const t0 = Date.now();

	if (!(await portFree(opts.port))) {
		throw new Error(
			`port ${opts.port} is taken (another n8n?). Stop it, or run \`node scripts/dev.js --port <free port>\` (or N8N_DEV_PORT=<port> npm run dev).`,
		);
	}

	// 1. package
	const { tgz } = packToTemp('dev');
	say(`packed ${path.basename(tgz)}`);

	// 2. sandbox
	let sandboxPort = opts.sandboxPort;
	if (!(await portFree(sandboxPort))) {
		const chosen = await freePort();
		say(`port ${sandboxPort} is taken: the sandbox uses port ${chosen} instead`);
		sandboxPort = chosen;
	}
	sandbox = await startSandbox({ port: sandboxPort, host: '127.0.0.1' });
	say(`OneAll sandbox on ${sandbox.url}`);

	// 3. n8n and the user folder
	say(`making sure n8n ${LINE}.x is installed (the first time: several minutes) ...`);
	const folder = path.join(cacheRoot(), 'dev-user');
	if (opts.fresh) fs.rmSync(folder, { recursive: true, force: true });
	instance = await createInstance({ line: LINE, folder, owner: OWNER });
	const statePath = path.join(folder, 'dev-state.json');
	const state = readJson(statePath, { examples: {} });
	say(`n8n ${instance.version}, user folder ${folder}`);

	// 4. the package, as a user installs it by hand (a new build keeps its version number: replace it)
	fs.rmSync(path.join(instance.nodesDir, 'node_modules', PACKAGE.name), { recursive: true, force: true });
	await instance.installPackage(tgz);
	say(`installed ${PACKAGE.name}@${PACKAGE.version} into ${instance.nodesDir}`);

	// 5. credential (every run: the sandbox's port may differ) and example workflows
	say('importing the credential "OneAll sandbox" ...');
	await instance.importCredentials([
		{
			...CREDENTIAL,
			data: { subdomain: 'sandbox', publicKey: sandbox.publicKey, privateKey: sandbox.privateKey, baseUrl: sandbox.url },
		},
	]);

	const examplesDir = path.join(ROOT, 'examples');
	const examples = fs.existsSync(examplesDir)
		? fs.readdirSync(examplesDir).filter((f) => f.endsWith('.json')).sort()
		: [];
	const workflows = [];
	const toImport = [];
	for (const f of examples) {
		const file = path.join(examplesDir, f);
		const text = fs.readFileSync(file, 'utf8');
		let json;
		try {
			json = JSON.parse(text);
		} catch (e) {
			say(`skipping ${f}: not JSON (${e.message})`);
			continue;
		}
		const wf = rewriteExample(file, json);
		const hash = crypto.createHash('sha1').update(text).update(CREDENTIAL.id).digest('hex');
		workflows.push({ file: f, id: wf.id, name: wf.name });
		if (state.examples[f] !== hash || opts.fresh) toImport.push({ f, wf, hash });
	}
	if (toImport.length) {
		say(`importing ${toImport.length} example workflow(s): ${toImport.map((x) => x.f).join(', ')} ...`);
		await instance.importWorkflows(toImport.map((x) => x.wf));
		for (const { f, hash } of toImport) state.examples[f] = hash;
	} else if (workflows.length) {
		say('example workflows already imported and unchanged (run with --fresh to start over)');
	}
	fs.writeFileSync(statePath, `${JSON.stringify(state, null, 2)}\n`);

	// 6. the editor
	say(`starting n8n at http://localhost:${opts.port} ...`);
	editor = await instance.startEditor({ port: opts.port, timeoutMs: 180000 });
	const { url } = editor;
	editor.child.on('exit', (code, signal) => {
		if (stopping) return;
		console.error(`[dev] n8n exited (${code ?? signal})`);
		stopAll(1);
	});
	if (!opts.check) {
		// n8n's own log from now on (the start-up log is in the error when it does not start)
		const forward = (chunk) => {
			for (const line of chunk.toString().split(/\r?\n/)) if (line.trim()) process.stdout.write(`[n8n] ${line}\n`);
		};
		editor.child.stdout.on('data', forward);
		editor.child.stderr.on('data', forward);
	}

	const firstUse = !!(editor.settings && editor.settings.userManagement && editor.settings.userManagement.showSetupOnFirstLoad);
	let cookie;
	try {
		cookie = editor.cookie = await editor.login(); // creates the owner on first use
		if (firstUse) say(`created the owner ${OWNER.email}`);
	} catch (e) {
		if (/owner\/setup/.test(e.message)) throw e;
	}

	const secs = ((Date.now() - t0) / 1000).toFixed(0);
	const wfLines = workflows.map((w) => `     - ${w.name}: ${url}/workflow/${w.id}`).join('\n');
	console.log(`
  n8n with ${PACKAGE.name} is ready (${secs}s): ${url}

  Log in with   email:    ${OWNER.email}
                password: ${OWNER.password}${cookie ? '' : '\n                (this login was refused: the folder has another owner; run with --fresh to reset it)'}

  Credential    "${CREDENTIAL.name}" (OneAll API) → ${sandbox.url}
  Workflows${workflows.length ? `\n${wfLines}` : '  (none in examples/)'}
  Sandbox       ${sandbox.url}  (keys ${sandbox.publicKey} / ${sandbox.privateKey};
                what it received: ${sandbox.url}/__sandbox/requests)

  Press Ctrl-C to stop n8n and the sandbox.
`);

	if (opts.check) {
		const failures = await check({ url, cookie, workflows });
		if (failures.length) {
			for (const f of failures) console.log(`[dev] check FAILED: ${f}`);
		} else {
			console.log('[dev] check: ok (credential, workflows, node and credential types are there; the Identity list loads from the sandbox)');
		}
		await stopAll(failures.length ? 1 : 0);
	}
}

/** --check: what a newcomer would see, over the editor's own REST API. */
async function check({ url, cookie, workflows }) {
	const failures = [];
	if (!cookie) return ['the owner login was refused'];
	const get = async (route) => {
		const body = await editor.rest('GET', route);
		return body.data !== undefined ? body.data : body;
	};
	try {
		const health = await fetch(`${url}/healthz`).then((r) => r.json());
		if (!health || health.status !== 'ok') failures.push(`/healthz answered ${JSON.stringify(health)}`);
		const creds = await get('/credentials');
		const cred = creds.find((c) => c.id === CREDENTIAL.id);
		if (!cred || cred.name !== CREDENTIAL.name || cred.type !== CREDENTIAL.type) {
			failures.push(`credential ${CREDENTIAL.id} "${CREDENTIAL.name}" (${CREDENTIAL.type}) missing: ${JSON.stringify(creds.map((c) => [c.id, c.name, c.type]))}`);
		}
		const wfs = await get('/workflows');
		for (const w of workflows) {
			if (!wfs.some((x) => x.id === w.id)) failures.push(`workflow ${w.id} (${w.file}) missing`);
			else {
				const full = await get(`/workflows/${w.id}`);
				for (const n of full.nodes.filter((x) => x.type === NODE_TYPE)) {
					const c = n.credentials && n.credentials.oneAllApi;
					if (!c || c.id !== CREDENTIAL.id) failures.push(`${w.file}: node "${n.name}" does not use the sandbox credential`);
					// As rewriteExample: a node with no identity (Identity → Get Many) or one from an
					// expression (the fan-out's, from the node before) gets it at run time.
					const token = n.parameters.identityToken && n.parameters.identityToken.value;
					if (token !== undefined && !isExpression(token) && !sandboxData.identities.some((i) => i.identity_token === token)) {
						failures.push(`${w.file}: node "${n.name}" identity ${JSON.stringify(token)} is not a sandbox identity`);
					}
				}
			}
		}
		const types = await fetch(`${url}/types/nodes.json`, { headers: { cookie } }).then((r) => r.json());
		if (!types.some((t) => t.name === NODE_TYPE)) failures.push(`node type ${NODE_TYPE} not loaded`);
		const credTypes = await fetch(`${url}/types/credentials.json`, { headers: { cookie } }).then((r) => r.json());
		if (!credTypes.some((t) => t.name === CREDENTIAL.type)) failures.push(`credential type ${CREDENTIAL.type} not loaded`);
		// The credential reaches the sandbox: the Identity list of a Twitter node, as the editor asks for it.
		const before = sandbox.requests.length;
		const res = await fetch(`${url}/rest/dynamic-node-parameters/resource-locator-results`, {
			method: 'POST',
			headers: { cookie, 'content-type': 'application/json' },
			body: JSON.stringify({
				path: 'parameters.identityToken',
				methodName: 'getIdentities',
				nodeTypeAndVersion: { name: NODE_TYPE, version: 1 },
				currentNodeParameters: { resource: 'twitter', operation: 'publishTweet', identityToken: { __rl: true, mode: 'list', value: '' } },
				credentials: { oneAllApi: { id: CREDENTIAL.id, name: CREDENTIAL.name } },
				filter: '',
			}),
		});
		const body = await res.json().catch(() => ({}));
		const results = (body.data && body.data.results) || [];
		const twitterCount = sandboxData.identities.filter((i) => i.provider === 'twitter').length;
		const asked = sandbox.requests.slice(before).filter((r) => r.pathname === '/identities.json');
		if (!res.ok || results.length !== twitterCount) {
			failures.push(`Identity list: HTTP ${res.status}, ${results.length} entries (expected ${twitterCount}) ${JSON.stringify(body).slice(0, 300)}`);
		} else if (!asked.length || !asked.every((r) => r.headers.authorization === sandbox.authHeader && r.status === 200)) {
			failures.push('Identity list: the sandbox did not receive /identities.json with the credential\'s keys');
		}
	} catch (e) {
		failures.push(e.message);
	}
	return failures;
}

main().catch((e) => {
	console.error(`[dev] ${e.message}`);
	stopAll(1);
});
