'use strict';

/**
 * The sandbox's Push API: its operation table (the node contract), the body checks and the ids a
 * push is answered with. Checks after the shared ones (routes.js): path id (404, strictIds) →
 * Content-Type, JSON body, the operation's nodes, required keys and types (400) → body ids (404,
 * strictIds) → 200. Only the Twitter picture result is documented by OneAll; the rest is UNCONFIRMED.
 */

const { okResp, errResp, notFoundForIdentity } = require('./envelope');
const { validateNode, jsonBodyError, isFilled } = require('./fields');
const { pathPattern } = require('./urls');

// The n-th successful push since reset() gets formatId(kind, n).
const ID_FORMATS = {
	youtubeVideo: (n) => `sbx${n.toString(36).padStart(8, '0')}`, // 11 chars, like a YouTube video id
	youtubePlaylist: (n) => `PLsbx${n.toString(36).padStart(29, '0')}`, // 34 chars, like a playlist id
	youtubeSection: (n) => `sbxsection${n.toString(36).padStart(8, '0')}`,
};
/** @param {'numeric'|'youtubeVideo'|'youtubePlaylist'|'youtubeSection'} kind */
const formatId = (kind, n) => (ID_FORMATS[kind] ? ID_FORMATS[kind](n) : String(1000000000000000 + n)); // numeric: 16 digits
const num = (n) => formatId('numeric', n);

/** What a parent id in a path or body is called in the 404 texts. */
const WHAT = { pages: 'page', groups: 'group', companies: 'company', boards: 'board', playlists: 'playlist', pagePosts: 'post' };

// The 20 push operations; the provider is the key's first part, unknown extra keys (customFields)
// are ignored. `oneOf`: at least one of these keys must be a non-empty string; `bodyId`: [key, pull
// list] / `pathId`: pull list the id must exist in (strictIds). The result: { provider, object, the
// parent's id (bodyId, pathId), the new id (`id`: [key, (n, body node) => value], else
// `<object>_id` from the push counter), `more`, the body's attachments echoed }.
const MSG_OR_LINK = ['message', 'link'];
const FB_POST = { message: 'text', link: 'url', attachments: 'ids' };
const LI_POST = { message: 'text', link: 'url', title: 'text', description: 'text', picture: 'url' };
const FB_MEDIA = { url: 'url', description: 'text', create_post: 'bool' };
const IN_GROUP = { node: ['group'], required: ['id'], bodyId: ['id', 'groups'] };
const ON_PAGE = { node: ['page'], required: ['id'], bodyId: ['id', 'pages'] };
const MEDIA_IN = { required: ['id', 'url'], fields: { id: 'id', url: 'url', description: 'text' } };
const QUEUED = { status: 'queued' };

