// Calls the BUILT node's list-search methods the way n8n's server does when the editor opens a
// resource locator's list (POST /rest/dynamic-node-parameters/resource-locator-results, through
// DynamicNodeParametersService.getResourceLocatorResults): a workflow holding one "Temp-Node" with
// the current parameters, and n8n-core's own LoadOptionsContext as `this`. Everything from there
// down (getCurrentNodeParameter, getCredentials, httpRequestWithAuthentication, the credential's
// authenticate) is n8n's own code.
//
// The editor does not send a saved workflow's sparse parameters: its node has every default filled
// in (NodeHelpers.getNodeParameters with returnDefaults), and that is `currentNodeParameters`.
const { NodeHelpers } = require('n8n-workflow');
const { oneAll, additionalDataFor, loadOptionsContext, NODE_TYPE } = require('./runWorkflow');

/**
 * Builds the `this` n8n gives a list-search method, from the node's parameters as a saved workflow
 * stores them, the decrypted oneAllApi data and the parameter path the editor sends.
 */
function buildLoadOptionsContext({ parameters, credentials, path = 'parameters.identityToken' }) {
	const node = { id: 'uuid-1234', name: 'Temp-Node', type: NODE_TYPE, typeVersion: 1, position: [0, 0], parameters };
	const { properties } = oneAll.description;
	const currentNodeParameters = NodeHelpers.getNodeParameters(properties, parameters, true, false, node, oneAll.description);
	// The part of getBase({ userId, currentNodeParameters }) that a list search reaches.
	const additionalData = { ...additionalDataFor(credentials), currentNodeParameters, userId: 'user-1' };
	const context = loadOptionsContext(currentNodeParameters, additionalData, path);
	return { context, currentNodeParameters, credentialCalls: additionalData.credentialsHelper.calls };
}

/**
 * The service finds the method on the registered node type by name, so a method the description
 * names but `methods.listSearch` lacks fails here too.
 */
async function getResourceLocatorResults(methodName, opts, filter, paginationToken) {
	const method = oneAll.methods?.listSearch?.[methodName];
	if (typeof method !== 'function') throw new Error(`Node type does not have method defined: ${methodName}`);
	return await method.call(buildLoadOptionsContext(opts).context, filter, paginationToken);
}

module.exports = { buildLoadOptionsContext, getResourceLocatorResults, oneAll };
