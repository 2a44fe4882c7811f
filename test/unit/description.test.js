// The built node's description against the contract: resources, operations, every parameter name
// and where it is shown (evaluated with n8n-workflow's own displayParameter), types, locators, and
// the files n8n loads beside the node. The expected table is written by hand from the contract.
const fs = require('node:fs');
const path = require('node:path');
const { NodeHelpers } = require('n8n-workflow');

const { nodeDir, nodePath, credentialPath } = require('../..');
const { OneAll } = require(nodePath);

const node = new OneAll();
const description = node.description;
const properties = description.properties;
const nodeRef = { id: '1', name: 'OneAll', type: 'n8n-nodes-oneall.oneAll', typeVersion: 1, position: [0, 0], parameters: {} };

// resource → operation → { required: top-level parameters, additional: additionalFields options
// (null: the operation has no additionalFields), method (default POST), filters / options: the
// collections' options, identity: false when no identity is chosen, pull: a read's path after
// /pull/identities/{identityToken}/ }
const CONTRACT = {
	facebook: {
		publishPost: { required: ['message'], additional: ['link', 'attachmentIds'] },
		uploadPicture: { required: ['pictureUrl'], additional: ['description', 'createPost'] },
		uploadVideo: { required: ['videoUrl'], additional: ['description', 'createPost'] },
		// Pull API
		getManyPosts: { method: 'GET', pull: 'facebook/posts.json', required: ['returnAll', 'limit'], additional: null, options: ['ownPostsOnly'] },
	},
	facebookGroup: {
		publishPost: { required: ['groupId', 'message'], additional: ['link', 'attachmentIds'] },
		uploadPicture: { required: ['groupId', 'pictureUrl'], additional: ['description'] },
		uploadVideo: { required: ['groupId', 'videoUrl'], additional: ['description'] },
		// Pull API
		getManyGroups: { method: 'GET', pull: 'facebook/groups.json', required: ['returnAll', 'limit'], additional: null },
		getManyPosts: { method: 'GET', pull: 'facebook/group/{groupId}/posts.json', required: ['groupId', 'returnAll', 'limit'], additional: null },
	},
	facebookPage: {
		publishPost: { required: ['pageId', 'message'], additional: ['link', 'attachmentIds'] },
		uploadPicture: { required: ['pageId', 'pictureUrl'], additional: ['description'] },
		uploadVideo: { required: ['pageId', 'videoUrl'], additional: ['description'] },
		updatePost: { method: 'PUT', required: ['pageId', 'postId', 'message'], additional: ['link', 'attachmentIds'] },
		deletePost: { method: 'DELETE', required: ['pageId', 'postId'], additional: null },
		deletePicture: { method: 'DELETE', required: ['pageId', 'pictureId'], additional: null },
		deleteVideo: { method: 'DELETE', required: ['pageId', 'videoId'], additional: null },
		// Pull API
		getManyPages: { method: 'GET', pull: 'facebook/pages.json', required: ['returnAll', 'limit'], additional: null },
		getManyPosts: { method: 'GET', pull: 'facebook/page/{pageId}/posts.json', required: ['pageId', 'returnAll', 'limit'], additional: null },
		getManyReactions: { method: 'GET', pull: 'facebook/page/{pageId}/post/{postId}/reactions.json', required: ['pageId', 'postId', 'returnAll', 'limit'], additional: null },
	},
	identity: {
		getMany: { method: 'GET', required: ['returnAll', 'limit'], additional: null, filters: ['provider'], identity: false },
		get: { method: 'GET', required: [], additional: null },
	},
	linkedIn: {
		publishPost: { required: ['message'], additional: ['link', 'title', 'description', 'pictureUrl'] },
		// Pull API
		getManyPosts: { method: 'GET', pull: 'linkedin/user/posts.json', required: ['returnAll', 'limit'], additional: null },
	},
	linkedInCompany: {
		publishPost: { required: ['companyId', 'message'], additional: ['link', 'title', 'description', 'pictureUrl'] },
		// Pull API
		getManyCompanies: { method: 'GET', pull: 'linkedin/companies.json', required: ['returnAll', 'limit'], additional: null },
		getManyPosts: { method: 'GET', pull: 'linkedin/company/{companyId}/posts.json', required: ['companyId', 'returnAll', 'limit'], additional: null },
	},
	pinterest: {
		publishPin: { required: ['boardId', 'pictureUrl', 'description'], additional: ['link'] },
		publishBoard: { required: ['name'], additional: ['description'] },
		updatePin: { method: 'PUT', required: ['pinId'], additional: ['boardName', 'description', 'link'] },
		deletePin: { method: 'DELETE', required: ['pinId'], additional: null },
		// Pull API
		getManyBoards: { method: 'GET', pull: 'pinterest/boards.json', required: ['returnAll', 'limit'], additional: null },
		getManyPins: { method: 'GET', pull: 'pinterest/pins.json', required: ['returnAll', 'limit'], additional: null, filters: ['boardId'] },
	},
	twitter: {
		publishTweet: { required: ['message'], additional: ['attachmentIds', 'location'] },
		uploadPicture: { required: ['pictureUrl'], additional: ['description'] },
		uploadVideo: { required: ['videoUrl'], additional: ['callbackUrl'] },
		deleteTweet: { method: 'DELETE', required: ['postId'], additional: null },
		// Pull API
		getManyTweets: { method: 'GET', pull: 'twitter/tweets.json', required: ['returnAll', 'limit'], additional: null, options: ['afterTweetId'] },
	},
	youtube: {
		uploadVideo: { required: ['videoUrl', 'title'], additional: ['description', 'thumbnailUrl', 'callbackUrl', 'privacyStatus'] },
		addVideoToPlaylist: { required: ['playlistId', 'videoId'], additional: ['position'] },
		createPlaylist: { required: ['title'], additional: ['description', 'privacyStatus', 'defaultLanguage'] },
		addChannelSection: {
			required: ['sectionType'],
			additional: ['style', 'title', 'position', 'defaultLanguage', 'playlistIds', 'channelIds'],
		},
		updatePlaylist: { method: 'PUT', required: ['playlistId', 'title'], additional: ['description', 'privacyStatus', 'defaultLanguage'] },
		deletePlaylist: { method: 'DELETE', required: ['playlistId'], additional: null },
		removeVideoFromPlaylist: { method: 'DELETE', required: ['playlistId', 'videoId'], additional: null },
		updateChannelSection: {
			method: 'PUT',
			required: ['sectionId'],
			additional: ['sectionType', 'style', 'title', 'position', 'defaultLanguage', 'playlistIds', 'channelIds'],
		},
		deleteChannelSection: { method: 'DELETE', required: ['sectionId'], additional: null },
		// Pull API
		getManyChannels: { method: 'GET', pull: 'youtube/channels.json', required: ['returnAll', 'limit'], additional: null },
		getManyPlaylists: { method: 'GET', pull: 'youtube/playlists.json', required: ['returnAll', 'limit'], additional: null },
		getManyPlaylistVideos: { method: 'GET', pull: 'youtube/playlist/{playlistId}/videos.json', required: ['playlistId', 'returnAll', 'limit'], additional: null },
		getManyVideos: { method: 'GET', pull: 'youtube/videos.json', required: ['returnAll', 'limit'], additional: null },
	},
};

