'use strict';

// The node's list-search methods driven through n8n's own machinery: n8n-core's LoadOptionsContext,
// built the way n8n's DynamicNodeParametersService builds it (see test/helpers/loadOptions.js),
// with the real credential's authenticate, against the strict local OneAll sandbox.
// Expectations are computed from the sandbox's data (test/sandbox/data.js), not from the node.

const { data, rl, startKitSandbox, useSandbox } = require('../helpers/kit');
const { buildLoadOptionsContext, getResourceLocatorResults, oneAll } = require('../helpers/loadOptions');

const { named, createData } = data;
const PAGE_SIZE = 500;

// The contract: the resource decides the provider whose identities are listed.
const PROVIDER_OF_RESOURCE = {
	facebook: 'facebook',
	facebookGroup: 'facebook',
	facebookPage: 'facebook',
	linkedIn: 'linkedin',
	linkedInCompany: 'linkedin',
	pinterest: 'pinterest',
	twitter: 'twitter',
	youtube: 'youtube',
};
const FIRST_OPERATION = {
	facebook: 'publishPost',
	facebookGroup: 'publishPost',
	facebookPage: 'publishPost',
	linkedIn: 'publishPost',
	linkedInCompany: 'publishPost',
	pinterest: 'publishPin',
	twitter: 'publishTweet',
	youtube: 'uploadVideo',
};

/** The sandbox's identities in the order GET /identities.json?order_direction=asc gives them. */
function ascending(identities) {
	return identities
		.map((entry, index) => ({ entry, index, t: Date.parse(entry.date_creation) }))
		.sort((a, b) => a.t - b.t || a.index - b.index)
		.map((x) => x.entry);
}
const ALL = ascending(data.identities);
const tokensOf = (provider, list = ALL) => list.filter((i) => i.provider === provider).map((i) => i.identity_token);
const byToken = new Map(ALL.map((i) => [i.identity_token, i]));


const { sb, credentials } = useSandbox();

function identityContext(resource, extra = {}) {
	return buildLoadOptionsContext({
		parameters: { resource, operation: FIRST_OPERATION[resource], identityToken: rl('') },
		credentials,
		path: 'parameters.identityToken',
		...extra,
	});
}

async function listIdentities(resource, filter, extra) {
	const { context } = identityContext(resource, extra);
	return await oneAll.methods.listSearch.getIdentities.call(context, filter);
}

const identityRequests = (server = sb) => server.requests.filter((r) => r.pathname === '/identities.json');

/** Everything an error exposes to the editor, to check that no key leaks into it. */
const errorText = (error) => `${error.message}\n${error.description ?? ''}\n${JSON.stringify(error)}`;

async function rejection(promise) {
	try {
		await promise;
	} catch (error) {
		return error;
	}
	throw new Error('expected the list search to fail, but it returned results');
}

describe('the LoadOptionsContext is n8n-core\'s, wired like n8n\'s server', () => {
	test('getCurrentNodeParameter reads the editor\'s parameters; the credential comes from the node\'s reference', async () => {
		const { context, credentialCalls, currentNodeParameters } = identityContext('twitter');
		expect(context.constructor.name).toBe('LoadOptionsContext');
		expect(context.getCurrentNodeParameter('resource')).toBe('twitter');
		expect(currentNodeParameters.identityToken).toEqual(rl(''));
		await oneAll.methods.listSearch.getIdentities.call(context, '');
		expect(credentialCalls.filter((c) => c.method === 'getDecrypted')).toEqual([
			{ method: 'getDecrypted', type: 'oneAllApi', id: '1' },
			{ method: 'getDecrypted', type: 'oneAllApi', id: '1' },
		]);
		// The real credential authenticated every request: HTTP Basic with the Site's keys.
		expect(identityRequests().length).toBe(2);
		for (const r of identityRequests()) {
			expect(r.method).toBe('GET');
			expect(r.headers.authorization).toBe(sb.authHeader);
		}
	});

	test('every list mode the description names is a method n8n can find on the node type', async () => {
		const methods = new Set();
		for (const property of oneAll.description.properties) {
			if (property.type !== 'resourceLocator') continue;
			const list = property.modes.find((m) => m.name === 'list');
			expect(list.typeOptions.searchable).toBe(true);
			methods.add(list.typeOptions.searchListMethod);
		}
		expect([...methods].sort()).toEqual([
			'getFacebookGroups',
			'getFacebookPagePosts',
			'getFacebookPages',
			'getIdentities',
			'getLinkedInCompanies',
			'getPinterestBoards',
			'getPinterestPins',
			'getTwitterTweets',
			'getYouTubePlaylistVideos',
			'getYouTubePlaylists',
		]);
		for (const name of methods) expect(typeof oneAll.methods.listSearch[name]).toBe('function');
	});
});

