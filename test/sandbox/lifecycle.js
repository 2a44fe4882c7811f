'use strict';

/**
 * The sandbox's Update API (edit and delete what was published) and the objects it works on.
 *
 *   PUT|DELETE /update/identities/<uuid>/<one of the 12 paths below>
 *   GET        /pull/identities/<uuid>/twitter/tweets.json | facebook/page/<page>/posts.json
 *                                     | pinterest/pins.json | youtube/playlist/<playlist>/videos.json
 *
 * Every successful push that creates something deletable records it here (tweets, page posts,
 * pictures and videos, pins, playlist videos, channel sections; playlists live in the server's
 * pull lists), next to the seed objects of data.js, so a publish followed by a delete of the
 * returned id works, a second delete answers 404, and an id never published answers 404.
 *
 * Order of checks: route (404) → method (405) → HTTP Basic (401) → identity (404) → provider
 * (403) → path ids well formed (404) → parent page / playlist exists (404) → object exists (404)
 * → [PUT] Content-Type, JSON, the `request.update` node, types, "at least one" and
 * "link or attachments" (400), board name exists (404) → 200.
 *
 * Facts vs guesses: paths, methods and PUT bodies are OneAll's Update API documentation; the
 * "link or attachments" rule is documented for page posts. Every result below (the ids echoed
 * back, `object` names) and the Pull list shapes are UNCONFIRMED, chosen like the push results.
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

/** Pull lists of published objects: path → answer key, collection, parent list. */
const PULLS = [
	{ re: /^twitter\/tweets\.json$/, provider: 'twitter', key: 'tweets', collection: 'tweets' },
	{ re: /^facebook\/page\/([^/]+)\/posts\.json$/, provider: 'facebook', key: 'posts', collection: 'pagePosts', parent: 'pages' },
	{ re: /^pinterest\/pins\.json$/, provider: 'pinterest', key: 'pins', collection: 'pins' },
	{ re: /^youtube\/playlist\/([^/]+)\/videos\.json$/, provider: 'youtube', key: 'videos', collection: 'playlistVideos', parent: 'playlists' },
];
const PARENT_WHAT = { pages: 'page', playlists: 'playlist' };

/** What a successful push leaves behind: push key → [collection, parent id, the stored object]. */
const RECORDS = {
	'twitter/post.json': (r, b) => ['tweets', null, { post_id: r.post_id, message: b.message }],
	'facebook/page/post.json': (r, b) => ['pagePosts', r.page_id, { post_id: r.post_id, message: b.message, link: b.link }],
	'facebook/page/picture.json': (r, b) => ['pagePictures', r.page_id, { picture_id: r.picture_id, description: b.description }],
	'facebook/page/video.json': (r, b) => ['pageVideos', r.page_id, { video_id: r.video_id, description: b.description }],
	'pinterest/board/{id}/pin.json': (r, b) => ['pins', null, { pin_id: r.pin_id, board_id: r.board_id, description: b.description, link: b.link }],
	'youtube/playlist/{id}/video.json': (r, b) => ['playlistVideos', r.playlist_id, { video_id: r.video_id, position: b.position }],
	'youtube/channel/section.json': (r, b) => ['sections', null, { section_id: r.section_id, type: b.type, title: b.title }],
};
const ID_KEY = {
	tweets: 'post_id', pagePosts: 'post_id', pagePictures: 'picture_id', pageVideos: 'video_id',
	pins: 'pin_id', playlistVideos: 'video_id', sections: 'section_id',
};

