#!/usr/bin/env node
'use strict';
/*
 * `npm run dev`: a real n8n editor with this package installed from its tarball, a ready credential and
 * the workflows of examples/, all against the local OneAll sandbox (options: USAGE). The user folder
 * (dev-user in the n8n cache) is kept across runs: the credential is imported on every run (its Base URL
 * follows the sandbox's port), an example only when its file changed. Ctrl-C stops everything, exit 0.
 */
const fs = require('fs');
const path = require('path');
const util = require('util');
const crypto = require('crypto');
const { cacheRoot } = require('../test/harness/install-n8n');
const { createInstance, freePort, portFree } = require('../test/harness/n8n');
const { packToTemp, ROOT, PACKAGE } = require('../test/harness/pack');
const { startSandbox } = require('../test/sandbox/server');
const sandboxData = require('../test/sandbox/data');

if (!process.env.N8N_E2E_VERBOSE) process.env.N8N_E2E_QUIET = '1';

const USAGE = `usage: node scripts/dev.js [--port 5678] [--sandbox-port 5679] [--fresh] [--check]
  --port N          the editor's port (default 5678, or $N8N_DEV_PORT)
  --sandbox-port N  the sandbox's port (default 5679, or $ONEALL_SANDBOX_PORT; a free one when taken)
  --fresh           start from an empty n8n user folder (drops workflows/executions you made)
  --check           start everything, check over REST that the credential, the examples and the
                    node and credential types are there and that the Identity list loads from the
                    sandbox with that credential, stop everything; exit 0, or 1 when a check failed`;
const NODE_TYPE = `${PACKAGE.name}.oneAll`;
const CREDENTIAL = { id: 'oneAllSandbox001', name: 'OneAll sandbox', type: 'oneAllApi' };
const CREDENTIAL_REF = { oneAllApi: { id: CREDENTIAL.id, name: CREDENTIAL.name } };
const OWNER = { email: 'dev@example.com', firstName: 'OneAll', lastName: 'Developer', password: 'OneAll-Dev-Passw0rd' };
/** Resource locator fields set to the first entry of a Pull list (pageId: its page_id, labelled by name or title). */
const PULL_LISTS = { pageId: 'pages', groupId: 'groups', companyId: 'companies', boardId: 'boards', playlistId: 'playlists' };

const say = (msg) => console.log(`[dev] ${msg}`);
/** Prints the usage (after `error`, if any, on stderr) and exits: 0 for --help, 2 for a wrong argument. */
const usage = (error) => {
	(error ? console.error : console.log)(error ? `${error}\n${USAGE}` : USAGE);
	process.exit(error ? 2 : 0);
};

function parseArgs(args) {
	const flag = { type: 'boolean' };
	const options = { port: { type: 'string' }, 'sandbox-port': { type: 'string' }, fresh: flag, check: flag, help: { ...flag, short: 'h' } };
	let values;
	try {
		({ values } = util.parseArgs({ args, options }));
	} catch (e) {
		usage(e.message);
	}
	if (values.help) usage();
	const port = Number(values.port ?? (process.env.N8N_DEV_PORT || 5678));
	const sandboxPort = Number(values['sandbox-port'] ?? (process.env.ONEALL_SANDBOX_PORT || 5679));
	for (const [name, n] of [['port', port], ['sandbox-port', sandboxPort]]) {
		if (!Number.isInteger(n) || n < 1 || n > 65535) usage(`--${name} must be a port number`);
	}
	return { port, sandboxPort, fresh: !!values.fresh, check: !!values.check };
}

const isExpression = (v) => typeof v === 'string' && v.startsWith('=');
/** A resource locator set from the list, as the editor stores it. */
function listValue(value, cachedResultName, cachedResultUrl) {
	return { __rl: true, mode: 'list', value, cachedResultName, ...(cachedResultUrl ? { cachedResultUrl } : {}) };
}

// An example for the dev instance: OneAll nodes use the sandbox credential, the named identity of their network and
// ids from its Pull lists; a value from an expression, or a node with no identity, is left as the example has it.
function rewriteExample(file, json) {
	// n8n ids: 16 characters; with a digit (n8n's execute-batch drops ids without one).
	const id = `dev${crypto.createHash('sha1').update(path.basename(file, '.json')).digest('hex').slice(0, 12)}9`;
	const wf = { ...structuredClone(json), id, active: false, settings: json.settings || { executionOrder: 'v1' } };
	for (const node of wf.nodes.filter((n) => n.type === NODE_TYPE)) {
		node.credentials = { ...node.credentials, ...CREDENTIAL_REF };
		const p = node.parameters || {};
		const resource = String(p.resource || '').toLowerCase();
		const identity = sandboxData.named[sandboxData.PROVIDERS_WITH_PUSH.find((provider) => resource.startsWith(provider))];
		if (!identity) continue;
		if (p.identityToken && typeof p.identityToken === 'object' && !isExpression(p.identityToken.value)) {
			// The label the node's identity list shows (nodes/OneAll/listSearch/getIdentities.ts).
			const token = identity.identity_token;
			const label = `${identity.displayName || identity.preferredUsername} (${identity.provider}, ${token.slice(0, 8)}…)`;
			p.identityToken = listValue(token, label, identity.profileUrl);
		}
		const lists = sandboxData.pull[identity.identity_token] || {};
		for (const [field, list] of Object.entries(PULL_LISTS)) {
			const first = (lists[list] || [])[0];
			if (p[field] && typeof p[field] === 'object' && !isExpression(p[field].value) && first) {
				p[field] = listValue(String(first[field.replace(/Id$/, '_id')]), String(first.name ?? first.title));
			}
		}
	}
	return wf;
}