const ALL_OPERATIONS = Object.entries(CONTRACT).flatMap(([resource, ops]) =>
	Object.entries(ops).map(([operation, spec]) => ({ resource, operation, method: 'POST', identity: true, ...spec })),
);
const API_PREFIX = { POST: '/push/identities/{identityToken}/', PUT: '/update/identities/{identityToken}/', DELETE: '/update/identities/{identityToken}/' };
// Every parameter name the contract fixes, top level or inside additionalFields.
const CONTRACT_NAMES = new Set(ALL_OPERATIONS.flatMap((op) => [...op.required, ...(op.additional ?? [])]));
const LOCATORS = ['groupId', 'pageId', 'companyId', 'boardId', 'playlistId', 'postId', 'pinId'];
// The fixed top-level names an operation may show besides its required ones.
const fixedOf = (op) => ['resource', 'operation', ...(op.identity ? ['identityToken'] : []), ...(op.additional ? ['additionalFields'] : []), ...(op.filters ? ['filters'] : []), ...(op.options ? ['options'] : [])];

const visible = (values) => properties.filter((p) => NodeHelpers.displayParameter(values, p, nodeRef, description));
const visibleFor = (resource, operation) => visible({ resource, operation });
const only = (list, name) => {
	const found = list.filter((p) => p.name === name);
	expect(found).toHaveLength(1);
	return found[0];
};

