// The 16 read operations (OneAll's Pull API), run through n8n-core's real WorkflowExecute against
// the sandbox. The table of requests is written by hand from the node contract's "Read operations
// (Pull API)" section (NOT derived from the node's spec files); what the node must output is what
// the sandbox recorded it answered.
const { runOneAll } = require('../helpers/runWorkflow');
const data = require('../sandbox/data');
const { ids, rl, basicOf, PUBLIC_KEY, PRIVATE_KEY, secretsOf, findSecrets, useSandbox } = require('../helpers/kit');
const { maxOpen } = require('../e2e/matrix/expect');

const PAGE_POST = String(data.objects[ids.facebook].pagePosts[ids.page][0].post_id);
// Enough tweets for three full pages of 100 and a short one.
const TWEETS = 340;
const { sb, credentials } = useSandbox({ pullSizes: { [ids.twitter]: { tweets: TWEETS } } });

const run = (parameters, options = {}) => runOneAll({ parameters, credentials, ...options });

// Each row: resource, operation, identity, path after /pull/identities/{t}/, the query of the first
// request with the default limit of 50 ('' when the list is read in one request), the answer's list
// key, and the parameters that give it.
const READS = [
	['facebook', 'getManyPosts', ids.facebook, 'facebook/posts.json', '?page=1&num_posts=50', 'posts', {}],
	['facebookGroup', 'getManyGroups', ids.facebook, 'facebook/groups.json', '', 'groups', {}],
	['facebookGroup', 'getManyPosts', ids.facebook, `facebook/group/${ids.group}/posts.json`, '?page=1&num_posts=50', 'posts', { groupId: rl(ids.group, 'list') }],
	['facebookPage', 'getManyPages', ids.facebook, 'facebook/pages.json', '?page=1&num_pages=50', 'pages', {}],
	['facebookPage', 'getManyPosts', ids.facebook, `facebook/page/${ids.page}/posts.json`, '?page=1&num_posts=50', 'posts', { pageId: rl(ids.page) }],
	['facebookPage', 'getManyReactions', ids.facebook, `facebook/page/${ids.page}/post/${PAGE_POST}/reactions.json`, '', 'reactions', { pageId: rl(ids.page), postId: rl(PAGE_POST) }],
	['linkedIn', 'getManyPosts', ids.linkedin, 'linkedin/user/posts.json', '?page=1&num_posts=50', 'posts', {}],
	['linkedInCompany', 'getManyCompanies', ids.linkedin, 'linkedin/companies.json', '', 'companies', {}],
	['linkedInCompany', 'getManyPosts', ids.linkedin, `linkedin/company/${ids.company}/posts.json`, '?page=1&num_posts=50', 'posts', { companyId: rl(ids.company) }],
	['pinterest', 'getManyBoards', ids.pinterest, 'pinterest/boards.json', '', 'boards', {}],
	['pinterest', 'getManyPins', ids.pinterest, 'pinterest/pins.json', '', 'pins', {}],
	['pinterest', 'getManyPins', ids.pinterest, `pinterest/board/${ids.board}/pins.json`, '', 'pins', { filters: { boardId: rl(ids.board, 'list') } }],
	['twitter', 'getManyTweets', ids.twitter, 'twitter/tweets.json', '?page=1&num_tweets=50', 'tweets', {}],
	['youtube', 'getManyChannels', ids.youtube, 'youtube/channels.json', '', 'channels', {}],
	['youtube', 'getManyPlaylists', ids.youtube, 'youtube/playlists.json', '', 'playlists', {}],
	['youtube', 'getManyPlaylistVideos', ids.youtube, `youtube/playlist/${ids.playlist}/videos.json`, '', 'videos', { playlistId: rl(ids.playlist) }],
	['youtube', 'getManyVideos', ids.youtube, 'youtube/videos.json', '', 'videos', {}],
];

const read = ([resource, operation, token, , , , parameters], extra = {}) => ({ resource, operation, identityToken: rl(token), ...parameters, ...extra });
const urls = () => sb.requests.map((r) => `${r.method} ${r.url}`);
/** Every entry the sandbox answered, in the order it answered them. */
const served = (key, requests = sb.requests) => requests.flatMap((r) => r.result?.[key]?.entries ?? []);
const jsonOf = (items) => items.map((item) => item.json);

