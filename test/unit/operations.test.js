// Every one of the 20 push operations, run through n8n-core's real WorkflowExecute against the
// sandbox. The table below is written by hand from the node's public contract (the README's
// operations table; NOT derived from the node's own spec files), so a wrong path, body key or left-over empty key makes a test fail.
const { runOneAll } = require('../helpers/runWorkflow');
const { OPS, formatId } = require('../sandbox/server');
const { ids, rl, basicOf, PUBLIC_KEY, PRIVATE_KEY, envelopeOf, useSandbox } = require('../helpers/kit');

// Each row: resource, operation, identity token, path after /push/identities/{t}/, the object node
// customFields merges into, the required parameters and the body they must give, then the
// additionalFields and the body keys they add, and one listed key customFields overrides.
// `body` maps are { 'dotted.path.under.push': value }.
const OPERATIONS = [
	{
		resource: 'facebook', operation: 'publishPost', token: ids.facebook,
		path: 'facebook/post.json', object: 'post',
		required: { message: 'Hello Facebook' },
		requiredBody: { 'post.message': 'Hello Facebook' },
		additional: { link: 'https://example.com/a', attachmentIds: '111, 222' },
		additionalBody: { 'post.link': 'https://example.com/a', 'post.attachments': ['111', '222'] },
		override: ['attachments', ['999']], // an array replaced whole: the merge is shallow
	},
	{
		resource: 'facebook', operation: 'uploadPicture', token: ids.facebook,
		path: 'facebook/picture.json', object: 'picture',
		required: { pictureUrl: 'https://example.com/p.png' },
		requiredBody: { 'picture.url': 'https://example.com/p.png' },
		additional: { description: 'A caption', createPost: false },
		additionalBody: { 'picture.description': 'A caption', 'picture.create_post': false },
		override: ['description', 'custom caption'],
	},
	{
		resource: 'facebook', operation: 'uploadVideo', token: ids.facebook,
		path: 'facebook/video.json', object: 'video',
		required: { videoUrl: 'https://example.com/v.mp4' },
		requiredBody: { 'video.url': 'https://example.com/v.mp4' },
		additional: { description: 'A video', createPost: true },
		additionalBody: { 'video.description': 'A video', 'video.create_post': true },
		override: ['create_post', false],
	},
	{
		resource: 'facebookGroup', operation: 'publishPost', token: ids.facebook,
		path: 'facebook/group/post.json', object: 'group',
		required: { groupId: rl(ids.group), message: 'Hello group' },
		requiredBody: { 'group.id': ids.group, 'group.message': 'Hello group' },
		additional: { link: 'https://example.com/g', attachmentIds: '1,2' },
		additionalBody: { 'group.link': 'https://example.com/g', 'group.attachments': ['1', '2'] },
		override: ['message', 'custom message'],
	},
	{
		resource: 'facebookGroup', operation: 'uploadPicture', token: ids.facebook,
		path: 'facebook/group/picture.json', object: 'group',
		required: { groupId: rl(ids.group), pictureUrl: 'https://example.com/g.jpg' },
		requiredBody: { 'group.id': ids.group, 'group.url': 'https://example.com/g.jpg' },
		additional: { description: 'Group picture' },
		additionalBody: { 'group.description': 'Group picture' },
		override: ['id', ids.group2],
	},
	{
		resource: 'facebookGroup', operation: 'uploadVideo', token: ids.facebook,
		path: 'facebook/group/video.json', object: 'group',
		required: { groupId: rl(ids.group), videoUrl: 'https://example.com/g.mp4' },
		requiredBody: { 'group.id': ids.group, 'group.url': 'https://example.com/g.mp4' },
		additional: { description: 'Group video' },
		additionalBody: { 'group.description': 'Group video' },
		override: ['description', 'custom'],
	},
	{
		resource: 'facebookPage', operation: 'publishPost', token: ids.facebook,
		path: 'facebook/page/post.json', object: 'page',
		required: { pageId: rl(ids.page), message: 'Hello page' },
		requiredBody: { 'page.id': ids.page, 'page.message': 'Hello page' },
		additional: { link: 'https://example.com/p', attachmentIds: '7' },
		additionalBody: { 'page.link': 'https://example.com/p', 'page.attachments': ['7'] },
		override: ['link', 'https://example.com/override'],
	},
	{
		resource: 'facebookPage', operation: 'uploadPicture', token: ids.facebook,
		path: 'facebook/page/picture.json', object: 'page',
		required: { pageId: rl(ids.page), pictureUrl: 'https://example.com/p.gif' },
		requiredBody: { 'page.id': ids.page, 'page.url': 'https://example.com/p.gif' },
		additional: { description: 'Page picture' },
		additionalBody: { 'page.description': 'Page picture' },
		override: ['id', ids.page2],
	},
	{
		resource: 'facebookPage', operation: 'uploadVideo', token: ids.facebook,
		path: 'facebook/page/video.json', object: 'page',
		required: { pageId: rl(ids.page), videoUrl: 'https://example.com/p.mp4' },
		requiredBody: { 'page.id': ids.page, 'page.url': 'https://example.com/p.mp4' },
		additional: { description: 'Page video' },
		additionalBody: { 'page.description': 'Page video' },
		override: ['url', 'https://example.com/other.mp4'],
	},
	{
		resource: 'linkedIn', operation: 'publishPost', token: ids.linkedin,
		path: 'linkedin/post.json', object: 'post',
		required: { message: 'Hello LinkedIn' },
		requiredBody: { 'post.message': 'Hello LinkedIn' },
		additional: { link: 'https://example.com/l', title: 'T', description: 'D', pictureUrl: 'https://example.com/l.png' },
		additionalBody: { 'post.link': 'https://example.com/l', 'post.title': 'T', 'post.description': 'D', 'post.picture': 'https://example.com/l.png' },
		override: ['title', 'custom title'],
	},
	{
		resource: 'linkedInCompany', operation: 'publishPost', token: ids.linkedin,
		path: 'linkedin/company/post.json', object: 'post',
		required: { companyId: rl(ids.company), message: 'Hello company' },
		requiredBody: { 'post.company': ids.company, 'post.message': 'Hello company' },
		additional: { link: 'https://example.com/c', title: 'CT', description: 'CD', pictureUrl: 'https://example.com/c.bmp' },
		additionalBody: { 'post.link': 'https://example.com/c', 'post.title': 'CT', 'post.description': 'CD', 'post.picture': 'https://example.com/c.bmp' },
		override: ['description', 'custom description'],
	},
	{
		resource: 'pinterest', operation: 'publishPin', token: ids.pinterest,
		path: `pinterest/board/${ids.board}/pin.json`, object: 'pin',
		required: { boardId: rl(ids.board), pictureUrl: 'https://example.com/pin.png', description: 'A pin' },
		requiredBody: { 'pin.picture': 'https://example.com/pin.png', 'pin.description': 'A pin' },
		additional: { link: 'https://example.com/pin' },
		additionalBody: { 'pin.link': 'https://example.com/pin' },
		override: ['link', 'https://example.com/override'],
	},
	{
		resource: 'pinterest', operation: 'publishBoard', token: ids.pinterest,
		path: 'pinterest/board.json', object: 'board',
		required: { name: 'My board' },
		requiredBody: { 'board.name': 'My board' },
		additional: { description: 'About the board' },
		additionalBody: { 'board.description': 'About the board' },
		override: ['name', 'custom name'],
	},
	{
		resource: 'twitter', operation: 'publishTweet', token: ids.twitter,
		path: 'twitter/post.json', object: 'post',
		required: { message: 'Hello Twitter' },
		requiredBody: { 'post.message': 'Hello Twitter' },
		additional: { attachmentIds: '910890718352281600, 910890718352281601', location: 'Berlin' },
		additionalBody: { 'post.attachments': ['910890718352281600', '910890718352281601'], 'post.location': 'Berlin' },
		override: ['attachments', ['5']],
	},
	{
		resource: 'twitter', operation: 'uploadPicture', token: ids.twitter,
		path: 'twitter/picture.json', object: 'picture',
		required: { pictureUrl: 'https://example.com/t.tiff' },
		requiredBody: { 'picture.url': 'https://example.com/t.tiff' },
		additional: { description: 'Tweet picture' },
		additionalBody: { 'picture.description': 'Tweet picture' },
		override: ['description', 'custom'],
	},
	{
		resource: 'twitter', operation: 'uploadVideo', token: ids.twitter,
		path: 'twitter/video.json', object: 'video',
		required: { videoUrl: 'https://example.com/t.mp4' },
		requiredBody: { 'video.video_url': 'https://example.com/t.mp4' },
		additional: { callbackUrl: 'https://n8n.example.com/webhook/x' },
		additionalBody: { 'video.callback_url': 'https://n8n.example.com/webhook/x' },
		override: ['callback_url', 'https://n8n.example.com/webhook/override'],
	},
	{
		resource: 'youtube', operation: 'uploadVideo', token: ids.youtube,
		path: 'youtube/video.json', object: 'video',
		required: { videoUrl: 'https://example.com/y.mp4', title: 'My video' },
		requiredBody: { 'video.video_url': 'https://example.com/y.mp4', 'video.title': 'My video' },
		additional: {
			description: 'About it',
			thumbnailUrl: 'https://example.com/thumb.jpeg',
			callbackUrl: 'https://n8n.example.com/webhook/y',
			privacyStatus: 'unlisted',
		},
		additionalBody: {
			'video.description': 'About it',
			'video.thumbnail_url': 'https://example.com/thumb.jpeg',
			'video.callback_url': 'https://n8n.example.com/webhook/y',
			'video.privacy_status': 'unlisted',
		},
		override: ['privacy_status', 'private'],
	},
	{
		resource: 'youtube', operation: 'addVideoToPlaylist', token: ids.youtube,
		path: `youtube/playlist/${ids.playlist}/video.json`, object: 'video',
		required: { playlistId: rl(ids.playlist), videoId: 'dQw4w9WgXcQ' },
		requiredBody: { 'video.id': 'dQw4w9WgXcQ' },
		additional: { position: 2 },
		additionalBody: { 'video.position': 2 },
		override: ['position', 5],
	},
	{
		resource: 'youtube', operation: 'createPlaylist', token: ids.youtube,
		path: 'youtube/playlist.json', object: 'playlist',
		required: { title: 'My playlist' },
		requiredBody: { 'playlist.title': 'My playlist' },
		additional: { description: 'Songs', privacyStatus: 'private', defaultLanguage: 'de' },
		additionalBody: { 'playlist.description': 'Songs', 'playlist.privacy_status': 'private', 'playlist.default_language': 'de' },
		override: ['default_language', 'fr'],
	},
	{
		resource: 'youtube', operation: 'addChannelSection', token: ids.youtube,
		path: 'youtube/channel/section.json', object: 'channel.section',
		required: { sectionType: 'multiplePlaylists' },
		requiredBody: { 'channel.section.type': 'multiplePlaylists' },
		additional: {
			style: 'verticalList',
			title: 'Best of',
			position: 1,
			defaultLanguage: 'en',
			playlistIds: 'PLa, PLb',
			channelIds: 'UCa,UCb',
		},
		additionalBody: {
			'channel.section.style': 'verticalList',
			'channel.section.title': 'Best of',
			'channel.section.position': 1,
			'channel.section.defaultLanguage': 'en',
			'channel.section.playlists': ['PLa', 'PLb'],
			'channel.section.channels': ['UCa', 'UCb'],
		},
		override: ['playlists', ['PLz']],
	},
];

