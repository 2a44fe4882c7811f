'use strict';

/**
 * The sandbox's Push API: `POST /push/identities/<uuid>/<one of the 20 push paths>`, its
 * operation table (the node contract), the body checks and the ids a push is answered with.
 *
 * Order of checks (after the server's fault → route 404 → method 405 → auth 401 → identity 404 →
 * provider 403): path id (404, strictIds) → Content-Type (400) → JSON body and the operation's
 * nodes, required keys and types (400) → body ids (404, strictIds) → 200 success envelope.
 *
 * Facts vs guesses: the Twitter picture result is documented by OneAll; every other result (ids,
 * `status: 'queued'`) is UNCONFIRMED and chosen to be plausible.
 */

const { okResp, errResp, nodeInfo, badIdInfo, notFoundForIdentity } = require('./envelope');
const { checkType, isFilled, findNode, jsonBodyError } = require('./fields');
const { PATH_ID_RE, safeDecode } = require('./urls');

// ---------------------------------------------------------------------------------------------
// Ids: one counter per sandbox, incremented by every successful push (reset() → 0), so the
// n-th successful push since reset gets formatId(kind, n).
// ---------------------------------------------------------------------------------------------

/** @param {'numeric'|'youtubeVideo'|'youtubePlaylist'|'youtubeSection'} kind */
function formatId(kind, n) {
	switch (kind) {
		case 'youtubeVideo':
			return `sbx${n.toString(36).padStart(8, '0')}`; // 11 chars, like a YouTube video id
		case 'youtubePlaylist':
			return `PLsbx${n.toString(36).padStart(29, '0')}`; // 34 chars, like a playlist id
		case 'youtubeSection':
			return `sbxsection${n.toString(36).padStart(8, '0')}`;
		default:
			return String(1000000000000000 + n); // 16-digit numeric string
	}
}

// ---------------------------------------------------------------------------------------------
// The 20 push operations (node contract table). Field types: see fields.js.
// `oneOf`: at least one of these keys must be a non-empty string (Facebook / LinkedIn posts).
// `bodyId`: [key, pull list] whose value must exist in the identity's pull list (strictIds).
// `pathId`: pull list the id in the path must exist in (strictIds).
// Unknown extra keys are accepted (customFields) and ignored.
// ---------------------------------------------------------------------------------------------

const MSG_OR_LINK = ['message', 'link'];
const SINGULAR = { pages: 'page', groups: 'group', companies: 'company', boards: 'board', playlists: 'playlist' };
const num = (n) => formatId('numeric', n);

function attachEcho(d, node) {
	if (Array.isArray(node.attachments)) d.attachments = node.attachments.slice();
	return d;
}

const FB_POST_FIELDS = { message: 'text', link: 'url', attachments: 'ids' };
const LI_POST_FIELDS = { message: 'text', link: 'url', title: 'text', description: 'text', picture: 'url' };