describe.each(READS.map((row) => [`${row[0]} ${row[1]} ${row[3]}`, row]))('%s', (_name, row) => {
	const [, , token, sub, query, key] = row;

	test('the default limit of 50: one GET with no body, the credential, one item per entry paired with its input', async () => {
		const result = await run(read(row));
		expect(result.error).toBeUndefined();
		expect(urls()).toEqual([`GET /pull/identities/${token}/${sub}${query}`]);
		const [request] = sb.requests;
		expect([request.body, request.status, request.headers['content-type'], request.headers.authorization]).toEqual(['', 200, undefined, basicOf(PUBLIC_KEY, PRIVATE_KEY)]);
		const entries = served(key).slice(0, 50);
		expect(entries.length).toBeGreaterThan(1);
		expect(result.output[0]).toStrictEqual(entries.map((json) => ({ json, pairedItem: { item: 0 } })));
		expect(findSecrets(result)).toEqual([]);
	});

	test('a limit of 1 asks a paged list for one entry and cuts an unpaged one', async () => {
		const result = await run(read(row, { limit: 1 }));
		expect(urls()).toEqual([`GET /pull/identities/${token}/${sub}${query.replace('=50', '=1')}`]);
		expect(jsonOf(result.output[0])).toStrictEqual(served(key).slice(0, 1));
	});

	test('one listing per input item, each paired with its own item', async () => {
		const result = await run(read(row, { limit: 2 }), { items: [{ a: 1 }, { a: 2 }] });
		expect(sb.requests).toHaveLength(2);
		const [first, second] = sb.requests.map((r) => served(key, [r]).slice(0, 2));
		expect(result.output[0]).toStrictEqual([
			...first.map((json) => ({ json, pairedItem: { item: 0 } })),
			...second.map((json) => ({ json, pairedItem: { item: 1 } })),
		]);
	});
});

describe('paging', () => {
	const tweets = (extra) => ({ resource: 'twitter', operation: 'getManyTweets', identityToken: rl(ids.twitter), ...extra });
	const pageUrl = (page, size) => `GET /pull/identities/${ids.twitter}/twitter/tweets.json?page=${page}&num_tweets=${size}`;

	test('Return All reads pages of 100 until a short page; every entry once, in order', async () => {
		const result = await run(tweets({ returnAll: true }));
		expect(urls()).toEqual([1, 2, 3, 4].map((page) => pageUrl(page, 100)));
		expect(result.output[0]).toHaveLength(TWEETS);
		expect(jsonOf(result.output[0])).toStrictEqual(served('tweets'));
		expect(new Set(jsonOf(result.output[0]).map((t) => t.post_id)).size).toBe(TWEETS);
	});

	test('a limit above the page size reads the pages it needs and cuts the last', async () => {
		const result = await run(tweets({ limit: 150 }));
		expect(urls()).toEqual([pageUrl(1, 100), pageUrl(2, 100)]);
		expect(jsonOf(result.output[0])).toStrictEqual(served('tweets').slice(0, 150));
	});

	test('a list that ends on a full page ends at the empty page after it', async () => {
		sb.seedPull(ids.twitter, 'tweets', 200);
		const result = await run(tweets({ returnAll: true }));
		expect(urls()).toEqual([pageUrl(1, 100), pageUrl(2, 100), pageUrl(3, 100)]);
		expect(sb.requests.map((r) => r.result.tweets.entries.length)).toEqual([100, 100, 0]);
		expect(jsonOf(result.output[0])).toStrictEqual(served('tweets'));
		expect(result.output[0]).toHaveLength(200);
	});

	test('a server that repeats its pages: the listing stops with an error, nothing read for ever', async () => {
		sb.setPullQuirk({ ignorePage: true });
		const result = await run(tweets({ returnAll: true }));
		expect(urls()).toEqual([pageUrl(1, 100), pageUrl(2, 100)]);
		expect(result.error.message).toBe('OneAll answered page 2 with the same entries as page 1, so the listing stopped [item 0]');
		expect(result.error.description).toBe('This list may not be paged by OneAll: turn Return All off and set a Limit of at most 100.');
		sb.reset();
		sb.setPullQuirk({ ignorePage: true });
		const continued = await run(tweets({ returnAll: true }), { onError: 'continueRegularOutput' });
		expect(continued.output[0].map(({ json, pairedItem }) => ({ json, pairedItem }))).toStrictEqual([
			{ json: { error: 'OneAll answered page 2 with the same entries as page 1, so the listing stopped [item 0]' }, pairedItem: { item: 0 } },
		]);
	});
});