describe('getIdentities: provider filtering', () => {
	test('the node has exactly the resources the provider table covers', () => {
		const resourceProperty = oneAll.description.properties.find((p) => p.name === 'resource');
		expect(resourceProperty.options.map((o) => o.value).sort()).toEqual([...Object.keys(PROVIDER_OF_RESOURCE), 'identity'].sort());
	});

	test.each(Object.entries(PROVIDER_OF_RESOURCE))('%s lists exactly the %s identities, in OneAll\'s order', async (resource, provider) => {
		const { results } = await listIdentities(resource, '');
		const expected = tokensOf(provider);
		expect(expected.length).toBeGreaterThan(10);
		expect(results.map((r) => r.value)).toEqual(expected);
		for (const r of results) expect(byToken.get(r.value).provider).toBe(provider);
	});

	test('login-only identities (google, github) are never offered', async () => {
		const loginOnly = new Set(ALL.filter((i) => !data.PROVIDERS_WITH_PUSH.includes(i.provider)).map((i) => i.identity_token));
		expect(loginOnly.size).toBeGreaterThan(0);
		for (const resource of ['twitter', 'facebookPage', 'linkedInCompany']) {
			const { results } = await listIdentities(resource, '');
			expect(results.filter((r) => loginOnly.has(r.value))).toEqual([]);
		}
	});

	test('a saved Twitter node stores no `resource` (it is the default); the editor fills it in and the list is Twitter\'s', async () => {
		const { context } = buildLoadOptionsContext({
			parameters: { operation: 'publishTweet', identityToken: rl('') },
			credentials,
		});
		const { results } = await oneAll.methods.listSearch.getIdentities.call(context, '');
		expect(results.map((r) => r.value)).toEqual(tokensOf('twitter'));
	});

	test('found by name through n8n\'s method lookup (DynamicNodeParametersService path)', async () => {
		const { results } = await getResourceLocatorResults(
			'getIdentities',
			{ parameters: { resource: 'youtube', operation: 'createPlaylist', identityToken: rl('') }, credentials },
			'',
		);
		expect(results.map((r) => r.value)).toEqual(tokensOf('youtube'));
	});
});

