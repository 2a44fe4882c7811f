'use strict';

// Bad input never reaches OneAll.
//
// Each case runs the BUILT node in n8n-core's real WorkflowExecute (test/helpers/runWorkflow.js)
// against the strict sandbox, three ways:
//   A. stop on error, one bad item            → error "<Display> (<name>) … [item 0]", 0 requests
//   B. stop on error, items good/BAD/good      → error "… [item 1]"; the good items are still sent
//                                                (each item is its own post), the bad one never is
//   C. error output on, items good/BAD/good    → items 0 and 2 are published (2 requests, both 200),
//                                                item 1 leaves the error output with pairedItem 1 and
//                                                "… [item 1]"; no request carries its value
// The bad value reaches the node through an expression ({{ $json.v }}) as it would from an earlier
// node: a literal value that breaks a parameter's own UI rule is refused by n8n before the node
// runs at all. A few "literal" cases set the bad value directly (every item is then bad).

const { runOneAll } = require('../helpers/runWorkflow');
const { ids, rl, useSandbox } = require('../helpers/kit');

const V = '={{ $json.v }}';

/** A valid parameter set per operation (the sandbox answers each with 200). */
const OPS = {
	tweet: { resource: 'twitter', operation: 'publishTweet', identityToken: rl(ids.twitter), message: 'Hello' },
	twPicture: { resource: 'twitter', operation: 'uploadPicture', identityToken: rl(ids.twitter), pictureUrl: 'https://ex.com/a.png' },
	twVideo: { resource: 'twitter', operation: 'uploadVideo', identityToken: rl(ids.twitter), videoUrl: 'https://ex.com/v.mp4' },
	fbPost: { resource: 'facebook', operation: 'publishPost', identityToken: rl(ids.facebook), message: 'Hello' },
	fbPicture: { resource: 'facebook', operation: 'uploadPicture', identityToken: rl(ids.facebook), pictureUrl: 'https://ex.com/a.png' },
	fbVideo: { resource: 'facebook', operation: 'uploadVideo', identityToken: rl(ids.facebook), videoUrl: 'https://ex.com/v.mp4' },
	groupPost: { resource: 'facebookGroup', operation: 'publishPost', identityToken: rl(ids.facebook), groupId: rl(ids.group), message: 'Hello' },
	groupPicture: { resource: 'facebookGroup', operation: 'uploadPicture', identityToken: rl(ids.facebook), groupId: rl(ids.group), pictureUrl: 'https://ex.com/a.png' },
	groupVideo: { resource: 'facebookGroup', operation: 'uploadVideo', identityToken: rl(ids.facebook), groupId: rl(ids.group), videoUrl: 'https://ex.com/v.mp4' },
	pagePost: { resource: 'facebookPage', operation: 'publishPost', identityToken: rl(ids.facebook), pageId: rl(ids.page), message: 'Hello' },
	pagePicture: { resource: 'facebookPage', operation: 'uploadPicture', identityToken: rl(ids.facebook), pageId: rl(ids.page), pictureUrl: 'https://ex.com/a.png' },
	pageVideo: { resource: 'facebookPage', operation: 'uploadVideo', identityToken: rl(ids.facebook), pageId: rl(ids.page), videoUrl: 'https://ex.com/v.mp4' },
	liPost: { resource: 'linkedIn', operation: 'publishPost', identityToken: rl(ids.linkedin), message: 'Hello' },
	companyPost: { resource: 'linkedInCompany', operation: 'publishPost', identityToken: rl(ids.linkedin), companyId: rl(ids.company), message: 'Hello' },
	pin: { resource: 'pinterest', operation: 'publishPin', identityToken: rl(ids.pinterest), boardId: rl(ids.board), pictureUrl: 'https://ex.com/a.png', description: 'A pin' },
	board: { resource: 'pinterest', operation: 'publishBoard', identityToken: rl(ids.pinterest), name: 'Spring' },
	ytVideo: { resource: 'youtube', operation: 'uploadVideo', identityToken: rl(ids.youtube), videoUrl: 'https://ex.com/v.mp4', title: 'Launch' },
	ytPlaylistVideo: { resource: 'youtube', operation: 'addVideoToPlaylist', identityToken: rl(ids.youtube), playlistId: rl(ids.playlist), videoId: 'dQw4w9WgXcQ' },
	ytPlaylist: { resource: 'youtube', operation: 'createPlaylist', identityToken: rl(ids.youtube), title: 'Tutorials' },
	ytSection: { resource: 'youtube', operation: 'addChannelSection', identityToken: rl(ids.youtube), sectionType: 'multiplePlaylists', additionalFields: { playlistIds: 'PL1' } },
};

