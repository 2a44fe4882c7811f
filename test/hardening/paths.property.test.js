'use strict';

// Paths cannot be bent, texts arrive unchanged.
//
// fast-check generates ids and texts; each generated batch runs as the items of ONE workflow run
// of the built node in n8n-core's real WorkflowExecute (error output on), against the sandbox. For
// every item, either
//   - the node refuses it before sending, with an error naming the parameter and the item, or
//   - exactly one request reaches the sandbox, in input order, and its path has exactly the
//     expected segments (the path id is ONE segment that decodes back to the id) and its body holds
//     the value byte for byte.
// Seeds are fixed, so every run tries the same values; `examples` pin the edge cases that random
// generation could miss. endOnFailure keeps a failing run short (no shrinking of whole batches).

const fc = require('fast-check');
const { runOneAll } = require('../helpers/runWorkflow');
const { ids, rl, useSandbox } = require('../helpers/kit');

const SEED = 20261127;
const RUNS = 100; // batches per property unless a property says otherwise; each batch holds 1–6 values
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SAFE_ID = /^[A-Za-z0-9_-]+$/;

const SPECIAL = ['"', "'", '\\', '\n', '\r', '\t', '\u0000', '\u2028', '/', '..', '.', '%2F', '%2e', '%', '?', '#', '&', '=', '+', ' ', '{{', '}}', '$json', '😀', '👩‍👩‍👧', '\u0301', 'é', 'ß', 'İ', '\uFEFF', '<script>', '@', ':', '~', 'a', 'Z', '0', '-', '_'];

/** Strings of every kind: full Unicode, graphemes, and runs of URL- and JSON-significant pieces. */
const anyString = fc.oneof(
	fc.string({ unit: 'binary', maxLength: 40 }),
	fc.string({ unit: 'grapheme', maxLength: 20 }),
	fc.string({ unit: fc.constantFrom(...SPECIAL), maxLength: 12 }),
	fc.constantFrom('.', '..', ' . ', '...', './a', 'a/..', '%2e%2e', '', ' ', '\t', 'a b', 'a?b=c', 'a#b'),
);
const safeId = fc.string({ unit: fc.constantFrom(...'abcXYZ0129_-'), minLength: 1, maxLength: 24 });
const idString = fc.oneof(anyString, safeId, safeId.map((id) => `  ${id}\t`));
const batch = (arb) => fc.array(arb, { minLength: 1, maxLength: 6 });

// strictIds off: any syntactically possible id gets a 200, so only the node decides what is sent.
const { sb, credentials } = useSandbox({ strictIds: false });

const settings = (examples = []) => ({ numRuns: RUNS, seed: SEED, endOnFailure: true, examples });

/**
 * Runs one item per value ({ v: value }) and pairs every item with what happened to it:
 * `refused` (the node's error message) or `request` (the sandbox record).
 */
async function runBatch(parameters, values, [displayName, name]) {
	sb.reset();
	const { output, error } = await runOneAll({
		parameters,
		items: values.map((v) => ({ v })),
		credentials,
		onError: 'continueErrorOutput',
	});
	expect(error).toBeUndefined();
	const refusals = new Map();
	for (const item of output[1] ?? []) {
		const message = item.json.error;
		if (typeof message === 'string' && message.startsWith(`${displayName} (${name}) `)) {
			refusals.set(item.pairedItem.item, message);
		}
	}
	const requests = sb.requests.slice();
	const outcomes = [];
	let next = 0;
	values.forEach((value, index) => {
		if (refusals.has(index)) {
			expect(refusals.get(index).endsWith(` [item ${index}]`)).toBe(true);
			outcomes.push({ value, refused: refusals.get(index) });
		} else {
			outcomes.push({ value, request: requests[next++] });
		}
	});
	// One request per item that was not refused, and nothing else.
	expect(requests).toHaveLength(next);
	for (const outcome of outcomes) if (!outcome.refused) expect(outcome.request).toBeDefined();
	return outcomes;
}

const segments = (request) => {
	expect(request.url).toBe(request.pathname); // no query string, no fragment
	return request.pathname.split('/');
};

const bodyAt = (request, path) => path.split('.').reduce((node, key) => (node == null ? undefined : node[key]), request.json);