describe('getIdentities: paging through /identities.json', () => {
	test('620 identities: asks page 1 and page 2 with entries_per_page=500, and lists page 2\'s identities', async () => {
		expect(ALL.length).toBe(620);
		const { results } = await listIdentities('facebook', '');
		const requests = identityRequests();
		expect(requests.map((r) => r.query.page)).toEqual(['1', '2']);
		expect(requests.map((r) => r.query.entries_per_page)).toEqual(['500', '500']);
		expect(requests.every((r) => r.status === 200)).toBe(true);
		const secondPage = tokensOf('facebook', ALL.slice(PAGE_SIZE));
		expect(secondPage.length).toBeGreaterThan(0);
		const values = results.map((r) => r.value);
		for (const token of secondPage) expect(values).toContain(token);
		expect(values[values.length - 1]).toBe(secondPage[secondPage.length - 1]);
	});

	test('1010 identities: three pages, then it stops', async () => {
		const big = createData({ total: 1010 });
		const other = await startKitSandbox({ data: big });
		try {
			// The last identity of a network with a resource, on page 3.
			const last = ascending(big.identities)
				.slice(1000)
				.filter((i) => data.PROVIDERS_WITH_PUSH.includes(i.provider))
				.pop();
			const resource = Object.keys(PROVIDER_OF_RESOURCE).find((r) => PROVIDER_OF_RESOURCE[r] === last.provider);
			expect(resource).toBeDefined();
			const { context } = identityContext(resource, { credentials: { ...credentials, baseUrl: other.url } });
			const { results } = await oneAll.methods.listSearch.getIdentities.call(context, '');
			expect(identityRequests(other).map((r) => r.query.page)).toEqual(['1', '2', '3']);
			expect(results.map((r) => r.value)).toEqual(tokensOf(last.provider, ascending(big.identities)));
			expect(results[results.length - 1].value).toBe(last.identity_token);
		} finally {
			await other.close();
		}
	});

	test('one page of identities: one request only', async () => {
		const small = createData({ total: 11 });
		const other = await startKitSandbox({ data: small });
		try {
			const { context } = identityContext('linkedIn', { credentials: { ...credentials, baseUrl: other.url } });
			const { results } = await oneAll.methods.listSearch.getIdentities.call(context, '');
			expect(identityRequests(other).map((r) => r.query.page)).toEqual(['1']);
			expect(results.map((r) => r.value)).toEqual([named.linkedin.identity_token, named.linkedin2.identity_token]);
		} finally {
			await other.close();
		}
	});
});

describe('getIdentities: the typed-text filter', () => {
	test('matches the display name, case-insensitively, and trims the typed text', async () => {
		const { results } = await listIdentities('twitter', '  oneall SANDBOX ');
		expect(results.map((r) => r.value)).toEqual([named.twitter.identity_token]);
	});

	test('matches the user name and the start of the token', async () => {
		expect((await listIdentities('twitter', 'zoe_mueller')).results.map((r) => r.value)).toEqual([named.twitter2.identity_token]);
		expect((await listIdentities('twitter', named.twitter3.identity_token.slice(0, 8))).results.map((r) => r.value)).toEqual([
			named.twitter3.identity_token,
		]);
	});

	test('a first name lists every identity of the provider carrying it, page 2 included', async () => {
		const twitter = ALL.filter((i) => i.provider === 'twitter');
		const expected = twitter
			.filter((i) => i.displayName.toLowerCase().includes('kenji') || i.preferredUsername.toLowerCase().includes('kenji'))
			.map((i) => i.identity_token);
		expect(expected.length).toBeGreaterThan(1);
		expect(expected.some((t) => ALL.findIndex((i) => i.identity_token === t) >= PAGE_SIZE)).toBe(true);
		const { results } = await listIdentities('twitter', 'Kenji');
		expect(results.map((r) => r.value)).toEqual(expected);
	});

	test('a name of another network\'s identity finds nothing; no match is an empty list, not an error', async () => {
		expect((await listIdentities('twitter', 'Jane Doe')).results).toEqual([]);
		expect((await listIdentities('facebook', 'Jane Doe')).results.map((r) => r.value)).toEqual([named.facebook.identity_token]);
		expect((await listIdentities('youtube', 'no such identity xyz')).results).toEqual([]);
	});
});

describe('getIdentities: result shape', () => {
	test('name = display name + provider + short token; value = full token; url = profile URL', async () => {
		const { results } = await listIdentities('twitter', '');
		for (const r of results) {
			const identity = byToken.get(r.value);
			expect(identity).toBeDefined();
			expect(r.name).toContain(identity.displayName);
			expect(r.name).toContain('twitter');
			expect(r.name).toContain(r.value.slice(0, 8));
			expect(r.name).not.toContain(r.value); // short form only
			expect(r.url).toBe(identity.profileUrl);
		}
		const ada = results.find((r) => r.value === named.twitter3.identity_token);
		expect(ada.name).toContain('Ada "Tweets" <Lovelace> & Co');
	});

	test('an identity without display name or profile URL still shows (by user name) and has no link', async () => {
		const custom = createData({ total: 11 });
		const bare = custom.identities.find((i) => i.identity_token === named.twitter2.identity_token);
		delete bare.displayName;
		delete bare.profileUrl;
		const other = await startKitSandbox({ data: custom });
		try {
			const { context } = identityContext('twitter', { credentials: { ...credentials, baseUrl: other.url } });
			const { results } = await oneAll.methods.listSearch.getIdentities.call(context, '');
			const r = results.find((x) => x.value === named.twitter2.identity_token);
			expect(r.name).toContain('zoe_mueller');
			expect(r.url).toBeUndefined();
		} finally {
			await other.close();
		}
	});
});

