'use strict';

/**
 * The Pull API (README.md) and the store of lists it reads, which pushes add to and the Update API
 * edits. Paths, parameter names and the default page size of 25 are OneAll's (Pull docs, PHP SDK);
 * the maximum of 100, the texts, the entry shapes and the strictness are UNCONFIRMED.
 */

const { generatedObjects, facebookUserId, oneAllDate } = require('./data');
const { NOT_FOUND_URI, okResp, errResp, badIdInfo, notFoundForIdentity } = require('./envelope');
const { dropUndefined } = require('./fields');
const { WHAT } = require('./push');
const { pathId, pathPattern } = require('./urls');

/** Paging of the paged endpoints: `page` from 1, the page-size parameter from 1 to max. */
const PULL_PAGE = Object.freeze({ default: 25, max: 100, firstPage: 1 });

/**
 * Every list: [the id field of its entries (also what Update API paths name), the text field of
 * the numbered entries sb.seedPull() makes (none: cannot be seeded)].
 */
const LISTS = {
	pages: ['page_id', 'name'], groups: ['group_id', 'name'], companies: ['company_id', 'name'], boards: ['board_id', 'name'],
	playlists: ['playlist_id', 'title'], tweets: ['post_id', 'message'], facebookPosts: ['post_id', 'message'],
	groupPosts: ['post_id', 'message'], pagePosts: ['post_id', 'message'], linkedinPosts: ['post_id', 'message'],
	companyPosts: ['post_id', 'message'], reactions: ['user_id', 'name'], pins: ['pin_id', 'description'],
	channels: ['channel_id', 'title'], youtubeVideos: ['video_id', 'title'], playlistVideos: ['video_id', 'title'],
	pagePictures: ['picture_id'], pageVideos: ['video_id'], sections: ['section_id'],
};
const SYNTH_LISTS = Object.freeze(Object.keys(LISTS).filter((list) => LISTS[list][1]));
/** The pick lists: their seed is data.pull (or generatedPull), not data.objects. */
const PICK_LISTS = new Set(['pages', 'groups', 'companies', 'boards', 'playlists']);
/** Lists that hang under a parent id (the page, group, company, playlist or page post). */
const NESTED_LISTS = new Set(['groupPosts', 'pagePosts', 'companyPosts', 'playlistVideos', 'reactions']);

/**
 * The read endpoints of the node contract. `list`: where the entries live; `parents`: the lists
 * the path ids must be found in, in path order (each one inside the one before); the entries hang
 * under the last parent id unless `filterBy` names the field that picks them out of the whole list.
 * `size`: the page-size parameter (paged endpoints only); `params`: other accepted parameters.
 */
const PULL_ROUTES = [
	{ path: 'facebook/posts.json', key: 'posts', list: 'facebookPosts', size: 'num_posts', params: ['limit_own_posts'] },
	{ path: 'facebook/groups.json', key: 'groups', list: 'groups' },
	{ path: 'facebook/group/{group}/posts.json', key: 'posts', list: 'groupPosts', parents: ['groups'], size: 'num_posts' },
	{ path: 'facebook/pages.json', key: 'pages', list: 'pages', size: 'num_pages' },
	{ path: 'facebook/page/{page}/posts.json', key: 'posts', list: 'pagePosts', parents: ['pages'], size: 'num_posts' },
	{ path: 'facebook/page/{page}/post/{post}/reactions.json', key: 'reactions', list: 'reactions', parents: ['pages', 'pagePosts'] },
	{ path: 'linkedin/user/posts.json', key: 'posts', list: 'linkedinPosts', size: 'num_posts' },
	{ path: 'linkedin/companies.json', key: 'companies', list: 'companies' },
	{ path: 'linkedin/company/{company}/posts.json', key: 'posts', list: 'companyPosts', parents: ['companies'], size: 'num_posts' },
	{ path: 'pinterest/boards.json', key: 'boards', list: 'boards' },
	{ path: 'pinterest/pins.json', key: 'pins', list: 'pins' },
	{ path: 'pinterest/board/{board}/pins.json', key: 'pins', list: 'pins', parents: ['boards'], filterBy: 'board_id' },
	{ path: 'twitter/tweets.json', key: 'tweets', list: 'tweets', size: 'num_tweets', params: ['after_tweet_id'] },
	{ path: 'youtube/channels.json', key: 'channels', list: 'channels' },
	{ path: 'youtube/playlists.json', key: 'playlists', list: 'playlists' },
	{ path: 'youtube/playlist/{playlist}/videos.json', key: 'videos', list: 'playlistVideos', parents: ['playlists'] },
	{ path: 'youtube/videos.json', key: 'videos', list: 'youtubeVideos' },
];
for (const route of PULL_ROUTES) {
	route.provider = route.path.split('/')[0];
	route.parents = route.parents || [];
	route.params = route.params || [];
	route.accepts = [...(route.size ? ['page', route.size] : []), ...route.params];
	route.re = pathPattern(route.path);
	route.methods = ['GET'];
	Object.freeze(route);
}

