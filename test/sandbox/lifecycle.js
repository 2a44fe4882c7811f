'use strict';

/**
 * The sandbox's Update API (README.md): edits or deletes what was published or seeded in pull.js's
 * store. Checks after the shared ones (routes.js): path ids well formed (404) → parent page /
 * playlist exists (404) → object exists (404) → [PUT] Content-Type, JSON, the `request.update`
 * node, types, "at least one" and "link or attachments" (400), board name exists (404) → 200.
 * Paths, methods and PUT bodies are OneAll's documentation; the results are UNCONFIRMED.
 */

const { okResp, errResp, badIdInfo, notFoundForIdentity } = require('./envelope');
const { isFilled, dropUndefined, validateNode, jsonBodyError } = require('./fields');
const { OPS, WHAT } = require('./push');
const { pathId, pathPattern } = require('./urls');

// `{name}` placeholders are path ids; `parent` names the list the first one must exist in. A PUT
// takes the fields of the matching push, without its parent id (a pin's own: the board by name).
const fieldsOf = (push) => OPS[push].fields;
const SECTION = fieldsOf('youtube/channel/section.json');
const ROUTES = [
	{ pattern: 'twitter/post/{post}.json', object: 'post', collection: 'tweets' },
	{
		pattern: 'facebook/page/{page}/post/{post}.json', object: 'post', parent: 'pages', collection: 'pagePosts',
		update: { node: ['post'], fields: fieldsOf('facebook/post.json'), atLeastOne: ['message', 'link', 'attachments'], exclusive: ['link', 'attachments'] },
	},
	{ pattern: 'facebook/page/{page}/picture/{picture}.json', object: 'picture', parent: 'pages', collection: 'pagePictures' },
	{ pattern: 'facebook/page/{page}/video/{video}.json', object: 'video', parent: 'pages', collection: 'pageVideos' },
	{
		pattern: 'pinterest/pin/{pin}.json', object: 'pin', collection: 'pins',
		update: { node: ['pin'], fields: { board: 'text', description: 'text', link: 'url' }, atLeastOne: ['board', 'description', 'link'] },
	},
	{
		pattern: 'youtube/playlist/{playlist}.json', object: 'playlist', collection: 'playlists',
		update: { node: ['playlist'], fields: fieldsOf('youtube/playlist.json'), required: ['title'] },
	},
	{ pattern: 'youtube/playlist/{playlist}/video/{video}.json', object: 'playlist_video', parent: 'playlists', collection: 'playlistVideos' },
	{
		pattern: 'youtube/channel/section/{section}.json', object: 'channel_section', collection: 'sections',
		update: { node: ['channel', 'section'], fields: SECTION, atLeastOne: Object.keys(SECTION) },
	},
];
for (const route of ROUTES) {
	route.provider = route.pattern.split('/')[0];
	route.methods = route.update ? ['PUT', 'DELETE'] : ['DELETE'];
	route.names = [...route.pattern.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
	route.re = pathPattern(route.pattern);
	route.idKey = `${route.names[route.names.length - 1]}_id`;
}

const keyList = (keys, sep) => keys.map((k) => `[${k}]`).join(sep);

function validateUpdate(spec, json) {
	const v = validateNode('update', spec, json);
	if (v.error) return v;
	const { node, path } = v;
	const filled = (key) => isFilled(node[key]) && !(Array.isArray(node[key]) && node[key].length === 0);
	const bad = `The request cannot be processed. Please verify the format of the [${path}] node:`;
	if (spec.atLeastOne && !spec.atLeastOne.some(filled)) return { error: `${bad} it must set at least one of ${keyList(spec.atLeastOne, ', ')}.` };
	if (spec.exclusive && spec.exclusive.every(filled)) return { error: `${bad} ${keyList(spec.exclusive, ' and ')} cannot be used together.` };
	return v;
}

/** A PUT's edit, applied to the object in the store once the body is valid; else the 400 / 404. */
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
	listing.set(id, { ...(listing.get(id) || { [spec.idKey]: id }), ...edit });
	return null;
}

/** PUT / DELETE of a matched route once the identity is known and of the route's provider. */
function answerUpdate(state, spec, raw, token, method, headers, rec) {
	const resource = rec.pathname;
	const ids = {};
	for (const [i, name] of spec.names.entries()) {
		ids[`${name}_id`] = pathId(raw[i]);
		if (ids[`${name}_id`] === null) return errResp(resource, 404, badIdInfo(name, raw[i]));
	}
	const id = ids[spec.idKey];
	const parentId = spec.parent ? ids[`${WHAT[spec.parent]}_id`] : null;
	if (state.strictIds) {
		if (spec.parent && !state.pull.hasId(token, spec.parent, parentId)) return errResp(resource, 404, notFoundForIdentity(WHAT[spec.parent], parentId));
		if (!state.pull.objects(token, spec.collection, parentId).has(id)) return errResp(resource, 404, notFoundForIdentity(spec.object.replace('_', ' '), id));
	}
	const result = okResp(resource, JSON.stringify({ provider: spec.provider, object: spec.object, ...ids }));
	if (method === 'DELETE') {
		state.pull.objects(token, spec.collection, parentId).delete(id);
		return result;
	}
	return jsonBodyError(resource, headers, rec.body, rec.json) || applyEdit(state, spec, token, id, parentId, rec.json, resource) || result;
}

module.exports = { answerUpdate, UPDATE_ROUTES: ROUTES };
