'use strict';

/**
 * The sandbox's Pull API (GET /pull/identities/<uuid>/<path>) and the lists it reads: the pick
 * lists (pages, groups, companies, boards, playlists) and the published objects (tweets, posts,
 * pins, videos, ...), which the push routes add to and the Update API (lifecycle.js) edits and
 * deletes through objects() / hasId().
 *
 * Every answer: `response.result.data.<key> = { count: <entries in this answer>, entries: [...] }`
 * in OneAll's success envelope, newest first, what the run published before the seed.
 *
 * Order of checks (after the server's fault → route 404 → method 405 → auth 401 → identity 404 →
 * provider 403): parent ids in the path well formed (404) → parent ids exist for this identity
 * (404, strictIds) → query parameters: unknown or repeated (400), values (400) → 200.
 *
 * Facts vs guesses: the paths and the names num_posts, num_pages, num_tweets, page,
 * limit_own_posts and after_tweet_id are OneAll's (Pull docs table and PHP SDK, whose default
 * page size is 25); the maximum of 100, the 400 texts, the entry shapes and the strictness about
 * unknown parameters are the sandbox's own, UNCONFIRMED.
 */

const { generatedObjects, facebookUserId, oneAllDate } = require('./data');
const { NOT_FOUND_URI, okResp, errResp, badIdInfo, notFoundForIdentity } = require('./envelope');
const { PATH_ID_RE, safeDecode } = require('./urls');
const DIGITS_RE = /^\d+$/;

/** Paging of the paged endpoints: `page` from 1, the page-size parameter from 1 to max. */
const PULL_PAGE = Object.freeze({ default: 25, max: 100, firstPage: 1 });

/** The pick lists: their seed is data.pull (or generatedPull), not data.objects. */
const PICK_LISTS = new Set(['pages', 'groups', 'companies', 'boards', 'playlists']);

/** The id field of the entries of each list (also what Update API paths name). */
const ID_KEYS = Object.freeze({
	pages: 'page_id', groups: 'group_id', companies: 'company_id', boards: 'board_id', playlists: 'playlist_id',
	tweets: 'post_id', facebookPosts: 'post_id', groupPosts: 'post_id', pagePosts: 'post_id', linkedinPosts: 'post_id', companyPosts: 'post_id',
	reactions: 'user_id', pagePictures: 'picture_id', pageVideos: 'video_id', pins: 'pin_id',
	channels: 'channel_id', youtubeVideos: 'video_id', playlistVideos: 'video_id', sections: 'section_id',
});

/** What a parent id in a path is called in the 404 texts. */
const PARENT_WHAT = { pages: 'page', groups: 'group', companies: 'company', boards: 'board', playlists: 'playlist', pagePosts: 'post' };

/**
 * The read endpoints of the node contract. `list`: where the entries live; `parents`: the lists
 * the path ids must be found in, in path order (each one inside the one before); the entries hang
 * under the last parent id unless `filterBy` names the field that picks them out of the whole list.
 * `size`: the page-size parameter (paged endpoints only); `params`: other accepted parameters.
 */