const keyOf = (row) => `${row.resource}.${row.operation}`;

/** The sandbox's operation for a path, to compute what it answered (OPS is the sandbox's table). */
function sandboxOp(path) {
	const generic = path
		.replace(/^pinterest\/board\/[^/]+\/pin\.json$/, 'pinterest/board/{id}/pin.json')
		.replace(/^youtube\/playlist\/[^/]+\/video\.json$/, 'youtube/playlist/{id}/video.json');
	return OPS[generic];
}
const pathIdOf = (path) => /^(?:pinterest\/board|youtube\/playlist)\/([^/]+)\//.exec(path)?.[1] ?? null;

const bodyFrom = (map) => envelopeOf('push', map);

const { sb, credentials } = useSandbox();

const run = (parameters, extra = {}) => runOneAll({ parameters, credentials, ...extra });

/** The one recorded request, checked for method, path, auth and content type. */
function expectOneRequest(row) {
	expect(sb.requests).toHaveLength(1);
	const [request] = sb.requests;
	expect(request.method).toBe('POST');
	expect(request.url).toBe(`/push/identities/${row.token}/${row.path}`);
	expect(request.headers.authorization).toBe(basicOf(PUBLIC_KEY, PRIVATE_KEY));
	expect(request.headers['content-type']).toMatch(/^application\/json(\s*;.*)?$/);
	expect(request.status).toBe(200);
	return request;
}