describe('node', () => {
	test('identity: name, display name, version, declarative, tool, subtitle, credentials', () => {
		expect(description.name).toBe('oneAll');
		expect(description.displayName).toBe('OneAll');
		expect(description.version).toBe(1);
		expect(description.usableAsTool).toBe(true);
		expect(typeof description.subtitle).toBe('string');
		expect(description.subtitle).toMatch(/operation/);
		expect(description.subtitle).toMatch(/resource/);
		expect(description.credentials).toEqual([{ name: 'oneAllApi', required: true }]);
		// declarative: request defaults and no execute method of its own
		expect(description.requestDefaults).toBeDefined();
		expect(node.execute).toBeUndefined();
		expect(description.inputs).toEqual(['main']);
		expect(description.outputs).toEqual(['main']);
	});

	test('icons: light and dark SVGs that exist in dist', () => {
		expect(description.icon).toEqual({ light: 'file:oneall.svg', dark: 'file:oneall.dark.svg' });
		for (const file of ['oneall.svg', 'oneall.dark.svg']) {
			const text = fs.readFileSync(path.join(nodeDir, file), 'utf8');
			expect(text).toMatch(/<svg[\s>]/);
		}
	});

	test('codex OneAll.node.json exists in dist and names the node', () => {
		const codex = JSON.parse(fs.readFileSync(path.join(nodeDir, 'OneAll.node.json'), 'utf8'));
		expect(codex.node).toBe('n8n-nodes-oneall.oneAll');
		expect(codex.nodeVersion).toBe('1.0');
		expect(codex.codexVersion).toBe('1.0');
		expect(Array.isArray(codex.categories) && codex.categories.length > 0).toBe(true);
	});

	test('the credential is built into dist too', () => {
		expect(fs.existsSync(credentialPath)).toBe(true);
	});

	test('additionalFields is declared once: n8n evaluates each declaration for every item', () => {
		expect(properties.filter((p) => p.name === 'additionalFields')).toHaveLength(1);
	});

	test('parameter names are never duplicated within what one operation shows', () => {
		for (const { resource, operation } of ALL_OPERATIONS) {
			const names = visibleFor(resource, operation).map((p) => p.name);
			expect(names).toEqual([...new Set(names)]);
		}
	});
});

describe('resources and operations', () => {
	test('exactly the 9 resources of the contract', () => {
		const resource = only(properties, 'resource');
		expect(resource.type).toBe('options');
		expect(resource.noDataExpression).toBe(true);
		expect(resource.options.map((o) => o.value).sort()).toEqual(
			['facebook', 'facebookGroup', 'facebookPage', 'identity', 'linkedIn', 'linkedInCompany', 'pinterest', 'twitter', 'youtube'].sort(),
		);
	});

	test('50 operations in total: 20 push, 12 update, 2 identity, 16 pull', () => {
		const operations = properties.filter((p) => p.name === 'operation');
		expect(operations.flatMap((p) => p.options)).toHaveLength(50);
		expect(ALL_OPERATIONS).toHaveLength(50);
		expect(ALL_OPERATIONS.filter((op) => op.pull)).toHaveLength(16);
	});

	test.each(Object.keys(CONTRACT))('%s: exactly its operations, each with its method, API and an action', (resource) => {
		const operation = only(visible({ resource }), 'operation');
		expect(operation.type).toBe('options');
		expect(operation.noDataExpression).toBe(true);
		expect(operation.options.map((o) => o.value).sort()).toEqual(Object.keys(CONTRACT[resource]).sort());
		expect(Object.keys(CONTRACT[resource])).toContain(operation.default);
		for (const option of operation.options) {
			const { method, pull } = ALL_OPERATIONS.find((op) => op.resource === resource && op.operation === option.value);
			expect(option.routing.request.method).toBe(method);
			if (pull) expect(option.routing.request.url).toBe(`/pull/identities/{identityToken}/${pull}`);
			else if (method === 'GET') expect(option.routing.request.url).toMatch(/^\/identities(\.json|\/\{identityToken\}\.json)$/);
			else expect(option.routing.request.url.startsWith(API_PREFIX[method])).toBe(true);
			expect(typeof option.action).toBe('string');
			expect(option.action.length).toBeGreaterThan(0);
		}
	});
});

