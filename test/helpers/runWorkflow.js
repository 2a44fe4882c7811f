// Runs the BUILT node inside n8n-core's real workflow engine (WorkflowExecute → RoutingNode →
// httpRequestWithAuthentication → the credential's authenticate); stood in for is only what n8n's
// server provides: the node type registry and the credential store. n8n-core logs every failing
// node's error to the console, noise around jest's output (a level set in the environment wins).
process.env.N8N_LOG_LEVEL ??= 'silent';
const { Workflow, createRunExecutionData } = require('n8n-workflow');
const { WorkflowExecute, ExecutionLifecycleHooks, DirectoryLoader, LoadOptionsContext } = require('n8n-core');

const { nodePath, credentialPath } = require('../..');
const { OneAll } = require(nodePath);
const { OneAllApi } = require(credentialPath);

const NODE_TYPE = 'n8n-nodes-oneall.oneAll';
const NODE_CREDENTIALS = { oneAllApi: { id: '1', name: 'OneAll account' } };
/** The node n8n's DynamicNodeParametersService puts in the workflow of a list search. */
const TEMP_NODE = { id: 'uuid-1234', name: 'Temp-Node', type: NODE_TYPE, typeVersion: 1, position: [0, 0] };

/** A pass-through first node: it emits the items the test hands in. */
const source = {
	description: { displayName: 'Source', name: 'source', version: 1, inputs: ['main'], outputs: ['main'], properties: [] },
	async execute() {
		return [this.getInputData()];
	},
};

const oneAll = new OneAll();
// n8n's loader adds the "Request Options" collection to every declarative node.
DirectoryLoader.applyDeclarativeNodeOptionParameters(oneAll);
const credentialType = new OneAllApi();

const typeOf = (type) => (type === NODE_TYPE ? oneAll : source);
const nodeTypes = { getByName: typeOf, getByNameAndVersion: typeOf, getKnownTypes: () => ({}) };

/** The instance's URLs, as n8n's additional data carries them. */
const INSTANCE_URLS = {
	restApiUrl: 'http://localhost:5678/rest',
	instanceBaseUrl: 'http://localhost:5678/',
	webhookBaseUrl: 'http://localhost:5678/webhook',
	webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
	webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
	formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
};

/**
 * n8n's credential store for one oneAllApi credential. `credentials` is its decrypted data, or a
 * function that gives it for the n-th read (from 1) and may throw, as n8n's store can. `calls`
 * records what n8n asked for (type names only, never the data).
 */
function credentialsHelper(credentials) {
	const calls = [];
	let reads = 0;
	const read = () => (typeof credentials === 'function' ? credentials(++reads) : { ...credentials });
	return {
		calls,
		getParentTypes: () => [],
		// n8n 2.41's guard: a credential type with restrictToSupportedNodes serves only its supportedNodes.
		// Not recorded in `calls`, so that they read the same as on n8n 2.8, which had no such guard.
		isCredentialUsableByNode: (type, nodeType) =>
			type !== credentialType.name || !credentialType.restrictToSupportedNodes || (credentialType.supportedNodes ?? []).includes(nodeType),
		async getDecrypted(_additionalData, nodeCredentials, type) {
			calls.push({ method: 'getDecrypted', type, id: nodeCredentials?.id });
			if (type !== 'oneAllApi') throw new Error(`unexpected credential type ${type}`);
			return read();
		},
		preAuthentication: async () => undefined,
		runPreAuthentication: async () => undefined,
		async authenticate(decrypted, typeName, requestOptions) {
			calls.push({ method: 'authenticate', type: typeName });
			if (typeName !== 'oneAllApi') throw new Error(`unexpected credential type ${typeName}`);
			return await credentialType.authenticate(decrypted, requestOptions);
		},
		getCredentialsProperties: () => credentialType.properties,
	};
}

/** What every node context reaches of n8n's additional data: the instance's URLs and the credential store. */
function additionalDataFor(credentials) {
	return { credentialsHelper: credentialsHelper(credentials), ...INSTANCE_URLS, variables: {}, secretsHelpers: {} };
}

/** The `this` n8n gives a list-search method: a workflow of only the Temp-Node with these parameters and the test's credential. */
function loadOptionsContext(parameters, additionalData, path) {
	const node = { parameters, ...TEMP_NODE, credentials: NODE_CREDENTIALS };
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	return new LoadOptionsContext(workflow, workflow.nodes['Temp-Node'], additionalData, path);
}

/**
 * n8n's own HTTP helper, what RoutingNode calls after the credential's authenticate(), taken from a
 * real context's helpers: n8n-core 2.41 no longer exports it. It adds no credentials to the request.
 */
let helpers;
async function httpRequest(requestOptions) {
	helpers ??= loadOptionsContext({}, additionalDataFor({}), 'parameters.x').helpers;
	return await helpers.httpRequest(requestOptions);
}

/**
 * Runs Source → "OneAll" (its saved `parameters`) on the items' json; `onError` and `settings`
 * (retryOnFail, maxTries, executeOnce, …) as saved workflows store them on the node.
 * @returns {Promise<{ output: object[][]|undefined, error: Error|undefined, run: object }>}
 */
async function runOneAll({ parameters, items = [{}], credentials, onError = 'stop', settings = {} }) {
	const node = { id: 'o', name: 'OneAll', type: NODE_TYPE, typeVersion: 1, position: [200, 0], parameters, credentials: NODE_CREDENTIALS };
	const nodes = [
		{ id: 's', name: 'Source', type: 'test.source', typeVersion: 1, position: [0, 0], parameters: {} },
		{ ...node, ...(onError === 'stop' ? {} : { onError }), ...settings },
	];
	const connections = { Source: { main: [[{ node: 'OneAll', type: 'main', index: 0 }]] } };
	const workflow = new Workflow({ id: 'wf', nodes, connections, nodeTypes, active: false, settings: {} });
	const hooks = new ExecutionLifecycleHooks('manual', 'exec-1', { id: 'wf', nodes, connections });
	const additionalData = { ...additionalDataFor(credentials), hooks, executionId: 'exec-1' };
	const stack = [{ node: nodes[0], data: { main: [items.map((json) => ({ json }))] }, source: null }];
	const runExecutionData = createRunExecutionData({ executionData: { nodeExecutionStack: stack } });
	// Resolves with the same run the workflowExecuteAfter hook receives.
	const run = await new WorkflowExecute(additionalData, 'manual', runExecutionData).processRunExecutionData(workflow);
	const taskData = run.data.resultData.runData.OneAll?.[0];
	return { output: taskData?.data?.main, error: taskData?.error ?? run.data.resultData.error, run };
}

module.exports = {
	runOneAll,
	oneAll,
	credentialType,
	additionalDataFor,
	loadOptionsContext,
	httpRequest,
	TEMP_NODE,
};
