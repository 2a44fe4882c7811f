'use strict';

/**
 * Which API a request is for (push.js, lifecycle.js, identities.js, pull.js; anything else: 404),
 * and the checks all of them share before their own: [no Site: 404] → route (404) → method (405)
 * → HTTP Basic (401) → identity token format / unknown identity (404) → identity provider vs path
 * provider (403).
 */

const { INFO_401, INFO_NO_SITE, errResp, uriNotFound, methodNotAllowed } = require('./envelope');
const { findIdentity, providerError, identityAnswer } = require('./identities');
const { answerUpdate, UPDATE_ROUTES } = require('./lifecycle');
const { PULL_ROUTES } = require('./pull');
const { OPS, answerPush } = require('./push');

/** Each API's routes, tried in order: { re, methods, provider, ... }. */
const API = { push: Object.values(OPS), pull: PULL_ROUTES, update: UPDATE_ROUTES };

/** { kind, methods, token?, route?, rawIds?, provider? } for a path, or null (404). */
function resolve(pathname) {
	if (pathname === '/identities.json') return { kind: 'list', methods: ['GET'] };
	const single = /^\/identities\/([^/]*)\.json$/.exec(pathname);
	if (single) return { kind: 'identity', methods: ['GET'], token: single[1] };
	const [, kind, token, sub] = /^\/(push|pull|update)\/identities\/([^/]+)\/(.*)$/s.exec(pathname) || [];
	const route = kind && API[kind].find((r) => r.re.test(sub));
	return route ? { kind, methods: route.methods, token, route, rawIds: route.re.exec(sub).slice(1), provider: route.provider } : null;
}

/** Route, check and answer one API request: { status, body, headers? }. `state`: see startSandbox. */
function answerApi(state, method, pathname, query, headers, body, rec) {
	const resource = pathname;
	if (!state.siteExists) return errResp(resource, 404, INFO_NO_SITE);
	const target = resolve(pathname);
	if (!target) return uriNotFound(resource);
	if (!target.methods.includes(method)) return methodNotAllowed(resource, method, target.methods.join(', '));
	if (!state.authOk(headers.authorization)) return errResp(resource, 401, INFO_401);
	if (target.kind === 'list') return state.listIdentities(query, resource);

	const who = findIdentity(state.byToken, resource, target.token);
	if (who.resp) return who.resp;
	if (target.kind === 'identity') return identityAnswer(resource, who.identity);
	const refused = providerError(resource, target.token, who.identity, target.provider);
	if (refused) return refused;

	if (target.kind === 'update') return answerUpdate(state, target.route, target.rawIds, who.token, method, headers, rec);
	if (target.kind === 'push') return answerPush(state, target.route, target.rawIds, who, headers, body, rec);
	const answer = state.pull.answer(target.route, target.rawIds, who.token, who.identity, query, resource);
	// What was listed, as for a push's result: tests compare a node's items with it.
	if (answer.status === 200) rec.result = JSON.parse(answer.body).response.result.data;
	return answer;
}

module.exports = { answerApi };