describe.each(ALL_OPERATIONS.map((op) => [`${op.resource} ${op.operation}`, op]))('%s', (_name, op) => {
	const shown = visibleFor(op.resource, op.operation);
	const shownNames = shown.map((p) => p.name);

	test(`shows ${op.identity ? 'the identity, ' : ''}its required parameters${op.additional ? ' and additionalFields' : ''}`, () => {
		const values = op.required.includes('limit') ? { resource: op.resource, operation: op.operation, returnAll: false } : { resource: op.resource, operation: op.operation };
		const names = visible(values).map((p) => p.name);
		for (const name of [...fixedOf(op), ...op.required]) expect(names).toContain(name);
		if (!op.identity) expect(names).not.toContain('identityToken');
		if (!op.additional) expect(names).not.toContain('additionalFields');
	});

	test('shows no other contract parameter at top level', () => {
		const otherContract = shownNames.filter((name) => CONTRACT_NAMES.has(name) && !op.required.includes(name));
		expect(otherContract).toEqual([]);
		// and nothing else of substance either: only notices besides the fixed ones
		const rest = shownNames.filter((name) => ![...fixedOf(op), ...op.required].includes(name));
		for (const name of rest) expect(only(shown, name).type).toBe('notice');
	});

	if (op.additional) test('additionalFields holds exactly its optional keys plus customFields (json)', () => {
		const additional = only(shown, 'additionalFields');
		expect(additional.type).toBe('collection');
		expect(additional.default).toEqual({});
		// One collection serves every operation; each option says, from the root, where it shows.
		const options = additional.options.filter(
			(o) => o.displayOptions.show['/resource'].includes(op.resource) && o.displayOptions.show['/operation'].includes(op.operation),
		);
		const names = options.map((o) => o.name);
		expect(names).toEqual([...new Set(names)]);
		for (const name of [...(op.additional ?? []), 'customFields']) expect(names).toContain(name);
		// an extra option may exist (a convenience), but never a contract name of another operation
		const misplaced = names.filter((name) => CONTRACT_NAMES.has(name) && !(op.additional ?? []).includes(name));
		expect(misplaced).toEqual([]);
		expect(names.filter((name) => op.required.includes(name))).toEqual([]);
		const custom = options.find((o) => o.name === 'customFields');
		expect(custom.type).toBe('json');
		// no collection option may be `required` (n8n would refuse the workflow)
		for (const option of options) expect(option.required).not.toBe(true);
	});

	test('each required parameter is shown only where the contract has it', () => {
		for (const name of op.required) {
			const mine = shown.find((p) => p.name === name);
			const others = ALL_OPERATIONS.filter((o) => !(o.resource === op.resource && o.operation === op.operation));
			for (const other of others) {
				const theirs = visibleFor(other.resource, other.operation).find((p) => p.name === name);
				// one property may serve several operations (n8n evaluates every declared property for
				// every item, so the node declares each definition once), but only operations whose
				// contract row has the same required parameter
				if (mine !== undefined && theirs === mine) expect([other.resource, other.operation, other.required]).toEqual([other.resource, other.operation, expect.arrayContaining([name])]);
			}
		}
	});
});

