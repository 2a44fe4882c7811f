// The 12 Update API operations (edit and delete what was published) and the Identity resource, run
// through n8n-core's real WorkflowExecute against the sandbox. The table is written by hand from
// the node contract's "Update and Identity operations" (NOT derived from the node's spec files).
const { runOneAll } = require('../helpers/runWorkflow');
const data = require('../sandbox/data');
const { startSandbox } = require('../sandbox/server');
const { ids, credentialsFor, rl, basicOf, PUBLIC_KEY, PRIVATE_KEY, envelopeOf, secretsOf, safeJson, useSandbox } = require('../helpers/kit');

const seeds = data.objects;
const TWEET = seeds[ids.twitter].tweets[0].post_id;
const PAGE_POST = seeds[ids.facebook].pagePosts[ids.page][0].post_id;
const PAGE_PICTURE = seeds[ids.facebook].pagePictures[ids.page][0].picture_id;
const PAGE_VIDEO = seeds[ids.facebook].pageVideos[ids.page][0].video_id;
const PIN = seeds[ids.pinterest].pins[0].pin_id;
const PLAYLIST_VIDEO = seeds[ids.youtube].playlistVideos[ids.playlist][0].video_id;
const SECTION = seeds[ids.youtube].sections[0].section_id;

// Each row: the request it must send (method, path after /update/identities/{t}/, body under
// request.update for PUT), the parameters that give it, and the output item.
// Deletes answer { deleted: true, identity_token, <the ids> } merged with OneAll's result.data.
const OPERATIONS = [
	{
		resource: 'twitter', operation: 'deleteTweet', token: ids.twitter, method: 'DELETE',
		path: `twitter/post/${TWEET}.json`,
		params: { postId: rl(TWEET) },
		output: { deleted: true, identity_token: ids.twitter, post_id: TWEET, provider: 'twitter', object: 'post' },
	},
	{
		resource: 'facebookPage', operation: 'updatePost', token: ids.facebook, method: 'PUT',
		path: `facebook/page/${ids.page}/post/${PAGE_POST}.json`, object: 'post',
		params: { pageId: rl(ids.page), postId: rl(PAGE_POST), message: 'Edited text' },
		body: { 'post.message': 'Edited text' },
		additional: { link: 'https://example.com/edited' },
		additionalBody: { 'post.link': 'https://example.com/edited' },
		override: ['message', 'custom message'],
		output: { provider: 'facebook', object: 'post', page_id: ids.page, post_id: PAGE_POST },
	},
	{
		resource: 'facebookPage', operation: 'deletePost', token: ids.facebook, method: 'DELETE',
		path: `facebook/page/${ids.page}/post/${PAGE_POST}.json`,
		params: { pageId: rl(ids.page), postId: rl(PAGE_POST) },
		output: { deleted: true, identity_token: ids.facebook, page_id: ids.page, post_id: PAGE_POST, provider: 'facebook', object: 'post' },
	},
	{
		resource: 'facebookPage', operation: 'deletePicture', token: ids.facebook, method: 'DELETE',
		path: `facebook/page/${ids.page}/picture/${PAGE_PICTURE}.json`,
		params: { pageId: rl(ids.page), pictureId: PAGE_PICTURE },
		output: { deleted: true, identity_token: ids.facebook, page_id: ids.page, picture_id: PAGE_PICTURE, provider: 'facebook', object: 'picture' },
	},
	{
		resource: 'facebookPage', operation: 'deleteVideo', token: ids.facebook, method: 'DELETE',
		path: `facebook/page/${ids.page}/video/${PAGE_VIDEO}.json`,
		params: { pageId: rl(ids.page), videoId: PAGE_VIDEO },
		output: { deleted: true, identity_token: ids.facebook, page_id: ids.page, video_id: PAGE_VIDEO, provider: 'facebook', object: 'video' },
	},
	{
		resource: 'pinterest', operation: 'updatePin', token: ids.pinterest, method: 'PUT',
		path: `pinterest/pin/${PIN}.json`, object: 'pin',
		params: { pinId: rl(PIN), additionalFields: { description: 'New pin text' } },
		body: { 'pin.description': 'New pin text' },
		additional: { boardName: 'Gift Ideas', link: 'https://example.com/pin' },
		additionalBody: { 'pin.board': 'Gift Ideas', 'pin.link': 'https://example.com/pin' },
		override: ['board', 'DIY Home'],
		output: { provider: 'pinterest', object: 'pin', pin_id: PIN },
	},
	{
		resource: 'pinterest', operation: 'deletePin', token: ids.pinterest, method: 'DELETE',
		path: `pinterest/pin/${PIN}.json`,
		params: { pinId: rl(PIN) },
		output: { deleted: true, identity_token: ids.pinterest, pin_id: PIN, provider: 'pinterest', object: 'pin' },
	},
	{
		resource: 'youtube', operation: 'updatePlaylist', token: ids.youtube, method: 'PUT',
		path: `youtube/playlist/${ids.playlist}.json`, object: 'playlist',
		params: { playlistId: rl(ids.playlist), title: 'Renamed playlist' },
		body: { 'playlist.title': 'Renamed playlist' },
		additional: { description: 'New description', privacyStatus: 'private', defaultLanguage: 'de' },
		additionalBody: { 'playlist.description': 'New description', 'playlist.privacy_status': 'private', 'playlist.default_language': 'de' },
		override: ['default_language', 'fr'],
		output: { provider: 'youtube', object: 'playlist', playlist_id: ids.playlist },
	},
	{
		resource: 'youtube', operation: 'deletePlaylist', token: ids.youtube, method: 'DELETE',
		path: `youtube/playlist/${ids.playlist}.json`,
		params: { playlistId: rl(ids.playlist) },
		output: { deleted: true, identity_token: ids.youtube, playlist_id: ids.playlist, provider: 'youtube', object: 'playlist' },
	},
	{
		resource: 'youtube', operation: 'removeVideoFromPlaylist', token: ids.youtube, method: 'DELETE',
		path: `youtube/playlist/${ids.playlist}/video/${PLAYLIST_VIDEO}.json`,
		params: { playlistId: rl(ids.playlist), videoId: rl(PLAYLIST_VIDEO) },
		output: { deleted: true, identity_token: ids.youtube, playlist_id: ids.playlist, video_id: PLAYLIST_VIDEO, provider: 'youtube', object: 'playlist_video' },
	},
	{
		resource: 'youtube', operation: 'updateChannelSection', token: ids.youtube, method: 'PUT',
		path: `youtube/channel/section/${SECTION}.json`, object: 'channel.section',
		params: { sectionId: SECTION, additionalFields: { title: 'Renamed section' } },
		body: { 'channel.section.title': 'Renamed section' },
		additional: { sectionType: 'multiplePlaylists', style: 'verticalList', position: 0, defaultLanguage: 'en', playlistIds: 'PLa, PLb', channelIds: 'UCa' },
		additionalBody: {
			'channel.section.type': 'multiplePlaylists',
			'channel.section.style': 'verticalList',
			'channel.section.position': 0,
			'channel.section.defaultLanguage': 'en',
			'channel.section.playlists': ['PLa', 'PLb'],
			'channel.section.channels': ['UCa'],
		},
		override: ['playlists', ['PLz']],
		output: { provider: 'youtube', object: 'channel_section', section_id: SECTION },
	},
	{
		resource: 'youtube', operation: 'deleteChannelSection', token: ids.youtube, method: 'DELETE',
		path: `youtube/channel/section/${SECTION}.json`,
		params: { sectionId: SECTION },
		output: { deleted: true, identity_token: ids.youtube, section_id: SECTION, provider: 'youtube', object: 'channel_section' },
	},
];
const keyOf = (row) => `${row.resource}.${row.operation}`;
const rowOf = (key) => OPERATIONS.find((row) => keyOf(row) === key);

