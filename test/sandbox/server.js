'use strict';

/**
 * A local OneAll-compatible HTTP server for tests and benchmarks (plain node:http, no deps).
 *
 *   const { startSandbox } = require('./test/sandbox/server');
 *   const sb = await startSandbox({ port: 0 });
 *   // sb.url, sb.port, sb.requests, sb.reset(), sb.setFault(f|null), sb.setDelay(ms), sb.overlaps(), sb.close()
 *
 * This module wires the sandbox together and handles HTTP: it reads each request, records it,
 * lets a fault or the delay act, and sends the answer routes.js chose. What it serves is in
 * routes.js (and push.js, lifecycle.js, pull.js, identities.js); /__sandbox/... is the control
 * API (control.js), not recorded. A request sent to it as to an HTTP proxy (the whole URL as its
 * target) is served the same and recorded with `viaProxy` (the scheme and host it named).
 *
 * With `siteExists: false` it plays a subdomain that has no OneAll Site: every API request gets a
 * 404 envelope (OneAll's own plugins read a 404 from their key check as "the subdomain does not
 * exist"; the info text is UNCONFIRMED).
 *
 * Order of checks for an API request: fault (setFault / `__fault:<name>` marker, faults.js) →
 * the route's checks (routes.js).
 */

const http = require('node:http');
const https = require('node:https');
const { performance } = require('node:perf_hooks');
const defaultData = require('./data');
const { createCallbacks } = require('./callback');
const { handleControl } = require('./control');
const { INFO_OK, INFO_401, INFO_NO_SITE, nowDate, errResp } = require('./envelope');
const { faultName, faultResponse, createFaultSwitch, requestedDelay } = require('./faults');
const { prepareIdentities, createIdentityList } = require('./identities');
const { createPull } = require('./pull');
const { OPS, formatId } = require('./push');
const { createRecorder, overlapsPerIdentity } = require('./records');
const { answerApi } = require('./routes');
const { parseQuery } = require('./urls');

const MAX_BODY = 5 * 1024 * 1024;

/** HTTP Basic with the sandbox's keys: the exact header the node sends, or any equivalent one. */
function basicAuth(publicKey, privateKey) {
	const header = `Basic ${Buffer.from(`${publicKey}:${privateKey}`).toString('base64')}`;
	function ok(h) {
		if (!h) return false;
		if (h === header) return true;
		const m = /^\s*basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(h);
		if (!m) return false;
		const dec = Buffer.from(m[1], 'base64').toString('utf8');
		const i = dec.indexOf(':');
		return i >= 0 && dec.slice(0, i) === publicKey && dec.slice(i + 1) === privateKey;
	}
	return { header, ok };
}

/** The request target as the routes read it: { rawUrl, viaProxy, pathname, query }. */
function readTarget(url) {
	// A client sends a request to its HTTP proxy with the whole URL as the target ("absolute
	// form"), never otherwise: the sandbox then plays the proxy too, and the record says so.
	const absolute = /^https?:\/\/[^/]+/i.exec(url);
	const rawUrl = absolute ? url.slice(absolute[0].length) || '/' : url;
	const q = rawUrl.indexOf('?');
	return {
		rawUrl,
		viaProxy: absolute ? absolute[0] : null,
		pathname: q < 0 ? rawUrl : rawUrl.slice(0, q),
		query: q < 0 ? {} : parseQuery(rawUrl.slice(q + 1)),
	};
}

function parseJson(body) {
	if (!body.length) return null;
	try {
		return JSON.parse(body);
	} catch {
		return null;
	}
}

function send(live, res, rec, t0, resp) {
	if (res.destroyed || res.writableEnded) return;
	const headers = {
		'Content-Type': 'application/json; charset=utf-8',
		'Content-Length': Buffer.byteLength(resp.body),
		'X-Sandbox-Request': String(rec.seq),
		...resp.headers,
	};
	res.writeHead(resp.status, headers);
	res.end(resp.body);
	live.recorder.finish(rec, t0, resp.status);
}

/**
 * One API request, its body read: record it, then a fault, the route's answer or both, sent now
 * or after the delay. `live`: the sandbox's running parts (state, recorder, faults, delay, timers,
 * hanging answers).
 */