describe('getIdentities: when OneAll refuses', () => {
	test('401 with wrong keys: the error carries OneAll\'s code and info, a hint, and no key', async () => {
		const wrong = 'wrong-private-key-7f3a9c';
		const error = await rejection(listIdentities('twitter', '', { credentials: { ...credentials, privateKey: wrong } }));
		expect(error.message).toContain('401');
		expect(error.message).toContain('Authentication credentials are missing or incorrect');
		expect(error.httpCode).toBe('401');
		expect(error.description).toMatch(/key/i);
		expect(errorText(error)).not.toContain(wrong);
		expect(errorText(error)).not.toContain(Buffer.from(`${sb.publicKey}:${wrong}`).toString('base64'));
		expect(identityRequests().map((r) => r.status)).toEqual([401]);
	});

	test('500 from OneAll: the error carries OneAll\'s info', async () => {
		sb.setFault({ mode: 'status', status: 500 });
		const error = await rejection(listIdentities('facebook', ''));
		expect(error.message).toContain('500');
		expect(error.message).toContain('An unrecoverable error occurred while processing the request.');
		expect(errorText(error)).not.toContain(sb.privateKey);
	});

	test('a failing page 2 fails the list (no silently shortened list)', async () => {
		sb.setFault({ mode: 'status', status: 503, match: { pathContains: 'page=2' } });
		const error = await rejection(listIdentities('twitter', ''));
		expect(error.message).toContain('503');
		expect(error.message).toContain('overloaded');
		expect(identityRequests().map((r) => [r.query.page, r.status])).toEqual([
			['1', 200],
			['2', 503],
		]);
	});

	test('HTTP 200 with flag "error": an error with OneAll\'s info', async () => {
		sb.setFault({ mode: 'flagError', code: 400, info: 'The Site has been disabled by its owner.' });
		const error = await rejection(listIdentities('twitter', ''));
		expect(error.message).toContain('The Site has been disabled by its owner.');
	});

	test('an HTML error page from a proxy: the HTTP status and a short excerpt', async () => {
		sb.setFault({ mode: 'html', status: 502 });
		const error = await rejection(listIdentities('twitter', ''));
		expect(error.message).toContain('502');
		expect(error.message).toContain('Bad Gateway');
	});
});

// ---------------------------------------------------------------------------------------------
// The five id lists filled from the Pull API
// ---------------------------------------------------------------------------------------------

const LISTS = [
	{ method: 'getFacebookPages', param: 'pageId', resource: 'facebookPage', operation: 'publishPost', who: 'facebook', key: 'pages', id: 'page_id', path: 'facebook/pages.json', filter: 'café', filtered: ['314572800987654'] },
	{ method: 'getFacebookGroups', param: 'groupId', resource: 'facebookGroup', operation: 'publishPost', who: 'facebook', key: 'groups', id: 'group_id', path: 'facebook/groups.json', filter: 'N8N', filtered: ['419430400111222'] },
	{ method: 'getLinkedInCompanies', param: 'companyId', resource: 'linkedInCompany', operation: 'publishPost', who: 'linkedin', key: 'companies', id: 'company_id', path: 'linkedin/companies.json', filter: 'raman', filtered: ['18047761'] },
	{ method: 'getPinterestBoards', param: 'boardId', resource: 'pinterest', operation: 'publishPin', who: 'pinterest', key: 'boards', id: 'board_id', path: 'pinterest/boards.json', filter: 'gift', filtered: ['549755813888003'] },
	{ method: 'getYouTubePlaylists', param: 'playlistId', resource: 'youtube', operation: 'addVideoToPlaylist', who: 'youtube', key: 'playlists', id: 'playlist_id', path: 'youtube/playlists.json', filter: 'behind', filtered: ['PLsbxZ9y8X7w6V5u4T3s2R1q0PoNmLkJiH'] },
];