const PULL_ROUTES = [
	{ path: 'facebook/posts.json', provider: 'facebook', key: 'posts', list: 'facebookPosts', size: 'num_posts', params: ['limit_own_posts'] },
	{ path: 'facebook/groups.json', provider: 'facebook', key: 'groups', list: 'groups' },
	{ path: 'facebook/group/{group}/posts.json', provider: 'facebook', key: 'posts', list: 'groupPosts', parents: ['groups'], size: 'num_posts' },
	{ path: 'facebook/pages.json', provider: 'facebook', key: 'pages', list: 'pages', size: 'num_pages' },
	{ path: 'facebook/page/{page}/posts.json', provider: 'facebook', key: 'posts', list: 'pagePosts', parents: ['pages'], size: 'num_posts' },
	{ path: 'facebook/page/{page}/post/{post}/reactions.json', provider: 'facebook', key: 'reactions', list: 'reactions', parents: ['pages', 'pagePosts'] },
	{ path: 'linkedin/user/posts.json', provider: 'linkedin', key: 'posts', list: 'linkedinPosts', size: 'num_posts' },
	{ path: 'linkedin/companies.json', provider: 'linkedin', key: 'companies', list: 'companies' },
	{ path: 'linkedin/company/{company}/posts.json', provider: 'linkedin', key: 'posts', list: 'companyPosts', parents: ['companies'], size: 'num_posts' },
	{ path: 'pinterest/boards.json', provider: 'pinterest', key: 'boards', list: 'boards' },
	{ path: 'pinterest/pins.json', provider: 'pinterest', key: 'pins', list: 'pins' },
	{ path: 'pinterest/board/{board}/pins.json', provider: 'pinterest', key: 'pins', list: 'pins', parents: ['boards'], filterBy: 'board_id' },
	{ path: 'twitter/tweets.json', provider: 'twitter', key: 'tweets', list: 'tweets', size: 'num_tweets', params: ['after_tweet_id'] },
	{ path: 'youtube/channels.json', provider: 'youtube', key: 'channels', list: 'channels' },
	{ path: 'youtube/playlists.json', provider: 'youtube', key: 'playlists', list: 'playlists' },
	{ path: 'youtube/playlist/{playlist}/videos.json', provider: 'youtube', key: 'videos', list: 'playlistVideos', parents: ['playlists'] },
	{ path: 'youtube/videos.json', provider: 'youtube', key: 'videos', list: 'youtubeVideos' },
];
for (const route of PULL_ROUTES) {
	route.parents = route.parents || [];
	route.params = route.params || [];
	route.accepts = [...(route.size ? ['page', route.size] : []), ...route.params];
	route.re = new RegExp(`^${route.path.replace(/\./g, '\\.').replace(/\{\w+\}/g, '([^/]+)')}$`);
	Object.freeze(route);
}

/** Every info text of the Pull answers (400 and 404), so tests can compare them exactly. */
const PULL_TEXTS = Object.freeze({
	notFound: NOT_FOUND_URI,
	badId: badIdInfo,
	noParent: notFoundForIdentity,
	badSize: (param, value) => `The value [${value}] of the parameter [${param}] is not valid: use a number from 1 to ${PULL_PAGE.max}.`,
	badPage: (value) => `The value [${value}] of the parameter [page] is not valid: use a number from 1 up.`,
	badFlag: (param, value) => `The value [${value}] of the parameter [${param}] is not valid: use 0 or 1.`,
	badTweetId: (value) => `The value [${value}] of the parameter [after_tweet_id] is not valid: use the id of a tweet (digits only).`,
	unknownParam: (param, accepts) =>
		`The parameter [${param}] is not valid for this resource: it accepts ${accepts.length ? accepts.map((p) => `[${p}]`).join(', ') : 'no parameters'}.`,
	repeatedParam: (param) => `The parameter [${param}] is not valid for this resource: it is given more than once.`,
});

/** Match the part after /pull/identities/<t>/ to a route (+ raw path ids), or null. */
function matchPull(sub) {
	for (const route of PULL_ROUTES) {
		const m = route.re.exec(sub);
		if (m) return { route, rawIds: m.slice(1) };
	}
	return null;
}

// Entries are never changed in place (an edit replaces the object), so each one is serialised
// once and a page is a join of cached strings: a page of 100 out of 10,000 costs 100 lookups.
const jsonCache = new WeakMap();
function jsonOf(entry) {
	let s = jsonCache.get(entry);
	if (s === undefined) {
		s = JSON.stringify(entry);
		jsonCache.set(entry, s);
	}
	return s;
}

/** Numeric ids as strings, compared without losing digits (tweet ids exceed 2^53). */
const newerId = (a, b) => (a.length !== b.length ? a.length > b.length : a > b);

/**
 * One list of one identity: the seed (newest first) and what the run published (newer, so
 * listed first, newest first). Offers Map's has/get/set/delete for the Update API.
 */
class Listing {
	constructor(idKey, seeds) {
		this.idKey = idKey;
		this.reseed(seeds);
		this.created = [];
	}

