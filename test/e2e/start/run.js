#!/usr/bin/env node
'use strict';
/*
 * The packed package under `n8n start`, per n8n line: A. the video example (a Wait node resumed by
 * OneAll's callback), B. the MCP example (the OneAll tool served to the official MCP client).
 * This file is only the runner (n8n started per line with the workflows published, the report);
 * the cases are ./video.cases.js (A) and ./mcp.cases.js (B). test/e2e/README.md has how to run it
 * and what each check proves.
 */
const fs = require('fs');
const path = require('path');

if (!process.env.N8N_E2E_VERBOSE) process.env.N8N_E2E_QUIET = '1';

const { createInstance, freePort, stopOnSignals, sleep } = require('../../harness/n8n');
const { packToTemp, ROOT } = require('../../harness/pack');
const { check, say, setScope, close, fail, secs } = require('../../harness/suite');
const { withSqlite } = require('../../harness/executions');
const { KEYS } = require('../../harness/secrets');
const { startSandbox } = require('../../sandbox/server');
const { WAIT_LIMIT_S, videoPart } = require('./video.cases');
const { MCP_TOKEN, mcpPart } = require('./mcp.cases');

const LINES = (process.env.N8N_E2E_LINES || '2,1').split(',').map((s) => s.trim()).filter(Boolean);
const ONLY = (process.env.N8N_E2E_ONLY || 'video,mcp').split(',');

const readJson = (rel) => JSON.parse(fs.readFileSync(path.join(ROOT, rel), 'utf8'));

// Workflows: the shipped examples, with only what a test must change.

function videoWorkflow() {
	const wf = readJson('examples/video-wait-for-result.json');
	const wait = wf.nodes.find((n) => n.type === 'n8n-nodes-base.wait');
	// The shipped limit is 2 hours; the test's "never" case cannot wait that long.
	Object.assign(wait.parameters, { resumeAmount: WAIT_LIMIT_S, resumeUnit: 'seconds' });
	return { ...wf, id: 'startVideoWait01' };
}

function mcpWorkflow(line) {
	const wf = readJson('examples/mcp-server.json');
	const trigger = wf.nodes.find((n) => n.type === '@n8n/n8n-nodes-langchain.mcpTrigger');
	// 1.123.81's MCP Server Trigger goes up to typeVersion 2 (2.41 has 2.1).
	if (line === '1') trigger.typeVersion = 2;
	return { ...wf, id: 'startMcpServer01' };
}

const withDb = (instance, fn) => withSqlite(instance.n8n.dir, path.join(instance.folder, '.n8n', 'database.sqlite'), fn, 'OPEN_READWRITE');

/** Marks the workflows active (2.x: published) in n8n's sqlite database before `n8n start` reads it. */
function activate(instance, ids) {
	const where = `WHERE id IN (${ids.map(() => '?').join(',')})`;
	return withDb(instance, async (all) => {
		const cols = (await all('PRAGMA table_info(workflow_entity)')).map((c) => c.name);
		const set = cols.includes('activeVersionId') ? 'active = 1, activeVersionId = versionId' : 'active = 1';
		// A workflow left inactive shows as webhooksRegistered() timing out with its count.
		await all(`UPDATE workflow_entity SET ${set} ${where}`, ids);
	});
}

/** Until n8n has registered the workflows' webhooks (it answers /healthz before that). */
async function webhooksRegistered(instance, count, timeoutMs = 120000) {
	const t0 = Date.now();
	const query = (all) => all('SELECT COUNT(DISTINCT workflowId) AS n FROM webhook_entity');
	for (;;) {
		const n = await withDb(instance, query).then((rows) => rows[0].n, () => 0);
		if (n >= count) return Date.now() - t0;
		if (Date.now() - t0 > timeoutMs) throw new Error(`only ${n} of ${count} workflows have their webhooks registered after ${timeoutMs} ms`);
		await sleep(250);
	}
}

/** The parts in the order they run: each one's workflow (built per line) and its cases. */
const PARTS = [
	{ name: 'video', workflowOf: videoWorkflow, run: videoPart },
	{ name: 'mcp', workflowOf: mcpWorkflow, run: mcpPart },
];

async function runLine(line, tgz, sandbox) {
	setScope(`[n8n line ${line}]`);
	const t0 = Date.now();
	let instance;
	let editor;
	try {
		instance = await createInstance({ line, tarball: tgz });
		setScope(`[n8n ${instance.version} start]`);
		await instance.importCredentials([
			{ id: 'oneall-credential', name: 'OneAll account', type: 'oneAllApi', data: { subdomain: 'sandbox', publicKey: KEYS.publicKey, privateKey: KEYS.privateKey, baseUrl: sandbox.url } },
			{ id: 'mcp-bearer-cred1', name: 'MCP client token', type: 'httpBearerAuth', data: { token: MCP_TOKEN } },
		]);
		const parts = PARTS.filter((p) => ONLY.includes(p.name)).map((p) => ({ ...p, workflow: p.workflowOf(line) }));
		const wfs = parts.map((p) => p.workflow);
		await instance.importWorkflows(wfs);
		await activate(instance, wfs.map((w) => w.id));
		editor = await instance.startEditor({ port: await freePort(), timeoutMs: 240000 });
		const hooksMs = await webhooksRegistered(instance, wfs.length);
		check(`n8n start ready, ${wfs.length} published workflow(s) with their webhooks registered`, () => `${secs(Date.now() - t0)} from nothing (webhooks ${secs(hooksMs)} after /rest/settings answered)`);
		for (const { run, workflow } of parts) await run({ instance, editor, sandbox, line, workflow });
	} catch (err) {
		check('the line ran to its end', () => fail(err.stack || String(err)));
		if (editor) say(`# n8n log (last 3000 characters):\n${editor.logs().slice(-3000)}`);
	} finally {
		if (instance) await instance.cleanup();
	}
	say(`# line ${line}: ${secs(Date.now() - t0)}`);
}

async function main() {
	const t0 = Date.now();
	let sandbox;
	try {
		const { tgz } = packToTemp('start', check);
		sandbox = await startSandbox({ port: 0, publicKey: KEYS.publicKey, privateKey: KEYS.privateKey });
		for (const line of LINES) await runLine(line, tgz, sandbox);
	} catch (err) {
		check('the runner ran to its end', () => fail(err.stack || String(err)));
	} finally {
		if (sandbox) await sandbox.close();
	}
	setScope('');
	say(`# total ${secs(Date.now() - t0)}`);
	close();
}

stopOnSignals();
main();