describe('path ids keep the path structure', () => {
	const PATH_CASES = [
		{
			label: 'Pinterest board id',
			parameters: {
				resource: 'pinterest',
				operation: 'publishPin',
				identityToken: rl(ids.pinterest),
				boardId: rl('={{ $json.v }}'),
				pictureUrl: 'https://ex.com/a.png',
				description: 'A pin',
			},
			param: ['Board', 'boardId'],
			// /push/identities/<uuid>/pinterest/board/<id>/pin.json
			shape: (token, id) => ['', 'push', 'identities', token, 'pinterest', 'board', id, 'pin.json'],
			idIndex: 6,
			token: ids.pinterest,
		},
		{
			label: 'YouTube playlist id',
			parameters: {
				resource: 'youtube',
				operation: 'addVideoToPlaylist',
				identityToken: rl(ids.youtube),
				playlistId: rl('={{ $json.v }}'),
				videoId: 'dQw4w9WgXcQ',
			},
			param: ['Playlist', 'playlistId'],
			shape: (token, id) => ['', 'push', 'identities', token, 'youtube', 'playlist', id, 'video.json'],
			idIndex: 6,
			token: ids.youtube,
		},
		// Update API: ids in the middle of the path and in its last segment, before ".json".
		{
			label: 'Facebook page id of a post edit',
			parameters: {
				resource: 'facebookPage',
				operation: 'updatePost',
				identityToken: rl(ids.facebook),
				pageId: rl('={{ $json.v }}'),
				postId: rl('104857600123456_7000000000001'),
				message: 'Edited',
			},
			param: ['Page', 'pageId'],
			shape: (token, id) => ['', 'update', 'identities', token, 'facebook', 'page', id, 'post', '104857600123456_7000000000001.json'],
			idIndex: 6,
			token: ids.facebook,
		},
		{
			label: 'tweet id of a delete',
			parameters: { resource: 'twitter', operation: 'deleteTweet', identityToken: rl(ids.twitter), postId: rl('={{ $json.v }}') },
			param: ['Tweet', 'postId'],
			shape: (token, id) => ['', 'update', 'identities', token, 'twitter', 'post', `${id}.json`],
			idIndex: 6,
			idSuffix: '.json',
			token: ids.twitter,
		},
		{
			label: 'video id of a playlist removal',
			parameters: { resource: 'youtube', operation: 'removeVideoFromPlaylist', identityToken: rl(ids.youtube), playlistId: rl(ids.playlist), videoId: rl('={{ $json.v }}') },
			param: ['Video', 'videoId'],
			shape: (token, id) => ['', 'update', 'identities', token, 'youtube', 'playlist', ids.playlist, 'video', `${id}.json`],
			idIndex: 8,
			idSuffix: '.json',
			token: ids.youtube,
		},
	];

	test('board, playlist and Update API ids: one segment that decodes to the id, or refused naming the parameter', async () => {
		let sent = 0;
		let refused = 0;
		await fc.assert(
			fc.asyncProperty(fc.constantFrom(...PATH_CASES), batch(idString), async (spec, values) => {
				const outcomes = await runBatch(spec.parameters, values, spec.param);
				for (const { value, refused: message, request } of outcomes) {
					if (message) {
						refused++;
						// An id of safe characters is never refused.
						expect(SAFE_ID.test(value.trim())).toBe(false);
						continue;
					}
					sent++;
					const parts = segments(request);
					expect(parts).toHaveLength(spec.shape(spec.token, 'x').length);
					const suffix = spec.idSuffix ?? '';
					expect(parts[spec.idIndex].endsWith(suffix)).toBe(true);
					const raw = parts[spec.idIndex].slice(0, parts[spec.idIndex].length - suffix.length);
					expect(parts).toEqual(spec.shape(spec.token, raw));
					expect(decodeURIComponent(raw)).toBe(value.trim());
					// The sandbox accepts ids of [A-Za-z0-9_-] (others it answers with 404, still one segment).
					if (SAFE_ID.test(value.trim())) expect(request.status).toBe(200);
				}
			}),
			{
				...settings([
					[PATH_CASES[0], ['.']],
					[PATH_CASES[1], ['.']],
					[PATH_CASES[0], ['..', ' . ', '%2e']],
					[PATH_CASES[1], ['a/b', '?x', '#y', 'ok-id']],
					[PATH_CASES[3], ['.', 'x.json', '..', 'a/b', 'ok-id']],
					[PATH_CASES[4], ['.', '%2F', 'ok-id']],
				]),
				numRuns: 150,
			},
		);
		// Both branches were exercised, so the property is not vacuous.
		expect(sent).toBeGreaterThan(50);
		expect(refused).toBeGreaterThan(50);
	});
});