/** The output is exactly the sandbox's result.data for the n-th push since reset, paired with item 0. */
function expectOutput(result, row, expectedBody, n = 1) {
	expect(result.error).toBeUndefined();
	const op = sandboxOp(row.path);
	const node = row.object.split('.').reduce((o, k) => o[k], expectedBody.request.push);
	const data = JSON.parse(JSON.stringify(op.result(n, node, pathIdOf(row.path))));
	expect(result.output).toHaveLength(1);
	expect(result.output[0]).toStrictEqual([{ json: data, pairedItem: { item: 0 } }]);
}

test('the table covers 20 operations, each once', () => {
	expect(OPERATIONS).toHaveLength(20);
	expect(new Set(OPERATIONS.map(keyOf)).size).toBe(20);
});

describe.each(OPERATIONS.map((row) => [keyOf(row), row]))('%s', (_name, row) => {
	const base = { resource: row.resource, operation: row.operation, identityToken: rl(row.token) };

	test('only required fields: exact path, auth, content type, body without optional keys, output', async () => {
		const result = await run({ ...base, ...row.required });
		const request = expectOneRequest(row);
		const expected = bodyFrom(row.requiredBody);
		expect(JSON.parse(request.body)).toStrictEqual(expected);
		// no empty leftovers of unset optional keys
		expect(request.body).not.toMatch(/""|\[\]|null|\{\}/);
		expectOutput(result, row, expected);
	});

	test('every additional field set: all keys present with their values', async () => {
		const result = await run({ ...base, ...row.required, additionalFields: { ...row.additional } });
		const request = expectOneRequest(row);
		const expected = bodyFrom({ ...row.requiredBody, ...row.additionalBody });
		expect(JSON.parse(request.body)).toStrictEqual(expected);
		expectOutput(result, row, expected);
	});

	test('customFields is merged last and shallowly into the object node and wins', async () => {
		const [key, value] = row.override;
		const custom = { [key]: value, extra_key: { nested: ['x', 1] }, extra_flag: true };
		const result = await run({
			...base,
			...row.required,
			additionalFields: { ...row.additional, customFields: JSON.stringify(custom) },
		});
		const request = expectOneRequest(row);
		const expected = bodyFrom({
			...row.requiredBody,
			...row.additionalBody,
			[`${row.object}.${key}`]: value,
			[`${row.object}.extra_key`]: { nested: ['x', 1] },
			[`${row.object}.extra_flag`]: true,
		});
		expect(JSON.parse(request.body)).toStrictEqual(expected);
		expectOutput(result, row, expected);
	});
});