/** Every info text of the Pull answers (400 and 404), so tests can compare them exactly. */
const badValue = (param, value, use) => `The value [${value}] of the parameter [${param}] is not valid: ${use}.`;
const PULL_TEXTS = Object.freeze({
	notFound: NOT_FOUND_URI,
	badId: badIdInfo,
	noParent: notFoundForIdentity,
	badSize: (param, value) => badValue(param, value, `use a number from 1 to ${PULL_PAGE.max}`),
	badPage: (value) => badValue('page', value, 'use a number from 1 up'),
	badFlag: (param, value) => badValue(param, value, 'use 0 or 1'),
	badTweetId: (value) => badValue('after_tweet_id', value, 'use the id of a tweet (digits only)'),
	unknownParam: (param, accepts) =>
		`The parameter [${param}] is not valid for this resource: it accepts ${accepts.length ? accepts.map((p) => `[${p}]`).join(', ') : 'no parameters'}.`,
	repeatedParam: (param) => `The parameter [${param}] is not valid for this resource: it is given more than once.`,
});

// Entries are never changed in place (an edit replaces the object), so each one is serialised
// once and a page is a join of cached strings: a page of 100 out of 10,000 costs 100 lookups.
const jsonCache = new WeakMap();
function jsonOf(entry) {
	if (!jsonCache.has(entry)) jsonCache.set(entry, JSON.stringify(entry));
	return jsonCache.get(entry);
}

/** Numeric ids as strings, compared without losing digits (tweet ids exceed 2^53). */
const newerId = (a, b) => (a.length !== b.length ? a.length > b.length : a > b);

/**
 * One list of one identity: the seed (newest first) and what the run published (newer, so
 * listed first, newest first). Offers Map's has/get/set/delete for the Update API.
 */
function createListing(idKey, firstSeeds) {
	const idOf = (e) => String(e[idKey]);
	let seeds = [];
	let created = []; // newest first
	let byId = new Map();
	/** Every entry with this id, in the seed and in what was published, replaced by `by`. */
	const replace = (id, by) => {
		const swap = (list) => list.flatMap((e) => (idOf(e) === String(id) ? by : [e]));
		seeds = swap(seeds);
		created = swap(created);
	};
	const listing = {
		reseed(list) {
			seeds = list;
			// A published entry wins over a seed with its id; of two seeds with one id, the first.
			byId = new Map(seeds.slice().reverse().concat(created).map((e) => [idOf(e), e]));
		},
		has: (id) => byId.has(String(id)),
		get: (id) => byId.get(String(id)),
		/** A published entry: the newest (a second one with the same id replaces the first). */
		add(entry) {
			listing.delete(idOf(entry));
			created.unshift(entry);
			byId.set(idOf(entry), entry);
		},
		/** An edit keeps the entry's place; an id not listed yet is added as published. */
		set(id, entry) {
			if (!listing.has(id)) return listing.add(entry);
			byId.set(String(id), entry);
			replace(id, [entry]);
		},
		delete(id) {
			if (byId.delete(String(id))) replace(id, []);
		},
		/** Newest first: published (last published first), then the seed. */
		entries: () => (created.length ? created.concat(seeds) : seeds),
	};
	listing.reseed(firstSeeds);
	return listing;
}