describe('body ids keep the path and arrive as sent', () => {
	const BODY_CASES = [
		{
			label: 'Facebook page id',
			parameters: { resource: 'facebookPage', operation: 'publishPost', identityToken: rl(ids.facebook), pageId: rl('={{ $json.v }}'), message: 'Hi' },
			param: ['Page', 'pageId'],
			path: `/push/identities/${ids.facebook}/facebook/page/post.json`,
			body: 'request.push.page.id',
		},
		{
			label: 'Facebook group id',
			parameters: { resource: 'facebookGroup', operation: 'uploadVideo', identityToken: rl(ids.facebook), groupId: rl('={{ $json.v }}'), videoUrl: 'https://ex.com/v.mp4' },
			param: ['Group', 'groupId'],
			path: `/push/identities/${ids.facebook}/facebook/group/video.json`,
			body: 'request.push.group.id',
		},
		{
			label: 'LinkedIn company id',
			parameters: { resource: 'linkedInCompany', operation: 'publishPost', identityToken: rl(ids.linkedin), companyId: rl('={{ $json.v }}'), message: 'Hi' },
			param: ['Company', 'companyId'],
			path: `/push/identities/${ids.linkedin}/linkedin/company/post.json`,
			body: 'request.push.post.company',
		},
		{
			label: 'YouTube video id',
			parameters: { resource: 'youtube', operation: 'addVideoToPlaylist', identityToken: rl(ids.youtube), playlistId: rl(ids.playlist), videoId: '={{ $json.v }}' },
			param: ['Video ID', 'videoId'],
			path: `/push/identities/${ids.youtube}/youtube/playlist/${ids.playlist}/video.json`,
			body: 'request.push.video.id',
		},
	];

	test('page, group, company and video ids: the path never changes, the body holds the trimmed id byte for byte', async () => {
		let sent = 0;
		await fc.assert(
			fc.asyncProperty(fc.constantFrom(...BODY_CASES), batch(idString), async (spec, values) => {
				const outcomes = await runBatch(spec.parameters, values, spec.param);
				for (const { value, refused, request } of outcomes) {
					if (refused) {
						// Only an empty id is refused: a body id may hold any character.
						expect(value.trim()).toBe('');
						expect(refused).toMatch(new RegExp(`^${spec.param[0]} \\(${spec.param[1]}\\) is empty: its expression \\{\\{ \\$json\\.v \\}\\} gave ".*" \\[item \\d+\\]$`));
						continue;
					}
					sent++;
					expect(value.trim()).not.toBe('');
					segments(request);
					expect(request.pathname).toBe(spec.path);
					const received = bodyAt(request, spec.body);
					expect(received).toBe(value.trim());
					expect(Buffer.from(received, 'utf8').equals(Buffer.from(value.trim(), 'utf8'))).toBe(true);
				}
			}),
			{ ...settings(BODY_CASES.map((spec) => [spec, ['a/../../x', '?q=1#f', '%2F', ' ']])), numRuns: 100 },
		);
		expect(sent).toBeGreaterThan(200);
	});
});

describe('identity tokens', () => {
	const casing = (uuid) => fc.array(fc.boolean(), { minLength: uuid.length, maxLength: uuid.length }).map((flags) =>
		[...uuid].map((ch, i) => (flags[i] ? ch.toUpperCase() : ch)).join(''),
	);
	const token = fc.oneof(
		fc.uuid().chain(casing),
		fc.uuid().map((uuid) => ` ${uuid}\n`),
		fc.uuid().map((uuid) => `${uuid}/x`),
		fc.uuid().map((uuid) => `${uuid.slice(0, 8)}/../${uuid.slice(9)}`),
		anyString,
	);

	test('a UUID is the one identity segment (lower-cased); anything else is refused naming the Identity', async () => {
		let sent = 0;
		let refused = 0;
		const parameters = { resource: 'twitter', operation: 'publishTweet', identityToken: rl('={{ $json.v }}'), message: 'Hello' };
		await fc.assert(
			fc.asyncProperty(batch(token), async (values) => {
				const outcomes = await runBatch(parameters, values, ['Identity', 'identityToken']);
				for (const { value, refused: message, request } of outcomes) {
					const isUuid = UUID.test(value.trim());
					if (message) {
						refused++;
						expect(isUuid).toBe(false);
						continue;
					}
					sent++;
					expect(isUuid).toBe(true);
					expect(segments(request)).toEqual(['', 'push', 'identities', value.trim().toLowerCase(), 'twitter', 'post.json']);
				}
			}),
			settings(),
		);
		expect(sent).toBeGreaterThan(30);
		expect(refused).toBeGreaterThan(30);
	});
});