describe('parameter types', () => {
	test('identityToken: one resourceLocator shown for every operation but Identity → Get Many, modes list and id, id validated as a UUID', () => {
		const tokens = properties.filter((p) => p.name === 'identityToken');
		expect(tokens).toHaveLength(1);
		const [identity] = tokens;
		expect(identity.type).toBe('resourceLocator');
		expect(identity.modes.map((m) => m.name).sort()).toEqual(['id', 'list']);
		const list = identity.modes.find((m) => m.name === 'list');
		expect(list.type).toBe('list');
		expect(list.typeOptions.searchListMethod).toBe('getIdentities');
		expect(typeof node.methods.listSearch.getIdentities).toBe('function');
		const id = identity.modes.find((m) => m.name === 'id');
		const regexes = (id.validation ?? []).filter((v) => v.type === 'regex').map((v) => new RegExp(v.properties.regex));
		expect(regexes.length).toBeGreaterThan(0);
		const accepts = (value) => regexes.every((re) => re.test(value));
		expect(accepts('923843ec-1749-4cc1-988f-d6963f3b1baa')).toBe(true);
		expect(accepts('923843EC-1749-4CC1-988F-D6963F3B1BAA')).toBe(true);
		for (const bad of ['', 'abc', '923843ec17494cc1988fd6963f3b1baa', '923843ec-1749-4cc1-988f-d6963f3b1baa/x', '../x']) {
			expect(accepts(bad)).toBe(false);
		}
		for (const op of ALL_OPERATIONS) {
			if (op.identity) expect(visibleFor(op.resource, op.operation)).toContain(identity);
			else expect(visibleFor(op.resource, op.operation)).not.toContain(identity);
		}
	});

	test.each(LOCATORS)('%s: resourceLocator with a searchable list and an id mode, everywhere it appears', (name) => {
		const found = properties.filter((p) => p.name === name);
		expect(found.length).toBeGreaterThan(0);
		for (const locator of found) {
			expect(locator.type).toBe('resourceLocator');
			expect(locator.modes.map((m) => m.name).sort()).toEqual(['id', 'list']);
			const list = locator.modes.find((m) => m.name === 'list');
			expect(list.type).toBe('list');
			expect(typeof node.methods.listSearch[list.typeOptions.searchListMethod]).toBe('function');
		}
	});

	test('path ids (boardId, playlistId, postId, pinId, the Update API pageId): the id mode refuses "/", "?" and "#"', () => {
		const pathLocators = [
			only(properties, 'boardId'),
			only(properties, 'playlistId'),
			only(properties, 'pinId'),
			...properties.filter((p) => p.name === 'postId'),
			only(visibleFor('facebookPage', 'deletePost'), 'pageId'),
		];
		expect(pathLocators).toHaveLength(6);
		for (const locator of pathLocators) {
			const id = locator.modes.find((m) => m.name === 'id');
			const regexes = (id.validation ?? []).filter((v) => v.type === 'regex').map((v) => new RegExp(v.properties.regex));
			expect(regexes.length).toBeGreaterThan(0);
			const accepts = (value) => regexes.every((re) => re.test(value));
			expect(accepts('549755813888001')).toBe(true);
			expect(accepts('PLsbxA1b2C3d4E5f6G7h8I9j0KlMnOpQrS')).toBe(true);
			expect(accepts('104857600123456_7000000000001')).toBe(true);
			for (const bad of ['a/b', 'a?b', 'a#b', '']) expect(accepts(bad)).toBe(false);
		}
	});

	test('Facebook and LinkedIn messages are not `required` in n8n\'s sense (message or link)', () => {
		for (const resource of ['facebook', 'facebookGroup', 'facebookPage', 'linkedIn', 'linkedInCompany']) {
			const message = only(visibleFor(resource, 'publishPost'), 'message');
			expect(message.type).toBe('string');
			expect(message.required).not.toBe(true);
		}
		expect(only(visibleFor('facebookPage', 'updatePost'), 'message').required).not.toBe(true);
	});

	test('options, booleans and numbers have the right type and values', () => {
		const additionalOf = (resource, operation) => only(visibleFor(resource, operation), 'additionalFields').options;
		const option = (list, name) => list.find((o) => o.name === name);
		for (const [resource, operation] of [
			['youtube', 'uploadVideo'],
			['youtube', 'createPlaylist'],
		]) {
			const privacy = option(additionalOf(resource, operation), 'privacyStatus');
			expect(privacy.type).toBe('options');
			expect(privacy.options.map((o) => o.value).sort()).toEqual(['private', 'public', 'unlisted']);
		}
		for (const operation of ['uploadPicture', 'uploadVideo']) {
			expect(option(additionalOf('facebook', operation), 'createPost').type).toBe('boolean');
		}
		expect(option(additionalOf('youtube', 'addVideoToPlaylist'), 'position').type).toBe('number');
		expect(option(additionalOf('youtube', 'addChannelSection'), 'position').type).toBe('number');
		const sectionType = only(visibleFor('youtube', 'addChannelSection'), 'sectionType');
		expect(sectionType.type).toBe('options');
		expect(sectionType.options.map((o) => o.value)).toEqual(
			expect.arrayContaining(['singlePlaylist', 'multiplePlaylists', 'multipleChannels', 'allPlaylists', 'recentUploads']),
		);
	});
});

