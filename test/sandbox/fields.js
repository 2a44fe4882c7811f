'use strict';

/**
 * The field types of push and update bodies, and the checks every JSON body goes through before
 * its fields are read (Content-Type, then empty or unparsable body: 400).
 */

const { errResp, nodeInfo } = require('./envelope');

const HTTP_URL_RE = /^https?:\/\/[^\s/?#]+(?:[/?#]\S*)?$/i;
const nonEmpty = (v) => typeof v === 'string' && v.trim() !== '';
const TYPES = {
	text: (v) => typeof v === 'string', // may be empty unless required
	url: (v) => typeof v === 'string' && HTTP_URL_RE.test(v), // absolute http(s) URL
	bool: (v) => typeof v === 'boolean',
	int: (v) => Number.isInteger(v) && v >= 0,
	id: (v) => nonEmpty(v) || (Number.isInteger(v) && v >= 0),
	ids: (v) => Array.isArray(v) && v.every(nonEmpty),
	privacy: (v) => ['public', 'unlisted', 'private'].includes(v),
};

const isFilled = (v) => v !== undefined && !(typeof v === 'string' && v.trim() === '');
const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
/** The object without its undefined keys: what a stored entry or an edit keeps of a body. */
const dropUndefined = (o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

/**
 * The node `request-><kind>-><spec.node...>` of a push or update body, checked against `spec`
 * ({ node, fields, required? }): { node, path }, or { error } naming the first node that is
 * missing or not an object, a required key not filled or a given key not of its type.
 */
function validateNode(kind, spec, json) {
	if (!isObj(json) || !isObj(json.request)) return { error: nodeInfo('request') };
	let node = json.request;
	let path = 'request';
	for (const part of [kind, ...spec.node]) {
		path += `->${part}`;
		node = node[part];
		if (!isObj(node)) return { error: nodeInfo(path) };
	}
	for (const [key, type] of Object.entries(spec.fields)) {
		const v = node[key];
		const required = (spec.required || []).includes(key);
		if (required && !isFilled(v)) return { error: nodeInfo(`${path}->${key}`) };
		// An empty optional URL is tolerated in a push (OneAll's own PHP SDK sends `"link": ""`).
		const emptyOk = kind === 'push' && !required && v === '' && (type === 'url' || type === 'privacy');
		if (v !== undefined && !emptyOk && !TYPES[type](v)) return { error: nodeInfo(`${path}->${key}`) };
	}
	return { node, path };
}

/** The 400 answer for a body that is not JSON sent as JSON, else null. `json`: the parsed body or null. */
function jsonBodyError(resource, headers, body, json) {
	const ct = headers['content-type'];
	if (!ct || !/^\s*application\/json\s*(;|$)/i.test(ct)) {
		return errResp(resource, 400, 'The request cannot be processed. Please send a JSON body with the header [Content-Type: application/json].');
	}
	if (json !== null) return null;
	return errResp(resource, 400, `The request cannot be processed. The request body is ${body.trim() === '' ? 'empty' : 'not valid JSON'}.`);
}

module.exports = { isFilled, isObj, dropUndefined, validateNode, jsonBodyError };