	reseed(seeds) {
		this.seeds = seeds.slice();
		this.byId = new Map();
		for (const e of this.seeds) if (!this.byId.has(String(e[this.idKey]))) this.byId.set(String(e[this.idKey]), e);
		for (const e of this.created || []) this.byId.set(String(e[this.idKey]), e);
		this.touch();
	}

	touch() {
		this.all = null;
		this.views = new Map();
	}

	has(id) {
		return this.byId.has(String(id));
	}

	get(id) {
		return this.byId.get(String(id));
	}

	/** A published entry: the newest (a second one with the same id replaces the first). */
	add(entry) {
		const id = String(entry[this.idKey]);
		if (this.byId.has(id)) this.delete(id);
		this.created.push(entry);
		this.byId.set(id, entry);
		this.touch();
	}

	/** An edit keeps the entry's place; an id not listed yet is added as published. */
	set(id, entry) {
		id = String(id);
		if (!this.byId.has(id)) return this.add(entry);
		const swap = (list) => list.map((e) => (String(e[this.idKey]) === id ? entry : e));
		this.seeds = swap(this.seeds);
		this.created = swap(this.created);
		this.byId.set(id, entry);
		this.touch();
		return this;
	}

	delete(id) {
		id = String(id);
		if (!this.byId.has(id)) return false;
		const keep = (list) => list.filter((e) => String(e[this.idKey]) !== id);
		this.seeds = keep(this.seeds);
		this.created = keep(this.created);
		this.byId.delete(id);
		this.touch();
		return true;
	}

	/** Newest first: published (last published first), then the seed. */
	entries() {
		if (!this.all) this.all = this.created.length ? this.created.slice().reverse().concat(this.seeds) : this.seeds;
		return this.all;
	}

	/** A filtered copy, kept until the list changes (a few per list: each filter value is one). */
	view(name, pick) {
		let v = this.views.get(name);
		if (!v) {
			if (this.views.size > 64) this.views.clear();
			v = pick(this.entries());
			this.views.set(name, v);
		}
		return v;
	}
}

// Entries for sb.seedPull(token, list, n): small, numbered, with the text a pick list shows.
// Ids are 15-digit numbers below the sandbox's push ids, so what a run publishes stays newer.
const SYNTH_TEXT = {
	pages: 'name', groups: 'name', companies: 'name', boards: 'name', playlists: 'title', tweets: 'message',
	facebookPosts: 'message', groupPosts: 'message', pagePosts: 'message', linkedinPosts: 'message', companyPosts: 'message',
	reactions: 'name', pins: 'description', channels: 'title', youtubeVideos: 'title', playlistVideos: 'title',
};
const SYNTH_LISTS = Object.freeze(Object.keys(SYNTH_TEXT));
const SYNTH_NEWEST = Date.UTC(2023, 5, 30, 12, 0, 0);

function synthEntries(list, n, extra) {
	const idKey = ID_KEYS[list];
	const textKey = SYNTH_TEXT[list];
	const out = new Array(n);
	// One date string per hour of entries, not one oneAllDate() per entry: seeding 10,000 stays fast.
	let hour = -1;
	let date = '';
	for (let k = 0; k < n; k++) {
		const number = n - k;
		const h = Math.floor(k / 60);
		if (h !== hour) {
			hour = h;
			date = oneAllDate(SYNTH_NEWEST - h * 3600000);
		}
		const e = { [idKey]: String(100000000000000 + number), [textKey]: `${list} #${number} of ${n}` };
		if (list === 'reactions') e.type = 'LIKE';
		else e.date_creation = date;
		out[k] = extra ? Object.assign(e, extra) : e;
	}
	return out;
}