const bodyFrom = (map) => envelopeOf('update', map);

const { sb, credentials } = useSandbox();

const run = (parameters, extra = {}) => runOneAll({ parameters, credentials, ...extra });
const baseOf = (row) => ({ resource: row.resource, operation: row.operation, identityToken: rl(row.token) });

/** The one recorded request: method, exact URL, auth; a JSON content type for PUT, no body for DELETE. */
function expectOneRequest(row) {
	expect(sb.requests).toHaveLength(1);
	const [request] = sb.requests;
	expect(request.method).toBe(row.method);
	expect(request.url).toBe(`/update/identities/${row.token}/${row.path}`);
	expect(request.headers.authorization).toBe(basicOf(PUBLIC_KEY, PRIVATE_KEY));
	if (row.method === 'PUT') expect(request.headers['content-type']).toMatch(/^application\/json(\s*;.*)?$/);
	else {
		expect(request.body).toBe('');
		expect(request.headers['content-length'] ?? '0').toBe('0');
		expect(request.headers['content-type']).toBeUndefined();
	}
	expect(request.status).toBe(200);
	return request;
}

function expectOutput(result, row) {
	expect(result.error).toBeUndefined();
	expect(result.output).toHaveLength(1);
	expect(result.output[0]).toStrictEqual([{ json: row.output, pairedItem: { item: 0 } }]);
}

