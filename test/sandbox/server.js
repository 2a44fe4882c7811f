'use strict';

/**
 * A local OneAll-compatible HTTP server for tests and benchmarks (usage: README.md). This module
 * wires the sandbox together and handles HTTP: it reads each request, records it, lets a fault or
 * the delay act, and sends the answer routes.js chose; /__sandbox/... is the control API.
 */

const { once } = require('node:events');
const http = require('node:http');
const https = require('node:https');
const { performance } = require('node:perf_hooks');
const defaultData = require('./data');
const { createCallbacks } = require('./callback');
const { handleControl } = require('./control');
const { INFO_401, INFO_NO_SITE, nowDate, errResp } = require('./envelope');
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
		if (h === header) return true;
		const m = /^\s*basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(h || '');
		const dec = m ? Buffer.from(m[1], 'base64').toString('utf8') : '';
		return dec.indexOf(':') === publicKey.length && dec === `${publicKey}:${privateKey}`;
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
	try {
		return body.length ? JSON.parse(body) : null;
	} catch {
		return null;
	}
}

function send(live, res, rec, t0, resp) {
	if (res.destroyed || res.writableEnded) return;
	res.writeHead(resp.status, {
		'Content-Type': 'application/json; charset=utf-8',
		'Content-Length': Buffer.byteLength(resp.body),
		'X-Sandbox-Request': String(rec.seq),
		...resp.headers,
	});
	res.end(resp.body);
	live.recorder.finish(rec, t0, resp.status);
}

/** One API request, its body read: record it, then a fault, the route's answer or both, sent now or after the delay. */
function serveApi(live, req, res, body, t0) {
	const target = readTarget(req.url);
	const rec = live.recorder.add(req, target, body, parseJson(body), t0);
	const { pathname } = target;
	if (body.length > MAX_BODY) return send(live, res, rec, t0, errResp(pathname, 413, 'The request cannot be processed. The request body is too large.'));

	const f = live.faults.pick(req.method, target.rawUrl, body);
	let wait = live.delay + requestedDelay(body);
	if (f) {
		rec.fault = faultName(f);
		live.recorder.countFault();
		if (f.mode === 'hang') {
			live.hanging.add(res);
			return res.on('close', () => live.hanging.delete(res));
		}
		if (f.mode === 'reset') {
			live.recorder.finish(rec, t0, 0);
			return req.socket.destroy();
		}
		if (f.mode === 'slow') wait += f.ms;
	}
	let resp = f && faultResponse(f, pathname);
	if (!resp) {
		resp = answerApi(live.state, req.method, pathname, target.query, req.headers, body, rec);
		if (f?.mode === 'truncated') resp = { ...resp, body: Buffer.from(resp.body).subarray(0, Math.floor(Buffer.byteLength(resp.body) / 2)) };
	}
	if (!(wait > 0)) return send(live, res, rec, t0, resp);
	const t = setTimeout(() => {
		live.timers.delete(t);
		send(live, res, rec, t0, resp);
	}, wait);
	live.timers.add(t);
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
	server.listen(port, host);
	await once(server, 'listening');
	return server.address().port;
}

/**
 * @param {object} [options] port (0), host ('127.0.0.1'), publicKey / privateKey
 *   ('sandbox-public-key' / 'sandbox-private-key'), delayMs (0: latency added to every API answer),
 *   data ({ identities, pull?, objects?, named? }, data.js), strictIds (true: board / playlist / page /
 *   group / company ids must exist in the identity's lists or have been created), maxRecords
 *   (200000: oldest records dropped beyond), siteExists (true), pullSizes ({ [token]: { tweets:
 *   10000, ... } }, pull.js seedPull), tls ({ key, cert }: also answer HTTPS, on a port of its own,
 *   at tlsUrl; rec.tls says which), callback (defaults of the video callbacks, callback.js).
 */
async function startSandbox(options = {}) {
	const { port = 0, host = '127.0.0.1', publicKey = 'sandbox-public-key', privateKey = 'sandbox-private-key' } = options;
	const { delayMs = 0, data = defaultData, strictIds = true, maxRecords = 200000, siteExists = true } = options;
	const { tls = null, pullSizes = null, callback = {} } = options;

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
	const tlsServer = tls ? https.createServer({ key: tls.key, cert: tls.cert }, onRequest) : null;
	const tlsUrl = tlsServer ? `https://${urlHost}:${await listen(tlsServer, 0, host)}` : null;
	const servers = [server, tlsServer].filter(Boolean);
	const url = `http://${urlHost}:${actualPort}`;
	let closed = null;
	handle = {
		url, tlsUrl, port: actualPort, host, publicKey, privateKey, authHeader: auth.header, data,
		named: data.named || {},
		requests: recorder.requests,
		/** OneAll's video callbacks: records, settled(n), setDefaults({ outcome, delayMs, retries }) (callback.js). */
		callbacks: state.callbacks,
		/** Clears requests, id counter, stats, what was published, edited or deleted, seedPull() seeds, the pull quirk and the fault. */
		reset() {
			recorder.reset();
			live.faults.clear();
			live.delay = Number(delayMs) || 0;
			state.pull.reset();
			state.callbacks.reset();
		},
		setFault: (f) => live.faults.set(f),
		getFault: () => live.faults.get(),
		seedPull: (token, list, count, parent = null) => state.pull.seedPull(token, list, count, parent),
		setPullQuirk: (q) => state.pull.setQuirk(q),
		getPullQuirk: () => state.pull.getQuirk(),
		overlaps: () => overlapsPerIdentity(recorder.requests),
		setDelay(ms) {
			const v = Number(ms);
			if (!Number.isFinite(v) || v < 0) throw new Error('delay must be a number >= 0');
			live.delay = v;
		},
		getDelay: () => live.delay,
		stats: () => ({ ...recorder.stats(), pending: live.hanging.size + live.timers.size, delayMs: live.delay }),
		info() {
			const named = {};
			for (const [k, v] of Object.entries(data.named || {})) named[k] = { identity_token: v.identity_token, provider: v.provider, displayName: v.displayName };
			return { url, publicKey, privateKey, identities: identitiesAsc.length, strictIds, delayMs: live.delay, named };
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
	return handle;
}

module.exports = { startSandbox, formatId, overlapsPerIdentity, OPS, INFO_401, INFO_NO_SITE };