/** 400 for unknown, repeated or bad parameters; else the parsed values. */
function readQuery(route, query) {
	for (const [name, value] of Object.entries(query)) {
		if (!route.accepts.includes(name)) return { error: PULL_TEXTS.unknownParam(name, route.accepts) };
		if (Array.isArray(value)) return { error: PULL_TEXTS.repeatedParam(name) };
	}
	const out = { page: 1, size: PULL_PAGE.default };
	if (query.page !== undefined) {
		const p = Number(query.page);
		if (!DIGITS_RE.test(query.page) || !Number.isSafeInteger(p) || p < 1) return { error: PULL_TEXTS.badPage(query.page) };
		out.page = p;
	}
	const size = route.size && query[route.size];
	if (size !== undefined) {
		const s = Number(size);
		if (!DIGITS_RE.test(size) || s < 1 || s > PULL_PAGE.max) return { error: PULL_TEXTS.badSize(route.size, size) };
		out.size = s;
	}
	if (query.limit_own_posts !== undefined) {
		if (query.limit_own_posts !== '0' && query.limit_own_posts !== '1') return { error: PULL_TEXTS.badFlag('limit_own_posts', query.limit_own_posts) };
		out.ownOnly = query.limit_own_posts === '1';
	}
	if (query.after_tweet_id !== undefined) {
		if (!/^\d{1,30}$/.test(query.after_tweet_id)) return { error: PULL_TEXTS.badTweetId(query.after_tweet_id) };
		out.afterId = query.after_tweet_id.replace(/^0+(?=\d)/, '');
	}
	return out;
}

/** Lists that hang under a parent id (the page, group, company, playlist or page post). */
const NESTED_LISTS = new Set(['groupPosts', 'pagePosts', 'companyPosts', 'playlistVideos', 'reactions']);

function checkSeed(token, list, count, parent = null) {
	if (!SYNTH_LISTS.includes(list)) throw new Error(`list must be one of ${SYNTH_LISTS.join(', ')}`);
	if (NESTED_LISTS.has(list) && (parent == null || parent === '')) throw new Error(`list ${list} needs a parent id`);
	// Pins are one list filtered by board, so a parent there is the board the pins are put on.
	if (!NESTED_LISTS.has(list) && parent != null && list !== 'pins') throw new Error(`list ${list} takes no parent id`);
	const n = Number(count);
	if (!Number.isInteger(n) || n < 0 || n > 1000000) throw new Error('count must be an integer from 0 to 1000000');
	return { token: String(token).toLowerCase(), n, key: list === 'pins' ? null : parent };
}

/**
 * @param {object} ctx the sandbox's own: data, byToken, basePull (token → pick lists), strictIds,
 *   pullSizes ({ [token]: { [list]: n } })
 */
