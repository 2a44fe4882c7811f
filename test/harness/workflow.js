'use strict';
/* Builders for the plain n8n workflow JSON the settings matrix imports: the nodes its cases share and their connections. */

/** The "OneAll API" credential of the matrix's own sandbox. */
const SANDBOX_CREDENTIAL = { id: 'e2eMatrixSandbx1', name: 'OneAll sandbox (settings matrix)' };
/** The same sandbox over HTTPS with a self-signed certificate. */
const SANDBOX_TLS_CREDENTIAL = { id: 'e2eMatrixSbTls01', name: 'OneAll sandbox over HTTPS (self-signed certificate)' };

const manualTrigger = (name = 'Start') => ({ name, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} });

/** A Code node that outputs these JSON objects as items. */
const items = (name, list) => ({
	name,
	type: 'n8n-nodes-base.code',
	typeVersion: 2,
	parameters: { jsCode: `return ${JSON.stringify(list.map((json) => ({ json })), null, 1)};` },
});

/** A Code node whose JavaScript builds the items (for the 1,000-item cases). */
const code = (name, jsCode) => ({ name, type: 'n8n-nodes-base.code', typeVersion: 2, parameters: { jsCode } });

const noOp = (name) => ({ name, type: 'n8n-nodes-base.noOp', typeVersion: 1, parameters: {} });

/**
 * The OneAll node publishing a tweet. `identity` is a token or an expression; the message and any
 * other parameter can be overridden; `settings` are the node's settings (onError, retryOnFail,
 * executeOnce, alwaysOutputData, …) as n8n stores them on the node.
 */
function tweet(name, { identity, message = '={{ $json.text }}', additionalFields = {}, requestOptions, tool = false, ...settings }) {
	const parameters = {
		resource: 'twitter',
		operation: 'publishTweet',
		identityToken: { __rl: true, mode: 'id', value: identity },
		message,
		additionalFields,
	};
	if (requestOptions) parameters.requestOptions = requestOptions;
	return {
		name,
		type: tool ? 'n8n-nodes-oneall.oneAllTool' : 'n8n-nodes-oneall.oneAll',
		typeVersion: 1,
		parameters,
		credentials: { oneAllApi: SANDBOX_CREDENTIAL },
		...settings,
	};
}

/**
 * A workflow from nodes and edges. An edge is [from, to] (main output 0 to input 0), or
 * [from, to, { output, type }] for another output index or an AI connection (`ai_tool`,
 * `ai_languageModel`: the sub-node is `from`, the agent `to`).
 */
function workflow(id, name, nodes, edges) {
	const connections = {};
	for (const [from, to, { output = 0, type = 'main' } = {}] of edges) {
		const byType = (connections[from] = connections[from] || {});
		const outputs = (byType[type] = byType[type] || []);
		while (outputs.length <= output) outputs.push([]);
		outputs[output].push({ node: to, type, index: 0 });
	}
	// Sub-nodes (a tool, a model) go on a second row.
	const subNode = (node) => edges.some(([from, , opts]) => from === node.name && opts && opts.type && opts.type !== 'main');
	const placed = nodes.map((node, i) => ({ position: [i * 240, subNode(node) ? 240 : 0], ...node }));
	return { id, name, nodes: placed, connections, settings: { executionOrder: 'v1' }, pinData: {} };
}

module.exports = { SANDBOX_CREDENTIAL, SANDBOX_TLS_CREDENTIAL, manualTrigger, items, code, noOp, tweet, workflow };