const TOKEN_OF = {
	twitter: ids.twitter,
	facebook: ids.facebook,
	facebookGroup: ids.facebook,
	facebookPage: ids.facebook,
	linkedIn: ids.linkedin,
	linkedInCompany: ids.linkedin,
	pinterest: ids.pinterest,
	youtube: ids.youtube,
};

// Where the bad value goes: a top-level parameter, a resource locator in "By ID" mode, or an
// additional field.
const top = (name) => (value) => ({ [name]: value });
const locator = (name) => (value) => ({ [name]: rl(value) });
const extra = (name) => (value, base) => ({ additionalFields: { ...(base.additionalFields ?? {}), [name]: value } });

const EMPTY = /^is empty$/;
const URL_PROBLEM = /^must be an absolute http:\/\/ or https:\/\/ URL without spaces, not "/;
const PATH_ID_PROBLEM = /^must be a single ID made of letters, digits/;
const TOKEN_PROBLEM = /^must be a OneAll identity token \(a UUID/;
const POST_NEEDS = /^is empty: a post needs Message \(message\) or Link \(link\)$/;
const NOT_OBJECT = /^must be a JSON object of extra "[a-z.]+" keys, not /;
const NOT_JSON = /^is not valid JSON \(/;
const ENVELOPE = /not the whole \{"request": \{"push": …\}\} envelope$/;

/**
 * label, op, where (builds the override), param [displayName, name], bad, good, problem.
 * `problem: undefined` accepts any wording (the node does not refuse these yet: see the report).
 */
const CASES = [
	// --- empty or blank required text -------------------------------------------------------
	['tweet: empty message', 'tweet', top('message'), ['Message', 'message'], '', 'Hello', EMPTY],
	['tweet: blank message (spaces, tab, newline)', 'tweet', top('message'), ['Message', 'message'], '  \t\n ', 'Hello', EMPTY],
	['board: empty name', 'board', top('name'), ['Name', 'name'], '', 'Spring', EMPTY],
	['playlist: blank title', 'ytPlaylist', top('title'), ['Title', 'title'], '   ', 'Tutorials', EMPTY],
	['YouTube video: empty title', 'ytVideo', top('title'), ['Title', 'title'], '', 'Launch', EMPTY],
	['pin: blank description', 'pin', top('description'), ['Description', 'description'], ' \u00a0 ', 'A pin', EMPTY],
	['Facebook post: no message and no link', 'fbPost', top('message'), ['Message', 'message'], '', 'Hello', POST_NEEDS],
	['LinkedIn post: blank message, no link', 'liPost', top('message'), ['Message', 'message'], '  ', 'Hello', POST_NEEDS],
	['company post: empty message, no link', 'companyPost', top('message'), ['Message', 'message'], '', 'Hello', POST_NEEDS],
	['playlist video: blank video id', 'ytPlaylistVideo', top('videoId'), ['Video ID', 'videoId'], '   ', 'dQw4w9WgXcQ', EMPTY],
	['page post: blank page id', 'pagePost', locator('pageId'), ['Page', 'pageId'], '   ', ids.page, EMPTY],
	['group post: empty group id', 'groupPost', locator('groupId'), ['Group', 'groupId'], '', ids.group, EMPTY],
	['company post: blank company id', 'companyPost', locator('companyId'), ['Company', 'companyId'], '\t', ids.company, EMPTY],

	// --- URLs ----------------------------------------------------------------------------------
	['Twitter picture: relative URL', 'twPicture', top('pictureUrl'), ['Picture URL', 'pictureUrl'], '/images/a.png', 'https://ex.com/a.png', URL_PROBLEM],
	['Facebook picture: javascript: URL', 'fbPicture', top('pictureUrl'), ['Picture URL', 'pictureUrl'], 'javascript:alert(1)', 'https://ex.com/a.png', URL_PROBLEM],
	['Facebook video: file: URL', 'fbVideo', top('videoUrl'), ['Video URL', 'videoUrl'], 'file:///etc/passwd', 'https://ex.com/v.mp4', URL_PROBLEM],
	['group picture: data: URL', 'groupPicture', top('pictureUrl'), ['Picture URL', 'pictureUrl'], 'data:image/png;base64,iVBORw0KGgo=', 'https://ex.com/a.png', URL_PROBLEM],
	['page video: ftp: URL', 'pageVideo', top('videoUrl'), ['Video URL', 'videoUrl'], 'ftp://ex.com/v.mp4', 'https://ex.com/v.mp4', URL_PROBLEM],
	['YouTube video: URL with a space', 'ytVideo', top('videoUrl'), ['Video URL', 'videoUrl'], 'https://ex.com/my video.mp4', 'https://ex.com/v.mp4', URL_PROBLEM],
	['group video: protocol-relative URL', 'groupVideo', top('videoUrl'), ['Video URL', 'videoUrl'], '//ex.com/v.mp4', 'https://example.org/v.mp4', URL_PROBLEM],
	['page picture: URL without a host', 'pagePicture', top('pictureUrl'), ['Picture URL', 'pictureUrl'], 'http://', 'https://ex.com/a.png', URL_PROBLEM],
	['Facebook post: link without a scheme', 'fbPost', extra('link'), ['Link', 'link'], 'ex.com/page', 'https://example.org/page', URL_PROBLEM],
	['LinkedIn post: javascript: preview picture', 'liPost', extra('pictureUrl'), ['Picture URL', 'pictureUrl'], 'javascript:void(0)', 'https://ex.com/a.png', URL_PROBLEM],
	['Twitter video: file: callback URL', 'twVideo', extra('callbackUrl'), ['Callback URL', 'callbackUrl'], 'file:/tmp/x', 'https://ex.com/hook', URL_PROBLEM],
	['YouTube video: thumbnail URL with a space', 'ytVideo', extra('thumbnailUrl'), ['Thumbnail URL', 'thumbnailUrl'], 'https://ex.com/a b.jpg', 'https://ex.com/t.jpg', URL_PROBLEM],
	['pin: javascript: link', 'pin', extra('link'), ['Link', 'link'], 'javascript:alert(document.cookie)', 'https://ex.com/p', URL_PROBLEM],
	['pin: picture that is not a picture format', 'pin', top('pictureUrl'), ['Picture URL', 'pictureUrl'], 'https://ex.com/evil.svg', 'https://ex.com/a.png', /^must point to a JPEG, BMP, PNG, GIF or TIFF picture; "\.svg" is not one of/],

	// --- ids in the URL path -------------------------------------------------------------------
	['pin: board id with "/"', 'pin', locator('boardId'), ['Board', 'boardId'], 'a/b', ids.board, PATH_ID_PROBLEM],
	['pin: board id ".."', 'pin', locator('boardId'), ['Board', 'boardId'], '..', ids.board, PATH_ID_PROBLEM],
	['pin: board id with "?"', 'pin', locator('boardId'), ['Board', 'boardId'], '?admin=1', ids.board, PATH_ID_PROBLEM],
	['pin: board id with "#"', 'pin', locator('boardId'), ['Board', 'boardId'], '#frag', ids.board, PATH_ID_PROBLEM],
	['pin: board id "%2F"', 'pin', locator('boardId'), ['Board', 'boardId'], '%2F', ids.board, PATH_ID_PROBLEM],
	['pin: board id of spaces only', 'pin', locator('boardId'), ['Board', 'boardId'], '   ', ids.board, EMPTY],
	['pin: board id "." (a dot segment the URL parser removes)', 'pin', locator('boardId'), ['Board', 'boardId'], '.', ids.board, undefined],
	['playlist video: playlist id "../../facebook/post"', 'ytPlaylistVideo', locator('playlistId'), ['Playlist', 'playlistId'], '../../facebook/post', ids.playlist, PATH_ID_PROBLEM],
	['playlist video: playlist id with "/" and "?"', 'ytPlaylistVideo', locator('playlistId'), ['Playlist', 'playlistId'], 'PL1/video.json?x=', ids.playlist, PATH_ID_PROBLEM],
	['playlist video: playlist id "a%2Fb"', 'ytPlaylistVideo', locator('playlistId'), ['Playlist', 'playlistId'], 'a%2Fb', ids.playlist, PATH_ID_PROBLEM],
	['playlist video: playlist id "#"', 'ytPlaylistVideo', locator('playlistId'), ['Playlist', 'playlistId'], '#', ids.playlist, PATH_ID_PROBLEM],
	['playlist video: playlist id of whitespace only', 'ytPlaylistVideo', locator('playlistId'), ['Playlist', 'playlistId'], '\t \n', ids.playlist, EMPTY],
	['playlist video: playlist id with an inner space', 'ytPlaylistVideo', locator('playlistId'), ['Playlist', 'playlistId'], 'PL a', ids.playlist, PATH_ID_PROBLEM],
	['playlist video: playlist id "."', 'ytPlaylistVideo', locator('playlistId'), ['Playlist', 'playlistId'], '.', ids.playlist, undefined],

	// --- identity tokens -----------------------------------------------------------------------
	['tweet: token that is not a UUID', 'tweet', locator('identityToken'), ['Identity', 'identityToken'], 'not-a-uuid', ids.twitter, TOKEN_PROBLEM],
	['pin: UUID without dashes', 'pin', locator('identityToken'), ['Identity', 'identityToken'], ids.pinterest.replace(/-/g, ''), ids.pinterest, TOKEN_PROBLEM],
	['Facebook post: UUID followed by a path', 'fbPost', locator('identityToken'), ['Identity', 'identityToken'], `${ids.facebook}/../../x`, ids.facebook, TOKEN_PROBLEM],
	['channel section: UUID in braces', 'ytSection', locator('identityToken'), ['Identity', 'identityToken'], `{${ids.youtube}}`, ids.youtube, TOKEN_PROBLEM],
	['board: UUID with a non-hex digit', 'board', locator('identityToken'), ['Identity', 'identityToken'], `${ids.pinterest.slice(0, -1)}g`, ids.pinterest, TOKEN_PROBLEM],
	['company post: blank token', 'companyPost', locator('identityToken'), ['Identity', 'identityToken'], '   ', ids.linkedin, /^is empty: choose an identity/],

	// --- customFields --------------------------------------------------------------------------
	['tweet: custom fields that are an array', 'tweet', extra('customFields'), ['Custom Fields', 'customFields'], [1, 2], {}, NOT_OBJECT],
	['board: custom fields that are a JSON string', 'board', extra('customFields'), ['Custom Fields', 'customFields'], '"just text"', '{}', NOT_OBJECT],
	['playlist: custom fields that are plain text', 'ytPlaylist', extra('customFields'), ['Custom Fields', 'customFields'], 'not json', '{}', NOT_JSON],
	['Facebook picture: custom fields with invalid JSON', 'fbPicture', extra('customFields'), ['Custom Fields', 'customFields'], '{"a":', '{}', NOT_JSON],
	['pin: custom fields holding the whole envelope', 'pin', extra('customFields'), ['Custom Fields', 'customFields'], '{"request":{"push":{"pin":{"x":1}}}}', '{"x":1}', ENVELOPE],
	['channel section: custom fields starting at "push"', 'ytSection', extra('customFields'), ['Custom Fields', 'customFields'], { push: { channel: {} } }, {}, ENVELOPE],
	['LinkedIn post: custom fields that are a number', 'liPost', extra('customFields'), ['Custom Fields', 'customFields'], 42, {}, NOT_OBJECT],
	['Twitter video: custom fields "[]"', 'twVideo', extra('customFields'), ['Custom Fields', 'customFields'], '[]', '{}', NOT_OBJECT],

	// --- id lists with empty entries -----------------------------------------------------------
	['tweet: attachment ids "a,,b"', 'tweet', extra('attachmentIds'), ['Attachment IDs', 'attachmentIds'], 'a,,b', 'a,b', /^has an empty entry \(number 2\)$/],
	['Facebook post: attachment ids "1,"', 'fbPost', extra('attachmentIds'), ['Attachment IDs', 'attachmentIds'], '1,', '1', /^has an empty entry \(number 2\)$/],
	['page post: attachment ids array with ""', 'pagePost', extra('attachmentIds'), ['Attachment IDs', 'attachmentIds'], ['1', ''], ['1'], /^has an empty entry \(number 2\)$/],
	['channel section: playlist ids ",PL1"', 'ytSection', extra('playlistIds'), ['Playlist IDs', 'playlistIds'], ',PL1', 'PL1', /^has an empty entry \(number 1\)$/],
	['channel section: channel ids array with a blank', 'ytSection', extra('channelIds'), ['Channel IDs', 'channelIds'], ['UC1', '  '], ['UC1'], /^has an empty entry \(number 2\)$/],
	['group post: attachment ids array with null', 'groupPost', extra('attachmentIds'), ['Attachment IDs', 'attachmentIds'], ['1', null], ['1'], /^has entry 2 that is null; each entry must be a text ID$/],
	['tweet: picture URLs with an empty entry', 'tweet', extra('pictureUrls'), ['Picture URLs to Upload and Attach', 'pictureUrls'], 'https://ex.com/a.png,,https://ex.com/b.png', '', /^has an empty entry \(number 2\)$/],
	['Facebook post: picture URLs with a javascript: entry', 'fbPost', extra('pictureUrls'), ['Picture URLs to Upload and Attach', 'pictureUrls'], ['javascript:alert(1)'], '', /^has entry 1 that must be an absolute http/],

	// --- other typed fields --------------------------------------------------------------------
	['playlist: unknown privacy status', 'ytPlaylist', extra('privacyStatus'), ['Privacy Status', 'privacyStatus'], 'secret', 'private', /^must be one of public, unlisted, private, not "secret"$/],
	['playlist video: negative position', 'ytPlaylistVideo', extra('position'), ['Position', 'position'], -1, 2, /^must be a whole number of 0 or more, not number -1$/],
	['Facebook picture: create post "yes"', 'fbPicture', extra('createPost'), ['Create Post', 'createPost'], 'yes', true, /^must be true or false, not "yes"$/],
];

// Literal values (no expression): every item of the run is bad.
const LITERAL_CASES = [
	['tweet: literal blank message', 'tweet', { message: '   ' }, ['Message', 'message'], EMPTY],
	['pin: literal board id "a/b" in list mode', 'pin', { boardId: rl('a/b', 'list') }, ['Board', 'boardId'], PATH_ID_PROBLEM],
	['board: literal invalid custom fields JSON', 'board', { additionalFields: { customFields: '{"a":' } }, ['Custom Fields', 'customFields'], NOT_JSON],
	['tweet: literal non-UUID token in list mode', 'tweet', { identityToken: rl('nope', 'list') }, ['Identity', 'identityToken'], TOKEN_PROBLEM],
	['pin: literal relative picture URL', 'pin', { pictureUrl: '/a.png' }, ['Picture URL', 'pictureUrl'], URL_PROBLEM],
];

const { sb, credentials } = useSandbox();

const GAVE = ': its expression {{ $json.v }} gave ';

/**
 * Asserts "<Display> (<name>) <problem>[: its expression … gave <value>] [item N]" and returns the
 * problem part. With `bad` given, the value came from the expression {{ $json.v }}, and the
 * message must quote it and what it gave.
 */
function expectNamed(message, [displayName, name], itemIndex, problem, ...bad) {
	expect(typeof message).toBe('string');
	const prefix = `${displayName} (${name}) `;
	const suffix = ` [item ${itemIndex}]`;
	expect(message.startsWith(prefix)).toBe(true);
	expect(message.endsWith(suffix)).toBe(true);
	let middle = message.slice(prefix.length, message.length - suffix.length);
	if (bad.length) {
		const at = middle.lastIndexOf(GAVE);
		expect(at).toBeGreaterThan(0);
		const gave = bad[0] === undefined ? 'undefined' : JSON.stringify(bad[0]);
		if (gave.length <= 120) expect(middle.slice(at + GAVE.length)).toBe(gave);
		middle = middle.slice(0, at);
	}
	if (problem) expect(middle).toMatch(problem);
	else expect(middle.length).toBeGreaterThan(0);
	return middle;
}

const tokenOf = (parameters) => TOKEN_OF[parameters.resource];

describe('bad input never reaches OneAll (expression values, one parameter bad per case)', () => {
	test('the table has at least 40 cases over at least 15 operations', () => {
		expect(CASES.length + LITERAL_CASES.length).toBeGreaterThanOrEqual(40);
		expect(new Set(CASES.map((c) => c[1])).size).toBeGreaterThanOrEqual(15);
	});

	describe.each(CASES)('%s', (_label, op, where, param, bad, good, problem) => {
		const base = OPS[op];
		const parameters = { ...base, ...where(V, base) };

		test('stop on error, one item: refused as [item 0], nothing sent', async () => {
			const { output, error } = await runOneAll({ parameters, items: [{ v: bad }], credentials });
			expect(sb.requests).toHaveLength(0);
			expect(output).toBeUndefined();
			expectNamed(error?.message, param, 0, problem, bad);
			expect(error.description).toBe('Nothing was sent to OneAll for this item.');
		});

		test('stop on error, good/BAD/good: the run fails as [item 1]; only the good items are sent', async () => {
			const { error } = await runOneAll({ parameters, items: [{ v: good }, { v: bad }, { v: good }], credentials });
			expectNamed(error?.message, param, 1, problem, bad);
			expect(sb.requests.map((r) => r.status)).toEqual([200, 200]);
			expect(sb.requests[1].body).toBe(sb.requests[0].body);
		});

		test('error output, good/BAD/good: the good items are published, the bad one is not sent', async () => {
			const { output, error } = await runOneAll({
				parameters,
				items: [{ v: good }, { v: bad }, { v: good }],
				credentials,
				onError: 'continueErrorOutput',
			});
			expect(error).toBeUndefined();
			const [success, failed] = output;
			expect(success.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 2 }]);
			expect(failed).toHaveLength(1);
			expect(failed[0].pairedItem).toEqual({ item: 1 });
			const middle = expectNamed(failed[0].json.error, param, 1, problem, bad);
			expect(failed[0].error.message).toBe(failed[0].json.error);
			expect(middle.length).toBeGreaterThan(0);

			expect(sb.requests.map((r) => r.status)).toEqual([200, 200]);
			const prefix = `/push/identities/${tokenOf(base)}/`;
			for (const request of sb.requests) {
				expect(request.pathname.startsWith(prefix)).toBe(true);
				// The two requests are the two good items: the same request twice.
				expect(request.body).toBe(sb.requests[0].body);
				expect(request.pathname).toBe(sb.requests[0].pathname);
				if (typeof bad === 'string' && bad.trim().length >= 2) {
					expect(request.body.includes(JSON.stringify(bad).slice(1, -1))).toBe(false);
					expect(decodeURIComponent(request.url).includes(bad)).toBe(false);
				}
			}
		});
	});
});

describe('bad literal values (every item bad)', () => {
	test.each(LITERAL_CASES)('%s', async (_label, op, override, param, problem) => {
		const parameters = { ...OPS[op], ...override };
		const stopped = await runOneAll({ parameters, items: [{}, {}], credentials });
		expectNamed(stopped.error?.message, param, 0, problem);
		expect(sb.requests).toHaveLength(0);

		const { output } = await runOneAll({ parameters, items: [{}, {}, {}], credentials, onError: 'continueErrorOutput' });
		expect(output[0]).toHaveLength(0);
		expect(output[1].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		output[1].forEach((item, index) => expectNamed(item.json.error, param, index, problem));
		expect(sb.requests).toHaveLength(0);
	});
});
