'use strict';

/** The parts of a request target the sandbox reads: the query and the ids in a path. */

/** A repeated parameter becomes an array, so the Pull API can refuse it by name. */
function parseQuery(search) {
	const out = {};
	for (const [k, v] of new URLSearchParams(search || '')) out[k] = Object.hasOwn(out, k) ? [].concat(out[k], v) : v;
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

/** An id in a path, decoded, or null when it cannot be an id (the callers answer 404 "not valid"). */
function pathId(raw) {
	const id = safeDecode(raw);
	return id !== null && /^[A-Za-z0-9_-]{1,128}$/.test(id) ? id : null;
}

/** 'facebook/page/{page}/posts.json' → a RegExp capturing each `{name}`. */
const pathPattern = (path) => new RegExp(`^${path.replace(/\./g, '\\.').replace(/\{\w+\}/g, '([^/]+)')}$`);

module.exports = { parseQuery, first, safeDecode, pathId, pathPattern };