describe('texts reach the body byte for byte', () => {
	// [label, parameters with {{ $json.v }} at the text, body path, required]
	const TEXT_CASES = [
		['tweet message', { resource: 'twitter', operation: 'publishTweet', identityToken: rl(ids.twitter), message: '={{ $json.v }}' }, 'request.push.post.message', ['Message', 'message'], true],
		['tweet location', { resource: 'twitter', operation: 'publishTweet', identityToken: rl(ids.twitter), message: 'Hi', additionalFields: { location: '={{ $json.v }}' } }, 'request.push.post.location', ['Location', 'location'], false],
		['pin description', { resource: 'pinterest', operation: 'publishPin', identityToken: rl(ids.pinterest), boardId: rl(ids.board), pictureUrl: 'https://ex.com/a.png', description: '={{ $json.v }}' }, 'request.push.pin.description', ['Description', 'description'], true],
		['board name', { resource: 'pinterest', operation: 'publishBoard', identityToken: rl(ids.pinterest), name: '={{ $json.v }}' }, 'request.push.board.name', ['Name', 'name'], true],
		['YouTube video description', { resource: 'youtube', operation: 'uploadVideo', identityToken: rl(ids.youtube), videoUrl: 'https://ex.com/v.mp4', title: 'T', additionalFields: { description: '={{ $json.v }}' } }, 'request.push.video.description', ['Description', 'description'], false],
		['LinkedIn preview title', { resource: 'linkedIn', operation: 'publishPost', identityToken: rl(ids.linkedin), message: 'Hi', additionalFields: { title: '={{ $json.v }}' } }, 'request.push.post.title', ['Title', 'title'], false],
		['Facebook page message', { resource: 'facebookPage', operation: 'publishPost', identityToken: rl(ids.facebook), pageId: rl(ids.page), message: '={{ $json.v }}', additionalFields: { link: 'https://ex.com/p' } }, 'request.push.page.message', ['Message', 'message'], false],
		['channel section title', { resource: 'youtube', operation: 'addChannelSection', identityToken: rl(ids.youtube), sectionType: 'multiplePlaylists', additionalFields: { title: '={{ $json.v }}' } }, 'request.push.channel.section.title', ['Title', 'title'], false],
	];
	const text = fc.oneof(
		fc.string({ unit: 'binary', maxLength: 100 }),
		fc.string({ unit: 'grapheme', maxLength: 60 }),
		fc.string({ unit: fc.constantFrom(...SPECIAL), maxLength: 30 }),
	);

	test('every text of every case arrives unchanged (blank: refused when required, left out otherwise)', async () => {
		let compared = 0;
		await fc.assert(
			fc.asyncProperty(fc.constantFrom(...TEXT_CASES), batch(text), async ([, parameters, path, param, required], values) => {
				const outcomes = await runBatch(parameters, values, param);
				for (const { value, refused, request } of outcomes) {
					const blank = value.trim() === '';
					if (refused) {
						expect(blank && required).toBe(true);
						continue;
					}
					expect(blank && required).toBe(false);
					const received = bodyAt(request, path);
					if (blank) {
						// Unset optional keys are left out of the body (no "").
						expect(received).toBeUndefined();
						continue;
					}
					compared++;
					expect(received).toBe(value);
					expect(Buffer.from(received, 'utf8').equals(Buffer.from(value, 'utf8'))).toBe(true);
				}
			}),
			{
				...settings([
					[TEXT_CASES[0], ['say "hi" \\ \n\r\t 😀 👩‍👩‍👧', '={{ 1 + 1 }}', '{{ $json.v }}', '  padded  ', '\u0000\u2028\uFEFF']],
					[TEXT_CASES[2], ['__proto__', 'constructor', '<b>&amp;</b>']],
				]),
				numRuns: 120,
			},
		);
		expect(compared).toBeGreaterThan(200);
	});
});
