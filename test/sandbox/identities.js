'use strict';

/**
 * The data set's identities by token, the two Identity API reads and the identity checks of
 * every identity path (token 404, provider 403). The pagination node, its parameters, the default
 * of 250 and the maximum of 500 are OneAll's documentation; the 400 / 404 texts are UNCONFIRMED.
 */

const { generatedPull } = require('./data');
const { okResp, errResp } = require('./envelope');
const { first } = require('./urls');

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_PER_PAGE = 500;

/**
 * Checks a data set once: `identitiesAsc` (oldest first; undated ones keep their order), `byToken`
 * (lower-case token → { entry, index }) and `basePull` (lower-case token → its pick lists, given
 * in data.pull or generated).
 */
function prepareIdentities(data) {
	if (!data || !Array.isArray(data.identities)) throw new Error('options.data.identities must be an array');
	// A stable sort; an undated entry compares as equal (NaN), so undated ones keep their order.
	const identitiesAsc = data.identities.map((e) => [Date.parse(e.date_creation), e]).sort((a, b) => a[0] - b[0]).map(([, e]) => e);
	const byToken = new Map();
	identitiesAsc.forEach((e, i) => {
		if (!e || typeof e.identity_token !== 'string' || !UUID_RE.test(e.identity_token)) throw new Error(`identity #${i} has no UUID identity_token`);
		byToken.set(e.identity_token.toLowerCase(), { entry: e, index: i });
	});
	const basePull = new Map();
	for (const [token, { entry, index }] of byToken) {
		const given = data.pull && (data.pull[entry.identity_token] || data.pull[token]);
		basePull.set(token, given || generatedPull(entry, index) || {});
	}
	return { identitiesAsc, byToken, basePull };
}

/** { token (lower case), identity } for the token of a path, or { resp }: 404. */
function findIdentity(byToken, resource, rawToken) {
	if (!UUID_RE.test(rawToken)) return { resp: errResp(resource, 404, `The identity_token [${rawToken}] is not a valid identity token.`) };
	const token = rawToken.toLowerCase();
	const ident = byToken.get(token);
	if (!ident) return { resp: errResp(resource, 404, `The identity with the identity_token [${rawToken}] could not be found.`) };
	return { token, identity: ident.entry };
}

/** The 403 for an identity used with another provider's path, else null. */
function providerError(resource, rawToken, identity, provider) {
	if (identity.provider === provider) return null;
	const info = `The identity with the identity_token [${rawToken}] belongs to the provider [${identity.provider}]`;
	return errResp(resource, 403, `${info} and cannot be used with the [${provider}] API.`);
}

/** `GET /identities/<uuid>.json`: the entry with the fields only the single read has. */
function identityAnswer(resource, identity) {
	const full = {
		...identity,
		source: { name: identity.provider, key: identity.provider },
		name: { formatted: identity.displayName },
	};
	return okResp(resource, JSON.stringify({ identity: full }));
}

const badParam = (resource, name) => errResp(resource, 400, `The request cannot be processed. Please verify the value of the [${name}] parameter.`);

/** page, entries_per_page and order_direction of `GET /identities.json`, or { error: name }. */
function readListQuery(query) {
	const [p, e, d] = ['page', 'entries_per_page', 'order_direction'].map((name) => first(query[name]));
	if (p !== undefined && !/^\d+$/.test(p)) return { error: 'page' };
	if (e !== undefined && !/^\d+$/.test(e)) return { error: 'entries_per_page' };
	if (d !== undefined && !/^(asc|desc)$/i.test(d)) return { error: 'order_direction' };
	const page = p === undefined ? 1 : Number(p);
	const epp = e === undefined ? 250 : Number(e);
	if (page < 1) return { error: 'page' };
	if (epp < 1) return { error: 'entries_per_page' };
	return { page, epp: Math.min(epp, MAX_PER_PAGE), dir: d === undefined ? 'asc' : d.toLowerCase() };
}

/** `GET /identities.json` over one data set; every entry is serialised once, a page is a join. */
function createIdentityList(identitiesAsc) {
	const jsonAsc = identitiesAsc.map((e) => JSON.stringify(e));
	const jsonDesc = jsonAsc.slice().reverse();
	return function listPage(query, resource) {
		const q = readListQuery(query);
		if (q.error) return badParam(resource, q.error);
		const { page, epp, dir } = q;
		const all = dir === 'asc' ? jsonAsc : jsonDesc;
		const slice = all.slice((page - 1) * epp, page * epp);
		const total = all.length;
		const pagination = { current_page: page, total_pages: Math.max(1, Math.ceil(total / epp)), entries_per_page: epp, total_entries: total };
		pagination.order = { field: 'date_creation', direction: dir };
		return okResp(resource, `{"identities":{"pagination":${JSON.stringify(pagination)},"count":${slice.length},"entries":[${slice.join(',')}]}}`);
	};
}

module.exports = { prepareIdentities, findIdentity, providerError, identityAnswer, createIdentityList };
