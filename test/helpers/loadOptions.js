// Calls the BUILT node's list-search methods the way n8n's server does when the editor opens a
// resource locator's list (POST /rest/dynamic-node-parameters/resource-locator-results):
//
//   DynamicNodeParametersController.getResourceLocatorResults
//     → additionalData = getBase({ currentNodeParameters, ... })
//     → DynamicNodeParametersService.getResourceLocatorResults(methodName, path, additionalData,
//         nodeTypeAndVersion, currentNodeParameters, credentials, filter, paginationToken)
//         → method   = nodeTypes.getByNameAndVersion(...).methods.listSearch[methodName]
//         → workflow = new Workflow({ nodes: [Temp-Node holding currentNodeParameters], connections: {}, active: false, nodeTypes })
//         → this     = new LoadOptionsContext(workflow, workflow.nodes['Temp-Node'], additionalData, path)
//         → method.call(this, filter, paginationToken)
//
// Everything from LoadOptionsContext down is n8n's own code (n8n-core): getCurrentNodeParameter,
// extractValue for resource locators, getCredentials (with its checks of the node's credential
// description), httpRequestWithAuthentication → credentialsHelper.authenticate → the real
// credential's `authenticate` → n8n's axios request. The stand-ins are only what n8n's server
// provides: the node type registry and the credential store (getDecrypted returns the given data).
//
// The editor does not send a saved workflow's sparse parameters: the node in the editor's store has
// every default filled in (n8n-workflow's NodeHelpers.getNodeParameters with returnDefaults), and
// that object is what arrives as `currentNodeParameters`. `editorParameters()` does the same.
const { Workflow, NodeHelpers } = require('n8n-workflow');
const { LoadOptionsContext } = require('n8n-core');
const { oneAll, credentialsHelper, INSTANCE_URLS, NODE_TYPE } = require('./runWorkflow');

const nodeTypes = {
	getByName: (type) => {
		if (type !== NODE_TYPE) throw new Error(`unknown node type ${type}`);
		return oneAll;
	},
	getByNameAndVersion: (type) => {
		if (type !== NODE_TYPE) throw new Error(`unknown node type ${type}`);
		return oneAll;
	},
	getKnownTypes: () => ({}),
};

/** The node's parameters as the editor holds them: the saved ones plus every shown default. */
function editorParameters(savedParameters) {
	const node = {
		id: 'uuid-1234',
		name: 'Temp-Node',
		type: NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: savedParameters,
	};
	return NodeHelpers.getNodeParameters(oneAll.description.properties, savedParameters, true, false, node, oneAll.description);
}

/**
 * Builds the `this` n8n gives a list-search method.
 * @param {object} opts
 * @param {object} opts.parameters   the node's parameters as a saved workflow stores them
 * @param {object} opts.credentials  decrypted oneAllApi data (subdomain, publicKey, privateKey, baseUrl)
 * @param {string} [opts.path]       the parameter path the editor sends, e.g. 'parameters.identityToken'
 * @param {boolean} [opts.fillDefaults=true]  send the parameters as the editor holds them (defaults filled)
 * @param {object|null} [opts.nodeCredentials] the node's credential reference (null: none selected)
 */
function buildLoadOptionsContext({
	parameters,
	credentials,
	path = 'parameters.identityToken',
	fillDefaults = true,
	nodeCredentials = { oneAllApi: { id: '1', name: 'OneAll account' } },
}) {
	const currentNodeParameters = fillDefaults ? editorParameters(parameters) : parameters;
	// DynamicNodeParametersService.getWorkflow
	const node = {
		parameters: currentNodeParameters,
		id: 'uuid-1234',
		name: 'Temp-Node',
		type: NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
	};
	if (nodeCredentials) node.credentials = nodeCredentials;
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	// The part of getBase({ userId, currentNodeParameters }) that a list search reaches.
	const helper = credentialsHelper(credentials);
	const additionalData = {
		credentialsHelper: helper,
		currentNodeParameters,
		...INSTANCE_URLS,
		variables: {},
		secretsHelpers: {},
		userId: 'user-1',
	};
	// DynamicNodeParametersService.getThisArg
	const context = new LoadOptionsContext(workflow, workflow.nodes['Temp-Node'], additionalData, path);
	return { context, workflow, additionalData, currentNodeParameters, credentialCalls: helper.calls };
}

/**
 * DynamicNodeParametersService.getResourceLocatorResults: finds the method on the registered node
 * type by name (so a method the description names but `methods.listSearch` lacks fails here too).
 */
async function getResourceLocatorResults(methodName, opts, filter, paginationToken) {
	const nodeType = nodeTypes.getByNameAndVersion(NODE_TYPE, 1);
	const method = nodeType.methods?.listSearch?.[methodName];
	if (typeof method !== 'function') throw new Error(`Node type does not have method defined: ${methodName}`);
	const { context } = buildLoadOptionsContext(opts);
	return await method.call(context, filter, paginationToken);
}

module.exports = { buildLoadOptionsContext, getResourceLocatorResults, editorParameters, nodeTypes, oneAll };
