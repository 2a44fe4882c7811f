// Runs the BUILT node inside n8n-core's real workflow engine (WorkflowExecute → RoutingNode →
// httpRequestWithAuthentication → the credential's authenticate), the way n8n runs it; only what
// n8n's server provides is stood in for: the node type registry and the credential store.
// n8n-core 2.41 logs every failing node's error to the console: noise around jest's output. A level
// given in the environment still wins.
process.env.N8N_LOG_LEVEL ??= 'silent';
const { Workflow, createRunExecutionData } = require('n8n-workflow');
const { WorkflowExecute, ExecutionLifecycleHooks, DirectoryLoader, LoadOptionsContext } = require('n8n-core');

const { nodePath, credentialPath } = require('../..');
const { OneAll } = require(nodePath);
const { OneAllApi } = require(credentialPath);

const NODE_TYPE = 'n8n-nodes-oneall.oneAll';
const NODE_CREDENTIALS = { oneAllApi: { id: '1', name: 'OneAll account' } };

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
		// n8n 2.41's guard (ICredentialsHelper.isCredentialUsableByNode): a credential type that sets
		// restrictToSupportedNodes may only be used by the node types in its supportedNodes. Not
		// recorded in `calls`, so that they read the same as on n8n 2.8, which had no such guard.
		isCredentialUsableByNode(type, nodeType) {
			if (type !== credentialType.name || !credentialType.restrictToSupportedNodes) return true;
			return (credentialType.supportedNodes ?? []).includes(nodeType);
		},
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
		async updateCredentials() {},
		async updateCredentialsOauthTokenData() {},
		async getCredentials() {
			const data = read();
			return { getData: () => data };
		},
	};
}

/**
 * The `this` n8n's DynamicNodeParametersService gives a list-search method: a workflow holding only
 * the OneAll node "Temp-Node" with these parameters and the test's credential reference.
 */
function loadOptionsContext(parameters, additionalData, path) {
	const node = { parameters, id: 'uuid-1234', name: 'Temp-Node', type: NODE_TYPE, typeVersion: 1, position: [0, 0] };
	const workflow = new Workflow({ nodes: [{ ...node, credentials: NODE_CREDENTIALS }], connections: {}, active: false, nodeTypes });
	return new LoadOptionsContext(workflow, workflow.nodes['Temp-Node'], additionalData, path);
}

/**
 * n8n's own HTTP helper, `this.helpers.httpRequest` of a node's context: what RoutingNode and
 * httpRequestWithAuthentication call after the credential's authenticate(). Taken from a real
 * context because n8n-core 2.41 no longer exports it as a module function (it goes through its DI
 * container's OutboundHttp); nothing here adds credentials to the request.
 */
let helpers;
async function httpRequest(requestOptions) {
	const additionalData = { credentialsHelper: credentialsHelper({}), ...INSTANCE_URLS, variables: {}, secretsHelpers: {} };
	helpers ??= loadOptionsContext({}, additionalData, 'parameters.x').helpers;
	return await helpers.httpRequest(requestOptions);
}

/**
 * Runs Source → "OneAll" with the node's saved `parameters` on the input items' json.
 * `credentials`: see credentialsHelper; `onError`: 'stop', 'continueRegularOutput' or
 * 'continueErrorOutput'; `settings`: node settings as saved workflows store them (retryOnFail,
 * maxTries, waitBetweenTries, executeOnce, alwaysOutputData).
 * @returns {Promise<{ output: object[][]|undefined, error: Error|undefined, run: object }>}
 */
async function runOneAll({ parameters, items = [{}], credentials, onError = 'stop', settings = {} }) {
	const nodes = [
		{ id: 's', name: 'Source', type: 'test.source', typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: 'o',
			name: 'OneAll',
			type: NODE_TYPE,
			typeVersion: 1,
			position: [200, 0],
			parameters,
			credentials: NODE_CREDENTIALS,
			...(onError === 'stop' ? {} : { onError }),
			...settings,
		},
	];
	const connections = { Source: { main: [[{ node: 'OneAll', type: 'main', index: 0 }]] } };
	const workflow = new Workflow({ id: 'wf', nodes, connections, nodeTypes, active: false, settings: {} });
	const additionalData = {
		hooks: new ExecutionLifecycleHooks('manual', 'exec-1', { id: 'wf', nodes, connections }),
		credentialsHelper: credentialsHelper(credentials),
		executionId: 'exec-1',
		...INSTANCE_URLS,
		variables: {},
		secretsHelpers: {},
	};
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
	credentialsHelper,
	loadOptionsContext,
	httpRequest,
	INSTANCE_URLS,
	NODE_TYPE,
};