// Entries for sb.seedPull(token, list, n): small, numbered, with the text a pick list shows.
// Ids are 15-digit numbers below the sandbox's push ids, so what a run publishes stays newer.
const SYNTH_NEWEST = Date.UTC(2023, 5, 30, 12, 0, 0);
function synthEntries(list, n, extra) {
	const [idKey, textKey] = LISTS[list];
	const out = new Array(n);
	// One date string per hour of entries, not one oneAllDate() per entry: seeding 10,000 stays fast.
	let date = '';
	for (let k = 0; k < n; k++) {
		if (k % 60 === 0) date = oneAllDate(SYNTH_NEWEST - (k / 60) * 3600000);
		const e = { [idKey]: String(100000000000000 + n - k), [textKey]: `${list} #${n - k} of ${n}` };
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
	const { page, limit_own_posts: own, after_tweet_id: after } = query;
	const size = route.size && query[route.size];
	const number = (v, max) => /^\d+$/.test(v) && Number.isSafeInteger(Number(v)) && Number(v) >= 1 && Number(v) <= max;
	if (page !== undefined && !number(page, Infinity)) return { error: PULL_TEXTS.badPage(page) };
	if (size !== undefined && !number(size, PULL_PAGE.max)) return { error: PULL_TEXTS.badSize(route.size, size) };
	if (own !== undefined && own !== '0' && own !== '1') return { error: PULL_TEXTS.badFlag('limit_own_posts', own) };
	if (after !== undefined && !/^\d{1,30}$/.test(after)) return { error: PULL_TEXTS.badTweetId(after) };
	return { page: Number(page ?? 1), size: Number(size ?? PULL_PAGE.default), ownOnly: own === '1', afterId: after?.replace(/^0+(?=\d)/, '') };
}

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
	const listings = new Map(); // token|list|parent → createListing()
	// token → object lists: data.objects', else made with generatedObjects() on first use.
	const objectLists = new Map(Object.entries(ctx.data.objects || {}).map(([t, o]) => [t.toLowerCase(), o]));
	const sizeKey = (token, list, parent) => `${token}|${list}|${parent ?? ''}`;
	const optionSizes = new Map(); // token|list| → { n, parent: null }, from options.pullSizes (kept by reset)
	for (const [t, lists] of Object.entries(ctx.pullSizes || {})) {
		for (const [list, n] of Object.entries(lists)) optionSizes.set(sizeKey(t.toLowerCase(), list, null), { n: checkSeed(t, list, n).n, parent: null });
	}
	const seeded = new Map(); // token|list|parent → { n, parent }, from seedPull(), until reset()
	let quirk = null;

	function objectsOf(token) {
		if (!objectLists.has(token)) objectLists.set(token, generatedObjects(ctx.byToken.get(token).entry, ctx.basePull.get(token)));
		return objectLists.get(token);
	}

	function seedOf(token, list, parent) {
		const size = seeded.get(sizeKey(token, list, parent)) ?? optionSizes.get(sizeKey(token, list, parent));
		if (size !== undefined) return synthSeed(token, list, size.n, size.parent);
		if (PICK_LISTS.has(list)) return ctx.basePull.get(token)[list] || [];
		const lists = objectsOf(token)?.[list];
		return (parent == null ? lists : lists?.[parent]) || [];
	}

	/** Own posts carry the identity as `from`; pins are on `parent` or the first board. */
	function synthSeed(token, list, n, parent) {
		const { entry } = ctx.byToken.get(token);
		if (list === 'facebookPosts') return synthEntries(list, n, { from: { id: facebookUserId(entry), name: entry.displayName } });
		if (list === 'pins') return synthEntries(list, n, { board_id: parent ?? String(objects(token, 'boards').entries()[0]?.board_id ?? '') });
		return synthEntries(list, n);
	}

	/** The list of one identity (token in lower case), made from its seed on first use. */
	function objects(token, list, parent = null) {
		const key = sizeKey(token, list, parent);
		if (!listings.has(key)) listings.set(key, createListing(LISTS[list][0], seedOf(token, list, parent)));
		return listings.get(key);
	}

	const hasId = (token, list, id) => objects(token, list).has(id);

	/**
	 * Gives one identity `count` numbered entries in `list` instead of its seed (what the run
	 * published stays). `parent`: the page / group / company / playlist / post id of a nested list.
	 */
	function seedPull(token, list, count, parent = null) {
		const c = checkSeed(token, list, count, parent);
		if (!ctx.byToken.has(c.token)) throw new Error(`unknown identity ${token}`);
		seeded.set(sizeKey(c.token, list, c.key), { n: c.n, parent });
		listings.get(sizeKey(c.token, list, c.key))?.reseed(synthSeed(c.token, list, c.n, parent));
		return { identity: c.token, list, parent, count: c.n };
	}

	function setQuirk(q) {
		const bad = q != null && (typeof q !== 'object' || Array.isArray(q) || Object.keys(q).some((k) => k !== 'ignorePage'));
		if (bad) throw new Error('pull quirk must be null or { ignorePage: boolean }');
		quirk = q?.ignorePage ? { ignorePage: true } : null;
		return quirk;
	}

	/** The path ids of `parents` (list names, in path order), checked: { ids } or { resp } (404). */
	function readParents(parents, rawIds, token, resource) {
		const ids = [];
		for (const [i, list] of parents.entries()) {
			const id = pathId(rawIds[i]);
			if (id === null) return { resp: errResp(resource, 404, PULL_TEXTS.badId(WHAT[list], rawIds[i])) };
			// A post is looked for on its page, a page among the identity's pages.
			if (ctx.strictIds && !objects(token, list, i === 0 ? null : ids[i - 1]).has(id)) {
				return { resp: errResp(resource, 404, PULL_TEXTS.noParent(WHAT[list], id)) };
			}
			ids.push(id);
		}
		return { ids };
	}

	/** The entries a request selects, before paging. */
	function selected(route, token, identity, ids, q) {
		const last = ids.length ? ids[ids.length - 1] : null;
		const entries = objects(token, route.list, route.filterBy ? null : last).entries();
		if (route.filterBy) return entries.filter((e) => String(e[route.filterBy]) === last);
		if (q.ownOnly) return entries.filter((e) => e.from && String(e.from.id) === facebookUserId(identity));
		if (q.afterId === undefined) return entries;
		// Newer than that tweet: those listed before it; a tweet not (or no longer) listed compares
		// by id, as ids grow with time.
		const at = entries.findIndex((e) => String(e.post_id) === q.afterId);
		return at >= 0 ? entries.slice(0, at) : entries.filter((e) => newerId(String(e.post_id), q.afterId));
	}

	/** Answer a matched GET once the identity is known and of the route's provider. */
	function answer(route, rawIds, token, identity, query, resource) {
		const parents = readParents(route.parents, rawIds, token, resource);
		if (parents.resp) return parents.resp;
		const q = readQuery(route, query);
		if (q.error) return errResp(resource, 400, q.error);
		let entries = selected(route, token, identity, parents.ids, q);
		if (route.size) {
			const page = quirk?.ignorePage ? 1 : q.page;
			entries = entries.slice((page - 1) * q.size, page * q.size);
		}
		return okResp(resource, `{${JSON.stringify(route.key)}:{"count":${entries.length},"entries":[${entries.map(jsonOf).join(',')}]}}`);
	}

	/** Called after every successful push with its result, so what was published is listed. */
	function recordPush(opKey, token, result, node, identity) {
		if (!RECORDS[opKey]) return;
		const videoTitle = (id) => objects(token, 'youtubeVideos').get(id)?.title;
		const [list, parent, entry] = RECORDS[opKey](result, node, { identity, date: oneAllDate(Date.now()), videoTitle });
		objects(token, list, parent).add(dropUndefined(entry));
	}

	function reset() {
		listings.clear();
		seeded.clear();
		quirk = null;
	}

	return { answer, objects, hasId, readParents, recordPush, seedPull, setQuirk, getQuirk: () => quirk, reset };
}