function createPull(ctx) {
	const listings = new Map(); // token|list|parent → Listing
	const generated = new Map(); // token → object lists made with generatedObjects()
	const givenObjects = new Map(); // lower-case token → data.objects entry
	for (const [t, o] of Object.entries(ctx.data.objects || {})) givenObjects.set(t.toLowerCase(), o);
	let sizes = new Map(); // token|list|parent → n, from options.pullSizes and seedPull()
	let quirk = null;

	const sizeKey = (token, list, parent) => `${token}|${list}|${parent ?? ''}`;
	function applyOptionSizes() {
		sizes = new Map();
		for (const [t, lists] of Object.entries(ctx.pullSizes || {})) {
			for (const [list, n] of Object.entries(lists)) sizes.set(sizeKey(t.toLowerCase(), list, null), { n: checkSeed(t, list, n).n, parent: null });
		}
	}

	function objectsOf(token) {
		if (givenObjects.has(token)) return givenObjects.get(token);
		let o = generated.get(token);
		if (o === undefined) {
			const ident = ctx.byToken.get(token);
			o = ident ? generatedObjects(ident.entry, ctx.basePull.get(token) || {}) : null;
			generated.set(token, o);
		}
		return o;
	}

	function seedOf(token, list, parent) {
		const size = sizes.get(sizeKey(token, list, parent));
		if (size !== undefined) return synthSeed(token, list, size.n, size.parent);
		if (PICK_LISTS.has(list)) return (ctx.basePull.get(token) || {})[list] || [];
		const lists = objectsOf(token)?.[list];
		return (parent == null ? lists : lists?.[parent]) || [];
	}

	function synthSeed(token, list, n, parent) {
		if (list === 'facebookPosts') {
			const ident = ctx.byToken.get(token);
			return synthEntries(list, n, ident && { from: { id: facebookUserId(ident.entry), name: ident.entry.displayName } });
		}
		if (list === 'pins') return synthEntries(list, n, { board_id: parent ?? String(objects(token, 'boards').entries()[0]?.board_id ?? '') });
		return synthEntries(list, n);
	}

	/** The list of one identity (token in lower case), made from its seed on first use. */
	function objects(token, list, parent = null) {
		const key = sizeKey(token, list, parent);
		let listing = listings.get(key);
		if (!listing) {
			listing = new Listing(ID_KEYS[list] || 'id', seedOf(token, list, parent));
			listings.set(key, listing);
		}
		return listing;
	}

	const hasId = (token, list, id) => objects(token, list).has(id);

	/**
	 * Gives one identity `count` numbered entries in `list` instead of its seed (what the run
	 * published stays). `parent`: the page / group / company / playlist / post id of a nested list.
	 */
	function seedPull(token, list, count, parent = null) {
		const c = checkSeed(token, list, count, parent);
		if (!ctx.byToken.has(c.token)) throw new Error(`unknown identity ${token}`);
		sizes.set(sizeKey(c.token, list, c.key), { n: c.n, parent });
		const listing = listings.get(sizeKey(c.token, list, c.key));
		if (listing) listing.reseed(synthSeed(c.token, list, c.n, parent));
		return { identity: c.token, list, parent, count: c.n };
	}

	function setQuirk(q) {
		if (q == null) quirk = null;
		else if (typeof q !== 'object' || Array.isArray(q) || Object.keys(q).some((k) => k !== 'ignorePage')) throw new Error('pull quirk must be null or { ignorePage: boolean }');
		else quirk = q.ignorePage ? { ignorePage: true } : null;
		return quirk;
	}

	/** The path's parent ids, checked: { ids } or { resp } (404). */
	function readParents(route, rawIds, token, resource) {
		const ids = [];
		for (const [i, list] of route.parents.entries()) {
			const what = PARENT_WHAT[list];
			const id = safeDecode(rawIds[i]);
			if (id === null || !PATH_ID_RE.test(id)) return { resp: errResp(resource, 404, PULL_TEXTS.badId(what, rawIds[i])) };
			// A post is looked for on its page, a page among the identity's pages.
			if (ctx.strictIds && !objects(token, list, i === 0 ? null : ids[i - 1]).has(id)) {
				return { resp: errResp(resource, 404, PULL_TEXTS.noParent(what, id)) };
			}
			ids.push(id);
		}
		return { ids };
	}

	/** The entries a request selects, before paging. */
	function selected(route, token, identity, ids, q) {
		const last = ids.length ? ids[ids.length - 1] : null;
		const listing = route.filterBy ? objects(token, route.list) : objects(token, route.list, last);
		let entries = listing.entries();
		if (route.filterBy) entries = listing.view(`${route.filterBy}=${last}`, (all) => all.filter((e) => String(e[route.filterBy]) === last));
		if (q.ownOnly) {
			const own = facebookUserId(identity);
			entries = listing.view('own', (all) => all.filter((e) => e.from && String(e.from.id) === own));
		}
		if (q.afterId !== undefined) {
			// Newer than that tweet: those listed before it; a tweet not (or no longer) listed
			// compares by id, as ids grow with time.
			entries = listing.view(`after=${q.afterId}`, (all) => {
				const at = all.findIndex((e) => String(e.post_id) === q.afterId);
				return at >= 0 ? all.slice(0, at) : all.filter((e) => newerId(String(e.post_id), q.afterId));
			});
		}
		return entries;
	}

	/** Answer a matched GET once the identity is known and of the route's provider. */
	function answer(match, token, identity, query, resource) {
		const { route } = match;
		const parents = readParents(route, match.rawIds, token, resource);
		if (parents.resp) return parents.resp;
		const q = readQuery(route, query);
		if (q.error) return errResp(resource, 400, q.error);
		let entries = selected(route, token, identity, parents.ids, q);
		if (route.size) {
			const page = quirk?.ignorePage ? 1 : q.page;
			entries = entries.slice((page - 1) * q.size, page * q.size);
		}
		let body = '';
		for (let i = 0; i < entries.length; i++) body += (i ? ',' : '') + jsonOf(entries[i]);
		return okResp(resource, `{${JSON.stringify(route.key)}:{"count":${entries.length},"entries":[${body}]}}`);
	}

	/** Called after every successful push with its result, so what was published is listed. */
	function recordPush(opKey, token, result, node, identity) {
		const make = RECORDS[opKey];
		if (!make) return;
		const made = make(result, node, { identity, date: oneAllDate(Date.now()), videoTitle: (id) => objects(token, 'youtubeVideos').get(id)?.title });
		const [list, parent, entry] = made;
		objects(token, list, parent).add(dropUndefined(entry));
	}

	function reset() {
		listings.clear();
		quirk = null;
		applyOptionSizes();
	}

	applyOptionSizes();
	return { match: matchPull, answer, objects, hasId, recordPush, seedPull, setQuirk, getQuirk: () => quirk, reset };
}

