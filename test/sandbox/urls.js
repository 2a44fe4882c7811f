'use strict';

/** The parts of a request target the sandbox reads: the query and the ids in a path. */

/** What an id in a path may be, once decoded (anything else: 404 "not valid"). */
const PATH_ID_RE = /^[A-Za-z0-9_-]{1,128}$/;

/** A repeated parameter becomes an array, so the Pull API can refuse it by name. */
function parseQuery(search) {
	const out = {};
	if (!search) return out;
	for (const [k, v] of new URLSearchParams(search)) {
		if (Object.prototype.hasOwnProperty.call(out, k)) out[k] = [].concat(out[k], v);
		else out[k] = v;
	}
	return out;
}
const first = (v) => (Array.isArray(v) ? v[0] : v);

/** null for a malformed escape, which the callers answer as an invalid id. */
function safeDecode(s) {
	try {
		return decodeURIComponent(s);
	} catch {
		return null;
	}
}

module.exports = { PATH_ID_RE, parseQuery, first, safeDecode };
