// n8n finds the node and the credential through the "n8n" section of package.json. This file is not
// published; it gives scripts and tests in this repository one place to require the built package.
const path = require('node:path');

module.exports = {
	nodePath: path.join(__dirname, 'dist/nodes/OneAll/OneAll.node.js'),
	credentialPath: path.join(__dirname, 'dist/credentials/OneAllApi.credentials.js'),
};