const dropUndefined = (o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
const text = (v) => (typeof v === 'string' ? v : undefined);

/** What a successful push leaves behind: push key → [list, parent id, the new entry]. */
const RECORDS = {
	'twitter/post.json': (r, b, x) => ['tweets', null, { post_id: r.post_id, message: b.message, date_creation: x.date }],
	'facebook/post.json': (r, b, x) => ['facebookPosts', null, { post_id: r.post_id, message: text(b.message), link: text(b.link), from: { id: facebookUserId(x.identity), name: x.identity.displayName }, date_creation: x.date }],
	'facebook/group/post.json': (r, b, x) => ['groupPosts', r.group_id, { post_id: r.post_id, message: text(b.message), link: text(b.link), from: { id: facebookUserId(x.identity), name: x.identity.displayName }, date_creation: x.date }],
	'facebook/page/post.json': (r, b, x) => ['pagePosts', r.page_id, { post_id: r.post_id, message: text(b.message), link: text(b.link), date_creation: x.date }],
	'facebook/page/picture.json': (r, b) => ['pagePictures', r.page_id, { picture_id: r.picture_id, description: b.description }],
	'facebook/page/video.json': (r, b) => ['pageVideos', r.page_id, { video_id: r.video_id, description: b.description }],
	'linkedin/post.json': (r, b, x) => ['linkedinPosts', null, { post_id: r.post_id, message: text(b.message), link: text(b.link), title: text(b.title), date_creation: x.date }],
	'linkedin/company/post.json': (r, b, x) => ['companyPosts', r.company_id, { post_id: r.post_id, message: text(b.message), link: text(b.link), title: text(b.title), date_creation: x.date }],
	'pinterest/board.json': (r, b, x) => [
		'boards', null,
		{ board_id: r.board_id, name: b.name, description: text(b.description) ?? '', url: `https://www.pinterest.com/${x.identity.preferredUsername}/${encodeURIComponent(String(b.name).toLowerCase().replace(/\s+/g, '-'))}/`, pin_count: 0 },
	],
	'pinterest/board/{id}/pin.json': (r, b, x) => ['pins', null, { pin_id: r.pin_id, board_id: r.board_id, description: b.description, link: text(b.link), date_creation: x.date }],
	'youtube/video.json': (r, b, x) => ['youtubeVideos', null, { video_id: r.video_id, title: b.title, description: text(b.description) ?? '', privacy_status: b.privacy_status || 'public', date_creation: x.date }],
	'youtube/playlist.json': (r, b) => ['playlists', null, { playlist_id: r.playlist_id, title: b.title, description: text(b.description) ?? '', privacy_status: b.privacy_status || 'public', item_count: 0 }],
	'youtube/playlist/{id}/video.json': (r, b, x) => ['playlistVideos', r.playlist_id, { video_id: r.video_id, title: x.videoTitle(r.video_id) ?? `Video ${r.video_id}`, position: b.position }],
	'youtube/channel/section.json': (r, b) => ['sections', null, { section_id: r.section_id, type: b.type, title: b.title }],
};

module.exports = { createPull, matchPull, PULL_ROUTES, PULL_PAGE, PULL_TEXTS, ID_KEYS, PICK_LISTS, SYNTH_LISTS, RECORDS: Object.keys(RECORDS), Listing };