test('the table covers the 12 Update operations, each once: 4 PUT, 8 DELETE', () => {
	expect(OPERATIONS).toHaveLength(12);
	expect(new Set(OPERATIONS.map(keyOf)).size).toBe(12);
	expect(OPERATIONS.filter((row) => row.method === 'PUT')).toHaveLength(4);
});

describe.each(OPERATIONS.map((row) => [keyOf(row), row]))('%s', (_name, row) => {
	test(`${row.method} with the path ids${row.method === 'PUT' ? ' and the required body' : ' and no body'}, output`, async () => {
		const result = await run({ ...baseOf(row), ...row.params });
		const request = expectOneRequest(row);
		if (row.method === 'PUT') {
			expect(JSON.parse(request.body)).toStrictEqual(bodyFrom(row.body));
			expect(request.body).not.toMatch(/""|\[\]|null|\{\}/);
		}
		expectOutput(result, row);
	});

	test('the same ids as plain strings and from expressions', async () => {
		const params = Object.fromEntries(
			Object.entries(row.params).map(([name, value]) => [name, value && value.__rl ? value.value : value]),
		);
		const fromItem = Object.fromEntries(
			Object.entries(params).map(([name, value]) => [name, typeof value === 'string' && name !== 'message' && name !== 'title' ? `={{ $json.${name} }}` : value]),
		);
		const result = await run({ ...baseOf(row), ...fromItem }, { items: [params] });
		expectOneRequest(row);
		expectOutput(result, row);
	});

	if (row.method === 'PUT') {
		test('every additional field set: all keys present with their values', async () => {
			const additionalFields = { ...(row.params.additionalFields ?? {}), ...row.additional };
			const result = await run({ ...baseOf(row), ...row.params, additionalFields });
			const request = expectOneRequest(row);
			expect(JSON.parse(request.body)).toStrictEqual(bodyFrom({ ...row.body, ...row.additionalBody }));
			expectOutput(result, row);
		});

		test('customFields is merged last and shallowly into the object node and wins', async () => {
			const [key, value] = row.override;
			const additionalFields = { ...(row.params.additionalFields ?? {}), customFields: JSON.stringify({ [key]: value, extra: 1 }) };
			const result = await run({ ...baseOf(row), ...row.params, additionalFields });
			const request = expectOneRequest(row);
			expect(JSON.parse(request.body)).toStrictEqual(bodyFrom({ ...row.body, [`${row.object}.${key}`]: value, [`${row.object}.extra`]: 1 }));
			expectOutput(result, row);
		});
	} else {
		test('a second delete of the same id is OneAll\'s 404, with the hint', async () => {
			await run({ ...baseOf(row), ...row.params });
			sb.requests.length = 0;
			const result = await run({ ...baseOf(row), ...row.params });
			expect(sb.requests).toHaveLength(1);
			expect(sb.requests[0].status).toBe(404);
			expect(result.error.message).toMatch(/^OneAll error 404: The [a-z ]+ with the id \[[^\]]+\] could not be found for this identity\.$/);
			expect(result.error.description).toMatch(/does not know one of them/);
		});
	}
});

