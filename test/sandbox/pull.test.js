'use strict';

/* Tests of the sandbox's Pull API (pull.js), through HTTP like a client (jest 29, CommonJS). */

const { startSandbox } = require('./server');
const { PULL_ROUTES, PULL_PAGE, PULL_TEXTS, SYNTH_LISTS } = require('./pull');
const data = require('./data');

const { named } = data;
const TW = named.twitter.identity_token;
const FB = named.facebook.identity_token;
const FB2 = named.facebook2.identity_token;
const LI = named.linkedin.identity_token;
const LI2 = named.linkedin2.identity_token;
const PI = named.pinterest.identity_token;
const YT = named.youtube.identity_token;
const YT2 = named.youtube2.identity_token;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

const pick = (token, list) => data.pull[token][list];
const obj = (token, list) => data.objects[token][list];
const PAGE = pick(FB, 'pages')[0].page_id;
const PAGE_POST = obj(FB, 'pagePosts')[PAGE][0].post_id;
const GROUP = pick(FB, 'groups')[0].group_id;
const COMPANY = pick(LI, 'companies')[0].company_id;
const BOARD = pick(PI, 'boards')[0].board_id;
const PLAYLIST = pick(YT, 'playlists')[0].playlist_id;

let sb;
beforeAll(async () => {
	sb = await startSandbox();
});
afterAll(async () => {
	await sb.close();
});
beforeEach(() => sb.reset());

