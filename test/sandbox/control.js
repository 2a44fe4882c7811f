'use strict';

/**
 * The sandbox's control API under /__sandbox/ (endpoints: README.md): no auth, not recorded,
 * plain JSON (not OneAll's envelope), so a test or a benchmark running the sandbox as a process
 * can drive it over HTTP. A body that is not JSON, or that the sandbox refuses: 400 { ok: false, error }.
 */

const { isObj } = require('./fields');
const { parseQuery, first } = require('./urls');

/** `${method} ${path}` → (sb, json, query) => answer; a throw answers 400. */
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
	const answer = (status, obj) => {
		const text = JSON.stringify(obj);
		res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
		res.end(text);
	};
	const [path, search] = req.url.split(/\?(.*)/s);
	const key = `${req.method} ${path}`;
	let json;
	try {
		json = req.method === 'POST' && body.trim() !== '' ? JSON.parse(body) : null;
	} catch {
		return answer(400, { ok: false, error: 'body is not valid JSON' });
	}
	if (!Object.hasOwn(ENDPOINTS, key)) return answer(404, { ok: false, error: `unknown control endpoint ${key}` });
	try {
		return answer(200, ENDPOINTS[key](sb, json, parseQuery(search)));
	} catch (err) {
		return answer(400, { ok: false, error: err.message });
	}
}

module.exports = { handleControl };