describe('path ids: validated like the push ids, never empty', () => {
	const PATH_PARAMS = [
		['twitter.deleteTweet', 'postId', 'Tweet'],
		['facebookPage.updatePost', 'pageId', 'Page'],
		['facebookPage.updatePost', 'postId', 'Post'],
		['facebookPage.deletePost', 'postId', 'Post'],
		['facebookPage.deletePicture', 'pageId', 'Page'],
		['facebookPage.deletePicture', 'pictureId', 'Picture ID'],
		['facebookPage.deleteVideo', 'videoId', 'Video ID'],
		['pinterest.updatePin', 'pinId', 'Pin'],
		['pinterest.deletePin', 'pinId', 'Pin'],
		['youtube.updatePlaylist', 'playlistId', 'Playlist'],
		['youtube.deletePlaylist', 'playlistId', 'Playlist'],
		['youtube.removeVideoFromPlaylist', 'playlistId', 'Playlist'],
		['youtube.removeVideoFromPlaylist', 'videoId', 'Video'],
		['youtube.updateChannelSection', 'sectionId', 'Section ID'],
		['youtube.deleteChannelSection', 'sectionId', 'Section ID'],
	];
	// Values come from an expression: n8n itself refuses to start a workflow whose required field
	// is empty, or whose By ID value fails the field's pattern, so only expressions reach the node.
	const fromItem = (row, name) => (row.params[name] && row.params[name].__rl ? rl('={{ $json.v }}') : '={{ $json.v }}');
	const GAVE = ': its expression {{ $json.v }} gave ';

	test.each(PATH_PARAMS)('%s %s empty or blank → nothing sent', async (key, name, displayName) => {
		const row = rowOf(key);
		for (const [empty, shown] of [['', '""'], ['   ', '"   "'], [undefined, 'undefined']]) {
			sb.reset();
			const result = await run({ ...baseOf(row), ...row.params, [name]: fromItem(row, name) }, { items: [{ v: empty }] });
			expect(sb.requests).toHaveLength(0);
			expect(result.error.message).toBe(`${displayName} (${name}) is empty${GAVE}${shown} [item 0]`);
		}
	});

	test.each(PATH_PARAMS)('%s %s that would bend the path → nothing sent', async (key, name, displayName) => {
		const row = rowOf(key);
		for (const bad of ['a/b', '..', '.', 'x?y=1', 'x#y', '%2F', 'two words']) {
			sb.reset();
			const result = await run({ ...baseOf(row), ...row.params, [name]: fromItem(row, name) }, { items: [{ v: bad }] });
			expect(sb.requests).toHaveLength(0);
			expect(result.error.message).toBe(
				`${displayName} (${name}) must be a single ID made of letters, digits and - _ . : @ ~ = + (no "/", "?", "#", "%", ".." or spaces), not ${JSON.stringify(bad)}${GAVE}${JSON.stringify(bad)} [item 0]`,
			);
		}
	});

	test('an identity token that is not a UUID is refused before sending', async () => {
		const row = rowOf('twitter.deleteTweet');
		const result = await run({ ...baseOf(row), ...row.params, identityToken: rl('={{ $json.v }}') }, { items: [{ v: '../../identities' }] });
		expect(sb.requests).toHaveLength(0);
		expect(result.error.message).toMatch(/^Identity \(identityToken\) must be a OneAll identity token/);
	});

	test('an unknown id is OneAll\'s 404, the output names nothing as deleted', async () => {
		const row = rowOf('pinterest.deletePin');
		const result = await run({ ...baseOf(row), pinId: rl('549755813888999') }, { onError: 'continueRegularOutput' });
		expect(sb.requests).toHaveLength(1);
		expect(result.output[0]).toHaveLength(1);
		expect(result.output[0][0].json).toStrictEqual({ error: 'OneAll error 404: The pin with the id [549755813888999] could not be found for this identity.' });
		expect(result.output[0][0].pairedItem).toStrictEqual({ item: 0 });
	});
});