describe('id lists', () => {
	const cases = [
		['facebook.publishPost', 'attachmentIds', 'post.attachments'],
		['facebookGroup.publishPost', 'attachmentIds', 'group.attachments'],
		['facebookPage.publishPost', 'attachmentIds', 'page.attachments'],
		['twitter.publishTweet', 'attachmentIds', 'post.attachments'],
		['youtube.addChannelSection', 'playlistIds', 'channel.section.playlists'],
		['youtube.addChannelSection', 'channelIds', 'channel.section.channels'],
	];
	const rowOf = (key) => OPERATIONS.find((row) => keyOf(row) === key);
	const paramsOf = (row, list) => ({
		resource: row.resource,
		operation: row.operation,
		identityToken: rl(row.token),
		...row.required,
		additionalFields: { [list[0]]: list[1] },
	});

	test.each(cases)('%s %s from a comma string "a, b,c"', async (key, name, bodyPath) => {
		const row = rowOf(key);
		const result = await run(paramsOf(row, [name, 'a, b,c']));
		expect(result.error).toBeUndefined();
		const request = expectOneRequest(row);
		expect(JSON.parse(request.body)).toStrictEqual(bodyFrom({ ...row.requiredBody, [bodyPath]: ['a', 'b', 'c'] }));
	});

	test.each(cases)('%s %s from an array by expression', async (key, name, bodyPath) => {
		const row = rowOf(key);
		const result = await run(paramsOf(row, [name, '={{ ["a","b"] }}']));
		expect(result.error).toBeUndefined();
		const request = expectOneRequest(row);
		expect(JSON.parse(request.body)).toStrictEqual(bodyFrom({ ...row.requiredBody, [bodyPath]: ['a', 'b'] }));
	});

	test('a single id, and numbers from an expression, are sent as strings', async () => {
		const row = rowOf('twitter.publishTweet');
		await run(paramsOf(row, ['attachmentIds', '42']));
		expect(JSON.parse(sb.requests[0].body).request.push.post.attachments).toStrictEqual(['42']);
		sb.reset();
		await run(paramsOf(row, ['attachmentIds', '={{ [910890718352281, 7] }}']));
		expect(JSON.parse(sb.requests[0].body).request.push.post.attachments).toStrictEqual(['910890718352281', '7']);
	});

	test('an empty list is left out of the body (no [])', async () => {
		const row = rowOf('twitter.publishTweet');
		await run(paramsOf(row, ['attachmentIds', '={{ [] }}']));
		expect(sb.requests[0].body).toBe(JSON.stringify(bodyFrom(row.requiredBody)));
	});
});