const OPS = {
	'facebook/post.json': {
		provider: 'facebook', node: ['post'], fields: FB_POST_FIELDS, oneOf: MSG_OR_LINK,
		result: (n, b) => attachEcho({ provider: 'facebook', object: 'post', post_id: num(n) }, b),
	},
	'facebook/picture.json': {
		provider: 'facebook', node: ['picture'], required: ['url'], fields: { url: 'url', description: 'text', create_post: 'bool' },
		result: (n) => ({ provider: 'facebook', object: 'picture', picture_id: num(n) }),
	},
	'facebook/video.json': {
		provider: 'facebook', node: ['video'], required: ['url'], fields: { url: 'url', description: 'text', create_post: 'bool' },
		result: (n) => ({ provider: 'facebook', object: 'video', video_id: num(n) }),
	},
	'facebook/group/post.json': {
		provider: 'facebook', node: ['group'], required: ['id'], fields: { id: 'id', ...FB_POST_FIELDS }, oneOf: MSG_OR_LINK, bodyId: ['id', 'groups'],
		result: (n, b) => attachEcho({ provider: 'facebook', object: 'post', group_id: String(b.id), post_id: num(n) }, b),
	},
	'facebook/group/picture.json': {
		provider: 'facebook', node: ['group'], required: ['id', 'url'], fields: { id: 'id', url: 'url', description: 'text' }, bodyId: ['id', 'groups'],
		result: (n, b) => ({ provider: 'facebook', object: 'picture', group_id: String(b.id), picture_id: num(n) }),
	},
	'facebook/group/video.json': {
		provider: 'facebook', node: ['group'], required: ['id', 'url'], fields: { id: 'id', url: 'url', description: 'text' }, bodyId: ['id', 'groups'],
		result: (n, b) => ({ provider: 'facebook', object: 'video', group_id: String(b.id), video_id: num(n) }),
	},
	'facebook/page/post.json': {
		provider: 'facebook', node: ['page'], required: ['id'], fields: { id: 'id', ...FB_POST_FIELDS }, oneOf: MSG_OR_LINK, bodyId: ['id', 'pages'],
		result: (n, b) => attachEcho({ provider: 'facebook', object: 'post', page_id: String(b.id), post_id: num(n) }, b),
	},
	'facebook/page/picture.json': {
		provider: 'facebook', node: ['page'], required: ['id', 'url'], fields: { id: 'id', url: 'url', description: 'text' }, bodyId: ['id', 'pages'],
		result: (n, b) => ({ provider: 'facebook', object: 'picture', page_id: String(b.id), picture_id: num(n) }),
	},
	'facebook/page/video.json': {
		provider: 'facebook', node: ['page'], required: ['id', 'url'], fields: { id: 'id', url: 'url', description: 'text' }, bodyId: ['id', 'pages'],
		result: (n, b) => ({ provider: 'facebook', object: 'video', page_id: String(b.id), video_id: num(n) }),
	},
	'linkedin/post.json': {
		provider: 'linkedin', node: ['post'], fields: LI_POST_FIELDS, oneOf: MSG_OR_LINK,
		result: (n) => ({ provider: 'linkedin', object: 'post', post_id: num(n) }),
	},
	'linkedin/company/post.json': {
		provider: 'linkedin', node: ['post'], required: ['company'], fields: { company: 'id', ...LI_POST_FIELDS }, oneOf: MSG_OR_LINK, bodyId: ['company', 'companies'],
		result: (n, b) => ({ provider: 'linkedin', object: 'post', company_id: String(b.company), post_id: num(n) }),
	},
	'pinterest/board/{id}/pin.json': {
		provider: 'pinterest', node: ['pin'], required: ['picture', 'description'], fields: { picture: 'url', description: 'text', link: 'url' }, pathId: 'boards',
		result: (n, b, pathId) => ({ provider: 'pinterest', object: 'pin', board_id: pathId, pin_id: num(n) }),
	},
	'pinterest/board.json': {
		provider: 'pinterest', node: ['board'], required: ['name'], fields: { name: 'text', description: 'text' },
		result: (n, b) => ({ provider: 'pinterest', object: 'board', board_id: num(n), name: b.name }),
	},
	'twitter/post.json': {
		provider: 'twitter', node: ['post'], required: ['message'], fields: { message: 'text', attachments: 'ids', location: 'text' },
		result: (n, b) => attachEcho({ provider: 'twitter', object: 'post', post_id: num(n) }, b),
	},
	'twitter/picture.json': {
		provider: 'twitter', node: ['picture'], required: ['url'], fields: { url: 'url', description: 'text' },
		result: (n) => ({ provider: 'twitter', object: 'picture', picture_id: num(n), expires_in: '86400' }),
	},
	'twitter/video.json': {
		provider: 'twitter', node: ['video'], required: ['video_url'], fields: { video_url: 'url', callback_url: 'url' },
		result: (n) => ({ provider: 'twitter', object: 'video', video_id: num(n), status: 'queued' }),
	},
	'youtube/video.json': {
		provider: 'youtube', node: ['video'], required: ['video_url', 'title'],
		fields: { video_url: 'url', title: 'text', description: 'text', thumbnail_url: 'url', callback_url: 'url', privacy_status: 'privacy' },
		result: (n) => ({ provider: 'youtube', object: 'video', video_id: formatId('youtubeVideo', n), status: 'queued' }),
	},
	'youtube/playlist/{id}/video.json': {
		provider: 'youtube', node: ['video'], required: ['id'], fields: { id: 'id', position: 'int' }, pathId: 'playlists',
		result: (n, b, pathId) => ({ provider: 'youtube', object: 'playlist_video', playlist_id: pathId, video_id: String(b.id) }),
	},
	'youtube/playlist.json': {
		provider: 'youtube', node: ['playlist'], required: ['title'], fields: { title: 'text', description: 'text', privacy_status: 'privacy', default_language: 'text' },
		result: (n) => ({ provider: 'youtube', object: 'playlist', playlist_id: formatId('youtubePlaylist', n) }),
	},
	'youtube/channel/section.json': {
		provider: 'youtube', node: ['channel', 'section'], required: ['type'],
		fields: { type: 'text', style: 'text', title: 'text', position: 'int', defaultLanguage: 'text', playlists: 'ids', channels: 'ids' },
		result: (n) => ({ provider: 'youtube', object: 'channel_section', section_id: formatId('youtubeSection', n) }),
	},
};
for (const [key, op] of Object.entries(OPS)) {
	op.key = key;
	op.required = op.required || [];
	op.nodePath = ['request', 'push', ...op.node].join('->');
}