function pullContext(list, identityToken) {
	return buildLoadOptionsContext({
		parameters: { resource: list.resource, operation: list.operation, identityToken, [list.param]: rl('') },
		credentials,
		path: `parameters.${list.param}`,
	});
}

async function pull(list, identityToken, filter = '') {
	const { context } = pullContext(list, identityToken);
	return await oneAll.methods.listSearch[list.method].call(context, filter);
}

const expectedEntries = (token, list) =>
	data.pull[token][list.key].map((e) => ({
		name: e.name ?? e.title,
		value: String(e[list.id]),
		url: e.link ?? e.url,
	}));

const pullRequests = () => sb.requests.filter((r) => r.pathname.startsWith('/pull/'));

describe.each(LISTS)('$method ($param)', (list) => {
	const token = named[list.who].identity_token;

	test('the description wires the parameter\'s list to this method', () => {
		const properties = oneAll.description.properties.filter((p) => p.name === list.param);
		expect(properties.length).toBeGreaterThan(0);
		for (const p of properties) expect(p.modes.find((m) => m.name === 'list').typeOptions.searchListMethod).toBe(list.method);
	});

	test('lists the chosen identity\'s items from the Pull API', async () => {
		const { results } = await pull(list, rl(token));
		const expected = expectedEntries(token, list);
		expect(expected.length).toBeGreaterThan(1);
		expect(results).toEqual(expected);
		const requests = pullRequests();
		expect(requests.map((r) => [r.method, r.pathname, r.status])).toEqual([['GET', `/pull/identities/${token}/${list.path}`, 200]]);
		expect(requests[0].headers.authorization).toBe(sb.authHeader);
	});

	test('the identity may be given By Token (mode id), in capitals and with spaces', async () => {
		const { results } = await pull(list, rl(`  ${token.toUpperCase()} `, 'id'));
		expect(results.map((r) => r.value)).toEqual(expectedEntries(token, list).map((e) => e.value));
	});

	test('the typed-text filter narrows the list', async () => {
		const { results } = await pull(list, rl(token), list.filter);
		expect(results.map((r) => r.value)).toEqual(list.filtered);
		expect((await pull(list, rl(token), 'nothing-matches-this')).results).toEqual([]);
	});

	test('no identity chosen yet: an error saying to choose it, and nothing is sent', async () => {
		const error = await rejection(pull(list, rl('')));
		expect(error.message).toMatch(/Choose the Identity first/);
		const invalid = await rejection(pull(list, rl('../../identities', 'id')));
		expect(invalid.message).toMatch(/Choose the Identity first/);
		expect(sb.requests).toEqual([]);
	});

	test('an identity of another network: OneAll\'s 403 and its info', async () => {
		const error = await rejection(pull(list, rl(named.twitter.identity_token)));
		expect(error.message).toContain('403');
		expect(error.message).toContain(`belongs to the provider [twitter] and cannot be used with the [${list.who}] API`);
	});
});

