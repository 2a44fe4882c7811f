'use strict';
/*
 * `n8n start` on an instance's user folder (the editor and the webhooks), waited for until it
 * really answers, and the owner account: setup, login, the auth cookie, REST calls as the owner.
 */
const { log } = require('./log');
const { portFree } = require('./ports');
const { killGroup, spawnLogged, stopGroup, sleep } = require('./processes');
const { ownBrokerPort } = require('./n8n-env');

/** The account setupOwner() creates and login() uses, unless createInstance is given another. */
const OWNER = { email: 'owner@example.com', firstName: 'E2E', lastName: 'Owner', password: 'E2eOwner-Passw0rd' };

/** 'n8n-auth=<jwt>' as Playwright's context.addCookies() takes it (n8n binds it to no browser). */
function playwrightCookies(cookie, url) {
	const [name, ...rest] = cookie.split('=');
	return [{ name, value: rest.join('='), url, httpOnly: true, sameSite: 'Lax' }];
}

/**
 * Polls until n8n has finished starting; resolves to its /rest/settings data. An editor that exits
 * first, or is not ready within timeoutMs (then killed), throws with its output.
 */
async function waitUntilReady(proc, url, timeoutMs) {
	const t0 = Date.now();
	for (;;) {
		if (proc.exited()) throw new Error(`n8n start exited early (${JSON.stringify(proc.exited())}):\n${proc.output()}`);
		if (Date.now() - t0 > timeoutMs) {
			killGroup(proc.child.pid, 'SIGKILL');
			throw new Error(`n8n start was not ready within ${timeoutMs} ms:\n${proc.output()}`);
		}
		try {
			// Until n8n has finished starting, its routes answer 200 with the text "n8n is starting up".
			const res = await fetch(`${url}/rest/settings`, { signal: AbortSignal.timeout(5000) });
			if (res.ok && (res.headers.get('content-type') || '').includes('json')) {
				log(`n8n start: ready after ${((Date.now() - t0) / 1000).toFixed(1)}s on ${url}`);
				return (await res.json()).data;
			}
			await res.arrayBuffer();
		} catch {
			/* not up yet */
		}
		await sleep(500);
	}
}

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
		/** Creates the owner account (once); returns the auth cookie from that call. */
		async setupOwner() {
			const cookie = authCookie(await call('POST', '/owner/setup', owner));
			ownerDone = true;
			return cookie;
		},
		/** Makes sure an owner exists and logs in; returns the cookie header value 'n8n-auth=<jwt>'. */
		async login() {
			if (!ownerDone) {
				const now = JSON.parse((await call('GET', '/settings')).text).data;
				if (now?.userManagement?.showSetupOnFirstLoad !== false) await handle.setupOwner();
				ownerDone = true;
			}
			return authCookie(await call('POST', '/login', { emailOrLdapLoginId: owner.email, password: owner.password }));
		},
		/** A REST call as the owner (logged in once); returns n8n's JSON answer. */
		async rest(method, route, body) {
			if (!handle.cookie) handle.cookie = await handle.login();
			return JSON.parse((await call(method, route, body, handle.cookie)).text);
		},
		/** login() in the shape of Playwright's context.addCookies() argument. */
		async playwrightCookies() {
			return playwrightCookies(await handle.login(), url);
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
 * Runs `n8n start` for this user folder and resolves once it is ready.
 * @param {{ n8n, folder, env, owner, editors }} instance  editors: the set cleanup() stops
 * @returns {Promise<{url, child, settings, logs(), stop(), setupOwner(), login(), rest(), playwrightCookies()}>}
 */
async function startEditor(instance, { port = 5678, timeoutMs = 120000, env: startEnv = {} } = {}) {
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
			...startEnv,
		},
	});
	const handle = editorHandle(instance, proc, { url, settings: await waitUntilReady(proc, url, timeoutMs) });
	instance.editors.add(handle);
	return handle;
}

module.exports = { OWNER, startEditor, playwrightCookies };