/** Resolve the part after /push/identities/<t>/ to an operation (+ raw path id). */
function matchPushSuffix(sub) {
	const op = OPS[sub];
	if (op && !sub.includes('{')) return { op, rawId: null };
	let m = /^pinterest\/board\/([^/]+)\/pin\.json$/.exec(sub);
	if (m) return { op: OPS['pinterest/board/{id}/pin.json'], rawId: m[1] };
	m = /^youtube\/playlist\/([^/]+)\/video\.json$/.exec(sub);
	if (m) return { op: OPS['youtube/playlist/{id}/video.json'], rawId: m[1] };
	return null;
}

/** Validate a push body; returns { node } or { error: info }. */
function validatePush(op, json) {
	const found = findNode(json, 'push', op.node);
	if (found.error) return found;
	const { node, path } = found;
	for (const key of Object.keys(op.fields)) {
		const v = node[key];
		const required = op.required.includes(key);
		if (required && !isFilled(v)) return { error: nodeInfo(`${path}->${key}`) };
		if (v === undefined) continue;
		// An empty optional string is tolerated (OneAll's own PHP SDK sends `"link": ""`).
		if (!required && v === '' && (op.fields[key] === 'url' || op.fields[key] === 'privacy')) continue;
		if (!checkType(op.fields[key], v)) return { error: nodeInfo(`${path}->${key}`) };
	}
	if (op.oneOf && !op.oneOf.some((k) => isFilled(node[k]))) {
		return {
			error: `The request cannot be processed. Please verify the format of the ${op.oneOf.map((k) => `[${path}->${k}]`).join(' or ')} node.`,
		};
	}
	return { node };
}

/**
 * Answer a push whose identity and provider were checked: path id, body, body ids, then the
 * result, which is recorded in the store (so the Pull and Update APIs see it) and may schedule
 * OneAll's video callback. `who`: { token (lower case), identity }.
 */
function answerPush(state, match, who, headers, body, rec) {
	const resource = rec.pathname;
	const { op } = match;
	const { token, identity } = who;
	let pathId = null;
	if (match.rawId !== null) {
		pathId = safeDecode(match.rawId);
		const what = SINGULAR[op.pathId];
		if (pathId === null || !PATH_ID_RE.test(pathId)) return errResp(resource, 404, badIdInfo(what, match.rawId));
		if (state.strictIds && !state.pull.hasId(token, op.pathId, pathId)) return errResp(resource, 404, notFoundForIdentity(what, pathId));
	}
	const refused = jsonBodyError(resource, headers, body, rec.json);
	if (refused) return refused;
	const v = validatePush(op, rec.json);
	if (v.error) return errResp(resource, 400, v.error);
	if (state.strictIds && op.bodyId) {
		const [key, list] = op.bodyId;
		if (!state.pull.hasId(token, list, v.node[key])) return errResp(resource, 404, notFoundForIdentity(SINGULAR[list], v.node[key]));
	}
	const answer = op.result(state.nextPushId(), v.node, pathId);
	state.pull.recordPush(op.key, token, answer, v.node, identity);
	state.callbacks.afterPush(op.key, token, answer, v.node, resource, rec.seq);
	rec.result = answer;
	return okResp(resource, JSON.stringify(answer));
}

module.exports = { OPS, formatId, matchPushSuffix, validatePush, answerPush };
