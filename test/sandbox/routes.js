'use strict';

/**
 * Which API a request is for, and the checks all of them share before their own:
 *
 *   POST /push/identities/<uuid>/<one of the 20 push paths>          push.js
 *   PUT|DELETE /update/identities/<uuid>/<one of the 12 paths>        lifecycle.js
 *   GET  /identities.json, /identities/<uuid>.json                    identities.js
 *   GET  /pull/identities/<uuid>/<one of the 17 read paths>           pull.js
 * Everything else: 404 envelope; a wrong method: 405 envelope.
 *
 * Order of checks: [no Site: 404] → route (404) → method (405) → HTTP Basic (401) → identity
 * token format / unknown identity (404) → identity provider vs path provider (403) → the API's own.
 */

const { INFO_401, INFO_NO_SITE, errResp, uriNotFound, methodNotAllowed } = require('./envelope');
const { findIdentity, providerError, identityAnswer } = require('./identities');
const { answerUpdate } = require('./lifecycle');
const { matchPushSuffix, answerPush } = require('./push');

const PUSH_PREFIX = '/push/identities/';
const PULL_PREFIX = '/pull/identities/';
const IDENTITY_PREFIX = '/identities/';

/** `<token>/<rest>` → { token, sub }, or null without a token. */
function splitToken(rest) {
	const slash = rest.indexOf('/');
	return slash > 0 ? { token: rest.slice(0, slash), sub: rest.slice(slash + 1) } : null;
}

/** { kind, token?, match? } for a path served with GET or POST, or null (404). */
function resolve(pull, pathname) {
	if (pathname.startsWith(PUSH_PREFIX)) {
		const parts = splitToken(pathname.slice(PUSH_PREFIX.length));
		const match = parts && matchPushSuffix(parts.sub);
		return match ? { kind: 'push', token: parts.token, match, provider: match.op.provider } : null;
	}
	if (pathname === '/identities.json') return { kind: 'list' };
	if (pathname.startsWith(IDENTITY_PREFIX) && pathname.endsWith('.json') && pathname.indexOf('/', IDENTITY_PREFIX.length) === -1) {
		return { kind: 'identity', token: pathname.slice(IDENTITY_PREFIX.length, -5) };
	}
	if (pathname.startsWith(PULL_PREFIX)) {
		const parts = splitToken(pathname.slice(PULL_PREFIX.length));
		const match = parts && pull.match(parts.sub);
		return match ? { kind: 'pull', token: parts.token, match, provider: match.route.provider } : null;
	}
	return null;
}

/**
 * Route, check and answer one API request: { status, body, headers? }. `state`: the sandbox's
 * own (siteExists, strictIds, byToken, authOk, listIdentities, the store `pull`, callbacks,
 * nextPushId).
 */
function answerApi(state, method, pathname, query, headers, body, rec) {
	const resource = pathname;
	if (!state.siteExists) return errResp(resource, 404, INFO_NO_SITE);
	if (pathname.startsWith('/update/identities/')) return answerUpdate(state, method, pathname, headers, body, rec);
	const target = resolve(state.pull, pathname);
	if (!target) return uriNotFound(resource);
	const allowed = target.kind === 'push' ? 'POST' : 'GET';
	if (method !== allowed) return methodNotAllowed(resource, method, allowed);
	if (!state.authOk(headers.authorization)) return errResp(resource, 401, INFO_401);
	if (target.kind === 'list') return state.listIdentities(query, resource);

	const who = findIdentity(state.byToken, resource, target.token);
	if (who.resp) return who.resp;
	if (target.kind === 'identity') return identityAnswer(resource, who.identity);
	const refused = providerError(resource, target.token, who.identity, target.provider);
	if (refused) return refused;

	if (target.kind === 'pull') {
		const answer = state.pull.answer(target.match, who.token, who.identity, query, resource);
		// What was listed, as for a push's result: tests compare a node's items with it.
		if (answer.status === 200) rec.result = JSON.parse(answer.body).response.result.data;
		return answer;
	}
	return answerPush(state, target.match, who, headers, body, rec);
}

module.exports = { answerApi };
