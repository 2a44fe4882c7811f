'use strict';
/* The environment every n8n process of an instance gets: quiet, local, offline. */

/** Environment that keeps n8n quiet, local and offline. */
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

/** Per-line additions. */
const LINE_ENV = {
	'1': {},
	'2': {
		// 2.x's mcp-registry module fetches https://api.n8n.io/api/mcp-servers when `n8n start` runs
		// (seen with strace: the only outbound lookup). 1.x does not know this module name (it would
		// refuse to start), so this is 2.x only.
		N8N_DISABLED_MODULES: 'mcp-registry',
	},
};

module.exports = { QUIET_ENV, LINE_ENV };
