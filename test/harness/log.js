'use strict';
/* The harness's progress lines on stderr (how long each n8n process took, when it was ready); N8N_E2E_QUIET
 * silences them, so a runner's own report stays readable. */
function log(msg) {
	if (process.env.N8N_E2E_QUIET) return;
	process.stderr.write(`[n8n-harness ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
}

module.exports = { log };
