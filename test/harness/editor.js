'use strict';
/*
 * `n8n start` on an instance's user folder (the editor and the webhooks), waited for until it
 * really answers, and the owner account: setup, login, the auth cookie, REST calls as the owner.
 */
const { portFree } = require('./ports');
const { spawnLogged, stopGroup, waitFor } = require('./processes');
const { ownBrokerPort } = require('./n8n-env');

/** The account login() creates (when there is none) and logs in with, unless createInstance is given another. */
const OWNER = { email: 'owner@example.com', firstName: 'E2E', lastName: 'Owner', password: 'E2eOwner-Passw0rd' };

/** The handle of a ready editor: its owner account, REST calls as the owner, and stop(). */
function editorHandle({ owner, editors }, proc, { url, settings }) {
	/** A JSON call to n8n's REST API; throws on an error status. */
	async function call(method, route, body, cookie) {
		const headers = { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) };
		const res = await fetch(`${url}/rest${route}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
		const text = await res.text();
		if (!res.ok) throw new Error(`${method} /rest${route} -> ${res.status}: ${text}`);
		return { res, text };
	}
	/** The auth cookie ('n8n-auth=<jwt>') a setup or login call set. */
	function authCookie({ res }) {
		const all = res.headers.getSetCookie();
		const auth = all.map((c) => c.split(';')[0]).find((c) => c.startsWith('n8n-auth='));
		if (!auth) throw new Error(`no n8n-auth cookie in response (set-cookie: ${JSON.stringify(all)})`);
		return auth;
	}
	let ownerDone = false;
	const handle = {
		url,
		child: proc.child,
		/** the editor's /rest/settings data, as read when it became ready */
		settings,
		logs: proc.output,
		/** Creates the owner account if there is none yet, and logs in; returns the cookie header value 'n8n-auth=<jwt>'. */
		async login() {
			if (!ownerDone) {
				const now = JSON.parse((await call('GET', '/settings')).text).data;
				if (now?.userManagement?.showSetupOnFirstLoad !== false) await call('POST', '/owner/setup', owner);
				ownerDone = true;
			}
			return authCookie(await call('POST', '/login', { emailOrLdapLoginId: owner.email, password: owner.password }));
		},
		/** A REST call as the owner (logged in once); returns n8n's JSON answer. */
		async rest(method, route, body) {
			if (!handle.cookie) handle.cookie = await handle.login();
			return JSON.parse((await call(method, route, body, handle.cookie)).text);
		},
		/** login() in the shape of Playwright's context.addCookies() argument (n8n binds the cookie to no browser). */
		async playwrightCookies() {
			const [name, ...rest] = (await handle.login()).split('=');
			return [{ name, value: rest.join('='), url, httpOnly: true, sameSite: 'Lax' }];
		},
		/** SIGTERM to the editor's process group, SIGKILL after 15 s; resolves with { code, signal }. */
		async stop() {
			const res = await stopGroup(proc, 15000);
			editors.delete(handle);
			return res;
		},
	};
	return handle;
}

/**
 * Runs `n8n start` for this user folder and resolves once it really answers (an editor that exits first,
 * or is not ready within timeoutMs, throws with its output).
 * @param {{ n8n, folder, env, owner, editors }} instance  editors: the set cleanup() stops
 * @returns {Promise<{url, child, settings, logs(), stop(), login(), rest(), playwrightCookies()}>}
 */
async function startEditor(instance, { port = 5678, timeoutMs = 120000 } = {}) {
	const { n8n, folder, env } = instance;
	const url = `http://localhost:${port}`;
	// Else the readiness poll would be answered by whatever holds the port, and this n8n would exit.
	if (!(await portFree(port))) throw new Error(`port ${port} is taken (another n8n?)`);
	// Tracked from the start: an editor interrupted while starting up is killed too.
	const proc = spawnLogged(n8n.nodeBin, [n8n.n8nBin, 'start'], {
		cwd: folder,
		env: {
			...env,
			...(await ownBrokerPort()),
			N8N_PORT: String(port),
			N8N_HOST: 'localhost',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_PROTOCOL: 'http',
			N8N_EDITOR_BASE_URL: url,
			WEBHOOK_URL: `${url}/`,
		},
	});
	const settings = await waitFor(`n8n start on ${url}`, async () => {
		// Until n8n has finished starting, its routes answer 200 with the text "n8n is starting up".
		const res = await fetch(`${url}/rest/settings`, { signal: AbortSignal.timeout(5000) });
		if (res.ok && (res.headers.get('content-type') || '').includes('json')) return (await res.json()).data;
		await res.arrayBuffer();
	}, { proc, timeoutMs, everyMs: 500 });
	const handle = editorHandle(instance, proc, { url, settings });
	instance.editors.add(handle);
	return handle;
}

module.exports = { OWNER, startEditor };
