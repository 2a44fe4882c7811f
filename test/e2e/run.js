#!/usr/bin/env node
'use strict';
/*
 * End-to-end suite: the packed package installed into a real n8n (each line), every scenario's
 * workflow (./scenarios.js) run in one watched `execute-batch` against a sandbox of its own, then
 * the settings matrix (./matrix). test/e2e/README.md says what it proves and how to run a part.
 */
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

if (!process.env.N8N_E2E_VERBOSE) process.env.N8N_E2E_QUIET = '1';

const { createInstance, stopOnSignals } = require('../harness/n8n');
const { notes, close, crashed, setScope, getScope, say, check, fail, assertEqual, secs } = require('../harness/suite');
const { KEYS, checkLeakScanner } = require('../harness/secrets');
const { verifyStoredRun, checkBatchPrinted } = require('../harness/verify-run');
const { packToTemp, PACKAGE } = require('../harness/pack');
const { startChatModel } = require('../harness/chatModel');
const { startSandbox } = require('../sandbox/server');
const { selfSignedCert } = require('../sandbox/selfSigned');
const { buildMatrix, workflowsOf, chatCredential, matrixCredentials, writeWorkflows, runMatrix } = require('./matrix');
const { prepareScenarios, runScenarios } = require('./scenario-batch');
const { selectScenarios, CREDENTIALS } = require('./scenarios.cases');

// The harness removes the user folders and stops n8n on exit and on these signals.
stopOnSignals(() => say('\n# interrupted: stopping n8n and cleaning up'));

function nodeVersion(bin) {
	try {
		return execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim();
	} catch {
		return '?';
	}
}

/** The private key each credential the scenario workflows name holds (each scenario gets copies). */
const PRIVATE_KEYS = {
	[CREDENTIALS.good.id]: KEYS.privateKey,
	[CREDENTIALS.bad.id]: KEYS.wrongPrivateKey,
	[CREDENTIALS.example.id]: KEYS.privateKey,
};

/**
 * Checks each scenario against its run (what n8n stored for it) and its own sandbox's requests,
 * and that no key reached what the batch printed or stored.
 */
function verifyScenarios({ line, scenarios: list, prepared, batch, instance }) {
	list.forEach((s, i) => {
		const run = batch.runs[i];
		const requests = prepared.sandboxes[i].requests.slice();
		say(`# ${getScope()} ${s.number} ${s.title}: ${run.ms === undefined ? '?' : secs(run.ms)}, ${requests.length} requests to the sandbox`);
		verifyStoredRun({ name: s.number, line, run, verify: () => s.verify({ run, requests, instance }), dump: () => ({ run, requests }) });
	});
	checkBatchPrinted('scenarios: no key and no Base64 Authorization in what execute-batch printed (stdout, stderr)', batch.processes);
}

async function runLine(line, { tgz, scenarios, matrixSandbox, model, timings, only }) {
	const t0 = Date.now();
	const label = `${line}.x`;
	setScope(`[${label}]`);
	say(`# n8n line ${label}: preparing (installs n8n into the cache on first use)`);
	let instance;
	let prepared;
	const t = {};
	try {
		const tc = Date.now();
		instance = await createInstance({ line, tarball: tgz });
		t.instance = Date.now() - tc;
		setScope(`[${label} n8n ${instance.version} · Node ${nodeVersion(instance.n8n.nodeBin)}]`);
		say(`# ${getScope()} user folder ${instance.folder}`);
		check('the tarball is installed in .n8n/nodes like a user does it', () => {
			const pj = path.join(instance.nodesDir, 'node_modules', PACKAGE.name, 'package.json');
			if (!fs.existsSync(pj)) fail(`${pj} missing`);
			assertEqual(JSON.parse(fs.readFileSync(pj, 'utf8')).version, PACKAGE.version, 'installed version');
			const deps = JSON.parse(fs.readFileSync(path.join(instance.nodesDir, 'package.json'), 'utf8')).dependencies || {};
			if (!deps[PACKAGE.name]) fail(`.n8n/nodes/package.json does not list ${PACKAGE.name}`);
			const peer = path.join(instance.nodesDir, 'node_modules', 'n8n-workflow');
			if (fs.existsSync(peer)) fail('n8n-workflow was installed next to the package (a peer must come from n8n)');
		});

		const ti = Date.now();
		prepared = await prepareScenarios(scenarios, PRIVATE_KEYS);
		const credentials = [...prepared.credentials, ...matrixCredentials(matrixSandbox, KEYS), chatCredential(model)];
		await instance.importCredentials(credentials);
		const matrix = buildMatrix({ line, only, sandboxUrl: matrixSandbox.url });
		Object.assign(model.scripts, matrix.scripts);
		if (process.env.N8N_E2E_WRITE) writeWorkflows(matrix.cases, path.join(process.env.N8N_E2E_WRITE, `n8n-${line}`));
		const all = [...prepared.workflows, ...workflowsOf(matrix.cases)];
		await instance.importWorkflows(all);
		t.import = Date.now() - ti;
		check(`${credentials.length} credentials and ${all.length} workflows imported (one import:workflow call)`, () => `${secs(t.import)}`);

		const batch = await runScenarios(instance, scenarios, prepared);
		t.execute = batch.ms;
		say(`# ${getScope()} scenarios: ${scenarios.length} workflows in ${batch.processes.length} execute-batch process(es), ${secs(batch.ms)}`);
		verifyScenarios({ line, scenarios, prepared, batch, instance });
		if (matrix.cases.length) t.matrix = await runMatrix({ instance, sandbox: matrixSandbox, model, cases: matrix.cases, line });
	} catch (err) {
		check('the line ran to its end', () => fail(err.stack || String(err)));
	} finally {
		if (instance) await instance.cleanup();
		if (prepared) await prepared.close();
	}
	t.total = Date.now() - t0;
	timings[label] = t;
}

async function main() {
	const t0 = Date.now();
	const lines = (process.env.N8N_E2E_LINES || '2,1').split(',').map((s) => s.trim()).filter(Boolean);
	const only = process.env.N8N_E2E_ONLY ? process.env.N8N_E2E_ONLY.split(',').map((s) => s.trim()) : null;

	const scenarios = selectScenarios(only);

	setScope('[setup]');
	const { tgz } = packToTemp('e2e', check);
	checkLeakScanner(check);
	// The settings matrix has a sandbox of its own, with the full data set (it spreads its cases
	// over 70 Twitter identities), and the scripted chat model for the AI Agent cases.
	const matrixSandbox = await startSandbox({ port: 0, publicKey: KEYS.publicKey, privateKey: KEYS.privateKey, tls: selfSignedCert() });
	const model = await startChatModel({});
	say(`# the matrix's sandbox at ${matrixSandbox.url}, scripted chat model at ${model.url}`);
	const timings = {};
	try {
		for (const line of lines) await runLine(line, { tgz, scenarios, matrixSandbox, model, timings, only });
	} finally {
		await matrixSandbox.close();
		await model.close();
	}

	setScope('');
	say('#');
	for (const [label, t] of Object.entries(timings)) {
		say(`# ${label}: ${secs(t.total)} (n8n ready + package installed ${secs(t.instance || 0)}, imports ${secs(t.import || 0)}, executions ${secs(t.execute || 0)}, settings matrix ${secs(t.matrix || 0)})`);
	}
	say(`# total ${secs(Date.now() - t0)}`);
	for (const n of notes) say(`# note: ${n}`);
	close();
}

main().catch(crashed);