describe('what an update must carry', () => {
	const problems = [
		['facebookPage.updatePost', { message: '', additionalFields: {} }, 'Message (message) is empty: set Message (message), Link (link) or Attachment IDs (attachmentIds) [item 0]'],
		['facebookPage.updatePost', { additionalFields: { link: 'https://example.com/a', attachmentIds: '1' } }, 'Link (link) cannot be used together with Attachment IDs (attachmentIds): OneAll takes one or the other [item 0]'],
		['pinterest.updatePin', { additionalFields: {} }, 'Board Name (boardName) is empty: set Board Name (boardName), Description (description) or Link (link) [item 0]'],
		['youtube.updatePlaylist', { title: '={{ $json.missing }}' }, 'Title (title) is empty: its expression {{ $json.missing }} gave undefined [item 0]'],
		['youtube.updateChannelSection', { additionalFields: { customFields: '{"x":1}' } }, /^Section Type \(sectionType\) is empty: set Section Type \(sectionType\), Style \(style\), .* or Channel IDs \(channelIds\) \[item 0\]$/],
	];
	test.each(problems)('%s %j → refused before sending', async (key, params, message) => {
		const row = rowOf(key);
		const result = await run({ ...baseOf(row), ...row.params, ...params });
		expect(sb.requests).toHaveLength(0);
		if (message instanceof RegExp) expect(result.error.message).toMatch(message);
		else expect(result.error.message).toBe(message);
	});

	test('a page post edit with only new attachments sends them alone', async () => {
		const row = rowOf('facebookPage.updatePost');
		const result = await run({ ...baseOf(row), ...row.params, message: '', additionalFields: { attachmentIds: '11, 12' } });
		expect(result.error).toBeUndefined();
		expect(JSON.parse(sb.requests[0].body)).toStrictEqual({ request: { update: { post: { attachments: ['11', '12'] } } } });
	});
});

describe('publish → edit → delete by the returned ids', () => {
	test('tweets: two published, each deleted by its own post_id, in order', async () => {
		const published = await run(
			{ resource: 'twitter', operation: 'publishTweet', identityToken: rl(ids.twitter), message: '={{ $json.text }}' },
			{ items: [{ text: 'one' }, { text: 'two' }] },
		);
		const items = published.output[0].map((item) => item.json);
		sb.requests.length = 0;
		const deleted = await run(
			{ resource: 'twitter', operation: 'deleteTweet', identityToken: rl(ids.twitter), postId: rl('={{ $json.post_id }}') },
			{ items },
		);
		expect(deleted.error).toBeUndefined();
		expect(sb.requests.map((r) => `${r.method} ${r.url} ${r.status}`)).toEqual(
			items.map((item) => `DELETE /update/identities/${ids.twitter}/twitter/post/${item.post_id}.json 200`),
		);
		expect(deleted.output[0]).toStrictEqual(
			items.map((item, i) => ({
				json: { deleted: true, identity_token: ids.twitter, post_id: item.post_id, provider: 'twitter', object: 'post' },
				pairedItem: { item: i },
			})),
		);
	});

	test('a page post: publish, update with the returned page_id and post_id, delete', async () => {
		const published = await run({ resource: 'facebookPage', operation: 'publishPost', identityToken: rl(ids.facebook), pageId: rl(ids.page), message: 'typo' });
		const [{ json: post }] = published.output[0];
		const edit = { resource: 'facebookPage', identityToken: rl(ids.facebook), pageId: rl('={{ $json.page_id }}'), postId: rl('={{ $json.post_id }}') };
		const updated = await run({ ...edit, operation: 'updatePost', message: 'fixed' }, { items: [post] });
		const deleted = await run({ ...edit, operation: 'deletePost' }, { items: [updated.output[0][0].json] });
		expect(deleted.output[0][0].json).toStrictEqual({ deleted: true, identity_token: ids.facebook, page_id: ids.page, post_id: post.post_id, provider: 'facebook', object: 'post' });
		expect(sb.requests.slice(1).map((r) => [r.method, r.status, r.body && JSON.parse(r.body)])).toEqual([
			['PUT', 200, { request: { update: { post: { message: 'fixed' } } } }],
			['DELETE', 200, ''],
		]);
	});
});

