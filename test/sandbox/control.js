'use strict';

/**
 * The sandbox's control API under /__sandbox/: no auth, not recorded, plain JSON (not OneAll's
 * envelope), so a test or a benchmark running the sandbox as a process can drive it over HTTP.
 *
 *   GET  requests[?since=seq]    POST reset                GET|POST fault ({mode,...} or null)
 *   POST delay {ms}              GET  stats                GET  info (keys + named identities)
 *   POST seed {identity, list, count[, parent]}            GET|POST pull-quirk
 *   GET|POST callbacks ({outcome, delayMs, retries})
 * A body that is not JSON, or that the sandbox refuses: 400 { ok: false, error }.
 */

const { isObj } = require('./fields');
const { parseQuery, first } = require('./urls');

function controlJson(res, status, obj) {
	const body = JSON.stringify(obj);
	res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
	res.end(body);
}

/** `${method} ${path}` → (sb, json, query) => [status, answer]; a throw answers 400. */
const ENDPOINTS = {
	'GET /__sandbox/requests': (sb, json, query) => {
		const since = Number(first(query.since) || 0);
		const list = since > 0 ? sb.requests.filter((r) => r.seq > since) : sb.requests;
		return { count: list.length, requests: list };
	},
	'POST /__sandbox/reset': (sb) => {
		sb.reset();
		return { ok: true };
	},
	'POST /__sandbox/fault': (sb, json) => {
		sb.setFault(json);
		return { ok: true, fault: sb.getFault() };
	},
	'GET /__sandbox/fault': (sb) => ({ fault: sb.getFault() }),
	'POST /__sandbox/delay': (sb, json) => {
		sb.setDelay(json && typeof json === 'object' ? json.ms : json);
		return { ok: true, delayMs: sb.getDelay() };
	},
	'POST /__sandbox/seed': (sb, json) => {
		if (!isObj(json)) throw new Error('body must be {identity, list, count[, parent]}');
		return { ok: true, seeded: sb.seedPull(json.identity, json.list, json.count, json.parent ?? null) };
	},
	'POST /__sandbox/pull-quirk': (sb, json) => ({ ok: true, quirk: sb.setPullQuirk(json) }),
	'GET /__sandbox/pull-quirk': (sb) => ({ quirk: sb.getPullQuirk() }),
	'GET /__sandbox/stats': (sb) => sb.stats(),
	'GET /__sandbox/info': (sb) => sb.info(),
	'GET /__sandbox/callbacks': (sb) => ({ count: sb.callbacks.records.length, callbacks: sb.callbacks.records }),
	'POST /__sandbox/callbacks': (sb, json) => ({ ok: true, defaults: sb.callbacks.setDefaults(json || {}) }),
};

/** One control request, its body read; `sb`: the sandbox's handle (startSandbox's answer). */
function handleControl(sb, req, res, body) {
	const q = req.url.indexOf('?');
	const path = q < 0 ? req.url : req.url.slice(0, q);
	const query = q < 0 ? {} : parseQuery(req.url.slice(q + 1));
	const m = req.method;
	let json;
	if (m === 'POST') {
		try {
			json = body.trim() === '' ? null : JSON.parse(body);
		} catch {
			return controlJson(res, 400, { ok: false, error: 'body is not valid JSON' });
		}
	}
	const endpoint = Object.hasOwn(ENDPOINTS, `${m} ${path}`) ? ENDPOINTS[`${m} ${path}`] : null;
	if (!endpoint) return controlJson(res, 404, { ok: false, error: `unknown control endpoint ${m} ${path}` });
	try {
		return controlJson(res, 200, endpoint(sb, json, query));
	} catch (err) {
		return controlJson(res, 400, { ok: false, error: err.message });
	}
}

module.exports = { handleControl };