describe('Pull lists: more cases', () => {
	const pages = LISTS[0];
	const groups = LISTS[1];

	test('an identity from page 2 of the identities has its own lists', async () => {
		const late = ALL.slice(PAGE_SIZE).find((i) => i.provider === 'facebook');
		const { results } = await pull(pages, rl(late.identity_token));
		expect(results).toEqual(expectedEntries(late.identity_token, pages));
	});

	test('an empty list is an empty result', async () => {
		expect(data.pull[named.facebook2.identity_token].groups).toEqual([]);
		expect(await pull(groups, rl(named.facebook2.identity_token))).toEqual({ results: [] });
	});

	test('wrong keys: OneAll\'s 401 info, no key in the error', async () => {
		const wrong = 'another-wrong-key-55e1';
		const { context } = buildLoadOptionsContext({
			parameters: { resource: 'facebookPage', operation: 'publishPost', identityToken: rl(named.facebook.identity_token), pageId: rl('') },
			credentials: { ...credentials, privateKey: wrong },
			path: 'parameters.pageId',
		});
		const error = await rejection(oneAll.methods.listSearch.getFacebookPages.call(context, ''));
		expect(error.message).toContain('401');
		expect(error.message).toContain('Authentication credentials are missing or incorrect');
		expect(errorText(error)).not.toContain(wrong);
	});

	test('an unknown identity: OneAll\'s 404 info', async () => {
		const unknown = '00000000-0000-4000-8000-000000000000';
		const error = await rejection(pull(pages, rl(unknown, 'id')));
		expect(error.message).toContain('404');
		expect(error.message).toContain(`The identity with the identity_token [${unknown}] could not be found.`);
	});

	test('a 500 from the Pull API: OneAll\'s info', async () => {
		sb.setFault({ mode: 'status', status: 500, match: { pathContains: '/pull/' } });
		const error = await rejection(pull(LISTS[4], rl(named.youtube.identity_token)));
		expect(error.message).toContain('An unrecoverable error occurred while processing the request.');
	});

	test('found by name through n8n\'s method lookup, with the editor\'s path', async () => {
		const { results } = await getResourceLocatorResults(
			'getPinterestBoards',
			{
				parameters: { resource: 'pinterest', operation: 'publishPin', identityToken: rl(named.pinterest.identity_token), boardId: rl('') },
				credentials,
				path: 'parameters.boardId',
			},
			'DIY',
		);
		expect(results).toEqual([{ name: 'DIY Home', value: '549755813888002', url: 'https://www.pinterest.com/craftycorner/diy-home/' }]);
	});
});

// ---------------------------------------------------------------------------------------------
// Lists of published objects, for editing and deleting them
// ---------------------------------------------------------------------------------------------

describe('getIdentities for the Identity resource', () => {
	test('Identity → Get lists every identity of the Site, login-only networks included', async () => {
		const { context } = buildLoadOptionsContext({
			parameters: { resource: 'identity', operation: 'get', identityToken: rl('') },
			credentials,
			path: 'parameters.identityToken',
		});
		const { results } = await oneAll.methods.listSearch.getIdentities.call(context, '');
		expect(results.map((r) => r.value)).toEqual(ALL.map((i) => i.identity_token));
		expect(results.some((r) => r.name.includes('(google,'))).toBe(true);
	});
});

const OBJECT_LISTS = [
	{ method: 'getTwitterTweets', param: 'postId', resource: 'twitter', operation: 'deleteTweet', who: 'twitter', path: 'twitter/tweets.json', seeds: (o) => o.tweets, id: 'post_id', name: 'message', filter: 'typo', parents: {} },
	{ method: 'getFacebookPagePosts', param: 'postId', resource: 'facebookPage', operation: 'deletePost', who: 'facebook', path: 'facebook/page/104857600123456/posts.json', seeds: (o) => o.pagePosts['104857600123456'], id: 'post_id', name: 'message', filter: 'SUNDAY', parents: { pageId: '104857600123456' } },
	{ method: 'getPinterestPins', param: 'pinId', resource: 'pinterest', operation: 'deletePin', who: 'pinterest', path: 'pinterest/pins.json', seeds: (o) => o.pins, id: 'pin_id', name: 'description', filter: 'scarf', parents: {} },
	{ method: 'getYouTubePlaylistVideos', param: 'videoId', resource: 'youtube', operation: 'removeVideoFromPlaylist', who: 'youtube', path: 'youtube/playlist/PLsbxA1b2C3d4E5f6G7h8I9j0KlMnOpQrS/videos.json', seeds: (o) => o.playlistVideos.PLsbxA1b2C3d4E5f6G7h8I9j0KlMnOpQrS, id: 'video_id', name: 'title', filter: 'advanced', parents: { playlistId: 'PLsbxA1b2C3d4E5f6G7h8I9j0KlMnOpQrS' } },
];

