'use strict';
/*
 * The scenarios of one n8n line in ONE watched `n8n execute-batch` process (each `n8n execute` costs
 * seconds of start-up), each with a sandbox and credentials of its own (test/e2e/README.md).
 */
const { startSandbox } = require('../sandbox/server');
const { createData } = require('../sandbox/data');
const { KEYS } = require('../harness/secrets');
const { notes, refusedByRegexGuard, getScope, say } = require('../harness/suite');
const { PULL_SIZES } = require('./reads.cases');

/** n8n's own limit for a workflow in execute-batch is 3 minutes; today's `n8n execute` default. */
const DEFAULT_BOUND_MS = 180000;

/**
 * One sandbox per scenario (50 identities of mixed providers, a fresh data set each: a sandbox changes
 * its store) and a copy of its workflow whose OneAll credentials are the scenario's own.
 * @param {object[]} scenarios [{ number, workflow, timeoutMs? }]
 * @param {{ [credentialId]: privateKey }} privateKeys the credentials the workflows may name, and the key each holds
 * @returns {Promise<{ sandboxes, workflows, credentials, boundsMs, close }>} sandboxes and workflows in the order of `scenarios`
 */
async function prepareScenarios(scenarios, privateKeys) {
	const sandboxes = [];
	const workflows = [];
	const credentials = new Map();
	for (const [i, s] of scenarios.entries()) {
		const sandbox = await startSandbox({ port: 0, publicKey: KEYS.publicKey, privateKey: KEYS.privateKey, data: createData({ total: 50 }), pullSizes: PULL_SIZES });
		sandboxes.push(sandbox);
		const wf = JSON.parse(JSON.stringify(s.workflow));
		for (const node of wf.nodes) {
			const ref = node.credentials && node.credentials.oneAllApi;
			if (!ref) continue;
			if (!(ref.id in privateKeys)) throw new Error(`${s.number}: node "${node.name}" names an unknown credential ${ref.id}`);
			const own = { id: `${ref.id}-s${i}`, name: `${ref.name} [${s.number}]` };
			credentials.set(own.id, { ...own, type: 'oneAllApi', data: { subdomain: 'sandbox', publicKey: KEYS.publicKey, privateKey: privateKeys[ref.id], baseUrl: sandbox.url } });
			node.credentials = { ...node.credentials, oneAllApi: own };
		}
		workflows.push(wf);
	}
	return {
		sandboxes,
		workflows,
		credentials: [...credentials.values()],
		boundsMs: Object.fromEntries(scenarios.map((s) => [s.workflow.id, s.timeoutMs || DEFAULT_BOUND_MS])),
		close: () => Promise.all(sandboxes.map((sb) => sb.close())),
	};
}

/**
 * Runs the prepared scenarios in one watched batch, and those n8n refused to start again in a second
 * (reported, not hidden).
 * @returns {Promise<{ runs: object[], processes: object[], ms }>} runs in the order of `scenarios`
 */
async function runScenarios(instance, scenarios, prepared) {
	const t0 = Date.now();
	const ids = scenarios.map((s) => s.workflow.id);
	const opts = { boundsMs: prepared.boundsMs, defaultBoundMs: DEFAULT_BOUND_MS };
	const { runs, processes } = await instance.executeBatchWatched(ids, opts);
	const printed = processes.map((p) => `${p.stdout}\n${p.stderr}`).join('\n');
	const again = scenarios.filter((s, i) => refusedByRegexGuard(runs[s.workflow.id], prepared.sandboxes[i].requests.length, printed));
	if (again.length) {
		for (const s of again) {
			notes.push(`${getScope()} ${s.number}: n8n refused to start the workflow ("Regular expression execution timed out", its 250 ms regex guard on a busy CPU); ran it again`);
			say(`# note: ${notes[notes.length - 1]}`);
		}
		const second = await instance.executeBatchWatched(again.map((s) => s.workflow.id), opts);
		Object.assign(runs, second.runs);
		processes.push(...second.processes);
	}
	return { runs: ids.map((id) => runs[id]), processes, ms: Date.now() - t0 };
}

module.exports = { prepareScenarios, runScenarios };
