'use strict';

/**
 * The sandbox's Update API (edit and delete what was published) and the objects it works on.
 *
 *   PUT|DELETE /update/identities/<uuid>/<one of the 12 paths below>
 *
 * The objects live in pull.js (the store's objects()): every successful push that creates something is
 * listed there next to the seed objects of data.js, so a publish followed by a delete of the
 * returned id works, a second delete answers 404, an id never published answers 404, and the
 * Pull lists show each edit and leave out what was deleted.
 *
 * Order of checks: route (404) → method (405) → HTTP Basic (401) → identity (404) → provider
 * (403) → path ids well formed (404) → parent page / playlist exists (404) → object exists (404)
 * → [PUT] Content-Type, JSON, the `request.update` node, types, "at least one" and
 * "link or attachments" (400), board name exists (404) → 200.
 *
 * Facts vs guesses: paths, methods and PUT bodies are OneAll's Update API documentation; the
 * "link or attachments" rule is documented for page posts. Every result below (the ids echoed
 * back, `object` names) is UNCONFIRMED, chosen like the push results.
 */

const { INFO_401, okResp, errResp, nodeInfo, badIdInfo, notFoundForIdentity, uriNotFound, methodNotAllowed } = require('./envelope');
const { checkType, isFilled, findNode, jsonBodyError } = require('./fields');
const { findIdentity, providerError } = require('./identities');
const { PATH_ID_RE, safeDecode } = require('./urls');