describe('numbers and booleans are kept, not dropped as empty', () => {
	test('position 0 is sent as 0', async () => {
		const row = OPERATIONS.find((r) => keyOf(r) === 'youtube.addVideoToPlaylist');
		await run({
			resource: row.resource,
			operation: row.operation,
			identityToken: rl(row.token),
			...row.required,
			additionalFields: { position: 0 },
		});
		expect(JSON.parse(sb.requests[0].body)).toStrictEqual(bodyFrom({ ...row.requiredBody, 'video.position': 0 }));
	});
});

describe('texts reach the body byte for byte', () => {
	const tricky = [
		'Zoë Müller — «Straße» 日本語 한국어 العربية',
		'emoji 😀👍🏽👨‍👩‍👧‍👦 🇩🇪',
		'quotes "double" \'single\' `back` and backslashes \\ \\\\ \\n \\u0041',
		'new\nlines\r\nand\ttabs\u2028\u2029 end',
		'</script><b>html</b> & amp; %20 %s {{ not an expression }}',
	].join(' | ');

	test('Twitter message: raw body === JSON.stringify of the expected body', async () => {
		const result = await run({ resource: 'twitter', operation: 'publishTweet', identityToken: rl(ids.twitter), message: tricky });
		expect(result.error).toBeUndefined();
		expect(sb.requests[0].body).toBe(JSON.stringify({ request: { push: { post: { message: tricky } } } }));
	});

	test('the same text from an input item by expression', async () => {
		await run(
			{ resource: 'twitter', operation: 'publishTweet', identityToken: rl(ids.twitter), message: '={{ $json.text }}' },
			{ items: [{ text: tricky }] },
		);
		expect(sb.requests[0].body).toBe(JSON.stringify({ request: { push: { post: { message: tricky } } } }));
	});

	test('Pinterest board name and description', async () => {
		await run({
			resource: 'pinterest',
			operation: 'publishBoard',
			identityToken: rl(ids.pinterest),
			name: tricky,
			additionalFields: { description: `${tricky} (description)` },
		});
		const raw = sb.requests[0].body;
		expect(raw).toContain(`"name":${JSON.stringify(tricky)}`);
		expect(raw).toContain(`"description":${JSON.stringify(`${tricky} (description)`)}`);
		expect(JSON.parse(raw)).toStrictEqual(
			bodyFrom({ 'board.name': tricky, 'board.description': `${tricky} (description)` }),
		);
	});

	test('YouTube title and LinkedIn message keep leading and trailing spaces', async () => {
		await run({
			resource: 'youtube',
			operation: 'createPlaylist',
			identityToken: rl(ids.youtube),
			title: '  spaced title  ',
		});
		expect(sb.requests[0].body).toBe(JSON.stringify({ request: { push: { playlist: { title: '  spaced title  ' } } } }));
		sb.reset();
		await run({ resource: 'linkedIn', operation: 'publishPost', identityToken: rl(ids.linkedin), message: ' 😀 ' });
		expect(sb.requests[0].body).toBe(JSON.stringify({ request: { push: { post: { message: ' 😀 ' } } } }));
	});
});