describe('options and filters', () => {
	test('Own Posts Only sends limit_own_posts=1; off, nothing', async () => {
		await run({ resource: 'facebook', operation: 'getManyPosts', identityToken: rl(ids.facebook), options: { ownPostsOnly: true } });
		await run({ resource: 'facebook', operation: 'getManyPosts', identityToken: rl(ids.facebook), options: { ownPostsOnly: false } });
		expect(urls()).toEqual([
			`GET /pull/identities/${ids.facebook}/facebook/posts.json?page=1&num_posts=50&limit_own_posts=1`,
			`GET /pull/identities/${ids.facebook}/facebook/posts.json?page=1&num_posts=50`,
		]);
	});

	test('After Tweet ID sends after_tweet_id on every page', async () => {
		const result = await run({ resource: 'twitter', operation: 'getManyTweets', identityToken: rl(ids.twitter), returnAll: true, options: { afterTweetId: '={{ $json.last }}' } }, { items: [{ last: '1000000000000100' }] });
		expect(result.error).toBeUndefined();
		expect(sb.requests.map((r) => r.query.after_tweet_id)).toEqual(sb.requests.map(() => '1000000000000100'));
	});
});

describe('errors', () => {
	test('a path id that would bend the path is refused before sending, naming the parameter and the item', async () => {
		const result = await run({ resource: 'facebookPage', operation: 'getManyPosts', identityToken: rl(ids.facebook), pageId: rl('={{ $json.page }}') }, { items: [{ page: '../pages' }] });
		expect(sb.requests).toHaveLength(0);
		expect(result.error.message).toMatch(/^Page \(pageId\) .*\[item 0\]$/);
	});

	test('an empty path id is refused; a limit of 0 is refused', async () => {
		const empty = await run({ resource: 'youtube', operation: 'getManyPlaylistVideos', identityToken: rl(ids.youtube), playlistId: rl('={{ $json.p }}') }, { items: [{ p: '' }] });
		expect(empty.error.message).toBe('Playlist (playlistId) is empty: its expression {{ $json.p }} gave "" [item 0]');
		const zero = await run({ resource: 'twitter', operation: 'getManyTweets', identityToken: rl(ids.twitter), limit: 0 });
		expect(zero.error.message).toBe('Limit (limit) must be a whole number of 1 or more, not number 0 [item 0]');
		expect(sb.requests).toHaveLength(0);
	});

	test("another identity's page is OneAll's 404, per item on the error output", async () => {
		const other = data.identities.find((i) => i.provider === 'facebook' && i.identity_token !== ids.facebook).identity_token;
		const result = await run(
			{ resource: 'facebookPage', operation: 'getManyPosts', identityToken: rl('={{ $json.token }}'), pageId: rl(ids.page) },
			{ items: [{ token: ids.facebook }, { token: other }], onError: 'continueErrorOutput' },
		);
		expect(result.output[0].every((item) => item.pairedItem.item === 0)).toBe(true);
		expect(result.output[1]).toHaveLength(1);
		expect(result.output[1][0].pairedItem).toEqual({ item: 1 });
		expect(result.output[1][0].json.error).toMatch(/^OneAll error 404: /);
		expect(findSecrets(result, secretsOf())).toEqual([]);
	});
});

describe('reads are not queued behind the identity\'s posts', () => {
	test('a read to an identity whose slow post is still open goes out at once', async () => {
		const post = run({ resource: 'twitter', operation: 'publishTweet', identityToken: rl(ids.twitter), message: 'Slow tweet __delay:800', additionalFields: {} });
		await new Promise((resolve) => setTimeout(resolve, 200));
		const listing = await run({ resource: 'twitter', operation: 'getManyTweets', identityToken: rl(ids.twitter), limit: 1 });
		await post;
		expect(listing.error).toBeUndefined();
		const [tweet, get] = ['POST', 'GET'].map((method) => sb.requests.find((r) => r.method === method));
		expect(get.arrivedAt).toBeLessThan(tweet.endedAt);
		expect(get.endedAt).toBeLessThan(tweet.endedAt);
	});
});

describe('reads count against the bound on requests in flight', () => {
	test('70 listings of 70 identities at once: side by side, never more than 50 open', async () => {
		const twitter = data.identities.filter((i) => i.provider === 'twitter').slice(0, 70).map((i) => i.identity_token);
		expect(twitter).toHaveLength(70);
		sb.setDelay(150);
		const result = await run(
			{ resource: 'twitter', operation: 'getManyTweets', identityToken: rl('={{ $json.token }}'), limit: 1 },
			{ items: twitter.map((token) => ({ token })) },
		);
		expect(result.error).toBeUndefined();
		expect(sb.requests).toHaveLength(70);
		const most = maxOpen(sb.requests);
		expect(most).toBeGreaterThan(1);
		expect(most).toBeLessThanOrEqual(50);
		expect(result.output[0].map((item) => item.pairedItem.item)).toEqual(twitter.map((_t, i) => i));
	});
});