const OPS = {
	'facebook/post.json': { node: ['post'], fields: FB_POST, oneOf: MSG_OR_LINK, object: 'post' },
	'facebook/picture.json': { node: ['picture'], required: ['url'], fields: FB_MEDIA, object: 'picture' },
	'facebook/video.json': { node: ['video'], required: ['url'], fields: FB_MEDIA, object: 'video' },
	'facebook/group/post.json': { ...IN_GROUP, fields: { id: 'id', ...FB_POST }, oneOf: MSG_OR_LINK, object: 'post' },
	'facebook/group/picture.json': { ...IN_GROUP, ...MEDIA_IN, object: 'picture' },
	'facebook/group/video.json': { ...IN_GROUP, ...MEDIA_IN, object: 'video' },
	'facebook/page/post.json': { ...ON_PAGE, fields: { id: 'id', ...FB_POST }, oneOf: MSG_OR_LINK, object: 'post' },
	'facebook/page/picture.json': { ...ON_PAGE, ...MEDIA_IN, object: 'picture' },
	'facebook/page/video.json': { ...ON_PAGE, ...MEDIA_IN, object: 'video' },
	'linkedin/post.json': { node: ['post'], fields: LI_POST, oneOf: MSG_OR_LINK, object: 'post' },
	'linkedin/company/post.json': {
		node: ['post'], required: ['company'], fields: { company: 'id', ...LI_POST }, oneOf: MSG_OR_LINK, bodyId: ['company', 'companies'], object: 'post',
	},
	'pinterest/board/{id}/pin.json': {
		node: ['pin'], required: ['picture', 'description'], fields: { picture: 'url', description: 'text', link: 'url' }, pathId: 'boards', object: 'pin',
	},
	'pinterest/board.json': {
		node: ['board'], required: ['name'], fields: { name: 'text', description: 'text' }, object: 'board', more: (b) => ({ name: b.name }),
	},
	'twitter/post.json': { node: ['post'], required: ['message'], fields: { message: 'text', attachments: 'ids', location: 'text' }, object: 'post' },
	'twitter/picture.json': {
		node: ['picture'], required: ['url'], fields: { url: 'url', description: 'text' }, object: 'picture', more: () => ({ expires_in: '86400' }),
	},
	'twitter/video.json': {
		node: ['video'], required: ['video_url'], fields: { video_url: 'url', callback_url: 'url' }, object: 'video', more: () => QUEUED,
	},
	'youtube/video.json': {
		node: ['video'], required: ['video_url', 'title'],
		fields: { video_url: 'url', title: 'text', description: 'text', thumbnail_url: 'url', callback_url: 'url', privacy_status: 'privacy' },
		object: 'video', id: ['video_id', (n) => formatId('youtubeVideo', n)], more: () => QUEUED,
	},
	'youtube/playlist/{id}/video.json': {
		node: ['video'], required: ['id'], fields: { id: 'id', position: 'int' }, pathId: 'playlists',
		object: 'playlist_video', id: ['video_id', (n, b) => String(b.id)],
	},
	'youtube/playlist.json': {
		node: ['playlist'], required: ['title'], fields: { title: 'text', description: 'text', privacy_status: 'privacy', default_language: 'text' },
		object: 'playlist', id: ['playlist_id', (n) => formatId('youtubePlaylist', n)],
	},
	'youtube/channel/section.json': {
		node: ['channel', 'section'], required: ['type'],
		fields: { type: 'text', style: 'text', title: 'text', position: 'int', defaultLanguage: 'text', playlists: 'ids', channels: 'ids' },
		object: 'channel_section', id: ['section_id', (n) => formatId('youtubeSection', n)],
	},
};
for (const [key, op] of Object.entries(OPS)) {
	const [idKey, idOf] = op.id || [`${op.object}_id`, num];
	Object.assign(op, { key, provider: key.split('/')[0], methods: ['POST'], required: op.required || [], re: pathPattern(key) });
	op.result = (n, b, pathId) => {
		const out = { provider: op.provider, object: op.object };
		if (op.bodyId) out[`${WHAT[op.bodyId[1]]}_id`] = String(b[op.bodyId[0]]);
		if (op.pathId) out[`${WHAT[op.pathId]}_id`] = pathId;
		Object.assign(out, { [idKey]: idOf(n, b) }, op.more?.(b));
		if (op.fields.attachments && Array.isArray(b.attachments)) out.attachments = b.attachments.slice();
		return out;
	};
}

/** Validate a push body; returns { node } or { error: info }. */
function validatePush(op, json) {
	const v = validateNode('push', op, json);
	if (v.error || !op.oneOf || op.oneOf.some((k) => isFilled(v.node[k]))) return v;
	return { error: `The request cannot be processed. Please verify the format of the ${op.oneOf.map((k) => `[${v.path}->${k}]`).join(' or ')} node.` };
}

/**
 * Answer a push whose identity and provider were checked: path id, body, body ids, then the
 * result, which is recorded in the store (so the Pull and Update APIs see it) and may schedule
 * OneAll's video callback. `who`: { token (lower case), identity }.
 */
function answerPush(state, op, rawIds, who, headers, body, rec) {
	const resource = rec.pathname;
	const { token, identity } = who;
	const path = state.pull.readParents(op.pathId ? [op.pathId] : [], rawIds, token, resource);
	if (path.resp) return path.resp;
	const refused = jsonBodyError(resource, headers, body, rec.json);
	if (refused) return refused;
	const v = validatePush(op, rec.json);
	if (v.error) return errResp(resource, 400, v.error);
	if (state.strictIds && op.bodyId) {
		const [key, list] = op.bodyId;
		if (!state.pull.hasId(token, list, v.node[key])) return errResp(resource, 404, notFoundForIdentity(WHAT[list], v.node[key]));
	}
	const answer = op.result(state.nextPushId(), v.node, path.ids[0]);
	state.pull.recordPush(op.key, token, answer, v.node, identity);
	state.callbacks.afterPush(op.key, token, answer, v.node, resource, rec.seq);
	rec.result = answer;
	return okResp(resource, JSON.stringify(answer));
}

module.exports = { OPS, WHAT, formatId, validatePush, answerPush };