// `{name}` placeholders are path ids; `parent` names the list the first one must exist in.
const ROUTES = [
	{ pattern: 'twitter/post/{post}.json', provider: 'twitter', object: 'post', collection: 'tweets', methods: ['DELETE'] },
	{
		pattern: 'facebook/page/{page}/post/{post}.json', provider: 'facebook', object: 'post', parent: 'pages', collection: 'pagePosts', methods: ['PUT', 'DELETE'],
		update: { node: ['post'], fields: { message: 'text', link: 'url', attachments: 'ids' }, atLeastOne: ['message', 'link', 'attachments'], exclusive: ['link', 'attachments'] },
	},
	{ pattern: 'facebook/page/{page}/picture/{picture}.json', provider: 'facebook', object: 'picture', parent: 'pages', collection: 'pagePictures', methods: ['DELETE'] },
	{ pattern: 'facebook/page/{page}/video/{video}.json', provider: 'facebook', object: 'video', parent: 'pages', collection: 'pageVideos', methods: ['DELETE'] },
	{
		pattern: 'pinterest/pin/{pin}.json', provider: 'pinterest', object: 'pin', collection: 'pins', methods: ['PUT', 'DELETE'],
		update: { node: ['pin'], fields: { board: 'text', description: 'text', link: 'url' }, atLeastOne: ['board', 'description', 'link'] },
	},
	{
		pattern: 'youtube/playlist/{playlist}.json', provider: 'youtube', object: 'playlist', collection: 'playlists', methods: ['PUT', 'DELETE'],
		update: { node: ['playlist'], fields: { title: 'text', description: 'text', privacy_status: 'privacy', default_language: 'text' }, required: ['title'] },
	},
	{ pattern: 'youtube/playlist/{playlist}/video/{video}.json', provider: 'youtube', object: 'playlist_video', parent: 'playlists', collection: 'playlistVideos', methods: ['DELETE'] },
	{
		pattern: 'youtube/channel/section/{section}.json', provider: 'youtube', object: 'channel_section', collection: 'sections', methods: ['PUT', 'DELETE'],
		update: {
			node: ['channel', 'section'],
			fields: { type: 'text', style: 'text', title: 'text', position: 'int', defaultLanguage: 'text', playlists: 'ids', channels: 'ids' },
			atLeastOne: ['type', 'style', 'title', 'position', 'defaultLanguage', 'playlists', 'channels'],
		},
	},
];
for (const route of ROUTES) {
	route.names = [...route.pattern.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
	route.re = new RegExp(`^${route.pattern.replace(/\./g, '\\.').replace(/\{\w+\}/g, '([^/]+)')}$`);
	route.idKey = `${route.names[route.names.length - 1]}_id`;
}

const PARENT_WHAT = { pages: 'page', playlists: 'playlist' };

const dropUndefined = (o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

/** Identity checks of an Update API path: 401, 404, 403. Returns { token, identity } or { resp }. */
function identityFor(state, resource, rawToken, headers, provider) {
	if (!state.authOk(headers.authorization)) return { resp: errResp(resource, 401, INFO_401) };
	const who = findIdentity(state.byToken, resource, rawToken);
	if (who.resp) return who;
	const refused = providerError(resource, rawToken, who.identity, provider);
	return refused ? { resp: refused } : who;
}

function validateUpdate(spec, json) {
	const found = findNode(json, 'update', spec.node);
	if (found.error) return found;
	const { node, path } = found;
	for (const [key, type] of Object.entries(spec.fields)) {
		const value = node[key];
		const required = (spec.required || []).includes(key);
		if (required && !isFilled(value)) return { error: nodeInfo(`${path}->${key}`) };
		if (value !== undefined && !checkType(type, value)) return { error: nodeInfo(`${path}->${key}`) };
	}
	const filled = (key) => isFilled(node[key]) && !(Array.isArray(node[key]) && node[key].length === 0);
	if (spec.atLeastOne && !spec.atLeastOne.some(filled)) {
		return { error: `The request cannot be processed. Please verify the format of the [${path}] node: it must set at least one of ${spec.atLeastOne.map((k) => `[${k}]`).join(', ')}.` };
	}
	if (spec.exclusive && spec.exclusive.every(filled)) {
		return { error: `The request cannot be processed. Please verify the format of the [${path}] node: ${spec.exclusive.map((k) => `[${k}]`).join(' and ')} cannot be used together.` };
	}
	return { node };
}

/** The path ids of a matched route, decoded: { ids: { <name>_id: value } } or { resp } (404). */
function pathIds(spec, sub, resource) {
	const raw = spec.re.exec(sub).slice(1);
	const ids = {};
	for (const [i, name] of spec.names.entries()) {
		const value = safeDecode(raw[i]);
		if (value === null || !PATH_ID_RE.test(value)) return { resp: errResp(resource, 404, badIdInfo(name, raw[i])) };
		ids[`${name}_id`] = value;
	}
	return { ids };
}

/** A PUT's edit, applied to the object in the store once the body is valid. */
function applyEdit(state, spec, token, id, parentId, json, resource) {
	const objects = state.pull.objects;
	const v = validateUpdate(spec.update, json);
	if (v.error) return errResp(resource, 400, v.error);
	const edit = dropUndefined(Object.fromEntries(Object.keys(spec.update.fields).map((k) => [k, v.node[k]])));
	if (spec.provider === 'pinterest' && isFilled(v.node.board)) {
		const board = objects(token, 'boards').entries().find((b) => b.name === v.node.board);
		if (state.strictIds && !board) return errResp(resource, 404, `The board with the name [${v.node.board}] could not be found for this identity.`);
		// A moved pin is listed under its new board (board/<id>/pins.json).
		if (board) {
			delete edit.board;
			edit.board_id = board.board_id;
		}
	}
	// The edit shows in the Pull lists (a playlist's new title in playlists.json too).
	const listing = objects(token, spec.collection, parentId);
	const known = listing.get(id) || { [spec.idKey]: id };
	listing.set(id, { ...known, ...edit });
	return null;
}

/**
 * PUT / DELETE under /update/identities/. `state`: strictIds, byToken, authOk and the store
 * (`pull`: objects(token, list, parent), hasId(token, list, id)).
 */
function answerUpdate(state, method, pathname, headers, body, rec) {
	const resource = pathname;
	const rest = pathname.slice('/update/identities/'.length);
	const slash = rest.indexOf('/');
	const sub = slash > 0 ? rest.slice(slash + 1) : '';
	const spec = ROUTES.find((r) => r.re.test(sub));
	if (!spec) return uriNotFound(resource);
	if (!spec.methods.includes(method)) return methodNotAllowed(resource, method, spec.methods.join(', '));
	const who = identityFor(state, resource, rest.slice(0, slash), headers, spec.provider);
	if (who.resp) return who.resp;
	const { token } = who;
	const path = pathIds(spec, sub, resource);
	if (path.resp) return path.resp;
	const { ids } = path;
	const id = ids[spec.idKey];
	const parentId = spec.parent ? ids[`${PARENT_WHAT[spec.parent]}_id`] : null;
	if (state.strictIds) {
		if (spec.parent && !state.pull.hasId(token, spec.parent, parentId)) return errResp(resource, 404, notFoundForIdentity(PARENT_WHAT[spec.parent], parentId));
		if (!state.pull.objects(token, spec.collection, parentId).has(id)) return errResp(resource, 404, notFoundForIdentity(spec.object.replace('_', ' '), id));
	}
	const result = { provider: spec.provider, object: spec.object, ...ids };

	if (method === 'DELETE') {
		state.pull.objects(token, spec.collection, parentId).delete(id);
		return okResp(resource, JSON.stringify(result));
	}
	const refused = jsonBodyError(resource, headers, body, rec.json) || applyEdit(state, spec, token, id, parentId, rec.json, resource);
	return refused || okResp(resource, JSON.stringify(result));
}

module.exports = { answerUpdate, UPDATE_ROUTES: ROUTES };
