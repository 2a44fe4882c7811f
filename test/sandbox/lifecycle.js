'use strict';

/**
 * The sandbox's Update API (edit and delete what was published) and the objects it works on.
 *
 *   PUT|DELETE /update/identities/<uuid>/<one of the 12 paths below>
 *
 * The objects live in pull.js (ctx.objects): every successful push that creates something is
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

const PATH_ID_RE = /^[A-Za-z0-9_-]{1,128}$/;

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

/**
 * @param {object} ctx what the server shares: strictIds, byToken, authOk, okResp, errResp,
 *   objects(token, list, parent) (pull.js: has/get/set/delete/entries), hasId(token, list, id),
 *   checkType, isFilled, isObj, safeDecode, nodeInfo, INFO_401
 */
function createLifecycle(ctx) {
	const objects = ctx.objects;

	const notFound = (resource, info) => ctx.errResp(resource, 404, info);
	const uriNotFound = (resource) => notFound(resource, 'The requested resource could not be found. Please verify the URI of your request.');

	/** Identity checks shared with the push routes: 401, 404, 403. Returns { token } or { resp }. */
	function identityFor(resource, rawToken, headers, provider) {
		if (!ctx.authOk(headers.authorization)) return { resp: ctx.errResp(resource, 401, ctx.INFO_401) };
		const token = rawToken.toLowerCase();
		if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(token)) {
			return { resp: notFound(resource, `The identity_token [${rawToken}] is not a valid identity token.`) };
		}
		const ident = ctx.byToken.get(token);
		if (!ident) return { resp: notFound(resource, `The identity with the identity_token [${rawToken}] could not be found.`) };
		if (ident.entry.provider !== provider) {
			return {
				resp: ctx.errResp(resource, 403, `The identity with the identity_token [${rawToken}] belongs to the provider [${ident.entry.provider}] and cannot be used with the [${provider}] API.`),
			};
		}
		return { token, identity: ident.entry };
	}

	function validateUpdate(spec, json) {
		if (!ctx.isObj(json) || !ctx.isObj(json.request)) return { error: ctx.nodeInfo('request') };
		if (!ctx.isObj(json.request.update)) return { error: ctx.nodeInfo('request->update') };
		let node = json.request.update;
		let path = 'request->update';
		for (const part of spec.node) {
			path += `->${part}`;
			node = node[part];
			if (!ctx.isObj(node)) return { error: ctx.nodeInfo(path) };
		}
		for (const [key, type] of Object.entries(spec.fields)) {
			const value = node[key];
			const required = (spec.required || []).includes(key);
			if (required && !ctx.isFilled(value)) return { error: ctx.nodeInfo(`${path}->${key}`) };
			if (value !== undefined && !ctx.checkType(type, value)) return { error: ctx.nodeInfo(`${path}->${key}`) };
		}
		const filled = (key) => ctx.isFilled(node[key]) && !(Array.isArray(node[key]) && node[key].length === 0);
		if (spec.atLeastOne && !spec.atLeastOne.some(filled)) {
			return { error: `The request cannot be processed. Please verify the format of the [${path}] node: it must set at least one of ${spec.atLeastOne.map((k) => `[${k}]`).join(', ')}.` };
		}
		if (spec.exclusive && spec.exclusive.every(filled)) {
			return { error: `The request cannot be processed. Please verify the format of the [${path}] node: ${spec.exclusive.map((k) => `[${k}]`).join(' and ')} cannot be used together.` };
		}
		return { node };
	}

	/** PUT / DELETE under /update/identities/. */
	function route(method, pathname, headers, body, rec) {
		const resource = pathname;
		const rest = pathname.slice('/update/identities/'.length);
		const slash = rest.indexOf('/');
		const sub = slash > 0 ? rest.slice(slash + 1) : '';
		const spec = ROUTES.find((r) => r.re.test(sub));
		if (!spec) return uriNotFound(resource);
		const allowed = spec.methods.join(', ');
		if (!spec.methods.includes(method)) {
			return ctx.errResp(resource, 405, `The method [${method}] is not allowed for this resource. Allowed: [${allowed}].`, { Allow: allowed });
		}
		const who = identityFor(resource, rest.slice(0, slash), headers, spec.provider);
		if (who.resp) return who.resp;
		const { token } = who;
		const raw = spec.re.exec(sub).slice(1);
		const ids = {};
		for (const [i, name] of spec.names.entries()) {
			const value = ctx.safeDecode(raw[i]);
			if (value === null || !PATH_ID_RE.test(value)) return notFound(resource, `The ${name} id [${raw[i]}] is not valid.`);
			ids[`${name}_id`] = value;
		}
		const id = ids[spec.idKey];
		const parentId = spec.parent ? ids[`${PARENT_WHAT[spec.parent]}_id`] : null;
		if (ctx.strictIds) {
			if (spec.parent && !ctx.hasId(token, spec.parent, parentId)) {
				return notFound(resource, `The ${PARENT_WHAT[spec.parent]} with the id [${parentId}] could not be found for this identity.`);
			}
			if (!objects(token, spec.collection, parentId).has(id)) return notFound(resource, `The ${spec.object.replace('_', ' ')} with the id [${id}] could not be found for this identity.`);
		}
		const result = { provider: spec.provider, object: spec.object, ...ids };

		if (method === 'DELETE') {
			objects(token, spec.collection, parentId).delete(id);
			return ctx.okResp(resource, JSON.stringify(result));
		}

		const ct = headers['content-type'];
		if (!ct || !/^\s*application\/json\s*(;|$)/i.test(ct)) {
			return ctx.errResp(resource, 400, 'The request cannot be processed. Please send a JSON body with the header [Content-Type: application/json].');
		}
		if (rec.json === null) {
			return ctx.errResp(resource, 400, body.trim() === '' ? 'The request cannot be processed. The request body is empty.' : 'The request cannot be processed. The request body is not valid JSON.');
		}
		const v = validateUpdate(spec.update, rec.json);
		if (v.error) return ctx.errResp(resource, 400, v.error);
		const edit = dropUndefined(Object.fromEntries(Object.keys(spec.update.fields).map((k) => [k, v.node[k]])));
		if (spec.provider === 'pinterest' && ctx.isFilled(v.node.board)) {
			const board = objects(token, 'boards').entries().find((b) => b.name === v.node.board);
			if (ctx.strictIds && !board) return notFound(resource, `The board with the name [${v.node.board}] could not be found for this identity.`);
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
		return ctx.okResp(resource, JSON.stringify(result));
	}

	return { route, identityFor };
}

module.exports = { createLifecycle, UPDATE_ROUTES: ROUTES };