describe('secrets', () => {
	test('no key and no Authorization value in outputs or errors of updates and deletes', async () => {
		const texts = [];
		for (const row of OPERATIONS) {
			sb.reset();
			const ok = await run({ ...baseOf(row), ...row.params });
			const bad = await run({ ...baseOf(row), ...row.params, identityToken: rl('00000000-0000-4000-8000-000000000000') }, { onError: 'continueRegularOutput' });
			texts.push(safeJson(ok.output), safeJson(bad.output), safeJson(bad.error));
		}
		const wrong = await runOneAll({
			parameters: { ...baseOf(OPERATIONS[0]), ...OPERATIONS[0].params },
			credentials: { ...credentials, privateKey: 'priv-WRONG-1234567' },
		});
		expect(wrong.error.message).toMatch(/^OneAll error 401/);
		texts.push(safeJson(wrong.error));
		const all = texts.join('\n');
		for (const secret of [...secretsOf(), ...secretsOf(PUBLIC_KEY, 'priv-WRONG-1234567')]) expect(all).not.toContain(secret);
	});
});

// ---------------------------------------------------------------------------------------------
// Identity resource
// ---------------------------------------------------------------------------------------------

/** The sandbox's identities in the order GET /identities.json gives them (date_creation ascending). */
const ascending = (identities) =>
	identities
		.map((entry, index) => ({ entry, index, t: Date.parse(entry.date_creation) }))
		.sort((a, b) => a.t - b.t || a.index - b.index)
		.map((x) => x.entry);
const ALL = ascending(data.identities);

describe('identity getMany', () => {
	const getMany = (extra) => ({ resource: 'identity', operation: 'getMany', ...extra });
	const queries = () => sb.requests.map((r) => `${r.method} ${r.url}`);

	test('returnAll: every page, one item per identity in OneAll\'s order, pairedItem 0', async () => {
		const result = await run(getMany({ returnAll: true }));
		expect(result.error).toBeUndefined();
		expect(queries()).toEqual([
			'GET /identities.json?page=1&entries_per_page=500&order_direction=asc',
			'GET /identities.json?page=2&entries_per_page=500&order_direction=asc',
		]);
		expect(sb.requests.every((r) => r.headers.authorization === basicOf(PUBLIC_KEY, PRIVATE_KEY))).toBe(true);
		expect(result.output[0]).toHaveLength(ALL.length);
		expect(result.output[0]).toStrictEqual(ALL.map((entry) => ({ json: entry, pairedItem: { item: 0 } })));
	});

	test('limit (default 50) asks for no more than it needs', async () => {
		const byDefault = await run(getMany({}));
		expect(byDefault.output[0].map((item) => item.json)).toStrictEqual(ALL.slice(0, 50));
		expect(queries()).toEqual(['GET /identities.json?page=1&entries_per_page=50&order_direction=asc']);
		sb.reset();
		const three = await run(getMany({ returnAll: false, limit: 3 }));
		expect(three.output[0].map((item) => item.json)).toStrictEqual(ALL.slice(0, 3));
		expect(queries()).toEqual(['GET /identities.json?page=1&entries_per_page=3&order_direction=asc']);
	});

	test('filters.provider keeps only those networks, across pages, up to the limit', async () => {
		const twitter = await run(getMany({ returnAll: true, filters: { provider: ['twitter'] } }));
		expect(twitter.output[0].map((item) => item.json)).toStrictEqual(ALL.filter((i) => i.provider === 'twitter'));
		expect(sb.requests).toHaveLength(2);
		sb.reset();
		const limited = await run(getMany({ returnAll: false, limit: 150, filters: { provider: ['youtube', 'pinterest'] } }));
		const wanted = ALL.filter((i) => i.provider === 'youtube' || i.provider === 'pinterest');
		expect(wanted.slice(0, 150).some((i) => ALL.indexOf(i) >= 500)).toBe(true);
		expect(limited.output[0].map((item) => item.json)).toStrictEqual(wanted.slice(0, 150));
		expect(sb.requests).toHaveLength(2);
		sb.reset();
		const none = await run(getMany({ returnAll: true, filters: { provider: [] } }));
		expect(none.output[0]).toHaveLength(ALL.length);
	});

	test('50 identities of mixed providers filtered to one network', async () => {
		const fifty = data.createData({ total: 50 });
		const small = await startSandbox({ data: fifty, publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY });
		try {
			const result = await runOneAll({ parameters: getMany({ returnAll: true, filters: { provider: ['twitter'] } }), credentials: credentialsFor(small) });
			const twitter = ascending(fifty.identities).filter((i) => i.provider === 'twitter');
			expect(new Set(fifty.identities.map((i) => i.provider)).size).toBeGreaterThan(4);
			expect(twitter.length).toBeGreaterThanOrEqual(10);
			expect(result.output[0].map((item) => item.json.identity_token)).toStrictEqual(twitter.map((i) => i.identity_token));
			expect(small.requests).toHaveLength(1);
		} finally {
			await small.close();
		}
	});

	test('one list per input item, each paired with its item', async () => {
		const result = await run(getMany({ returnAll: false, limit: 2 }), { items: [{ a: 1 }, { a: 2 }] });
		expect(result.output[0]).toStrictEqual([
			{ json: ALL[0], pairedItem: { item: 0 } },
			{ json: ALL[1], pairedItem: { item: 0 } },
			{ json: ALL[0], pairedItem: { item: 1 } },
			{ json: ALL[1], pairedItem: { item: 1 } },
		]);
	});

	test('a limit below 1 is refused before sending; an error page stops with OneAll\'s words', async () => {
		const zero = await run(getMany({ returnAll: false, limit: '={{ $json.n }}' }), { items: [{ n: 0 }] });
		expect(sb.requests).toHaveLength(0);
		expect(zero.error.message).toBe('Limit (limit) must be a whole number of 1 or more, not number 0: its expression {{ $json.n }} gave 0 [item 0]');
		sb.setFault({ mode: 'status', status: 500, match: { pathContains: 'page=2' } });
		const failed = await run(getMany({ returnAll: true }));
		expect(failed.error.message).toBe('OneAll error 500: An unrecoverable error occurred while processing the request.');
	});
});

