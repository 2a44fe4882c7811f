'use strict';
/* The settings matrix (test/e2e/README.md): its cases, their credentials, one watched batch per line, the checks. */
const fs = require('fs');
const path = require('path');
const data = require('../../sandbox/data');
const { check, say, getScope, fail, secs } = require('../../harness/suite');
const { verifyStoredRun, checkBatchPrinted } = require('../../harness/verify-run');
const { SANDBOX_CREDENTIAL, SANDBOX_TLS_CREDENTIAL } = require('../../harness/workflow');
const { settingsCases } = require('./settings.cases');
const { agentCases, CHAT_CREDENTIAL } = require('./agent.cases');
const { fanoutCases } = require('./fanout.cases');
const { tagged } = require('./expect');

const DEFAULT_BOUND_MS = 60000;

/** Twitter identities of the sandbox's data set, after the named ones the other workflows use. */
const IDENTITIES = data.identities.filter((i) => i.provider === 'twitter').slice(3).map((i) => i.identity_token);

/**
 * The cases of one n8n line ([{ key, title, workflow, subWorkflows?, boundMs?, verify }]) whose key
 * starts with an entry of `only`, and the chat model's scripts; a case may name `sandboxUrl` as its proxy.
 */
function buildMatrix({ line, only, sandboxUrl }) {
	let next = 0;
	const take = (n) => {
		if (next + n > IDENTITIES.length) throw new Error('the sandbox has too few Twitter identities for the matrix');
		return IDENTITIES.slice(next, (next += n));
	};
	let n = 0;
	// n8n ids: at most 16 letters and digits, with a digit (execute-batch drops ids without one).
	const id = (key) => `mx${String(++n).padStart(3, '0')}${key.replace(/[^A-Za-z0-9]/g, '')}`.slice(0, 16);
	const agent = agentCases({ take, id, line });
	let cases = [...settingsCases({ take, id, sandboxUrl }), ...agent.cases, ...fanoutCases({ take, id })];
	if (only) cases = cases.filter((c) => only.some((o) => c.key.startsWith(o) || o === 'matrix'));
	return { cases, scripts: agent.scripts };
}

/** The workflows to import for these cases (their sub-workflows too). */
const workflowsOf = (cases) => cases.flatMap((c) => [c.workflow, ...(c.subWorkflows || [])]);

/**
 * 2.x runs a called sub-workflow only once published; its publication service would look the version
 * publish:workflow set up in a table only a running `n8n start` fills, so the batch runs without it.
 */
const BATCH_ENV = { 1: {}, 2: { N8N_USE_WORKFLOW_PUBLICATION_SERVICE: 'false' } };

/** The OneAll credentials of the matrix's workflows: its own sandbox, over HTTP and over HTTPS. */
const matrixCredentials = (sandbox, { publicKey, privateKey }) =>
	[
		[SANDBOX_CREDENTIAL, sandbox.url],
		[SANDBOX_TLS_CREDENTIAL, sandbox.tlsUrl],
	].map(([credential, baseUrl]) => ({ ...credential, type: 'oneAllApi', data: { subdomain: 'sandbox', publicKey, privateKey, baseUrl } }));

/** The credential of the OpenAI Chat Model node, pointed at the scripted model. */
const chatCredential = (model) => ({ ...CHAT_CREDENTIAL, type: 'openAiApi', data: { apiKey: 'sk-e2e-scripted-model-no-key', url: `${model.url}/v1` } });

/** Writes each case's workflow (and sub-workflows) as importable JSON into `dir`. */
function writeWorkflows(cases, dir) {
	fs.mkdirSync(dir, { recursive: true });
	for (const wf of workflowsOf(cases)) fs.writeFileSync(path.join(dir, `${wf.id}.json`), `${JSON.stringify(wf, null, 2)}\n`);
}

/** Runs the cases in one watched batch and checks each. Returns the time it took. */
async function runMatrix({ instance, sandbox, model, cases, line }) {
	const t0 = Date.now();
	for (const c of cases) for (const sub of c.subWorkflows || []) await instance.publishWorkflow(sub.id);
	sandbox.reset();
	model.reset();
	const ids = cases.map((c) => c.workflow.id);
	const boundsMs = Object.fromEntries(cases.map((c) => [c.workflow.id, c.boundMs || DEFAULT_BOUND_MS]));
	const { runs, processes } = await instance.executeBatchWatched(ids, { boundsMs, env: BATCH_ENV[line] });
	const ms = Date.now() - t0;
	const requests = sandbox.requests.slice();
	const conversations = model.conversations();
	say(`# ${getScope()} matrix: ${cases.length} workflows in ${processes.length} execute-batch process(es), ${secs(ms)}, ${requests.length} requests to the sandbox`);
	for (const c of cases) {
		const run = runs[c.workflow.id];
		const mine = tagged(requests, c.key);
		const bound = boundsMs[c.workflow.id];
		say(`# ${getScope()} ${c.key} ${c.title}: ${run.ms === undefined ? '?' : secs(run.ms)}, ${mine.length} requests`);
		check(`${c.key}: ended within its bound (${secs(bound)})`, () => {
			if (run.hung) fail(`still running after ${secs(bound)}: stopped`);
			if (run.status === 'not-run') fail(run.error.message);
			if (!(run.ms <= bound)) fail(`took ${secs(run.ms)}`);
			return secs(run.ms);
		});
		if (run.hung || run.status === 'not-run') continue;
		verifyStoredRun({
			name: c.key,
			line,
			run,
			verify: () => c.verify({ run, requests: mine, model: conversations, line }),
			dump: () => ({ run, requests: mine, model: model.requests.filter((r) => JSON.stringify(r.body || '').includes(`[${c.key}]`)) }),
		});
	}
	checkBatchPrinted('matrix: no key and no Base64 Authorization in what execute-batch printed', processes);
	return ms;
}

module.exports = { buildMatrix, workflowsOf, matrixCredentials, chatCredential, writeWorkflows, runMatrix };