describe('Update and Identity operations', () => {
	const optionOf = (resource, operation) =>
		only(visible({ resource }), 'operation').options.find((o) => o.value === operation);

	test.each(ALL_OPERATIONS.filter((op) => op.method === 'DELETE').map((op) => [op.resource, op.operation]))(
		'%s %s: its description says it is irreversible',
		(resource, operation) => {
			expect(optionOf(resource, operation).description).toMatch(/Irreversible/);
		},
	);

	test('no operation but a delete calls itself irreversible', () => {
		for (const op of ALL_OPERATIONS.filter((o) => o.method !== 'DELETE')) {
			expect(optionOf(op.resource, op.operation).description).not.toMatch(/irreversible/i);
		}
	});

	test('ids placed in the path are required: pictureId, videoId and sectionId strings, the rest locators', () => {
		for (const [resource, operation, name] of [
			['facebookPage', 'deletePicture', 'pictureId'],
			['facebookPage', 'deleteVideo', 'videoId'],
			['youtube', 'updateChannelSection', 'sectionId'],
			['youtube', 'deleteChannelSection', 'sectionId'],
		]) {
			const field = only(visibleFor(resource, operation), name);
			expect([field.type, field.required]).toEqual(['string', true]);
		}
		const videoLocator = only(visibleFor('youtube', 'removeVideoFromPlaylist'), 'videoId');
		expect(videoLocator.type).toBe('resourceLocator');
		expect(videoLocator.modes.find((m) => m.name === 'list').typeOptions.searchListMethod).toBe('getYouTubePlaylistVideos');
	});

	test('the lists behind the new locators exist', () => {
		const lists = {
			'twitter.deleteTweet.postId': 'getTwitterTweets',
			'facebookPage.deletePost.postId': 'getFacebookPagePosts',
			'pinterest.updatePin.pinId': 'getPinterestPins',
			'youtube.removeVideoFromPlaylist.videoId': 'getYouTubePlaylistVideos',
		};
		for (const [key, method] of Object.entries(lists)) {
			const [resource, operation, name] = key.split('.');
			const locator = only(visibleFor(resource, operation), name);
			expect(locator.modes.find((m) => m.name === 'list').typeOptions.searchListMethod).toBe(method);
			expect(typeof node.methods.listSearch[method]).toBe('function');
		}
	});

	test('identity getMany: returnAll, a limit of 50 shown only without returnAll, filters.provider over the five networks', () => {
		const shown = visibleFor('identity', 'getMany');
		const returnAll = only(shown, 'returnAll');
		expect([returnAll.type, returnAll.default]).toEqual(['boolean', false]);
		const limit = only(visible({ resource: 'identity', operation: 'getMany', returnAll: false }), 'limit');
		expect([limit.type, limit.default, limit.typeOptions.minValue]).toEqual(['number', 50, 1]);
		expect(visible({ resource: 'identity', operation: 'getMany', returnAll: true }).map((p) => p.name)).not.toContain('limit');
		const filters = only(shown, 'filters');
		expect(filters.type).toBe('collection');
		const provider = filters.options.find((o) => o.name === 'provider');
		expect(provider.type).toBe('multiOptions');
		expect(provider.options.map((o) => o.value).sort()).toEqual(['facebook', 'linkedin', 'pinterest', 'twitter', 'youtube']);
	});
});