// What stopAll() stops on exit / Ctrl-C: the sandbox, the dev user folder's n8n (instance) and its `n8n start` (editor).
let sandbox, instance, editor, stopping;

function stopAll(code) {
	stopping ??= (async () => {
		if (editor && editor.child.exitCode === null && editor.child.signalCode === null) say('stopping n8n ...');
		// The editor gets SIGTERM (SIGKILL after 15 s), the user folder is kept; the harness kills any CLI command on exit.
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
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stopAll(0));

/** Imports the examples that changed since the last run (or all, with --fresh); returns every one's id and name. */
async function importExamples(folder, fresh) {
	const statePath = path.join(folder, 'dev-state.json');
	const state = fs.existsSync(statePath) ? JSON.parse(fs.readFileSync(statePath, 'utf8')) : { examples: {} };
	const examplesDir = path.join(ROOT, 'examples');
	const workflows = fs.readdirSync(examplesDir).filter((name) => name.endsWith('.json')).sort().map((file) => {
		const text = fs.readFileSync(path.join(examplesDir, file), 'utf8');
		const wf = rewriteExample(file, JSON.parse(text));
		return { file, id: wf.id, name: wf.name, wf, hash: crypto.createHash('sha1').update(text).update(CREDENTIAL.id).digest('hex') };
	});
	const toImport = workflows.filter((w) => fresh || state.examples[w.file] !== w.hash);
	if (toImport.length) {
		say(`importing ${toImport.length} example workflow(s): ${toImport.map((w) => w.file).join(', ')} ...`);
		await instance.importWorkflows(toImport.map((w) => w.wf));
		for (const { file, hash } of toImport) state.examples[file] = hash;
	} else {
		say('example workflows already imported and unchanged (run with --fresh to start over)');
	}
	fs.writeFileSync(statePath, `${JSON.stringify(state, null, 2)}\n`);
	return workflows;
}

async function main() {
	const opts = parseArgs(process.argv.slice(2));
	const t0 = Date.now();
	const hint = 'Stop it, or run `node scripts/dev.js --port <free port>` (or N8N_DEV_PORT=<port> npm run dev).';
	if (!(await portFree(opts.port))) throw new Error(`port ${opts.port} is taken (another n8n?). ${hint}`);
	const { tgz } = packToTemp('dev');
	say(`packed ${path.basename(tgz)}`);

	const sandboxPort = (await portFree(opts.sandboxPort)) ? opts.sandboxPort : await freePort();
	if (sandboxPort !== opts.sandboxPort) say(`port ${opts.sandboxPort} is taken: the sandbox uses port ${sandboxPort} instead`);
	sandbox = await startSandbox({ port: sandboxPort, host: '127.0.0.1' });
	say(`OneAll sandbox on ${sandbox.url}`);

	say('making sure n8n 2.x is installed (the first time: several minutes) ...');
	const folder = path.join(cacheRoot(), 'dev-user');
	if (opts.fresh) fs.rmSync(folder, { recursive: true, force: true });
	instance = await createInstance({ line: '2', folder, owner: OWNER });
	say(`n8n ${instance.version}, user folder ${folder}`);
	// As a user installs it by hand; a new build keeps its version number, so replace it.
	fs.rmSync(path.join(instance.nodesDir, 'node_modules', PACKAGE.name), { recursive: true, force: true });
	await instance.installPackage(tgz);
	say(`installed ${PACKAGE.name}@${PACKAGE.version} into ${instance.nodesDir}`);

	say('importing the credential "OneAll sandbox" ...');
	const data = { subdomain: 'sandbox', publicKey: sandbox.publicKey, privateKey: sandbox.privateKey, baseUrl: sandbox.url };
	await instance.importCredentials([{ ...CREDENTIAL, data }]);
	const workflows = await importExamples(folder, opts.fresh);

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
		for (const stream of [editor.child.stdout, editor.child.stderr]) stream.on('data', forward);
	}

	const firstUse = !!editor.settings?.userManagement?.showSetupOnFirstLoad;
	// Creates the owner on first use; a folder made with another owner refuses the login (no cookie then).
	const cookie = await editor.login().catch((e) => {
		if (/owner\/setup/.test(e.message)) throw e;
	});
	editor.cookie = cookie;
	if (cookie && firstUse) say(`created the owner ${OWNER.email}`);

	const wfLines = workflows.map((w) => `     - ${w.name}: ${url}/workflow/${w.id}`).join('\n');
	const refused = cookie ? '' : '\n                (this login was refused: the folder has another owner; run with --fresh to reset it)';
	console.log(`
  n8n with ${PACKAGE.name} is ready (${((Date.now() - t0) / 1000).toFixed(0)}s): ${url}

  Log in with   email:    ${OWNER.email}
                password: ${OWNER.password}${refused}

  Credential    "${CREDENTIAL.name}" (OneAll API) → ${sandbox.url}
  Workflows${workflows.length ? `\n${wfLines}` : '  (none in examples/)'}
  Sandbox       ${sandbox.url}  (keys ${sandbox.publicKey} / ${sandbox.privateKey};
                what it received: ${sandbox.url}/__sandbox/requests)

  Press Ctrl-C to stop n8n and the sandbox.
`);

	if (opts.check) {
		const failures = cookie ? await check(url, workflows) : ['the owner login was refused'];
		for (const f of failures) console.log(`[dev] check FAILED: ${f}`);
		if (!failures.length) {
			console.log('[dev] check: ok (credential, workflows, node and credential types are there; the Identity list loads from the sandbox)');
		}
		await stopAll(failures.length ? 1 : 0);
	}
}

/** --check: what a newcomer would see, over the editor's own REST API. */
async function check(url, workflows) {
	const failures = [];
	const want = (ok, failure) => ok || !failures.push(failure); // records the failure; returns whether ok
	const get = async (route) => (await editor.rest('GET', route)).data;
	const json = (route) => fetch(`${url}${route}`, { headers: { cookie: editor.cookie } }).then((r) => r.json());
	try {
		const health = await json('/healthz');
		want(health?.status === 'ok', `/healthz answered ${JSON.stringify(health)}`);
		const creds = (await get('/credentials')).map((c) => [c.id, c.name, c.type]);
		const { id, name, type } = CREDENTIAL;
		const found = creds.some(([i, n, t]) => i === id && n === name && t === type);
		want(found, `credential ${id} "${name}" (${type}) missing: ${JSON.stringify(creds)}`);
		const stored = new Set((await get('/workflows')).map((x) => x.id));
		for (const w of workflows) {
			if (!want(stored.has(w.id), `workflow ${w.id} (${w.file}) missing`)) continue;
			for (const n of (await get(`/workflows/${w.id}`)).nodes.filter((x) => x.type === NODE_TYPE)) {
				want(n.credentials?.oneAllApi?.id === CREDENTIAL.id, `${w.file}: node "${n.name}" does not use the sandbox credential`);
				// As rewriteExample: a node with no identity (Identity → Get Many) or one from an
				// expression (the fan-out's, from the node before) gets it at run time.
				const token = n.parameters.identityToken?.value;
				const known = token === undefined || isExpression(token) || sandboxData.identities.some((i) => i.identity_token === token);
				want(known, `${w.file}: node "${n.name}" identity ${JSON.stringify(token)} is not a sandbox identity`);
			}
		}
		want((await json('/types/nodes.json')).some((t) => t.name === NODE_TYPE), `node type ${NODE_TYPE} not loaded`);
		want((await json('/types/credentials.json')).some((t) => t.name === CREDENTIAL.type), `credential type ${CREDENTIAL.type} not loaded`);
		// The credential reaches the sandbox: the Identity list of a Twitter node, as the editor asks for it.
		const before = sandbox.requests.length;
		const { data } = await editor.rest('POST', '/dynamic-node-parameters/resource-locator-results', {
			path: 'parameters.identityToken',
			methodName: 'getIdentities',
			nodeTypeAndVersion: { name: NODE_TYPE, version: 1 },
			currentNodeParameters: { resource: 'twitter', operation: 'publishTweet', identityToken: listValue('') },
			credentials: CREDENTIAL_REF,
			filter: '',
		});
		const results = data?.results || [];
		const twitterCount = sandboxData.identities.filter((i) => i.provider === 'twitter').length;
		const asked = sandbox.requests.slice(before).filter((r) => r.pathname === '/identities.json');
		const keysUsed = asked.length > 0 && asked.every((r) => r.headers.authorization === sandbox.authHeader && r.status === 200);
		const answer = `${results.length} entries (expected ${twitterCount}) ${JSON.stringify(data).slice(0, 300)}`;
		if (want(results.length === twitterCount, `Identity list: ${answer}`)) {
			want(keysUsed, 'Identity list: the sandbox did not receive /identities.json with the credential\'s keys');
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
