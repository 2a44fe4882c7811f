'use strict';

/**
 * The field types of push and update bodies, and the checks every JSON body goes through before
 * its fields are read (Content-Type, then empty or unparsable body: 400).
 *
 * Field types:
 *   text  string (may be empty unless required)      url   absolute http(s) URL string
 *   bool  JSON boolean                                int   JSON integer >= 0
 *   id    non-empty string, or a JSON integer         ids   array of non-empty strings
 *   privacy  'public' | 'unlisted' | 'private'
 */

const { errResp, nodeInfo } = require('./envelope');

const HTTP_URL_RE = /^https?:\/\/[^\s/?#]+(?:[/?#]\S*)?$/i;
const PRIVACY = ['public', 'unlisted', 'private'];

function checkType(type, v) {
	switch (type) {
		case 'text':
			return typeof v === 'string';
		case 'url':
			return typeof v === 'string' && HTTP_URL_RE.test(v);
		case 'bool':
			return typeof v === 'boolean';
		case 'int':
			return typeof v === 'number' && Number.isInteger(v) && v >= 0;
		case 'id':
			return (typeof v === 'string' && v.trim() !== '') || (typeof v === 'number' && Number.isInteger(v) && v >= 0);
		case 'ids':
			return Array.isArray(v) && v.every((x) => typeof x === 'string' && x.trim() !== '');
		case 'privacy':
			return typeof v === 'string' && PRIVACY.includes(v);
		default:
			return true;
	}
}

const isFilled = (v) => v !== undefined && !(typeof v === 'string' && v.trim() === '');
const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * The node a push or update body is about, `request-><kind>-><parts...>`: { node, path }, or
 * { error } naming the first node that is missing or not an object.
 */
function findNode(json, kind, parts) {
	if (!isObj(json) || !isObj(json.request)) return { error: nodeInfo('request') };
	if (!isObj(json.request[kind])) return { error: nodeInfo(`request->${kind}`) };
	let node = json.request[kind];
	let path = `request->${kind}`;
	for (const part of parts) {
		path += `->${part}`;
		node = node[part];
		if (!isObj(node)) return { error: nodeInfo(path) };
	}
	return { node, path };
}

/** The 400 answer for a body that is not JSON sent as JSON, else null. `json`: the parsed body or null. */
function jsonBodyError(resource, headers, body, json) {
	const ct = headers['content-type'];
	if (!ct || !/^\s*application\/json\s*(;|$)/i.test(ct)) {
		return errResp(resource, 400, 'The request cannot be processed. Please send a JSON body with the header [Content-Type: application/json].');
	}
	if (json === null) {
		return errResp(resource, 400, body.trim() === '' ? 'The request cannot be processed. The request body is empty.' : 'The request cannot be processed. The request body is not valid JSON.');
	}
	return null;
}

module.exports = { checkType, isFilled, isObj, findNode, jsonBodyError };
