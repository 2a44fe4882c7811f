'use strict';

/**
 * A local OneAll-compatible HTTP server for tests and benchmarks (plain node:http, no deps).
 *
 *   const { startSandbox } = require('./test/sandbox/server');
 *   const sb = await startSandbox({ port: 0 });
 *   // sb.url, sb.port, sb.requests, sb.reset(), sb.setFault(f|null), sb.setDelay(ms), sb.overlaps(), sb.close()
 *
 * What it serves (everything else → 404 envelope, wrong method → 405 envelope):
 *   POST /push/identities/<uuid>/<one of the 20 push paths of the node contract>
 *   PUT|DELETE /update/identities/<uuid>/<one of the 12 Update API paths> (lifecycle.js)
 *   GET  /identities.json                     ?page=1 &entries_per_page=250 (max 500) &order_direction=asc|desc
 *   GET  /identities/<uuid>.json
 *   GET  /pull/identities/<uuid>/<one of the 17 read paths of the node contract> (pull.js, paged)
 *   /__sandbox/...                            control API, no auth, not recorded (see handleControl)
 * A request sent to it as to an HTTP proxy (the whole URL as its target) is served the same and
 * recorded with `viaProxy` (the scheme and host it named).
 *
 * With `siteExists: false` it plays a subdomain that has no OneAll Site: every API request gets a
 * 404 envelope (OneAll's own plugins read a 404 from their key check as "the subdomain does not
 * exist"; the info text is UNCONFIRMED).
 *
 * Order of checks for an API request: fault (setFault / `__fault:<name>` marker) → route (404)
 * → method (405) → HTTP Basic (401) → identity token format / unknown identity (404) → identity
 * provider vs path provider (403) → [push] path id (404, strictIds) → Content-Type (400) →
 * JSON body and the operation's nodes, required keys and types (400) → body ids (404, strictIds)
 * → 200 success envelope. A Pull GET goes on in pull.js after the provider check (403).
 *
 * Facts vs guesses: envelope, 401 info text, pagination node and the Twitter picture result are
 * documented by OneAll; the 400 info wording is a real OneAll string; everything else about
 * results (ids, `status: 'queued'`, pull list shapes) is UNCONFIRMED and chosen to be plausible.
 */

const http = require('node:http');
const https = require('node:https');
const { performance } = require('node:perf_hooks');
const defaultData = require('./data');
const { createLifecycle } = require('./lifecycle');
const { createPull } = require('./pull');
const { createCallbacks } = require('./callback');

