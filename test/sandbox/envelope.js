'use strict';

/**
 * OneAll's answer envelope and the info texts: the envelope, INFO_OK and INFO_401 are documented by
 * OneAll, nodeInfo's wording is a real OneAll string; INFO_NO_SITE and the other 404 / 405 texts are
 * the sandbox's own, UNCONFIRMED.
 */

const { oneAllDate } = require('./data');

const INFO_OK = 'Your request has been processed successfully';
const INFO_401 = 'Authentication credentials are missing or incorrect: http://docs.oneall.com/api/basic/authentication/';
const INFO_NO_SITE = 'There is no Site with this subdomain. Please verify the subdomain of your API endpoint.';
const NOT_FOUND_URI = 'The requested resource could not be found. Please verify the URI of your request.';
const nodeInfo = (path) => `The request cannot be processed. Please verify the format of the [${path}] node.`;
/** An id in the path that cannot be an id at all (404). */
const badIdInfo = (what, raw) => `The ${what} id [${raw}] is not valid.`;
/** An id that is well formed but not this identity's (404). */
const notFoundForIdentity = (what, id) => `The ${what} with the id [${id}] could not be found for this identity.`;

const nowDate = () => oneAllDate(Date.now());

/** The envelope as a string: `dataJson` is spliced in as is, so cached JSON is not parsed again. */
function envelope(resource, flag, code, info, dataJson) {
	let s = `{"response":{"request":{"date":"${nowDate()}","resource":${JSON.stringify(resource)},"status":{"flag":"${flag}","code":${code},"info":${JSON.stringify(info)}}}`;
	if (dataJson !== undefined) s += `,"result":{"data":${dataJson}}`;
	return `${s}}}`;
}

const okResp = (resource, dataJson) => ({ status: 200, body: envelope(resource, 'success', 200, INFO_OK, dataJson) });
const errResp = (resource, code, info, headers) => ({ status: code, body: envelope(resource, 'error', code, info), headers });
const uriNotFound = (resource) => errResp(resource, 404, NOT_FOUND_URI);
function methodNotAllowed(resource, method, allowed) {
	return errResp(resource, 405, `The method [${method}] is not allowed for this resource. Allowed: [${allowed}].`, { Allow: allowed });
}

module.exports = {
	INFO_OK, INFO_401, INFO_NO_SITE, NOT_FOUND_URI, nodeInfo, badIdInfo, notFoundForIdentity,
	nowDate, envelope, okResp, errResp, uriNotFound, methodNotAllowed,
};
