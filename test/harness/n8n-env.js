'use strict';
/* The environment every n8n process of an instance gets: quiet, local, offline, its own user folder. */
const crypto = require('crypto');
const { freePort } = require('./ports');

const QUIET_ENV = {
	N8N_DIAGNOSTICS_ENABLED: 'false',
	N8N_DIAGNOSTICS_CONFIG_FRONTEND: '',
	N8N_DIAGNOSTICS_CONFIG_BACKEND: '',
	N8N_RUNNERS_ENABLED: 'false', // 1.x: run Code nodes in-process; 2.x ignores it (runners always on)
	N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
	N8N_PYTHON_ENABLED: 'false', // 2.x: no Python runner (its venv is missing anyway)
	N8N_SSRF_PROTECTION_ENABLED: 'false', // 2.x: off by default; pinned so mock servers on 127.0.0.1 work
	N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
	N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
	N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
	N8N_TEMPLATES_ENABLED: 'false',
	N8N_PERSONALIZATION_ENABLED: 'false',
	N8N_HIRING_BANNER_ENABLED: 'false',
	N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
	N8N_AI_ENABLED: 'false',
	N8N_COMMUNITY_PACKAGES_ENABLED: 'true', // needed: it is what loads <userFolder>/.n8n/nodes
	N8N_REINSTALL_MISSING_PACKAGES: 'false',
	N8N_VERIFIED_PACKAGES_ENABLED: 'false',
	N8N_DYNAMIC_BANNERS_ENABLED: 'false',
	N8N_PUBLIC_API_SWAGGERUI_DISABLED: 'true',
	N8N_SECURE_COOKIE: 'false', // the editor is served over plain http://localhost
	N8N_GIT_NODE_DISABLE_BARE_REPOS: 'true',
	N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false',
	DB_SQLITE_POOL_SIZE: '2',
	EXTERNAL_FRONTEND_HOOKS_URLS: '',
	N8N_LOG_LEVEL: 'info', // not lower: a failed run's JSON is printed at level info
	N8N_LOG_OUTPUT: 'console',
	NO_COLOR: '1',
	FORCE_COLOR: '0',
	TZ: 'UTC',
	GENERIC_TIMEZONE: 'UTC',
};

/**
 * The instance's environment: the parent's, made quiet, with the line's and the installed n8n's
 * additions, the user folder and an encryption key; `extraEnv` last.
 * @param {{ line, n8n, folder, persistent, encryptionKey?, extraEnv }} opts  n8n: what ensureN8n returned
 */
function instanceEnv({ line, n8n, folder, persistent, encryptionKey, extraEnv }) {
	const env = {
		...process.env,
		...QUIET_ENV,
		// 2.x's mcp-registry module fetches https://api.n8n.io/api/mcp-servers when `n8n start` runs (the only
		// outbound lookup); 1.x refuses to start with a module name it does not know.
		...(String(line) === '2' ? { N8N_DISABLED_MODULES: 'mcp-registry' } : {}),
		...n8n.env,
		N8N_USER_FOLDER: folder,
		N8N_ENCRYPTION_KEY: encryptionKey || crypto.randomBytes(24).toString('hex'),
		...extraEnv,
	};
	// A kept folder decrypts its credentials with the key in its .n8n/config; one from the parent
	// environment would not match it.
	if (persistent && !encryptionKey && !extraEnv.N8N_ENCRYPTION_KEY) delete env.N8N_ENCRYPTION_KEY;
	// Keep the parent's own n8n/npm settings from leaking in.
	delete env.N8N_CUSTOM_EXTENSIONS;
	delete env.NODE_OPTIONS;
	return env;
}

/** 2.x always starts a task broker (default port 5679): each n8n process gets its own, to spread into its env. */
async function ownBrokerPort() {
	return { N8N_RUNNERS_BROKER_PORT: String(await freePort()) };
}

module.exports = { instanceEnv, ownBrokerPort };
