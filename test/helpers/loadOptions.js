// Calls the BUILT node's list-search methods the way n8n's server does when the editor opens a
// resource locator's list (POST /rest/dynamic-node-parameters/resource-locator-results, through
// DynamicNodeParametersService.getResourceLocatorResults): n8n-core's own LoadOptionsContext on a
// workflow of one "Temp-Node", so everything from there down (getCredentials,
// httpRequestWithAuthentication, the credential's authenticate) is n8n's own code. The editor sends
// its node's parameters with every default filled in (NodeHelpers.getNodeParameters with
// returnDefaults), not a saved workflow's sparse ones: that is `currentNodeParameters`.
const { NodeHelpers } = require('n8n-workflow');
const { oneAll, additionalDataFor, loadOptionsContext, TEMP_NODE } = require('./runWorkflow');

/** The `this` of a list-search method, from the node's saved parameters, the decrypted oneAllApi data and the editor's path. */
function buildLoadOptionsContext({ parameters, credentials, path = 'parameters.identityToken' }) {
	const { description } = oneAll;
	const node = { ...TEMP_NODE, parameters };
	const currentNodeParameters = NodeHelpers.getNodeParameters(description.properties, parameters, true, false, node, description);
	// The part of getBase({ userId, currentNodeParameters }) that a list search reaches.
	const additionalData = { ...additionalDataFor(credentials), currentNodeParameters, userId: 'user-1' };
	const context = loadOptionsContext(currentNodeParameters, additionalData, path);
	return { context, currentNodeParameters, credentialCalls: additionalData.credentialsHelper.calls };
}

/** Finds the method by name as the service does: one the description names but `methods.listSearch` lacks fails here too. */
async function getResourceLocatorResults(methodName, opts, filter, paginationToken) {
	const method = oneAll.methods?.listSearch?.[methodName];
	if (typeof method !== 'function') throw new Error(`Node type does not have method defined: ${methodName}`);
	return await method.call(buildLoadOptionsContext(opts).context, filter, paginationToken);
}

module.exports = { buildLoadOptionsContext, getResourceLocatorResults, oneAll };