describe.each(OBJECT_LISTS)('$method ($param of $operation)', (list) => {
	const token = named[list.who].identity_token;
	const listContext = (parents = list.parents, identityToken = rl(token)) =>
		buildLoadOptionsContext({
			parameters: {
				resource: list.resource,
				operation: list.operation,
				identityToken,
				...Object.fromEntries(Object.entries(parents).map(([k, v]) => [k, rl(v)])),
				[list.param]: rl(''),
			},
			credentials,
			path: `parameters.${list.param}`,
		}).context;
	const call = (filter = '', parents, identityToken) => oneAll.methods.listSearch[list.method].call(listContext(parents, identityToken), filter);
	const expected = () =>
		list.seeds(data.objects[token]).map((e) => {
			const url = e.url ?? e.link;
			return url ? { name: e[list.name], value: e[list.id], url } : { name: e[list.name], value: e[list.id] };
		});

	test('lists the published objects from the Pull API, by their ids', async () => {
		const { results } = await call();
		expect(results.length).toBeGreaterThan(1);
		expect(results).toEqual(expected());
		expect(pullRequests().map((r) => [r.method, r.pathname, r.status])).toEqual([['GET', `/pull/identities/${token}/${list.path}`, 200]]);
	});

	test('the typed-text filter narrows the list', async () => {
		const { results } = await call(list.filter);
		expect(results).toHaveLength(1);
		expect(results[0].name.toLowerCase()).toContain(list.filter.toLowerCase());
	});

	test('a freshly published object shows up; a deleted one is gone', async () => {
		const first = expected()[0].value;
		const parent = Object.values(list.parents)[0];
		const path = {
			postId: list.resource === 'twitter' ? `twitter/post/${first}.json` : `facebook/page/${parent}/post/${first}.json`,
			pinId: `pinterest/pin/${first}.json`,
			videoId: `youtube/playlist/${parent}/video/${first}.json`,
		}[list.param];
		const answer = await fetch(`${sb.url}/update/identities/${token}/${path}`, { method: 'DELETE', headers: { authorization: sb.authHeader } });
		expect(answer.status).toBe(200);
		expect((await call()).results.map((r) => r.value)).toEqual(expected().slice(1).map((e) => e.value));
	});

	if (Object.keys(list.parents).length) {
		const [[parentName]] = Object.entries(list.parents);
		const what = parentName === 'pageId' ? 'Page' : 'Playlist';
		test(`no ${what.toLowerCase()} chosen, or one that would bend the path: "Choose the ${what} first", nothing sent`, async () => {
			for (const bad of ['', '../x', 'a/b']) {
				const error = await rejection(call('', { [parentName]: bad }));
				expect(error.message).toBe(`Choose the ${what} first: its ${list.path.includes('posts') ? 'posts' : 'videos'} are listed here`);
			}
			expect(sb.requests).toEqual([]);
		});
	}

	test('no identity chosen yet: "Choose the Identity first", nothing sent', async () => {
		const error = await rejection(call('', list.parents, rl('')));
		expect(error.message).toMatch(/^Choose the Identity first/);
		expect(sb.requests).toEqual([]);
	});
});

