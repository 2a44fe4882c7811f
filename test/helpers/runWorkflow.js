// Runs the BUILT node inside n8n-core's real workflow engine (WorkflowExecute → RoutingNode →
// httpRequestWithAuthentication → the credential's authenticate), the way n8n runs it, with a
// minimal stand-in only for what n8n's server would provide: node type registry and credential store.
// n8n-core 2.41 logs every failing node's error through its Logger, to the console: in jest that is
// noise around the tests' own output. A level given in the environment still wins.
process.env.N8N_LOG_LEVEL ??= 'silent';
const { Workflow } = require('n8n-workflow');
const { WorkflowExecute, ExecutionLifecycleHooks, DirectoryLoader, LoadOptionsContext } = require('n8n-core');

const { nodePath, credentialPath } = require('../..');
const { OneAll } = require(nodePath);
const { OneAllApi } = require(credentialPath);

const NODE_TYPE = 'n8n-nodes-oneall.oneAll';

/** A pass-through first node: it emits the items the test hands in. */
class Source {
	description = {
		displayName: 'Source',
		name: 'source',
		group: ['input'],
		version: 1,
		defaults: { name: 'Source' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [],
	};
	async execute() {
		return [this.getInputData()];
	}
}

function loadOneAll() {
	const node = new OneAll();
	// n8n's loader adds the "Request Options" collection to every declarative node.
	DirectoryLoader.applyDeclarativeNodeOptionParameters(node);
	return node;
}

const oneAll = loadOneAll();
const source = new Source();
const credentialType = new OneAllApi();

const nodeTypes = {
	getByName: (type) => (type === NODE_TYPE ? oneAll : source),
	getByNameAndVersion: (type) => (type === NODE_TYPE ? oneAll : source),
	getKnownTypes: () => ({}),
};

/**
 * A credential store answering like n8n's CredentialsHelper for one stored `oneAllApi` credential.
 * `calls` records what n8n asked for (type names only, never the data).
 */
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
 * function that gives it for the n-th read (from 1) and may throw, as n8n's store can.
 */
function credentialsHelper(credentials, calls = []) {
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
		async preAuthentication() {
			return undefined;
		},
		async runPreAuthentication() {
			return undefined;
		},
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
 * n8n's own HTTP helper, `this.helpers.httpRequest` of a node's context: what RoutingNode and
 * httpRequestWithAuthentication call after the credential's authenticate(). Taken from a real
 * context because n8n-core 2.41 no longer exports it as a module function (it goes through its DI
 * container's OutboundHttp); the context gets no credentials, so nothing is added to the request.
 */
let helpers;
async function httpRequest(requestOptions) {
	if (!helpers) {
		const node = { id: 'h', name: 'HTTP', type: NODE_TYPE, typeVersion: 1, position: [0, 0], parameters: {} };
		const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
		const additionalData = { credentialsHelper: credentialsHelper({}), ...INSTANCE_URLS, variables: {}, secretsHelpers: {} };
		helpers = new LoadOptionsContext(workflow, workflow.nodes.HTTP, additionalData, 'parameters.x').helpers;
	}
	return await helpers.httpRequest(requestOptions);
}

/**
 * @param {object} opts
 * @param {object} opts.parameters  the OneAll node's parameters, as a saved workflow stores them
 * @param {object[]} [opts.items]   input items' json
 * @param {object|function} opts.credentials  decrypted oneAllApi credential data (see credentialsHelper)
 * @param {'stop'|'continueRegularOutput'|'continueErrorOutput'} [opts.onError]
 * @param {object} [opts.settings]  node settings as saved workflows store them: retryOnFail,
 *   maxTries, waitBetweenTries, executeOnce, alwaysOutputData
 * @returns {Promise<{ output: object[][]|undefined, error: Error|undefined, run: object }>}
 */
async function runOneAll({ parameters, items = [{}], credentials, onError = 'stop', nodeName = 'OneAll', settings = {} }) {
	const nodes = [
		{ id: 's', name: 'Source', type: 'test.source', typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: 'o',
			name: nodeName,
			type: NODE_TYPE,
			typeVersion: 1,
			position: [200, 0],
			parameters,
			credentials: { oneAllApi: { id: '1', name: 'OneAll account' } },
			...(onError === 'stop' ? {} : { onError }),
			...settings,
		},
	];
	const connections = { Source: { main: [[{ node: nodeName, type: 'main', index: 0 }]] } };
	const workflow = new Workflow({ id: 'wf', nodes, connections, nodeTypes, active: false, settings: {} });

	const hooks = new ExecutionLifecycleHooks('manual', 'exec-1', { id: 'wf', nodes, connections });
	// n8n-workflow 2.41 no longer exports createDeferredPromise (it moved to @n8n/utils).
	let resolveRun;
	const finished = new Promise((resolve) => (resolveRun = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => resolveRun(run));

	const additionalData = {
		hooks,
		credentialsHelper: credentialsHelper(credentials),
		executionId: 'exec-1',
		...INSTANCE_URLS,
		currentNodeParameters: undefined,
		variables: {},
		secretsHelpers: {},
		logAiEvent: () => {},
		startRunnerTask: async () => ({}),
		getRunExecutionData: async () => undefined,
		setExecutionStatus: () => {},
		sendDataToUI: () => {},
		executeWorkflow: async () => ({}),
		getRunnerStatus: () => ({ available: false }),
	};
	const runExecutionData = {
		startData: {},
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			metadata: {},
			nodeExecutionStack: [
				{ node: nodes[0], data: { main: [items.map((json) => ({ json }))] }, source: null },
			],
			waitingExecution: {},
			waitingExecutionSource: {},
		},
	};
	const execute = new WorkflowExecute(additionalData, 'manual', runExecutionData);
	await execute.processRunExecutionData(workflow);
	const run = await finished;
	const taskData = run.data.resultData.runData[nodeName]?.[0];
	return {
		output: taskData?.data?.main,
		error: taskData?.error ?? run.data.resultData.error,
		run,
	};
}

module.exports = { runOneAll, oneAll, credentialType, credentialsHelper, httpRequest, INSTANCE_URLS, NODE_TYPE };