const dropUndefined = (o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

/**
 * @param {object} ctx what the server shares: data, strictIds, byToken, authOk, okResp, errResp,
 *   hasId(token, list, id), pullList(token, list), forgetList(token, list), checkType, isFilled,
 *   isObj, safeDecode, nodeInfo
 */
function createLifecycle(ctx) {
	const store = new Map(); // token|collection|parent → Map(id → object)
	const removed = new Set(); // token|list|id of pull-list entries (playlists) deleted through the API
	const seeds = ctx.data.objects || {};

	function objects(token, collection, parent) {
		const key = `${token}|${collection}|${parent ?? ''}`;
		let map = store.get(key);
		if (!map) {
			const own = Object.entries(seeds).find(([t]) => t.toLowerCase() === token)?.[1]?.[collection];
			const list = (parent == null ? own : own?.[parent]) || [];
			map = new Map(list.map((o) => [String(o[ID_KEY[collection]]), { ...o }]));
			store.set(key, map);
		}
		return map;
	}

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

	const listHas = (token, list, id) => !removed.has(`${token}|${list}|${id}`) && ctx.hasId(token, list, id);

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
			if (spec.parent && !listHas(token, spec.parent, parentId)) {
				return notFound(resource, `The ${PARENT_WHAT[spec.parent]} with the id [${parentId}] could not be found for this identity.`);
			}
			const exists = spec.collection === 'playlists' ? listHas(token, 'playlists', id) : objects(token, spec.collection, parentId).has(id);
			if (!exists) return notFound(resource, `The ${spec.object.replace('_', ' ')} with the id [${id}] could not be found for this identity.`);
		}
		const result = { provider: spec.provider, object: spec.object, ...ids };

		if (method === 'DELETE') {
			if (spec.collection === 'playlists') {
				removed.add(`${token}|playlists|${id}`);
				ctx.forgetList(token, 'playlists');
			} else objects(token, spec.collection, parentId).delete(id);
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
		if (ctx.strictIds && spec.provider === 'pinterest' && ctx.isFilled(v.node.board)) {
			const names = ctx.pullList(token, 'boards').map((b) => b.name);
			if (!names.includes(v.node.board)) return notFound(resource, `The board with the name [${v.node.board}] could not be found for this identity.`);
		}
		if (spec.collection !== 'playlists') {
			const map = objects(token, spec.collection, parentId);
			const known = map.get(id) || { [ID_KEY[spec.collection]]: id };
			map.set(id, { ...known, ...dropUndefined(Object.fromEntries(Object.keys(spec.update.fields).map((k) => [k, v.node[k]]))) });
		}
		return ctx.okResp(resource, JSON.stringify(result));
	}

	/** A Pull list of published objects, or undefined when `sub` is not one. */
	function matchPull(sub) {
		for (const pull of PULLS) {
			const m = pull.re.exec(sub);
			if (m) return { ...pull, rawParent: m[1] ?? null, objects: true };
		}
		return undefined;
	}

	function answerPull(pull, token, resource) {
		let parent = null;
		if (pull.parent) {
			parent = ctx.safeDecode(pull.rawParent);
			const what = PARENT_WHAT[pull.parent];
			if (parent === null || !PATH_ID_RE.test(parent)) return notFound(resource, `The ${what} id [${pull.rawParent}] is not valid.`);
			if (ctx.strictIds && !listHas(token, pull.parent, parent)) return notFound(resource, `The ${what} with the id [${parent}] could not be found for this identity.`);
		}
		const entries = [...objects(token, pull.collection, parent).values()].map(dropUndefined);
		return ctx.okResp(resource, JSON.stringify({ [pull.key]: { count: entries.length, entries } }));
	}

	/** Called after every successful push with its result, so what was published can be edited. */
	function recordPush(opKey, token, result, node) {
		const make = RECORDS[opKey];
		if (!make) return;
		const [collection, parent, object] = make(result, node);
		const map = objects(token, collection, parent);
		map.set(String(object[ID_KEY[collection]]), dropUndefined(object));
	}

	/** Hides pull-list entries deleted through the API (playlists). */
	function visible(token, list, entries) {
		if (removed.size === 0 || list !== 'playlists') return entries;
		return entries.filter((e) => !removed.has(`${token}|${list}|${e.playlist_id}`));
	}

	function reset() {
		store.clear();
		removed.clear();
	}

	return { route, matchPull, answerPull, recordPush, visible, reset, identityFor };
}

module.exports = { createLifecycle, UPDATE_ROUTES: ROUTES };
