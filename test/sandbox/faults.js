'use strict';

/**
 * Faults played instead of (or on top of) a normal answer: the one set with `sb.setFault(f)`, or a
 * `__fault:<name>` marker in one request, which wins and does not use the set one up. `__delay:<ms>`
 * exists so that a client overlapping one identity's posts can be caught: each answer takes a while.
 */

const { INFO_401, envelope, errResp } = require('./envelope');
const { isObj } = require('./fields');
const { safeDecode } = require('./urls');

const FAULT_MODES = ['status', 'flagError', 'html', 'empty', 'truncated', 'hang', 'slow', 'reset'];
const MARKER_RE = /__fault:([A-Za-z]+|\d{3})(?::(\d+))?/;
const DELAY_RE = /__delay:(\d{1,5})/;

const DEFAULT_FAULT_INFO = {
	400: 'The request cannot be processed. Please verify the format of the [request] node.',
	401: INFO_401,
	403: 'The request is understood, but it has been refused: the identity has not granted the required permissions.',
	404: 'The requested resource could not be found.',
	409: 'The request is valid but cannot be executed: the social network reports a duplicate content.',
	429: 'Too many requests. The rate limit has been exceeded, please try again later.',
	500: 'An unrecoverable error occurred while processing the request.',
	502: 'The API is currently down for maintenance.',
	503: 'The API is currently overloaded. Please try again later.',
};

const HTML_502 =
	'<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

/** A `__fault:` marker's name (and argument) as a fault, else null. */
function faultFromName(name, arg) {
	if (/^\d{3}$/.test(name)) return name >= 400 && name <= 599 ? { mode: 'status', status: Number(name) } : null;
	const mode = name.toLowerCase() === 'flagerror' ? 'flagError' : name.toLowerCase();
	if (mode === 'slow') return { mode, ms: arg == null ? 1000 : Number(arg) };
	return FAULT_MODES.includes(mode) && mode !== 'status' ? { mode } : null;
}

const isInt = (v, min = -Infinity) => Number.isInteger(v) && v >= min;

/** Accepts a fault object, null, or a marker-style string ('500', 'hang', 'slow:200', ...). */
function normalizeFault(f) {
	if (f == null) return null;
	if (typeof f === 'string' || typeof f === 'number') {
		const m = /^([A-Za-z]+|\d{3})(?::(\d+))?$/.exec(String(f));
		const parsed = m && faultFromName(m[1], m[2]);
		if (!parsed) throw new Error(`unknown fault: ${f}`);
		return normalizeFault(parsed);
	}
	if (!isObj(f)) throw new Error('fault must be an object or null');
	if (!FAULT_MODES.includes(f.mode)) throw new Error(`fault.mode must be one of ${FAULT_MODES.join(', ')}`);
	const out = { ...f };
	if (f.mode === 'status' && !(isInt(f.status) && f.status >= 400 && f.status <= 599)) throw new Error('fault.status must be an HTTP error status (400-599)');
	if (f.mode === 'flagError' && f.code != null && !isInt(f.code)) throw new Error('fault.code must be an integer');
	if (f.mode === 'html' && f.status != null && !isInt(f.status)) throw new Error('fault.status must be an integer');
	if (f.mode === 'slow') {
		out.ms = f.ms == null ? 1000 : Number(f.ms);
		if (!Number.isFinite(out.ms) || out.ms < 0) throw new Error('fault.ms must be a number >= 0');
	}
	if (f.match != null) {
		if (!isObj(f.match)) throw new Error('fault.match must be an object');
		const { times, skip } = f.match;
		if (times != null && !isInt(times, 1)) throw new Error('fault.match.times must be an integer >= 1');
		if (skip != null && !isInt(skip, 0)) throw new Error('fault.match.skip must be an integer >= 0');
		out.match = { ...f.match };
	}
	// The counters under the names the control API shows (remaining null: no limit).
	return Object.assign(out, { remaining: f.match?.times ?? null, skip: f.match?.skip || 0 });
}

/** What a record's `fault` says. */
const faultName = (f) => (f.mode === 'status' ? String(f.status) : f.mode);

/**
 * The answer a fault puts in place of the normal one; the other modes act on the normal answer
 * or on the connection instead (truncated, slow, hang, reset).
 */
const FAULT_ANSWERS = {
	status: (f, resource) => {
		const info = f.info || DEFAULT_FAULT_INFO[f.status] || `The request failed with the status ${f.status}.`;
		return errResp(resource, f.status, info, f.status === 429 ? { 'Retry-After': '1' } : undefined);
	},
	flagError: (f, resource) => {
		const info = f.info || 'The request cannot be processed. The social network has rejected the content.';
		return { status: 200, body: envelope(resource, 'error', f.code || 400, info) };
	},
	html: (f) => ({ status: f.status || 502, body: f.body || HTML_502, headers: { 'Content-Type': 'text/html' } }),
	empty: () => ({ status: 200, body: '' }),
};
const faultResponse = (f, resource) => (FAULT_ANSWERS[f.mode] ? FAULT_ANSWERS[f.mode](f, resource) : null);

/** The fault that is set (one per sandbox) and the choice of the fault for each request. */
function createFaultSwitch() {
	let fault = null;
	const publicFault = () => fault && { ...fault };

	/** The fault for this request (a marker first, then the set fault if it matches), or null. */
	function pick(method, rawUrl, body) {
		if (body.includes('__fault:') || rawUrl.includes('__fault:')) {
			const m = MARKER_RE.exec(body) || MARKER_RE.exec(safeDecode(rawUrl) || rawUrl);
			const f = m && faultFromName(m[1], m[2]);
			if (f) return normalizeFault(f);
		}
		if (!fault) return null;
		const mt = fault.match || {};
		if (mt.bodyContains != null && !body.includes(String(mt.bodyContains))) return null;
		if (mt.pathContains != null && !rawUrl.includes(String(mt.pathContains))) return null;
		if (mt.method != null && String(mt.method).toUpperCase() !== method) return null;
		if (fault.skip > 0) {
			fault.skip--;
			return null;
		}
		const f = fault;
		if (fault.remaining !== null && --fault.remaining <= 0) fault = null;
		return f;
	}

	return {
		pick,
		set(f) {
			fault = normalizeFault(f);
			return publicFault();
		},
		get: publicFault,
		clear() {
			fault = null;
		},
	};
}

/** The `__delay:<ms>` a body asks for, else 0. */
function requestedDelay(body) {
	const m = body.includes('__delay:') && DELAY_RE.exec(body);
	return m ? Number(m[1]) : 0;
}

module.exports = { DEFAULT_FAULT_INFO, faultName, faultResponse, createFaultSwitch, requestedDelay };
