// n8n finds the node and the credential through the "n8n" section of package.json. This file is not
// published; it gives scripts and tests in this repository one place to require the built package.
const path = require('node:path');

const distDir = path.join(__dirname, 'dist');
const nodeDir = path.join(distDir, 'nodes', 'OneAll');

module.exports = {
	distDir,
	nodeDir,
	nodePath: path.join(nodeDir, 'OneAll.node.js'),
	credentialPath: path.join(distDir, 'credentials', 'OneAllApi.credentials.js'),
};