async function call(method, p, { body, server = sb, auth = true } = {}) {
	const headers = auth ? { authorization: server.authHeader } : {};
	if (body !== undefined) headers['content-type'] = 'application/json';
	const res = await fetch(server.url + p, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
	const text = await res.text();
	return { status: res.status, json: JSON.parse(text) };
}
const get = (token, sub, opts) => call('GET', `/pull/identities/${token}/${sub}`, opts);
const push = (token, sub, node, opts = {}) => call('POST', `/push/identities/${token}/${sub}`, { body: { request: { push: node } }, ...opts });
const del = (token, sub) => call('DELETE', `/update/identities/${token}/${sub}`);
const info = (r) => r.json.response.request.status.info;
const data0 = (r) => r.json.response.result.data;
/** The one list of an answer, checking the answer's shape on the way. */
function listOf(r, key) {
	expect(r.status).toBe(200);
	expect(r.json.response.request.status).toEqual({ flag: 'success', code: 200, info: 'Your request has been processed successfully' });
	const d = data0(r);
	expect(Object.keys(d)).toEqual([key]);
	expect(Object.keys(d[key])).toEqual(['count', 'entries']);
	expect(d[key].count).toBe(d[key].entries.length);
	return d[key];
}
const idsOf = (entries, key) => entries.map((e) => e[key]);
const control = async (method, p, body) => {
	const res = await fetch(sb.url + p, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
	return { status: res.status, json: await res.json() };
};

describe('every read endpoint of the contract', () => {
	// [token, path, key, id field, text field, the seed it must answer]
	const ROWS = [
		[FB, 'facebook/posts.json', 'posts', 'post_id', 'message', obj(FB, 'facebookPosts')],
		[FB, 'facebook/groups.json', 'groups', 'group_id', 'name', pick(FB, 'groups')],
		[FB, `facebook/group/${GROUP}/posts.json`, 'posts', 'post_id', 'message', obj(FB, 'groupPosts')[GROUP]],
		[FB, 'facebook/pages.json', 'pages', 'page_id', 'name', pick(FB, 'pages')],
		[FB, `facebook/page/${PAGE}/posts.json`, 'posts', 'post_id', 'message', obj(FB, 'pagePosts')[PAGE]],
		[FB, `facebook/page/${PAGE}/post/${PAGE_POST}/reactions.json`, 'reactions', 'user_id', 'name', obj(FB, 'reactions')[PAGE_POST]],
		[LI, 'linkedin/user/posts.json', 'posts', 'post_id', 'message', obj(LI, 'linkedinPosts')],
		[LI, 'linkedin/companies.json', 'companies', 'company_id', 'name', pick(LI, 'companies')],
		[LI, `linkedin/company/${COMPANY}/posts.json`, 'posts', 'post_id', 'message', obj(LI, 'companyPosts')[COMPANY]],
		[PI, 'pinterest/boards.json', 'boards', 'board_id', 'name', pick(PI, 'boards')],
		[PI, 'pinterest/pins.json', 'pins', 'pin_id', 'description', obj(PI, 'pins')],
		[PI, `pinterest/board/${BOARD}/pins.json`, 'pins', 'pin_id', 'description', obj(PI, 'pins').filter((p) => p.board_id === BOARD)],
		[TW, 'twitter/tweets.json', 'tweets', 'post_id', 'message', obj(TW, 'tweets')],
		[YT, 'youtube/channels.json', 'channels', 'channel_id', 'title', obj(YT, 'channels')],
		[YT, 'youtube/playlists.json', 'playlists', 'playlist_id', 'title', pick(YT, 'playlists')],
		[YT, `youtube/playlist/${PLAYLIST}/videos.json`, 'videos', 'video_id', 'title', obj(YT, 'playlistVideos')[PLAYLIST]],
		[YT, 'youtube/videos.json', 'videos', 'video_id', 'title', obj(YT, 'youtubeVideos')],
	];

	test('the table covers every route, and every route has a row', () => {
		const norm = (p) => p.replace(/\/[^/]*\d[^/]*\//g, '/{}/').replace(/\{\w+\}/g, '{}');
		expect(ROWS.map((r) => norm(r[1])).sort()).toEqual(PULL_ROUTES.map((r) => norm(r.path)).sort());
		expect(PULL_ROUTES).toHaveLength(17);
	});

	test.each(ROWS)('%s %s → data.%s {count, entries}: the seed, newest first', async (token, sub, key, idKey, textKey, seed) => {
		const list = listOf(await get(token, sub), key);
		expect(seed.length).toBeGreaterThanOrEqual(1);
		expect(list.entries).toEqual(seed.slice(0, PULL_PAGE.default));
		for (const e of list.entries) {
			expect(typeof e[idKey]).toBe('string');
			expect(typeof e[textKey]).toBe('string');
			expect(e[textKey]).not.toBe('');
		}
		if (key === 'reactions') for (const e of list.entries) expect(['LIKE', 'LOVE', 'HAHA', 'WOW', 'SAD', 'ANGRY', 'CARE']).toContain(e.type);
		const dated = list.entries.filter((e) => e.date_creation).map((e) => Date.parse(e.date_creation));
		expect(dated).toEqual(dated.slice().sort((a, b) => b - a));
	});

	test('object lists of every identity of a push provider have 3 to 7 entries, generated ones included', async () => {
		const gen = data.identities.filter((i) => !Object.values(named).includes(i));
		const twitter = gen.find((i) => i.provider === 'twitter').identity_token;
		const youtube = gen.find((i) => i.provider === 'youtube').identity_token;
		const linkedin = gen.find((i) => i.provider === 'linkedin').identity_token;
		for (const [token, sub, key] of [[twitter, 'twitter/tweets.json', 'tweets'], [youtube, 'youtube/videos.json', 'videos'], [youtube, 'youtube/channels.json', 'channels'], [linkedin, 'linkedin/user/posts.json', 'posts'], [TW, 'twitter/tweets.json', 'tweets']]) {
			const { count } = listOf(await get(token, sub), key);
			expect(count).toBeGreaterThanOrEqual(3);
			expect(count).toBeLessThanOrEqual(7);
		}
		// The same seed, the same entries: generated from the identity token.
		const again = await startSandbox();
		try {
			expect(data0(await get(twitter, 'twitter/tweets.json', { server: again }))).toEqual(data0(await get(twitter, 'twitter/tweets.json')));
		} finally {
			await again.close();
		}
	});

	test('every pull request is recorded: method, path, query as parsed, identity, times', async () => {
		await get(TW.toUpperCase(), 'twitter/tweets.json?num_tweets=2&page=1');
		const [rec] = sb.requests;
		expect(rec).toMatchObject({ method: 'GET', pathname: `/pull/identities/${TW.toUpperCase()}/twitter/tweets.json`, query: { num_tweets: '2', page: '1' }, identity: TW, status: 200 });
		expect(rec.endedAt).toBeGreaterThanOrEqual(rec.arrivedAt);
	});
});

describe('paging', () => {
	const tweets = (q) => get(TW, `twitter/tweets.json${q}`);
	beforeEach(() => sb.seedPull(TW, 'tweets', 60));

	test('default page size 25: page 1, 2, the last partial page, then empty past the end', async () => {
		const p1 = listOf(await tweets(''), 'tweets');
		const p2 = listOf(await tweets('?page=2'), 'tweets');
		const p3 = listOf(await tweets('?page=3'), 'tweets');
		const p4 = listOf(await tweets('?page=4'), 'tweets');
		expect([p1.count, p2.count, p3.count]).toEqual([25, 25, 10]);
		expect(p4).toEqual({ count: 0, entries: [] });
		const all = [...p1.entries, ...p2.entries, ...p3.entries].map((e) => e.post_id);
		expect(new Set(all).size).toBe(60);
		// Newest first: ids grow with time, so they fall page after page.
		expect(all).toEqual(all.slice().sort((a, b) => Number(b) - Number(a)));
		expect(listOf(await tweets('?page=1'), 'tweets')).toEqual(p1);
	});

	test('the page size: 1 and the maximum 100 accepted, 101 / 0 / 500 / 2.5 / x refused naming the parameter', async () => {
		expect(listOf(await tweets('?num_tweets=1&page=7'), 'tweets').entries[0].post_id).toBe(listOf(await tweets('?page=1'), 'tweets').entries[6].post_id);
		expect(PULL_PAGE).toMatchObject({ default: 25, max: 100 });
		expect(listOf(await tweets(`?num_tweets=${PULL_PAGE.max}`), 'tweets').count).toBe(60);
		for (const bad of ['101', '0', '500', '2.5', 'x', '', '-1']) {
			const r = await tweets(`?num_tweets=${bad}`);
			expect(r.status).toBe(400);
			expect(r.json.response.request.status).toEqual({ flag: 'error', code: 400, info: PULL_TEXTS.badSize('num_tweets', bad) });
		}
		expect(info(await tweets('?num_tweets=101'))).toBe('The value [101] of the parameter [num_tweets] is not valid: use a number from 1 to 100.');
		expect(info(await get(FB, `facebook/page/${PAGE}/posts.json?num_posts=500`))).toBe('The value [500] of the parameter [num_posts] is not valid: use a number from 1 to 100.');
		expect(info(await get(FB, 'facebook/pages.json?num_pages=101'))).toBe(PULL_TEXTS.badSize('num_pages', '101'));
	});

	test('the page: 0, -1, 1.5, x refused; a huge page is past the end', async () => {
		for (const bad of ['0', '-1', '1.5', 'x']) {
			const r = await tweets(`?page=${bad}`);
			expect(r.status).toBe(400);
			expect(info(r)).toBe(PULL_TEXTS.badPage(bad));
		}
		expect(info(await tweets('?page=0'))).toBe('The value [0] of the parameter [page] is not valid: use a number from 1 up.');
		expect(listOf(await tweets('?page=99999999'), 'tweets')).toEqual({ count: 0, entries: [] });
	});

	test('every paged endpoint takes page and its own size parameter', async () => {
		const paged = PULL_ROUTES.filter((r) => r.size);
		expect(paged.map((r) => [r.path, r.size])).toEqual([
			['facebook/posts.json', 'num_posts'],
			['facebook/group/{group}/posts.json', 'num_posts'],
			['facebook/pages.json', 'num_pages'],
			['facebook/page/{page}/posts.json', 'num_posts'],
			['linkedin/user/posts.json', 'num_posts'],
			['linkedin/company/{company}/posts.json', 'num_posts'],
			['twitter/tweets.json', 'num_tweets'],
		]);
		const r = listOf(await get(FB, `facebook/group/${GROUP}/posts.json?num_posts=2&page=2`), 'posts');
		expect(r.entries).toEqual(obj(FB, 'groupPosts')[GROUP].slice(2, 4));
		const c = listOf(await get(LI, `linkedin/company/${COMPANY}/posts.json?page=1&num_posts=3`), 'posts');
		expect(c.entries).toEqual(obj(LI, 'companyPosts')[COMPANY].slice(0, 3));
	});

	test('an endpoint without paging answers everything at once', async () => {
		sb.seedPull(PI, 'pins', 150);
		expect(listOf(await get(PI, 'pinterest/pins.json'), 'pins').count).toBe(150);
	});
});

describe('strict parameters', () => {
	test.each([
		[FB, 'facebook/groups.json?num_posts=5', 'num_posts', []],
		[PI, 'pinterest/boards.json?page=1', 'page', []],
		[YT, 'youtube/videos.json?page=2', 'page', []],
		[TW, 'twitter/tweets.json?num_posts=5', 'num_posts', ['page', 'num_tweets', 'after_tweet_id']],
		[TW, 'twitter/tweets.json?only_tweet_id=1', 'only_tweet_id', ['page', 'num_tweets', 'after_tweet_id']],
		[FB, `facebook/page/${PAGE}/posts.json?limit_own_posts=1`, 'limit_own_posts', ['page', 'num_posts']],
		[FB, 'facebook/pages.json?entries_per_page=5', 'entries_per_page', ['page', 'num_pages']],
	])('%s %s → 400 naming [%s]', async (token, sub, param, accepts) => {
		const r = await get(token, sub);
		expect(r.status).toBe(400);
		expect(info(r)).toBe(PULL_TEXTS.unknownParam(param, accepts));
	});
	test('the texts name what is accepted', async () => {
		expect(info(await get(FB, 'facebook/groups.json?num_posts=5'))).toBe('The parameter [num_posts] is not valid for this resource: it accepts no parameters.');
		expect(info(await get(TW, 'twitter/tweets.json?x=1'))).toBe('The parameter [x] is not valid for this resource: it accepts [page], [num_tweets], [after_tweet_id].');
	});
	test('a parameter given twice → 400', async () => {
		const r = await get(TW, 'twitter/tweets.json?page=1&page=2');
		expect(r.status).toBe(400);
		expect(info(r)).toBe(PULL_TEXTS.repeatedParam('page'));
	});
	test('bad values of limit_own_posts and after_tweet_id → 400', async () => {
		expect(info(await get(FB, 'facebook/posts.json?limit_own_posts=yes'))).toBe(PULL_TEXTS.badFlag('limit_own_posts', 'yes'));
		expect(info(await get(TW, 'twitter/tweets.json?after_tweet_id=abc'))).toBe(PULL_TEXTS.badTweetId('abc'));
		expect((await get(TW, 'twitter/tweets.json?after_tweet_id=')).status).toBe(400);
	});
});

describe('identities and parent ids', () => {
	test('unknown identity → 404, not a token → 404, another provider → 403, no auth → 401', async () => {
		const u = await get(UNKNOWN, 'twitter/tweets.json');
		expect(u.status).toBe(404);
		expect(info(u)).toBe(`The identity with the identity_token [${UNKNOWN}] could not be found.`);
		expect((await get('nope', 'twitter/tweets.json')).status).toBe(404);
		const w = await get(FB, 'twitter/tweets.json');
		expect(w.status).toBe(403);
		expect(info(w)).toBe(`The identity with the identity_token [${FB}] belongs to the provider [facebook] and cannot be used with the [twitter] API.`);
		expect((await get(named.google.identity_token, 'youtube/channels.json')).status).toBe(403);
		expect((await get(TW, 'twitter/tweets.json', { auth: false })).status).toBe(401);
	});

	test('a route not in the table → 404; a method other than GET → 405', async () => {
		for (const sub of ['facebook/likes.json', 'linkedin/posts.json', 'twitter/tweets', 'facebook/page//posts.json', `facebook/page/${PAGE}/post/${PAGE_POST}/comments.json`]) {
			const r = await get(FB, sub);
			expect(r.status).toBe(404);
			expect(info(r)).toBe(PULL_TEXTS.notFound);
		}
		const r = await call('POST', `/pull/identities/${TW}/twitter/tweets.json`, { body: {} });
		expect(r.status).toBe(405);
	});

	const other = {
		page: pick(FB2, 'pages')[0].page_id,
		company: pick(LI2, 'companies')[0].company_id,
		playlist: pick(YT2, 'playlists')[0].playlist_id,
		board: pick(data.identities.filter((i) => i.provider === 'pinterest')[1].identity_token, 'boards')[0].board_id,
		group: pick(data.identities.filter((i) => i.provider === 'facebook')[3].identity_token, 'groups')[0].group_id,
	};
	test.each([
		[FB, `facebook/page/${other.page}/posts.json`, 'page', other.page],
		[FB, `facebook/group/${other.group}/posts.json`, 'group', other.group],
		[LI, `linkedin/company/${other.company}/posts.json`, 'company', other.company],
		[PI, `pinterest/board/${other.board}/pins.json`, 'board', other.board],
		[YT, `youtube/playlist/${other.playlist}/videos.json`, 'playlist', other.playlist],
		[FB, `facebook/page/${other.page}/post/${PAGE_POST}/reactions.json`, 'page', other.page],
		[FB, `facebook/page/${PAGE}/post/${obj(FB2, 'pagePosts')[other.page][0].post_id}/reactions.json`, 'post', obj(FB2, 'pagePosts')[other.page][0].post_id],
		[FB, `facebook/page/${pick(FB, 'pages')[1].page_id}/post/${PAGE_POST}/reactions.json`, 'post', PAGE_POST],
		[FB, 'facebook/page/1/posts.json', 'page', '1'],
		[YT, 'youtube/playlist/PLnope/videos.json', 'playlist', 'PLnope'],
	])('another identity\'s or an unknown parent: %s %s → 404', async (token, sub, what, id) => {
		const r = await get(token, sub);
		expect(r.status).toBe(404);
		expect(info(r)).toBe(PULL_TEXTS.noParent(what, id));
	});
	test('a parent id that is not an id → 404 "not valid", never another route', async () => {
		const r = await get(FB, 'facebook/page/..%2F..%2Fx/posts.json');
		expect(r.status).toBe(404);
		expect(info(r)).toBe(PULL_TEXTS.badId('page', '..%2F..%2Fx'));
		expect(info(await get(YT, 'youtube/playlist/a%20b/videos.json'))).toBe(PULL_TEXTS.badId('playlist', 'a%20b'));
	});
	test('the parent is checked before the parameters (404 before 400)', async () => {
		expect((await get(FB, 'facebook/page/1/posts.json?num_posts=0')).status).toBe(404);
	});
});

describe('limit_own_posts and after_tweet_id', () => {
	test('limit_own_posts=1 leaves out the posts of others; 0 and no parameter keep them', async () => {
		const ownId = data.facebookUserId(named.facebook);
		const all = listOf(await get(FB, 'facebook/posts.json'), 'posts').entries;
		expect(all.some((p) => p.from.id !== ownId)).toBe(true);
		const own = listOf(await get(FB, 'facebook/posts.json?limit_own_posts=1'), 'posts').entries;
		expect(own).toEqual(all.filter((p) => p.from.id === ownId));
		expect(own.length).toBeGreaterThan(0);
		expect(listOf(await get(FB, 'facebook/posts.json?limit_own_posts=0'), 'posts').entries).toEqual(all);
		// Paging applies to what is left.
		expect(listOf(await get(FB, 'facebook/posts.json?limit_own_posts=1&num_posts=1&page=2'), 'posts').entries).toEqual(own.slice(1, 2));
	});

	test('after_tweet_id: only the tweets published after that one', async () => {
		const all = obj(TW, 'tweets');
		const oldest = all[all.length - 1].post_id;
		expect(listOf(await get(TW, `twitter/tweets.json?after_tweet_id=${oldest}`), 'tweets').entries).toEqual(all.slice(0, -1));
		expect(listOf(await get(TW, `twitter/tweets.json?after_tweet_id=${all[1].post_id}`), 'tweets').entries).toEqual(all.slice(0, 1));
		expect(listOf(await get(TW, `twitter/tweets.json?after_tweet_id=${all[0].post_id}`), 'tweets')).toEqual({ count: 0, entries: [] });
		// A tweet published now is newer than every seed tweet.
		const d = data0(await push(TW, 'twitter/post.json', { post: { message: 'fresh' } }));
		expect(idsOf(listOf(await get(TW, `twitter/tweets.json?after_tweet_id=${all[0].post_id}`), 'tweets').entries, 'post_id')).toEqual([d.post_id]);
		// An id not (or no longer) listed compares as a number: ids grow with time.
		expect(idsOf(listOf(await get(TW, 'twitter/tweets.json?after_tweet_id=1'), 'tweets').entries, 'post_id')).toEqual([d.post_id, ...idsOf(all, 'post_id')]);
		expect(listOf(await get(TW, 'twitter/tweets.json?after_tweet_id=99999999999999999999'), 'tweets').count).toBe(0);
		expect(listOf(await get(TW, `twitter/tweets.json?after_tweet_id=${oldest}&num_tweets=1&page=2`), 'tweets').entries).toEqual([all[0]]);
	});
});

describe('what the run publishes is listed first; what it deletes is gone', () => {
	const png = 'https://x.example/a.png';
	test.each([
		[FB, 'facebook/post.json', { post: { message: 'mine' } }, 'facebook/posts.json', 'posts', 'post_id', 'post_id'],
		[FB, 'facebook/group/post.json', { group: { id: GROUP, message: 'to the group' } }, `facebook/group/${GROUP}/posts.json`, 'posts', 'post_id', 'post_id'],
		[FB, 'facebook/page/post.json', { page: { id: PAGE, message: 'to the page' } }, `facebook/page/${PAGE}/posts.json`, 'posts', 'post_id', 'post_id'],
		[LI, 'linkedin/post.json', { post: { message: 'hello network' } }, 'linkedin/user/posts.json', 'posts', 'post_id', 'post_id'],
		[LI, 'linkedin/company/post.json', { post: { company: COMPANY, message: 'company news' } }, `linkedin/company/${COMPANY}/posts.json`, 'posts', 'post_id', 'post_id'],
		[PI, 'pinterest/board.json', { board: { name: 'Brand New' } }, 'pinterest/boards.json', 'boards', 'board_id', 'board_id'],
		[PI, `pinterest/board/${BOARD}/pin.json`, { pin: { picture: png, description: 'a pin' } }, 'pinterest/pins.json', 'pins', 'pin_id', 'pin_id'],
		[PI, `pinterest/board/${BOARD}/pin.json`, { pin: { picture: png, description: 'a pin' } }, `pinterest/board/${BOARD}/pins.json`, 'pins', 'pin_id', 'pin_id'],
		[TW, 'twitter/post.json', { post: { message: 'a tweet' } }, 'twitter/tweets.json', 'tweets', 'post_id', 'post_id'],
		[YT, 'youtube/playlist.json', { playlist: { title: 'New list' } }, 'youtube/playlists.json', 'playlists', 'playlist_id', 'playlist_id'],
		[YT, 'youtube/video.json', { video: { video_url: 'https://x.example/v.mp4', title: 'Upload' } }, 'youtube/videos.json', 'videos', 'video_id', 'video_id'],
		[YT, `youtube/playlist/${PLAYLIST}/video.json`, { video: { id: obj(YT, 'youtubeVideos')[0].video_id } }, `youtube/playlist/${PLAYLIST}/videos.json`, 'videos', 'video_id', 'video_id'],
	])('%s %s → first in %s', async (token, sub, node, listPath, key, idKey, resultKey) => {
		const before = listOf(await get(token, listPath), key);
		const p1 = await push(token, sub, node);
		expect(p1.status).toBe(200);
		const p2 = await push(token, sub, node);
		const [first, second] = [data0(p2)[resultKey], data0(p1)[resultKey]];
		const after = listOf(await get(token, listPath), key);
		const expectedFirst = first === second ? [first] : [first, second];
		expect(idsOf(after.entries, idKey).slice(0, expectedFirst.length)).toEqual(expectedFirst);
		expect(after.entries.slice(expectedFirst.length)).toEqual(before.entries.slice(0, after.count - expectedFirst.length));
		const text = after.entries[0].message ?? after.entries[0].name ?? after.entries[0].title ?? after.entries[0].description;
		expect(typeof text).toBe('string');
		sb.reset();
		expect(listOf(await get(token, listPath), key)).toEqual(before);
	});

	test('a published Facebook post is the identity\'s own (limit_own_posts keeps it)', async () => {
		const d = data0(await push(FB, 'facebook/post.json', { post: { message: 'mine', link: 'https://x.example/' } }));
		const own = listOf(await get(FB, 'facebook/posts.json?limit_own_posts=1'), 'posts').entries;
		expect(own[0]).toEqual({ post_id: d.post_id, message: 'mine', link: 'https://x.example/', from: { id: data.facebookUserId(named.facebook), name: named.facebook.displayName }, date_creation: expect.any(String) });
	});

	test('a video added to a playlist is listed with the title of the identity\'s video', async () => {
		const video = obj(YT, 'youtubeVideos')[1];
		await push(YT, `youtube/playlist/${PLAYLIST}/video.json`, { video: { id: video.video_id, position: 0 } });
		expect(listOf(await get(YT, `youtube/playlist/${PLAYLIST}/videos.json`), 'videos').entries[0]).toEqual({ video_id: video.video_id, title: video.title, position: 0 });
	});

	test.each([
		[TW, 'twitter/post.json', { post: { message: 'gone soon' } }, 'twitter/tweets.json', 'tweets', (d) => `twitter/post/${d.post_id}.json`],
		[FB, 'facebook/page/post.json', { page: { id: PAGE, message: 'gone soon' } }, `facebook/page/${PAGE}/posts.json`, 'posts', (d) => `facebook/page/${PAGE}/post/${d.post_id}.json`],
		[PI, `pinterest/board/${BOARD}/pin.json`, { pin: { picture: png, description: 'gone soon' } }, `pinterest/board/${BOARD}/pins.json`, 'pins', (d) => `pinterest/pin/${d.pin_id}.json`],
		[YT, 'youtube/playlist.json', { playlist: { title: 'gone soon' } }, 'youtube/playlists.json', 'playlists', (d) => `youtube/playlist/${d.playlist_id}.json`],
	])('%s: a delete through the Update API removes it from %s', async (token, sub, node, listPath, key, path) => {
		const before = listOf(await get(token, listPath), key);
		const d = data0(await push(token, sub, node));
		expect(listOf(await get(token, listPath), key).count).toBe(before.count + 1);
		expect((await del(token, path(d))).status).toBe(200);
		expect(listOf(await get(token, listPath), key)).toEqual(before);
	});

	test('a deleted seed entry is gone; its reactions and videos with it', async () => {
		expect((await del(FB, `facebook/page/${PAGE}/post/${PAGE_POST}.json`)).status).toBe(200);
		expect(idsOf(listOf(await get(FB, `facebook/page/${PAGE}/posts.json`), 'posts').entries, 'post_id')).not.toContain(PAGE_POST);
		const r = await get(FB, `facebook/page/${PAGE}/post/${PAGE_POST}/reactions.json`);
		expect(r.status).toBe(404);
		expect(info(r)).toBe(PULL_TEXTS.noParent('post', PAGE_POST));
		expect((await del(YT, `youtube/playlist/${PLAYLIST}.json`)).status).toBe(200);
		expect((await get(YT, `youtube/playlist/${PLAYLIST}/videos.json`)).status).toBe(404);
		sb.reset();
		expect((await get(FB, `facebook/page/${PAGE}/post/${PAGE_POST}/reactions.json`)).status).toBe(200);
	});

	test('an edit shows in the list; a pin moved to another board is listed under it', async () => {
		const pin = obj(PI, 'pins').find((p) => p.board_id === BOARD);
		const target = pick(PI, 'boards')[2];
		const r = await call('PUT', `/update/identities/${PI}/pinterest/pin/${pin.pin_id}.json`, { body: { request: { update: { pin: { board: target.name, description: 'moved' } } } } });
		expect(r.status).toBe(200);
		expect(idsOf(listOf(await get(PI, `pinterest/board/${BOARD}/pins.json`), 'pins').entries, 'pin_id')).not.toContain(pin.pin_id);
		const moved = listOf(await get(PI, `pinterest/board/${target.board_id}/pins.json`), 'pins').entries.find((p) => p.pin_id === pin.pin_id);
		expect(moved).toMatchObject({ board_id: target.board_id, description: 'moved' });
		await call('PUT', `/update/identities/${YT}/youtube/playlist/${PLAYLIST}.json`, { body: { request: { update: { playlist: { title: 'Renamed' } } } } });
		expect(listOf(await get(YT, 'youtube/playlists.json'), 'playlists').entries[0]).toMatchObject({ playlist_id: PLAYLIST, title: 'Renamed' });
	});
});

describe('a big list for a benchmark', () => {
	test('pullSizes: 10,000 tweets, paged by 100, a page answered in well under a millisecond', async () => {
		const big = await startSandbox({ pullSizes: { [TW]: { tweets: 10000 } } });
		try {
			const page = (n) => get(TW, `twitter/tweets.json?num_tweets=100&page=${n}`, { server: big });
			const p1 = listOf(await page(1), 'tweets');
			expect(p1.count).toBe(100);
			expect(p1.entries[0]).toEqual({ post_id: '100000000010000', message: 'tweets #10000 of 10000', date_creation: expect.stringMatching(/ \+0000$/) });
			expect(listOf(await page(100), 'tweets').entries.at(-1).post_id).toBe('100000000000001');
			expect(listOf(await page(101), 'tweets').count).toBe(0);
			// The sandbox's own time for one page (request parsed → answer written), over fresh pages.
			for (let n = 2; n <= 41; n++) await page(n);
			const times = big.requests.slice(-40).map((r) => r.durationMs).sort((a, b) => a - b);
			expect(times[20]).toBeLessThan(1);
			// A publish is still newer than all 10,000; reset() keeps the option's size.
			const d = data0(await push(TW, 'twitter/post.json', { post: { message: 'x' } }, { server: big }));
			expect(listOf(await page(1), 'tweets').entries[0].post_id).toBe(d.post_id);
			expect(listOf(await page(101), 'tweets').entries).toEqual([expect.objectContaining({ post_id: '100000000000001' })]);
			big.reset();
			expect(listOf(await page(1), 'tweets').entries[0].post_id).toBe('100000000010000');
		} finally {
			await big.close();
		}
	});

	test('sb.seedPull and POST /__sandbox/seed give one identity N entries; reset() clears them', async () => {
		expect(sb.seedPull(TW, 'tweets', 10000)).toEqual({ identity: TW, list: 'tweets', parent: null, count: 10000 });
		expect(listOf(await get(TW, 'twitter/tweets.json?num_tweets=100&page=100'), 'tweets').count).toBe(100);
		const d = data0(await push(TW, 'twitter/post.json', { post: { message: 'newest' } }));
		expect(listOf(await get(TW, 'twitter/tweets.json?num_tweets=1'), 'tweets').entries[0].post_id).toBe(d.post_id);
		sb.reset();
		expect(listOf(await get(TW, 'twitter/tweets.json'), 'tweets').entries).toEqual(obj(TW, 'tweets'));

		const c = await control('POST', '/__sandbox/seed', { identity: FB.toUpperCase(), list: 'pagePosts', parent: PAGE, count: 250 });
		expect(c).toEqual({ status: 200, json: { ok: true, seeded: { identity: FB, list: 'pagePosts', parent: PAGE, count: 250 } } });
		expect(listOf(await get(FB, `facebook/page/${PAGE}/posts.json?num_posts=100&page=3`), 'posts').count).toBe(50);
		expect((await control('POST', '/__sandbox/seed', { identity: FB, list: 'nope', count: 1 })).status).toBe(400);
		expect((await control('POST', '/__sandbox/seed', { identity: UNKNOWN, list: 'tweets', count: 1 })).status).toBe(400);
		expect(() => sb.seedPull(TW, 'tweets', -1)).toThrow(/count/);
		expect(SYNTH_LISTS).toEqual(expect.arrayContaining(['tweets', 'facebookPosts', 'pagePosts', 'pins', 'youtubeVideos']));
	});

	test('seeded Facebook posts are the identity\'s own; seeded pins sit on its first board', async () => {
		sb.seedPull(FB, 'facebookPosts', 30);
		expect(listOf(await get(FB, 'facebook/posts.json?limit_own_posts=1&num_posts=100'), 'posts').count).toBe(30);
		sb.seedPull(PI, 'pins', 30);
		expect(listOf(await get(PI, `pinterest/board/${BOARD}/pins.json`), 'pins').count).toBe(30);
		const board2 = pick(PI, 'boards')[1].board_id;
		sb.seedPull(PI, 'pins', 12, board2);
		expect(listOf(await get(PI, `pinterest/board/${board2}/pins.json`), 'pins').count).toBe(12);
		expect(listOf(await get(PI, 'pinterest/pins.json'), 'pins').count).toBe(12);
		expect(() => sb.seedPull(FB, 'pagePosts', 3)).toThrow(/needs a parent id/);
		expect(() => sb.seedPull(TW, 'tweets', 3, '1')).toThrow(/takes no parent id/);
	});
});

describe('the ignorePage quirk', () => {
	test('every page answers page 1\'s entries until cleared; reset() clears it', async () => {
		sb.seedPull(TW, 'tweets', 30);
		const page = async (n) => listOf(await get(TW, `twitter/tweets.json?num_tweets=10&page=${n}`), 'tweets');
		const p1 = await page(1);
		expect(sb.setPullQuirk({ ignorePage: true })).toEqual({ ignorePage: true });
		expect(await page(2)).toEqual(p1);
		expect(await page(9)).toEqual(p1);
		// Still strict about its parameters.
		expect((await get(TW, 'twitter/tweets.json?page=0')).status).toBe(400);
		sb.setPullQuirk(null);
		expect((await page(2)).entries[0]).not.toEqual(p1.entries[0]);
		sb.setPullQuirk({ ignorePage: true });
		sb.reset();
		expect(sb.getPullQuirk()).toBeNull();
		expect(() => sb.setPullQuirk({ repeat: 1 })).toThrow(/quirk/);
	});

	test('through the control API', async () => {
		sb.seedPull(TW, 'tweets', 30);
		expect(await control('POST', '/__sandbox/pull-quirk', { ignorePage: true })).toEqual({ status: 200, json: { ok: true, quirk: { ignorePage: true } } });
		expect(await control('GET', '/__sandbox/pull-quirk')).toEqual({ status: 200, json: { quirk: { ignorePage: true } } });
		const p3 = listOf(await get(TW, 'twitter/tweets.json?num_tweets=10&page=3'), 'tweets');
		expect(p3.entries[0].post_id).toBe('100000000000030');
		expect((await control('POST', '/__sandbox/pull-quirk', null)).json).toEqual({ ok: true, quirk: null });
		expect((await control('POST', '/__sandbox/pull-quirk', { ignorePage: 'x', other: 1 })).status).toBe(400);
	});
});