describe('getIdentities: Sites with more than 10,000 identities', () => {
	// 10,600 identities: the list as opened reads 20 pages of 500; 600 are beyond them.
	const big = createData({ total: 10600 });
	const bigAscending = ascending(big.identities);
	const late = bigAscending.slice(10000).find((i) => i.provider === 'twitter');
	let bigSb;
	let bigCredentials;
	beforeAll(async () => {
		bigSb = await startKitSandbox({ data: big });
		bigCredentials = { ...credentials, baseUrl: bigSb.url };
	});
	afterAll(async () => {
		await bigSb?.close();
	});
	beforeEach(() => bigSb.reset());

	const search = async (resource, filter) => {
		const { context } = identityContext(resource, { credentials: bigCredentials });
		return (await oneAll.methods.listSearch.getIdentities.call(context, filter)).results;
	};

	test('the list reads 20 pages and its first entry says it is cut, and how to reach the others', async () => {
		const results = await search('twitter', '');
		expect(identityRequests(bigSb).map((r) => r.query.page)).toEqual([...Array(20)].map((_, k) => String(k + 1)));
		expect(results[0]).toEqual({
			name: '10,000 of 10,600 shown: type a name or token to search all',
			value: '',
		});
		expect(results.slice(1).map((r) => r.value)).toEqual(tokensOf('twitter', bigAscending.slice(0, 10000)));
		expect(results.map((r) => r.value)).not.toContain(late.identity_token);
	});

	test('typed text is searched on every page, past the first 10,000', async () => {
		const needle = late.preferredUsername;
		const expected = bigAscending
			.filter((i) => i.provider === 'twitter' && `${i.displayName} ${i.preferredUsername} ${i.identity_token}`.toLowerCase().includes(needle))
			.map((i) => i.identity_token);
		expect(expected).toContain(late.identity_token);
		const results = await search('twitter', needle);
		expect(results.map((r) => r.value)).toEqual(expected);
		expect(results.find((r) => r.value === late.identity_token).name).toBe(
			`${late.displayName} (twitter, ${late.identity_token.slice(0, 8)}…)`,
		);
		expect(identityRequests(bigSb).map((r) => r.query.page)).toEqual([...Array(22)].map((_, k) => String(k + 1)));
	});

	test('a pasted token (any case, with spaces) is read directly, wherever the identity is: one request', async () => {
		const results = await search('twitter', `  ${late.identity_token.toUpperCase()} `);
		expect(results).toEqual([
			{ name: `${late.displayName} (twitter, ${late.identity_token.slice(0, 8)}…)`, value: late.identity_token, url: late.profileUrl },
		]);
		expect(bigSb.requests.map((r) => [r.method, r.pathname, r.status])).toEqual([
			['GET', `/identities/${late.identity_token}.json`, 200],
		]);
		expect(bigSb.requests[0].headers.authorization).toBe(bigSb.authHeader);
	});

	test('a pasted token of another network\'s identity, or of no identity, lists nothing', async () => {
		expect(await search('facebook', late.identity_token)).toEqual([]);
		const unknown = '00000000-0000-4000-8000-000000000000';
		expect(await search('twitter', unknown)).toEqual([]);
		expect(bigSb.requests.map((r) => [r.pathname, r.status])).toEqual([
			[`/identities/${late.identity_token}.json`, 200],
			[`/identities/${unknown}.json`, 404],
		]);
	});
});

test('getIdentities: a search stops after 100 pages (50,000 identities) and says where it stopped', async () => {
	// 50,600 plain identities, made here: createData's profiles are not needed for this.
	const hex = (n) => n.toString(16).padStart(12, '0');
	const identities = [...Array(50600)].map((_, n) => ({
		identity_token: `00000000-0000-4000-8000-${hex(n)}`,
		provider: 'twitter',
		displayName: `Person ${n}`,
		date_creation: new Date(Date.UTC(2020, 0, 1) + n * 1000).toUTCString(),
	}));
	const huge = await startKitSandbox({ data: { identities } });
	try {
		const { context } = identityContext('twitter', { credentials: { ...credentials, baseUrl: huge.url } });
		const { results } = await oneAll.methods.listSearch.getIdentities.call(context, 'Person 5000');
		expect(identityRequests(huge).map((r) => r.query.page)).toEqual([...Array(100)].map((_, k) => String(k + 1)));
		// Person 50000 to 50009 match too, but are past the 50,000 searched.
		expect(results).toEqual([
			{ name: 'Searched 50,000 of 50,600: paste a full token for the rest', value: '' },
			{ name: 'Person 5000 (twitter, 00000000…)', value: identities[5000].identity_token },
		]);
	} finally {
		await huge.close();
	}
}, 120000);
