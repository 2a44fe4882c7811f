// n8n loads the node and the credential through the "n8n" section of package.json; this entry
// point only lets `require('n8n-nodes-oneall')` reach them too.
module.exports = {
	nodes: ['./dist/nodes/OneAll/OneAll.node.js'],
	credentials: ['./dist/credentials/OneAllApi.credentials.js'],
};