describe('identity get', () => {
	test('GET /identities/{token}.json; the output is the identity', async () => {
		const result = await run({ resource: 'identity', operation: 'get', identityToken: rl(ids.youtube, 'list') });
		expect(result.error).toBeUndefined();
		expect(sb.requests.map((r) => `${r.method} ${r.url} ${r.body}`)).toEqual([`GET /identities/${ids.youtube}.json `]);
		expect(sb.requests[0].headers['content-type']).toBeUndefined();
		expect(sb.requests[0].headers.authorization).toBe(basicOf(PUBLIC_KEY, PRIVATE_KEY));
		const entry = data.named.youtube;
		expect(result.output[0]).toStrictEqual([
			{ json: { ...entry, source: { name: 'youtube', key: 'youtube' }, name: { formatted: entry.displayName } }, pairedItem: { item: 0 } },
		]);
	});

	test('an identity of any network; an unknown one is OneAll\'s 404; a bad token is refused', async () => {
		const google = data.named.google.identity_token;
		expect((await run({ resource: 'identity', operation: 'get', identityToken: rl(google) })).output[0][0].json.provider).toBe('google');
		const unknown = await run({ resource: 'identity', operation: 'get', identityToken: rl('00000000-0000-4000-8000-000000000000') });
		expect(unknown.error.message).toMatch(/^OneAll error 404: The identity with the identity_token \[00000000-0000-4000-8000-000000000000\] could not be found\.$/);
		sb.reset();
		const bad = await run({ resource: 'identity', operation: 'get', identityToken: rl('={{ $json.v }}') }, { items: [{ v: 'nope' }] });
		expect(sb.requests).toHaveLength(0);
		expect(bad.error.message).toMatch(/^Identity \(identityToken\) must be a OneAll identity token/);
	});
});