const text = (v) => (typeof v === 'string' ? v : undefined);
const fromOf = (x) => ({ id: facebookUserId(x.identity), name: x.identity.displayName });
/** A published post: its id, text and link, `more`, then its date. */
const postOf = (r, b, x, more) => ({ post_id: r.post_id, message: text(b.message), link: text(b.link), ...more, date_creation: x.date });

/** What a successful push leaves behind: push key → [list, parent id, the new entry]. */
const RECORDS = {
	'twitter/post.json': (r, b, x) => ['tweets', null, { post_id: r.post_id, message: b.message, date_creation: x.date }],
	'facebook/post.json': (r, b, x) => ['facebookPosts', null, postOf(r, b, x, { from: fromOf(x) })],
	'facebook/group/post.json': (r, b, x) => ['groupPosts', r.group_id, postOf(r, b, x, { from: fromOf(x) })],
	'facebook/page/post.json': (r, b, x) => ['pagePosts', r.page_id, postOf(r, b, x)],
	'facebook/page/picture.json': (r, b) => ['pagePictures', r.page_id, { picture_id: r.picture_id, description: b.description }],
	'facebook/page/video.json': (r, b) => ['pageVideos', r.page_id, { video_id: r.video_id, description: b.description }],
	'linkedin/post.json': (r, b, x) => ['linkedinPosts', null, postOf(r, b, x, { title: text(b.title) })],
	'linkedin/company/post.json': (r, b, x) => ['companyPosts', r.company_id, postOf(r, b, x, { title: text(b.title) })],
	'pinterest/board.json': (r, b, x) => {
		const url = `https://www.pinterest.com/${x.identity.preferredUsername}/${encodeURIComponent(String(b.name).toLowerCase().replace(/\s+/g, '-'))}/`;
		return ['boards', null, { board_id: r.board_id, name: b.name, description: text(b.description) ?? '', url, pin_count: 0 }];
	},
	'pinterest/board/{id}/pin.json': (r, b, x) => ['pins', null, { pin_id: r.pin_id, board_id: r.board_id, description: b.description, link: text(b.link), date_creation: x.date }],
	'youtube/video.json': (r, b, x) => [
		'youtubeVideos', null,
		{ video_id: r.video_id, title: b.title, description: text(b.description) ?? '', privacy_status: b.privacy_status || 'public', date_creation: x.date },
	],
	'youtube/playlist.json': (r, b) => ['playlists', null, { playlist_id: r.playlist_id, title: b.title, description: text(b.description) ?? '', privacy_status: b.privacy_status || 'public', item_count: 0 }],
	'youtube/playlist/{id}/video.json': (r, b, x) => ['playlistVideos', r.playlist_id, { video_id: r.video_id, title: x.videoTitle(r.video_id) ?? `Video ${r.video_id}`, position: b.position }],
	'youtube/channel/section.json': (r, b) => ['sections', null, { section_id: r.section_id, type: b.type, title: b.title }],
};

module.exports = { createPull, PULL_ROUTES, PULL_PAGE, PULL_TEXTS, SYNTH_LISTS };
