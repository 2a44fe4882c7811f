'use strict';

/**
 * Which API a request is for (push.js, lifecycle.js, identities.js, pull.js; anything else: 404),
 * and the checks all of them share before their own: [no Site: 404] → route (404) → method (405)
 * → HTTP Basic (401) → identity token format / unknown identity (404) → identity provider vs path
 * provider (403).
 */

const { INFO_401, INFO_NO_SITE, errResp, uriNotFound, methodNotAllowed } = require('./envelope');
const { findIdentity, providerError, identityAnswer } = require('./identities');
const { answerUpdate, matchUpdate } = require('./lifecycle');
const { matchPushSuffix, answerPush } = require('./push');

const IDENTITY_PREFIX = '/identities/';

/** { kind, methods, token?, match?, provider? } for a path, or null (404). */
function resolve(pull, pathname) {
	if (pathname === '/identities.json') return { kind: 'list', methods: ['GET'] };
	if (pathname.startsWith(IDENTITY_PREFIX) && pathname.endsWith('.json') && pathname.indexOf('/', IDENTITY_PREFIX.length) === -1) {
		return { kind: 'identity', methods: ['GET'], token: pathname.slice(IDENTITY_PREFIX.length, -5) };
	}
	const m = /^\/(push|pull|update)\/identities\/([^/]+)\/(.*)$/s.exec(pathname);
	if (!m) return null;
	const [, kind, token, sub] = m;
	if (kind === 'push') {
		const match = matchPushSuffix(sub);
		return match && { kind, methods: ['POST'], token, match, provider: match.op.provider };
	}
	if (kind === 'pull') {
		const match = pull.match(sub);
		return match && { kind, methods: ['GET'], token, match, provider: match.route.provider };
	}
	const spec = matchUpdate(sub);
	return spec && { kind, methods: spec.methods, token, match: { spec, sub }, provider: spec.provider };
}

/** Route, check and answer one API request: { status, body, headers? }. `state`: see startSandbox. */
function answerApi(state, method, pathname, query, headers, body, rec) {
	const resource = pathname;
	if (!state.siteExists) return errResp(resource, 404, INFO_NO_SITE);
	const target = resolve(state.pull, pathname);
	if (!target) return uriNotFound(resource);
	if (!target.methods.includes(method)) return methodNotAllowed(resource, method, target.methods.join(', '));
	if (!state.authOk(headers.authorization)) return errResp(resource, 401, INFO_401);
	if (target.kind === 'list') return state.listIdentities(query, resource);

	const who = findIdentity(state.byToken, resource, target.token);
	if (who.resp) return who.resp;
	if (target.kind === 'identity') return identityAnswer(resource, who.identity);
	const refused = providerError(resource, target.token, who.identity, target.provider);
	if (refused) return refused;

	if (target.kind === 'update') return answerUpdate(state, target.match.spec, target.match.sub, who.token, method, headers, rec);
	if (target.kind === 'push') return answerPush(state, target.match, who, headers, body, rec);
	const answer = state.pull.answer(target.match, who.token, who.identity, query, resource);
	// What was listed, as for a push's result: tests compare a node's items with it.
	if (answer.status === 200) rec.result = JSON.parse(answer.body).response.result.data;
	return answer;
}

module.exports = { answerApi };