function serveApi(live, req, res, body, t0) {
	const target = readTarget(req.url);
	const rec = live.recorder.add(req, target, body, parseJson(body), t0);
	const { pathname } = target;
	if (body.length > MAX_BODY) return send(live, res, rec, t0, errResp(pathname, 413, 'The request cannot be processed. The request body is too large.'));

	const f = live.faults.pick(req.method, target.rawUrl, body);
	let resp;
	let wait = live.delay + requestedDelay(body);
	if (f) {
		rec.fault = faultName(f);
		live.recorder.countFault();
		if (f.mode === 'hang') {
			live.hanging.add(res);
			res.on('close', () => live.hanging.delete(res));
			return;
		}
		if (f.mode === 'reset') {
			live.recorder.finish(rec, t0, 0);
			req.socket.destroy();
			return;
		}
		resp = faultResponse(f, pathname);
		if (f.mode === 'slow') wait += f.ms;
	}
	if (!resp) {
		resp = answerApi(live.state, req.method, pathname, target.query, req.headers, body, rec);
		if (f && f.mode === 'truncated') {
			const buf = Buffer.from(resp.body);
			resp = { status: resp.status, headers: resp.headers, body: buf.subarray(0, Math.floor(buf.length / 2)) };
		}
	}
	if (wait > 0) {
		const t = setTimeout(() => {
			live.timers.delete(t);
			send(live, res, rec, t0, resp);
		}, wait);
		live.timers.add(t);
	} else {
		send(live, res, rec, t0, resp);
	}
}

/** Reads a request's body (up to just past MAX_BODY, enough to refuse it), then serves it. */
function requestHandler(live, control) {
	return (req, res) => {
		const t0 = performance.now();
		let body = '';
		let size = 0;
		req.setEncoding('utf8');
		req.on('data', (chunk) => {
			size += chunk.length;
			if (size <= MAX_BODY + 1) body += chunk;
		});
		req.on('end', () => {
			if (req.url.startsWith('/__sandbox/')) handleControl(control(), req, res, body);
			else serveApi(live, req, res, body, t0);
		});
	};
}

async function listen(server, port, host) {
	server.keepAliveTimeout = 30000;
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	return server.address().port;
}

/**
 * What startSandbox answers. `live`: the running parts; `at`: { url, tlsUrl, port, host,
 * publicKey, privateKey, authHeader, data, identities, strictIds, delayMs, servers }.
 */
function sandboxHandle(live, at) {
	const { state, recorder, faults } = live;
	const { data, servers } = at;
	let closed = null;
	return {
		url: at.url,
		tlsUrl: at.tlsUrl,
		port: at.port,
		host: at.host,
		publicKey: at.publicKey,
		privateKey: at.privateKey,
		/** Value of the Authorization header the sandbox accepts. */
		authHeader: at.authHeader,
		data,
		named: data.named || {},
		requests: recorder.requests,
		/** OneAll's video callbacks: records, settled(n), setDefaults({ outcome, delayMs, retries }) (callback.js). */
		callbacks: state.callbacks,
		/** Clears requests, id counter, stats, what was published, edited or deleted, sb.seedPull() seeds, the pull quirk and the fault; restores options.delayMs. */
		reset() {
			recorder.reset();
			faults.clear();
			live.delay = Number(at.delayMs) || 0;
			state.pull.reset();
			state.callbacks.reset();
		},
		setFault: (f) => faults.set(f),
		getFault: () => faults.get(),
		/** `count` numbered entries for one identity's list (pull.js SYNTH_LISTS), instead of its seed, until reset(). */
		seedPull: (token, list, count, parent = null) => state.pull.seedPull(token, list, count, parent),
		/** { ignorePage: true }: every page of a paged Pull list answers page 1 (a server that repeats its pages); null clears. */
		setPullQuirk: (q) => state.pull.setQuirk(q),
		getPullQuirk: () => state.pull.getQuirk(),
		/** overlapsPerIdentity() over every recorded request. */
		overlaps: () => overlapsPerIdentity(recorder.requests),
		setDelay(ms) {
			const v = Number(ms);
			if (!Number.isFinite(v) || v < 0) throw new Error('delay must be a number >= 0');
			live.delay = v;
		},
		getDelay: () => live.delay,
		stats() {
			const s = recorder.stats();
			s.pending = live.hanging.size + live.timers.size;
			s.delayMs = live.delay;
			return s;
		},
		info() {
			const named = {};
			for (const [k, v] of Object.entries(data.named || {})) named[k] = { identity_token: v.identity_token, provider: v.provider, displayName: v.displayName };
			return { url: at.url, publicKey: at.publicKey, privateKey: at.privateKey, identities: at.identities, strictIds: at.strictIds, delayMs: live.delay, named };
		},
		close() {
			if (closed) return closed;
			for (const t of live.timers) clearTimeout(t);
			live.timers.clear();
			for (const res of live.hanging) res.socket?.destroy();
			live.hanging.clear();
			state.callbacks.close();
			closed = Promise.all(servers.map((each) => new Promise((resolve) => each.close(() => resolve()))));
			for (const each of servers) each.closeAllConnections();
			return closed;
		},
	};
}