describe('locator parameters: resourceLocator objects and plain strings', () => {
	const locatorRows = [
		['facebookGroup.publishPost', 'groupId', ids.group],
		['facebookPage.publishPost', 'pageId', ids.page],
		['linkedInCompany.publishPost', 'companyId', ids.company],
		['pinterest.publishPin', 'boardId', ids.board],
		['youtube.addVideoToPlaylist', 'playlistId', ids.playlist],
	];
	const forms = [
		['{__rl, mode: id}', (v) => rl(v, 'id')],
		['{__rl, mode: list}', (v) => rl(v, 'list')],
		['plain string', (v) => v],
	];
	const cases = [];
	for (const [key, name, value] of locatorRows) for (const [form, make] of forms) cases.push([key, name, form, value, make]);

	test.each(cases)('%s %s as %s', async (key, name, _form, value, make) => {
		const row = OPERATIONS.find((r) => keyOf(r) === key);
		const result = await run({
			resource: row.resource,
			operation: row.operation,
			identityToken: rl(row.token),
			...row.required,
			[name]: make(value),
		});
		expect(result.error).toBeUndefined();
		const request = expectOneRequest(row);
		expect(JSON.parse(request.body)).toStrictEqual(bodyFrom(row.requiredBody));
	});

	test.each(forms)('identityToken as %s', async (_form, make) => {
		const result = await run({ resource: 'twitter', operation: 'publishTweet', identityToken: make(ids.twitter), message: 'x' });
		expect(result.error).toBeUndefined();
		expect(sb.requests.map((r) => r.url)).toEqual([`/push/identities/${ids.twitter}/twitter/post.json`]);
	});

	test('an upper-case identity token with spaces around it still names the identity', async () => {
		const result = await run({
			resource: 'twitter',
			operation: 'publishTweet',
			identityToken: rl(`  ${ids.twitter.toUpperCase()} `),
			message: 'x',
		});
		expect(result.error).toBeUndefined();
		expect(sb.requests[0].url.toLowerCase()).toBe(`/push/identities/${ids.twitter}/twitter/post.json`);
	});

	test('a locator value from an expression per item', async () => {
		const result = await run(
			{
				resource: 'facebookPage',
				operation: 'publishPost',
				identityToken: rl(ids.facebook),
				pageId: rl('={{ $json.page }}'),
				message: '={{ $json.text }}',
			},
			{ items: [{ page: ids.page, text: 'one' }, { page: ids.page2, text: 'two' }] },
		);
		expect(result.error).toBeUndefined();
		expect(sb.requests.map((r) => JSON.parse(r.body).request.push.page)).toStrictEqual([
			{ id: ids.page, message: 'one' },
			{ id: ids.page2, message: 'two' },
		]);
	});
});