const { generatedPull, oneAllDate } = defaultData;

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PATH_ID_RE = /^[A-Za-z0-9_-]{1,128}$/;
const HTTP_URL_RE = /^https?:\/\/[^\s/?#]+(?:[/?#]\S*)?$/i;
const MAX_BODY = 5 * 1024 * 1024;
const PRIVACY = ['public', 'unlisted', 'private'];

const INFO_OK = 'Your request has been processed successfully';
const INFO_401 = 'Authentication credentials are missing or incorrect: http://docs.oneall.com/api/basic/authentication/';
const INFO_NO_SITE = 'There is no Site with this subdomain. Please verify the subdomain of your API endpoint.';
const nodeInfo = (path) => `The request cannot be processed. Please verify the format of the [${path}] node.`;

const DEFAULT_FAULT_INFO = {
	400: 'The request cannot be processed. Please verify the format of the [request] node.',
	401: INFO_401,
	403: 'The request is understood, but it has been refused: the identity has not granted the required permissions.',
	404: 'The requested resource could not be found.',
	409: 'The request is valid but cannot be executed: the social network reports a duplicate content.',
	429: 'Too many requests. The rate limit has been exceeded, please try again later.',
	500: 'An unrecoverable error occurred while processing the request.',
	502: 'The API is currently down for maintenance.',
	503: 'The API is currently overloaded. Please try again later.',
};

const HTML_502 =
	'<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

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
// The 20 push operations (node contract table). Field types:
//   text  string (may be empty unless required)      url   absolute http(s) URL string
//   bool  JSON boolean                                int   JSON integer >= 0
//   id    non-empty string, or a JSON integer         ids   array of non-empty strings
//   privacy  'public' | 'unlisted' | 'private'
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

function checkType(type, v) {
	switch (type) {
		case 'text':
			return typeof v === 'string';
		case 'url':
			return typeof v === 'string' && HTTP_URL_RE.test(v);
		case 'bool':
			return typeof v === 'boolean';
		case 'int':
			return typeof v === 'number' && Number.isInteger(v) && v >= 0;
		case 'id':
			return (typeof v === 'string' && v.trim() !== '') || (typeof v === 'number' && Number.isInteger(v) && v >= 0);
		case 'ids':
			return Array.isArray(v) && v.every((x) => typeof x === 'string' && x.trim() !== '');
		case 'privacy':
			return typeof v === 'string' && PRIVACY.includes(v);
		default:
			return true;
	}
}

const isFilled = (v) => v !== undefined && !(typeof v === 'string' && v.trim() === '');
const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Validate a push body; returns { node } or { error: info }. */
function validatePush(op, json) {
	if (!isObj(json) || !isObj(json.request)) return { error: nodeInfo('request') };
	if (!isObj(json.request.push)) return { error: nodeInfo('request->push') };
	let node = json.request.push;
	let path = 'request->push';
	for (const part of op.node) {
		path += `->${part}`;
		node = node[part];
		if (!isObj(node)) return { error: nodeInfo(path) };
	}
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

// ---------------------------------------------------------------------------------------------
// Faults
// ---------------------------------------------------------------------------------------------

const FAULT_MODES = ['status', 'flagError', 'html', 'empty', 'truncated', 'hang', 'slow', 'reset'];
const MARKER_RE = /__fault:([A-Za-z]+|\d{3})(?::(\d+))?/;

/** Accepts a fault object, null, or a marker-style string ('500', 'hang', 'slow:200', ...). */
function normalizeFault(f) {
	if (f == null) return null;
	if (typeof f === 'string' || typeof f === 'number') {
		const m = /^([A-Za-z]+|\d{3})(?::(\d+))?$/.exec(String(f));
		const parsed = m && faultFromName(m[1], m[2]);
		if (!parsed) throw new Error(`unknown fault: ${f}`);
		return normalizeFault(parsed);
	}
	if (typeof f !== 'object' || Array.isArray(f)) throw new Error('fault must be an object or null');
	if (!FAULT_MODES.includes(f.mode)) throw new Error(`fault.mode must be one of ${FAULT_MODES.join(', ')}`);
	const out = { ...f };
	if (f.mode === 'status') {
		if (!Number.isInteger(f.status) || f.status < 400 || f.status > 599) throw new Error('fault.status must be an HTTP error status (400-599)');
	}
	if (f.mode === 'flagError' && f.code != null && !Number.isInteger(f.code)) throw new Error('fault.code must be an integer');
	if (f.mode === 'html' && f.status != null && !Number.isInteger(f.status)) throw new Error('fault.status must be an integer');
	if (f.mode === 'slow') {
		out.ms = f.ms == null ? 1000 : Number(f.ms);
		if (!Number.isFinite(out.ms) || out.ms < 0) throw new Error('fault.ms must be a number >= 0');
	}
	if (f.match != null) {
		if (!isObj(f.match)) throw new Error('fault.match must be an object');
		const { times, skip } = f.match;
		if (times != null && (!Number.isInteger(times) || times < 1)) throw new Error('fault.match.times must be an integer >= 1');
		if (skip != null && (!Number.isInteger(skip) || skip < 0)) throw new Error('fault.match.skip must be an integer >= 0');
		out.match = { ...f.match };
		out._remaining = times == null ? Infinity : times;
		out._skip = skip || 0;
	} else {
		out._remaining = Infinity;
		out._skip = 0;
	}
	return out;
}

function faultFromName(name, arg) {
	if (/^\d{3}$/.test(name)) {
		const status = Number(name);
		return status >= 400 && status <= 599 ? { mode: 'status', status } : null;
	}
	const lower = name.toLowerCase();
	if (lower === 'flagerror') return { mode: 'flagError' };
	if (lower === 'slow') return { mode: 'slow', ms: arg == null ? 1000 : Number(arg) };
	if (['html', 'empty', 'truncated', 'hang', 'reset'].includes(lower)) return { mode: lower };
	return null;
}

const faultName = (f) => (f.mode === 'status' ? String(f.status) : f.mode);

// ---------------------------------------------------------------------------------------------
// Per-request latency and per-identity overlap: a client that must send one identity's posts one
// at a time can be caught overlapping them only if each answer takes a while, hence `__delay:<ms>`
// (an ordinary answer, later; not a fault).
// ---------------------------------------------------------------------------------------------

const DELAY_RE = /__delay:(\d{1,5})/;
const requestedDelay = (body) => {
	const m = body.indexOf('__delay:') === -1 ? null : DELAY_RE.exec(body);
	return m ? Number(m[1]) : 0;
};

/** The identity token (lower case) of a push or Pull API path, else null. */
function identityOf(pathname) {
	const m = /^\/(?:push|pull|update)\/identities\/([^/]+)\//.exec(pathname);
	return m ? m[1].toLowerCase() : null;
}

/**
 * Requests to one identity that were open at the sandbox at the same time: for each identity, in
 * order of arrival, a request that arrived before an earlier one had been answered (a request never
 * answered stays open for good). Times are the sandbox's `performance.now()` (rec.arrivedAt, rec.endedAt).
 * @returns {{ identity: string, open: number, arrived: number }[]} record seqs of each overlapping pair
 */
function overlapsPerIdentity(records) {
	const byIdentity = new Map();
	for (const rec of records) {
		if (!rec.identity) continue;
		if (!byIdentity.has(rec.identity)) byIdentity.set(rec.identity, []);
		byIdentity.get(rec.identity).push(rec);
	}
	const found = [];
	for (const [identity, list] of byIdentity) {
		list.sort((a, b) => a.arrivedAt - b.arrivedAt || a.seq - b.seq);
		let latest = null; // the earlier request answered last (or never)
		const endOf = (rec) => (rec.endedAt === null ? Infinity : rec.endedAt);
		for (const rec of list) {
			if (latest && rec.arrivedAt < endOf(latest)) found.push({ identity, open: latest.seq, arrived: rec.seq });
			if (!latest || endOf(rec) > endOf(latest)) latest = rec;
		}
	}
	return found;
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

let lastSec = -1;
let lastDate = '';
function nowDate() {
	const now = Date.now();
	const s = Math.floor(now / 1000);
	if (s !== lastSec) {
		lastSec = s;
		lastDate = oneAllDate(now);
	}
	return lastDate;
}

function envelope(resource, flag, code, info, dataJson) {
	let s = `{"response":{"request":{"date":"${nowDate()}","resource":${JSON.stringify(resource)},"status":{"flag":"${flag}","code":${code},"info":${JSON.stringify(info)}}}`;
	if (dataJson !== undefined) s += `,"result":{"data":${dataJson}}`;
	return `${s}}}`;
}

const okResp = (resource, dataJson) => ({ status: 200, body: envelope(resource, 'success', 200, INFO_OK, dataJson) });
const errResp = (resource, code, info, headers) => ({ status: code, body: envelope(resource, 'error', code, info), headers });

function parseQuery(search) {
	const out = {};
	if (!search) return out;
	for (const [k, v] of new URLSearchParams(search)) {
		if (Object.prototype.hasOwnProperty.call(out, k)) out[k] = [].concat(out[k], v);
		else out[k] = v;
	}
	return out;
}
const first = (v) => (Array.isArray(v) ? v[0] : v);

function safeDecode(s) {
	try {
		return decodeURIComponent(s);
	} catch {
		return null;
	}
}

// ---------------------------------------------------------------------------------------------
// The server
// ---------------------------------------------------------------------------------------------

/**
 * @param {object} [options]
 * @param {number} [options.port=0]
 * @param {string} [options.host='127.0.0.1']
 * @param {string} [options.publicKey='sandbox-public-key']
 * @param {string} [options.privateKey='sandbox-private-key']
 * @param {number} [options.delayMs=0]       latency added to every API answer
 * @param {object} [options.data]            { identities, pull?, named? } (see data.js)
 * @param {boolean} [options.strictIds=true] board/playlist/page/group/company ids must exist in
 *                                           the identity's pull lists (or have been created)
 * @param {number} [options.maxRecords=200000] oldest records are dropped beyond this
 * @param {boolean} [options.siteExists=true] false: answer as a subdomain without a Site (404)
 * @param {object} [options.pullSizes]       { [identity_token]: { tweets: 10000, ... } }: that many
 *                                           numbered entries instead of the seed (see pull.js seedPull)
 */
async function startSandbox(options = {}) {
	const {
		port = 0,
		host = '127.0.0.1',
		publicKey = 'sandbox-public-key',
		privateKey = 'sandbox-private-key',
		delayMs = 0,
		data = defaultData,
		strictIds = true,
		maxRecords = 200000,
		siteExists = true,
		tls = null,
		pullSizes = null,
		callback = {},
	} = options;

	// ---- data preparation (once) ----
	if (!data || !Array.isArray(data.identities)) throw new Error('options.data.identities must be an array');
	const identitiesAsc = data.identities
		.map((e, i) => ({ e, i, t: Date.parse(e.date_creation) }))
		.sort((a, b) => (Number.isNaN(a.t) || Number.isNaN(b.t) ? a.i - b.i : a.t - b.t || a.i - b.i))
		.map((x) => x.e);
	const byToken = new Map();
	const entryJson = new Map();
	identitiesAsc.forEach((e, i) => {
		if (!e || typeof e.identity_token !== 'string' || !UUID_RE.test(e.identity_token)) throw new Error(`identity #${i} has no UUID identity_token`);
		byToken.set(e.identity_token.toLowerCase(), { entry: e, index: i });
		entryJson.set(e, JSON.stringify(e));
	});
	const jsonAsc = identitiesAsc.map((e) => entryJson.get(e));
	const jsonDesc = jsonAsc.slice().reverse();
	const basePull = new Map(); // token → { pages: [...], ... }
	for (const [token, { entry, index }] of byToken) {
		const given = data.pull && (data.pull[entry.identity_token] || data.pull[token]);
		basePull.set(token, given || generatedPull(entry, index) || {});
	}

	// ---- mutable state ----
	const requests = [];
	let recSeq = 0;
	let pushSeq = 0;
	let fault = null;
	let delay = Number(delayMs) || 0;
	let stats = freshStats();
	const pageCache = new Map(); // identities pages: key → data JSON
	const timers = new Set();
	const hanging = new Set();
	// OneAll's callback after a video upload with `callback_url` (callback.js).
	const callbacks = createCallbacks({ now: nowDate, defaults: callback });

	function freshStats() {
		return { count: 0, byStatus: {}, faults: 0, pushes: 0, totalMs: 0, maxMs: 0, startedAt: Date.now() };
	}

	const expectedAuth = `Basic ${Buffer.from(`${publicKey}:${privateKey}`).toString('base64')}`;
	function authOk(h) {
		if (!h) return false;
		if (h === expectedAuth) return true;
		const m = /^\s*basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(h);
		if (!m) return false;
		const dec = Buffer.from(m[1], 'base64').toString('utf8');
		const i = dec.indexOf(':');
		return i >= 0 && dec.slice(0, i) === publicKey && dec.slice(i + 1) === privateKey;
	}

	// The Pull API and every list it reads (pull.js); the push routes check ids against it and
	// record what they publish there, the Update API (lifecycle.js) edits and deletes in it.
	const pull = createPull({ data, byToken, basePull, strictIds, okResp, errResp, safeDecode, pullSizes });
	const { hasId } = pull;
	const lifecycle = createLifecycle({
		strictIds, byToken, authOk, okResp, errResp, hasId, objects: pull.objects, checkType, isFilled, isObj, safeDecode, nodeInfo, INFO_401,
	});

	function identitiesPage(query, resource) {
		const p = first(query.page);
		const e = first(query.entries_per_page);
		const d = first(query.order_direction);
		if (p !== undefined && !/^\d+$/.test(p)) return errResp(resource, 400, 'The request cannot be processed. Please verify the value of the [page] parameter.');
		if (e !== undefined && !/^\d+$/.test(e)) return errResp(resource, 400, 'The request cannot be processed. Please verify the value of the [entries_per_page] parameter.');
		if (d !== undefined && !/^(asc|desc)$/i.test(d)) return errResp(resource, 400, 'The request cannot be processed. Please verify the value of the [order_direction] parameter.');
		const page = p === undefined ? 1 : Number(p);
		let epp = e === undefined ? 250 : Number(e);
		if (page < 1) return errResp(resource, 400, 'The request cannot be processed. Please verify the value of the [page] parameter.');
		if (epp < 1) return errResp(resource, 400, 'The request cannot be processed. Please verify the value of the [entries_per_page] parameter.');
		if (epp > 500) epp = 500; // documented maximum
		const dir = d === undefined ? 'asc' : d.toLowerCase();
		const key = `${page}|${epp}|${dir}`;
		let cached = pageCache.get(key);
		if (cached === undefined) {
			const all = dir === 'asc' ? jsonAsc : jsonDesc;
			const total = all.length;
			const slice = all.slice((page - 1) * epp, page * epp);
			const pagination = {
				current_page: page,
				total_pages: Math.max(1, Math.ceil(total / epp)),
				entries_per_page: epp,
				total_entries: total,
				order: { field: 'date_creation', direction: dir },
			};
			const dataJson = `{"identities":{"pagination":${JSON.stringify(pagination)},"count":${slice.length},"entries":[${slice.join(',')}]}}`;
			if (pageCache.size > 1000) pageCache.clear();
			cached = { dataJson, date: '', buf: null };
			pageCache.set(key, cached);
		}
		// The whole answer is kept as a Buffer and rebuilt at most once a second (the date changes).
		const date = nowDate();
		if (cached.date !== date) {
			cached.buf = Buffer.from(okResp(resource, cached.dataJson).body);
			cached.date = date;
		}
		return { status: 200, body: cached.buf };
	}

	/** Route + validate + answer. Returns { status, body, headers? }. */
	function route(method, pathname, query, headers, body, rec) {
		const resource = pathname;
		if (!siteExists) return errResp(resource, 404, INFO_NO_SITE);
		let kind;
		let token;
		let sub;
		let match = null;
		let pullMatch = null;

		if (pathname.startsWith('/update/identities/')) return lifecycle.route(method, pathname, headers, body, rec);
		if (pathname.startsWith('/push/identities/')) {
			const rest = pathname.slice(17);
			const slash = rest.indexOf('/');
			if (slash > 0) {
				token = rest.slice(0, slash);
				sub = rest.slice(slash + 1);
				match = matchPushSuffix(sub);
			}
			if (!match) return errResp(resource, 404, 'The requested resource could not be found. Please verify the URI of your request.');
			kind = 'push';
		} else if (pathname === '/identities.json') {
			kind = 'list';
		} else if (pathname.startsWith('/identities/') && pathname.endsWith('.json') && pathname.indexOf('/', 12) === -1) {
			kind = 'identity';
			token = pathname.slice(12, -5);
		} else if (pathname.startsWith('/pull/identities/')) {
			const rest = pathname.slice(17);
			const slash = rest.indexOf('/');
			if (slash > 0) {
				token = rest.slice(0, slash);
				pullMatch = pull.match(rest.slice(slash + 1));
			}
			if (!pullMatch) return errResp(resource, 404, 'The requested resource could not be found. Please verify the URI of your request.');
			kind = 'pull';
		} else {
			return errResp(resource, 404, 'The requested resource could not be found. Please verify the URI of your request.');
		}

		const allowed = kind === 'push' ? 'POST' : 'GET';
		if (method !== allowed) {
			return errResp(resource, 405, `The method [${method}] is not allowed for this resource. Allowed: [${allowed}].`, { Allow: allowed });
		}
		if (!authOk(headers.authorization)) return errResp(resource, 401, INFO_401);
		if (kind === 'list') return identitiesPage(query, resource);

		// identity
		const lower = token.toLowerCase();
		if (!UUID_RE.test(token)) return errResp(resource, 404, `The identity_token [${token}] is not a valid identity token.`);
		const ident = byToken.get(lower);
		if (!ident) return errResp(resource, 404, `The identity with the identity_token [${token}] could not be found.`);
		const identity = ident.entry;

		if (kind === 'identity') {
			const full = {
				...identity,
				source: { name: identity.provider, key: identity.provider },
				name: { formatted: identity.displayName },
			};
			return okResp(resource, JSON.stringify({ identity: full }));
		}

		const provider = kind === 'pull' ? pullMatch.route.provider : match.op.provider;
		if (identity.provider !== provider) {
			return errResp(
				resource,
				403,
				`The identity with the identity_token [${token}] belongs to the provider [${identity.provider}] and cannot be used with the [${provider}] API.`,
			);
		}

		if (kind === 'pull') {
			const answer = pull.answer(pullMatch, lower, identity, query, resource);
			// What was listed, as for a push's result: tests compare a node's items with it.
			if (answer.status === 200) rec.result = JSON.parse(answer.body).response.result.data;
			return answer;
		}

		// ---- push ----
		const { op } = match;
		let pathId = null;
		if (match.rawId !== null) {
			pathId = safeDecode(match.rawId);
			const what = SINGULAR[op.pathId];
			if (pathId === null || !PATH_ID_RE.test(pathId)) return errResp(resource, 404, `The ${what} id [${match.rawId}] is not valid.`);
			if (strictIds && !hasId(lower, op.pathId, pathId)) return errResp(resource, 404, `The ${what} with the id [${pathId}] could not be found for this identity.`);
		}
		const ct = headers['content-type'];
		if (!ct || !/^\s*application\/json\s*(;|$)/i.test(ct)) {
			return errResp(resource, 400, 'The request cannot be processed. Please send a JSON body with the header [Content-Type: application/json].');
		}
		if (rec.json === null) {
			return errResp(resource, 400, body.trim() === '' ? 'The request cannot be processed. The request body is empty.' : 'The request cannot be processed. The request body is not valid JSON.');
		}
		const v = validatePush(op, rec.json);
		if (v.error) return errResp(resource, 400, v.error);
		if (strictIds && op.bodyId) {
			const [key, list] = op.bodyId;
			if (!hasId(lower, list, v.node[key])) {
				return errResp(resource, 404, `The ${SINGULAR[list]} with the id [${v.node[key]}] could not be found for this identity.`);
			}
		}
		const n = ++pushSeq;
		stats.pushes++;
		const answer = op.result(n, v.node, pathId);
		pull.recordPush(op.key, lower, answer, v.node, identity);
		callbacks.afterPush(op.key, lower, answer, v.node, resource, rec.seq);
		rec.result = answer;
		return okResp(resource, JSON.stringify(answer));
	}

	function faultResponse(f, resource) {
		switch (f.mode) {
			case 'status': {
				const headers = f.status === 429 ? { 'Retry-After': '1' } : undefined;
				return errResp(resource, f.status, f.info || DEFAULT_FAULT_INFO[f.status] || `The request failed with the status ${f.status}.`, headers);
			}
			case 'flagError': {
				const code = f.code || 400;
				return { status: 200, body: envelope(resource, 'error', code, f.info || 'The request cannot be processed. The social network has rejected the content.') };
			}
			case 'html':
				return { status: f.status || 502, body: f.body || HTML_502, headers: { 'Content-Type': 'text/html' } };
			case 'empty':
				return { status: 200, body: '' };
			default:
				return null;
		}
	}

	function pickFault(method, rawUrl, body) {
		if (body.indexOf('__fault:') !== -1 || rawUrl.indexOf('__fault:') !== -1) {
			const m = MARKER_RE.exec(body) || MARKER_RE.exec(safeDecode(rawUrl) || rawUrl);
			const f = m && faultFromName(m[1], m[2]);
			if (f) return normalizeFault(f);
		}
		if (!fault) return null;
		const mt = fault.match;
		if (mt) {
			if (mt.bodyContains != null && body.indexOf(String(mt.bodyContains)) === -1) return null;
			if (mt.pathContains != null && rawUrl.indexOf(String(mt.pathContains)) === -1) return null;
			if (mt.method != null && String(mt.method).toUpperCase() !== method) return null;
		}
		if (fault._skip > 0) {
			fault._skip--;
			return null;
		}
		const f = fault;
		if (--fault._remaining <= 0) fault = null;
		return f;
	}

	function send(res, rec, t0, resp) {
		if (res.destroyed || res.writableEnded) return;
		const headers = {
			'Content-Type': 'application/json; charset=utf-8',
			'Content-Length': Buffer.byteLength(resp.body),
			'X-Sandbox-Request': String(rec.seq),
			...resp.headers,
		};
		res.writeHead(resp.status, headers);
		res.end(resp.body);
		finish(rec, t0, resp.status);
	}

	function finish(rec, t0, status) {
		const ms = performance.now() - t0;
		rec.status = status;
		rec.durationMs = Math.round(ms * 1000) / 1000;
		rec.endedAt = t0 + ms;
		stats.count++;
		stats.byStatus[status] = (stats.byStatus[status] || 0) + 1;
		stats.totalMs += ms;
		if (ms > stats.maxMs) stats.maxMs = ms;
	}

	function onApiRequest(req, res, body, t0) {
		// A client sends a request to its HTTP proxy with the whole URL as the target ("absolute
		// form"), never otherwise: the sandbox then plays the proxy too, and the record says so.
		const absolute = /^https?:\/\/[^/]+/i.exec(req.url);
		const rawUrl = absolute ? req.url.slice(absolute[0].length) || '/' : req.url;
		const q = rawUrl.indexOf('?');
		const pathname = q < 0 ? rawUrl : rawUrl.slice(0, q);
		const query = q < 0 ? {} : parseQuery(rawUrl.slice(q + 1));
		let json = null;
		if (body.length) {
			try {
				json = JSON.parse(body);
			} catch {
				json = null;
			}
		}
		const rec = {
			seq: ++recSeq,
			method: req.method,
			url: rawUrl,
			viaProxy: absolute ? absolute[0] : null,
			tls: !!req.socket.encrypted,
			pathname,
			query,
			headers: req.headers,
			body,
			json,
			status: null,
			fault: null,
			startedAt: Date.now(),
			durationMs: null,
			identity: identityOf(pathname),
			result: undefined,
			arrivedAt: t0,
			endedAt: null,
		};
		requests.push(rec);
		if (requests.length > maxRecords) requests.splice(0, requests.length - maxRecords);

		if (body.length > MAX_BODY) return send(res, rec, t0, errResp(pathname, 413, 'The request cannot be processed. The request body is too large.'));

		const f = pickFault(req.method, rawUrl, body);
		let resp;
		let wait = delay + requestedDelay(body);
		if (f) {
			rec.fault = faultName(f);
			stats.faults++;
			if (f.mode === 'hang') {
				hanging.add(res);
				res.on('close', () => hanging.delete(res));
				return;
			}
			if (f.mode === 'reset') {
				finish(rec, t0, 0);
				req.socket.destroy();
				return;
			}
			resp = faultResponse(f, pathname);
			if (f.mode === 'slow') wait += f.ms;
		}
		if (!resp) {
			resp = route(req.method, pathname, query, req.headers, body, rec);
			if (f && f.mode === 'truncated') {
				const buf = Buffer.from(resp.body);
				resp = { status: resp.status, headers: resp.headers, body: buf.subarray(0, Math.floor(buf.length / 2)) };
			}
		}
		if (wait > 0) {
			const t = setTimeout(() => {
				timers.delete(t);
				send(res, rec, t0, resp);
			}, wait);
			timers.add(t);
		} else {
			send(res, rec, t0, resp);
		}
	}

	// ---- control API (not recorded) ----
	function controlJson(res, status, obj) {
		const body = JSON.stringify(obj);
		res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
		res.end(body);
	}

	function handleControl(req, res, body) {
		const q = req.url.indexOf('?');
		const path = q < 0 ? req.url : req.url.slice(0, q);
		const query = q < 0 ? {} : parseQuery(req.url.slice(q + 1));
		const m = req.method;
		let json;
		if (m === 'POST') {
			try {
				json = body.trim() === '' ? null : JSON.parse(body);
			} catch {
				return controlJson(res, 400, { ok: false, error: 'body is not valid JSON' });
			}
		}
		try {
			if (path === '/__sandbox/requests' && m === 'GET') {
				const since = Number(first(query.since) || 0);
				const list = since > 0 ? requests.filter((r) => r.seq > since) : requests;
				return controlJson(res, 200, { count: list.length, requests: list });
			}
			if (path === '/__sandbox/reset' && m === 'POST') {
				handle.reset();
				return controlJson(res, 200, { ok: true });
			}
			if (path === '/__sandbox/fault' && m === 'POST') {
				handle.setFault(json);
				return controlJson(res, 200, { ok: true, fault: publicFault() });
			}
			if (path === '/__sandbox/fault' && m === 'GET') return controlJson(res, 200, { fault: publicFault() });
			if (path === '/__sandbox/delay' && m === 'POST') {
				handle.setDelay(json && typeof json === 'object' ? json.ms : json);
				return controlJson(res, 200, { ok: true, delayMs: delay });
			}
			if (path === '/__sandbox/seed' && m === 'POST') {
				if (!isObj(json)) throw new Error('body must be {identity, list, count[, parent]}');
				return controlJson(res, 200, { ok: true, seeded: handle.seedPull(json.identity, json.list, json.count, json.parent ?? null) });
			}
			if (path === '/__sandbox/pull-quirk' && m === 'POST') return controlJson(res, 200, { ok: true, quirk: handle.setPullQuirk(json) });
			if (path === '/__sandbox/pull-quirk' && m === 'GET') return controlJson(res, 200, { quirk: handle.getPullQuirk() });
			if (path === '/__sandbox/stats' && m === 'GET') return controlJson(res, 200, handle.stats());
			if (path === '/__sandbox/info' && m === 'GET') return controlJson(res, 200, handle.info());
			if (path === '/__sandbox/callbacks' && m === 'GET') return controlJson(res, 200, { count: callbacks.records.length, callbacks: callbacks.records });
			if (path === '/__sandbox/callbacks' && m === 'POST') return controlJson(res, 200, { ok: true, defaults: callbacks.setDefaults(json || {}) });
			return controlJson(res, 404, { ok: false, error: `unknown control endpoint ${m} ${path}` });
		} catch (err) {
			return controlJson(res, 400, { ok: false, error: err.message });
		}
	}

	function publicFault() {
		if (!fault) return null;
		const { _remaining, _skip, ...rest } = fault;
		return { ...rest, remaining: _remaining === Infinity ? null : _remaining, skip: _skip };
	}

	const onRequest = (req, res) => {
		const t0 = performance.now();
		let body = '';
		let size = 0;
		req.setEncoding('utf8');
		req.on('data', (chunk) => {
			size += chunk.length;
			if (size <= MAX_BODY + 1) body += chunk;
		});
		req.on('end', () => {
			if (req.url.startsWith('/__sandbox/')) handleControl(req, res, body);
			else onApiRequest(req, res, body, t0);
		});
	};
	const listen = async (server, onPort) => {
		server.keepAliveTimeout = 30000;
		await new Promise((resolve, reject) => {
			server.once('error', reject);
			server.listen(onPort, host, () => {
				server.off('error', reject);
				resolve();
			});
		});
		return server.address().port;
	};
	const server = http.createServer(onRequest);
	const actualPort = await listen(server, port);
	const urlHost = host.includes(':') ? `[${host}]` : host;
	const url = `http://${urlHost}:${actualPort}`;
	// With `tls` ({ key, cert }), the same sandbox (same data and records) also answers HTTPS on
	// a port of its own, at tlsUrl; each record says which it came by (rec.tls).
	const tlsServer = tls ? https.createServer({ key: tls.key, cert: tls.cert }, onRequest) : null;
	const tlsUrl = tlsServer ? `https://${urlHost}:${await listen(tlsServer, 0)}` : null;
	let closed = null;

	const handle = {
		url,
		tlsUrl,
		port: actualPort,
		host,
		publicKey,
		privateKey,
		/** Value of the Authorization header the sandbox accepts. */
		authHeader: expectedAuth,
		data,
		named: data.named || {},
		requests,
		/** OneAll's video callbacks: records, settled(n), setDefaults({ outcome, delayMs, retries }) (callback.js). */
		callbacks,
		/** Clears requests, id counter, stats, what was published, edited or deleted, sb.seedPull() seeds, the pull quirk and the fault; restores options.delayMs. */
		reset() {
			requests.length = 0;
			recSeq = 0;
			pushSeq = 0;
			fault = null;
			delay = Number(delayMs) || 0;
			stats = freshStats();
			pull.reset();
			callbacks.reset();
		},
		setFault(f) {
			fault = normalizeFault(f);
			return publicFault();
		},
		getFault: publicFault,
		/** `count` numbered entries for one identity's list (pull.js SYNTH_LISTS), instead of its seed, until reset(). */
		seedPull: (token, list, count, parent = null) => pull.seedPull(token, list, count, parent),
		/** { ignorePage: true }: every page of a paged Pull list answers page 1 (a server that repeats its pages); null clears. */
		setPullQuirk: (q) => pull.setQuirk(q),
		getPullQuirk: () => pull.getQuirk(),
		/** overlapsPerIdentity() over every recorded request. */
		overlaps: () => overlapsPerIdentity(requests),
		setDelay(ms) {
			const v = Number(ms);
			if (!Number.isFinite(v) || v < 0) throw new Error('delay must be a number >= 0');
			delay = v;
		},
		stats() {
			const s = { ...stats, byStatus: { ...stats.byStatus } };
			s.meanMs = s.count ? s.totalMs / s.count : 0;
			s.recorded = requests.length;
			s.pending = hanging.size + timers.size;
			s.delayMs = delay;
			return s;
		},
		info() {
			const named = {};
			for (const [k, v] of Object.entries(data.named || {})) named[k] = { identity_token: v.identity_token, provider: v.provider, displayName: v.displayName };
			return { url, publicKey, privateKey, identities: identitiesAsc.length, strictIds, delayMs: delay, named };
		},
		close() {
			if (closed) return closed;
			for (const t of timers) clearTimeout(t);
			timers.clear();
			for (const res of hanging) res.socket?.destroy();
			hanging.clear();
			callbacks.close();
			const servers = [server, tlsServer].filter(Boolean);
			closed = Promise.all(servers.map((each) => new Promise((resolve) => each.close(() => resolve()))));
			for (const each of servers) each.closeAllConnections();
			return closed;
		},
	};
	return handle;
}

module.exports = { startSandbox, formatId, overlapsPerIdentity, OPS, INFO_401, INFO_OK, INFO_NO_SITE };