/**
 * @param {object} [options]
 * @param {number} [options.port=0]
 * @param {string} [options.host='127.0.0.1']
 * @param {string} [options.publicKey='sandbox-public-key']
 * @param {string} [options.privateKey='sandbox-private-key']
 * @param {number} [options.delayMs=0]       latency added to every API answer
 * @param {object} [options.data]            { identities, pull?, named? } (see data.js)
 * @param {boolean} [options.strictIds=true] board/playlist/page/group/company ids must exist in
 *                                           the identity's pull lists (or have been created)
 * @param {number} [options.maxRecords=200000] oldest records are dropped beyond this
 * @param {boolean} [options.siteExists=true] false: answer as a subdomain without a Site (404)
 * @param {object} [options.pullSizes]       { [identity_token]: { tweets: 10000, ... } }: that many
 *                                           numbered entries instead of the seed (see pull.js seedPull)
 * @param {object} [options.tls]             { key, cert }: also answer HTTPS, on a port of its own
 * @param {object} [options.callback]        defaults of the video callbacks (callback.js)
 */
async function startSandbox(options = {}) {
	const {
		port = 0,
		host = '127.0.0.1',
		publicKey = 'sandbox-public-key',
		privateKey = 'sandbox-private-key',
		delayMs = 0,
		data = defaultData,
		strictIds = true,
		maxRecords = 200000,
		siteExists = true,
		tls = null,
		pullSizes = null,
		callback = {},
	} = options;

	const { identitiesAsc, byToken, basePull } = prepareIdentities(data);
	const recorder = createRecorder(maxRecords);
	const auth = basicAuth(publicKey, privateKey);
	// What every route shares: the store of lists (pull.js) that pushes add to, the Update API
	// edits and the Pull API reads; OneAll's callback after a video upload (callback.js).
	const state = {
		siteExists,
		strictIds,
		byToken,
		authOk: auth.ok,
		listIdentities: createIdentityList(identitiesAsc),
		pull: createPull({ data, byToken, basePull, strictIds, pullSizes }),
		callbacks: createCallbacks({ now: nowDate, defaults: callback }),
		nextPushId: recorder.nextPushId,
	};
	const live = { state, recorder, faults: createFaultSwitch(), delay: Number(delayMs) || 0, timers: new Set(), hanging: new Set() };

	let handle = null;
	const onRequest = requestHandler(live, () => handle);
	const server = http.createServer(onRequest);
	const actualPort = await listen(server, port, host);
	const urlHost = host.includes(':') ? `[${host}]` : host;
	const url = `http://${urlHost}:${actualPort}`;
	// With `tls` ({ key, cert }), the same sandbox (same data and records) also answers HTTPS on
	// a port of its own, at tlsUrl; each record says which it came by (rec.tls).
	const tlsServer = tls ? https.createServer({ key: tls.key, cert: tls.cert }, onRequest) : null;
	const tlsUrl = tlsServer ? `https://${urlHost}:${await listen(tlsServer, 0, host)}` : null;

	handle = sandboxHandle(live, {
		url,
		tlsUrl,
		port: actualPort,
		host,
		publicKey,
		privateKey,
		authHeader: auth.header,
		data,
		identities: identitiesAsc.length,
		strictIds,
		delayMs,
		servers: [server, tlsServer].filter(Boolean),
	});
	return handle;
}

module.exports = { startSandbox, formatId, overlapsPerIdentity, OPS, INFO_401, INFO_OK, INFO_NO_SITE };