describe('several input items', () => {
	test('one request each, in input order, one output item each with pairedItem', async () => {
		const texts = ['first', 'second', 'third', 'fourth', 'fifth'];
		const result = await run(
			{ resource: 'twitter', operation: 'publishTweet', identityToken: rl(ids.twitter), message: '={{ $json.text }}' },
			{ items: texts.map((text) => ({ text })) },
		);
		expect(result.error).toBeUndefined();
		expect(sb.requests.map((r) => JSON.parse(r.body).request.push.post.message)).toEqual(texts);
		expect(sb.requests.every((r) => r.url === `/push/identities/${ids.twitter}/twitter/post.json`)).toBe(true);
		expect(result.output).toHaveLength(1);
		expect(result.output[0]).toStrictEqual(
			texts.map((_text, i) => ({
				json: { provider: 'twitter', object: 'post', post_id: formatId('numeric', i + 1) },
				pairedItem: { item: i },
			})),
		);
	});

	test('items are sent in order even when the answers are slow', async () => {
		sb.setDelay(30);
		const result = await run(
			{ resource: 'youtube', operation: 'createPlaylist', identityToken: rl(ids.youtube), title: '={{ $json.t }}' },
			{ items: [{ t: 'a' }, { t: 'b' }, { t: 'c' }] },
		);
		expect(result.error).toBeUndefined();
		expect(sb.requests.map((r) => JSON.parse(r.body).request.push.playlist.title)).toEqual(['a', 'b', 'c']);
		// strictly sequential: no request arrived before the previous one was answered
		expect(sb.overlaps()).toEqual([]);
		expect(result.output[0].map((item) => item.json.playlist_id)).toEqual([1, 2, 3].map((n) => formatId('youtubePlaylist', n)));
		expect(result.output[0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});
});

describe('Facebook and LinkedIn posts need a message or a link', () => {
	test.each([
		['facebook', 'publishPost', ids.facebook, 'facebook/post.json', 'post', {}],
		['facebookGroup', 'publishPost', ids.facebook, 'facebook/group/post.json', 'group', { groupId: rl(ids.group) }],
		['facebookPage', 'publishPost', ids.facebook, 'facebook/page/post.json', 'page', { pageId: rl(ids.page) }],
		['linkedIn', 'publishPost', ids.linkedin, 'linkedin/post.json', 'post', {}],
		['linkedInCompany', 'publishPost', ids.linkedin, 'linkedin/company/post.json', 'post', { companyId: rl(ids.company) }],
	])('%s %s with an empty message and a link sends the link only', async (resource, operation, token, path, object, extra) => {
		const result = await run({
			resource,
			operation,
			identityToken: rl(token),
			...extra,
			message: '',
			additionalFields: { link: 'https://example.com/only-a-link' },
		});
		expect(result.error).toBeUndefined();
		expect(sb.requests).toHaveLength(1);
		expect(sb.requests[0].url).toBe(`/push/identities/${token}/${path}`);
		const node = JSON.parse(sb.requests[0].body).request.push[object];
		expect(node.link).toBe('https://example.com/only-a-link');
		expect('message' in node).toBe(false);
	});
});
