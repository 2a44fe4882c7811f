// The contract's error table, as a user sees it: the message and description of the error the run
// ends with (or of the item in the error output), what was sent to OneAll, and that no key leaks.
const { runOneAll } = require('../helpers/runWorkflow');
const { formatId } = require('../sandbox/server');
const {
	ids,
	rl,
	secretsOf,
	safeJson,
	useSandbox,
} = require('../helpers/kit');

const { sb, credentials } = useSandbox();

const NOTHING_SENT = 'Nothing was sent to OneAll for this item.';
const tweetBy = (message) => ({ resource: 'twitter', operation: 'publishTweet', identityToken: rl(ids.twitter), message });
const run = (parameters, extra = {}) => runOneAll({ parameters, credentials, ...extra });

/** The run's error as shown to the user: message, description, and the item it names. */
function expectUserError(error, { message, description, itemIndex }) {
	expect(error).toBeDefined();
	if (message instanceof RegExp) expect(error.message).toMatch(message);
	else expect(error.message).toBe(message);
	if (description instanceof RegExp) expect(error.description).toMatch(description);
	else if (description !== undefined) expect(error.description).toBe(description);
	if (itemIndex !== undefined) expect(error.context?.itemIndex).toBe(itemIndex);
}

describe('invalid parameters: an error naming the parameter and the item, nothing sent', () => {
	const cases = [
		[
			'Twitter message empty (from an expression)',
			{ ...tweetBy('={{ $json.text }}') },
			'Message (message) is empty: its expression {{ $json.text }} gave "" [item 0]',
		],
		[
			'Twitter message only spaces',
			{ ...tweetBy('   ') },
			'Message (message) is empty [item 0]',
		],
		[
			'Facebook post with neither message nor link',
			{ resource: 'facebook', operation: 'publishPost', identityToken: rl(ids.facebook), message: '' },
			'Message (message) is empty: a post needs Message (message) or Link (link) [item 0]',
		],
		[
			'LinkedIn company post with neither message nor link',
			{ resource: 'linkedInCompany', operation: 'publishPost', identityToken: rl(ids.linkedin), companyId: rl(ids.company), message: '' },
			'Message (message) is empty: a post needs Message (message) or Link (link) [item 0]',
		],
		[
			'YouTube title empty (from an expression)',
			{ resource: 'youtube', operation: 'createPlaylist', identityToken: rl(ids.youtube), title: '={{ $json.text }}' },
			'Title (title) is empty: its expression {{ $json.text }} gave "" [item 0]',
		],
		[
			'Pinterest board id empty (from an expression)',
			{ resource: 'pinterest', operation: 'publishPin', identityToken: rl(ids.pinterest), boardId: rl('={{ $json.text }}'), pictureUrl: 'https://example.com/a.png', description: 'd' },
			'Board (boardId) is empty: its expression {{ $json.text }} gave "" [item 0]',
		],
		[
			'video URL without scheme',
			{ resource: 'twitter', operation: 'uploadVideo', identityToken: rl(ids.twitter), videoUrl: 'example.com/v.mp4' },
			'Video URL (videoUrl) must be an absolute http:// or https:// URL without spaces, not "example.com/v.mp4" [item 0]',
		],
		[
			'link that is relative',
			{ resource: 'facebook', operation: 'publishPost', identityToken: rl(ids.facebook), message: 'm', additionalFields: { link: '/blog/post' } },
			'Link (link) must be an absolute http:// or https:// URL without spaces, not "/blog/post" [item 0]',
		],
		[
			'callback URL with another scheme',
			{ resource: 'youtube', operation: 'uploadVideo', identityToken: rl(ids.youtube), videoUrl: 'https://example.com/v.mp4', title: 't', additionalFields: { callbackUrl: 'javascript:alert(1)' } },
			'Callback URL (callbackUrl) must be an absolute http:// or https:// URL without spaces, not "javascript:alert(1)" [item 0]',
		],
		[
			'picture URL ftp://',
			{ resource: 'twitter', operation: 'uploadPicture', identityToken: rl(ids.twitter), pictureUrl: 'ftp://example.com/a.png' },
			'Picture URL (pictureUrl) must be an absolute http:// or https:// URL without spaces, not "ftp://example.com/a.png" [item 0]',
		],
		[
			'picture URL with a .pdf extension',
			{ resource: 'twitter', operation: 'uploadPicture', identityToken: rl(ids.twitter), pictureUrl: 'https://example.com/files/doc.pdf' },
			'Picture URL (pictureUrl) must point to a JPEG, BMP, PNG, GIF or TIFF picture; ".pdf" is not one of jpeg, jpg, bmp, png, gif, tif, tiff [item 0]',
		],
		[
			'LinkedIn link-preview picture with a .pdf extension',
			{ resource: 'linkedIn', operation: 'publishPost', identityToken: rl(ids.linkedin), message: 'm', additionalFields: { pictureUrl: 'https://example.com/x.PDF' } },
			/^Picture URL \(pictureUrl\) must point to a JPEG, BMP, PNG, GIF or TIFF picture; "\.pdf" .* \[item 0\]$/,
		],
		[
			'YouTube thumbnail with a .pdf extension',
			{ resource: 'youtube', operation: 'uploadVideo', identityToken: rl(ids.youtube), videoUrl: 'https://example.com/v.mp4', title: 't', additionalFields: { thumbnailUrl: 'https://example.com/t.pdf' } },
			/^Thumbnail URL \(thumbnailUrl\) must point to a JPEG, BMP, PNG, GIF or TIFF picture; "\.pdf" .* \[item 0\]$/,
		],
		[
			'identity token that is not a UUID (plain string)',
			{ ...tweetBy('x'), identityToken: 'not-a-uuid' },
			'Identity (identityToken) must be a OneAll identity token (a UUID such as 923843ec-1749-4cc1-988f-d6963f3b1baa), not "not-a-uuid" [item 0]',
		],
		[
			'identity token that is not a UUID (expression in a locator)',
			{ ...tweetBy('x'), identityToken: rl('={{ "../../identities" }}') },
			/^Identity \(identityToken\) must be a OneAll identity token .* not "\.\.\/\.\.\/identities": its expression \{\{ "\.\.\/\.\.\/identities" \}\} gave "\.\.\/\.\.\/identities" \[item 0\]$/,
		],
		[
			'identity token empty (from an expression)',
			{ ...tweetBy('x'), identityToken: rl('={{ $json.text }}') },
			'Identity (identityToken) is empty: choose an identity from the list or enter its token: its expression {{ $json.text }} gave "" [item 0]',
		],
		[
			'board id that would change the path',
			{ resource: 'pinterest', operation: 'publishPin', identityToken: rl(ids.pinterest), boardId: '../../x', pictureUrl: 'https://example.com/a.png', description: 'd' },
			/^Board \(boardId\) must be a single ID .* not "\.\.\/\.\.\/x" \[item 0\]$/,
		],
		[
			'playlist id with a query',
			{ resource: 'youtube', operation: 'addVideoToPlaylist', identityToken: rl(ids.youtube), playlistId: 'PL1?x=1', videoId: 'v' },
			/^Playlist \(playlistId\) must be a single ID .* not "PL1\?x=1" \[item 0\]$/,
		],
		[
			'customFields that is not an object',
			{ ...tweetBy('x'), additionalFields: { customFields: '[1,2]' } },
			/^Custom Fields \(customFields\) must be a JSON object .* \[item 0\]$/,
		],
	];

	test.each(cases)('%s', async (_name, parameters, message) => {
		const { error, output } = await run(parameters, { items: [{ text: '' }] });
		expect(output).toBeUndefined();
		expectUserError(error, { message, description: NOTHING_SENT, itemIndex: 0 });
		expect(sb.requests).toHaveLength(0);
	});

	test('the item named is the failing one: [item 2] of three, the others still sent (error output)', async () => {
		const { output } = await run(
			{ resource: 'twitter', operation: 'uploadPicture', identityToken: rl(ids.twitter), pictureUrl: '={{ $json.url }}' },
			{
				items: [{ url: 'https://example.com/a.png' }, { url: 'https://example.com/b.jpg' }, { url: 'https://example.com/c.pdf' }],
				onError: 'continueErrorOutput',
			},
		);
		expect(output[1]).toHaveLength(1);
		expect(output[1][0].json.error).toMatch(/^Picture URL \(pictureUrl\) must point to a JPEG.*\[item 2\]$/);
		expect(output[1][0].pairedItem).toEqual({ item: 2 });
		expect(sb.requests.map((r) => JSON.parse(r.body).request.push.picture.url)).toEqual([
			'https://example.com/a.png',
			'https://example.com/b.jpg',
		]);
	});

	test('a required parameter left empty in the workflow itself: n8n refuses to start, nothing is sent', async () => {
		// A title is `required` in n8n's sense: n8n's own check stops the workflow first (n8n 2.8 said
		// "The workflow has issues and cannot be executed"; 2.41 names the node and the parameter).
		const playlist = { resource: 'youtube', operation: 'createPlaylist', identityToken: rl(ids.youtube), title: '' };
		await expect(run(playlist)).rejects.toThrow(`The 'OneAll' node has issues:\n- Parameter "Title" is required.`);
		expect(sb.requests).toHaveLength(0);
	});

	test("an empty tweet is refused by the node: Message is shared with posts where it is optional, so n8n does not mark it", async () => {
		const { error } = await run(tweetBy(''));
		expectUserError(error, { message: 'Message (message) is empty [item 0]', description: NOTHING_SENT, itemIndex: 0 });
		expect(sb.requests).toHaveLength(0);
	});
});

describe('OneAll answers with an error', () => {
	const HINTS = {
		400: /could not process|refused/i,
		401: /Public Key and Private Key/,
		403: /permission/i,
		404: /identity token .* ID|does not know/i,
		429: /rate limit/i,
		500: /internal error|try again later/i,
	};

	test.each(Object.keys(HINTS).map(Number))('HTTP %i → "OneAll error <code>: <info>" with its hint', async (status) => {
		sb.setFault({ mode: 'status', status, info: `Sandbox says no (${status})` });
		const { error, output } = await run(tweetBy('x'));
		expect(output).toBeUndefined();
		expectUserError(error, { message: `OneAll error ${status}: Sandbox says no (${status})`, description: HINTS[status], itemIndex: 0 });
		expect(String(error.httpCode)).toBe(String(status));
		expect(sb.requests).toHaveLength(1);
	});

	test('each hint is specific to its status', async () => {
		const descriptions = [];
		for (const status of [400, 401, 403, 404, 429, 500]) {
			sb.reset();
			const { error } = await run(tweetBy(`x __fault:${status}`));
			expect(error.message).toMatch(new RegExp(`^OneAll error ${status}: \\S`));
			descriptions.push(error.description);
		}
		expect(new Set(descriptions).size).toBe(6);
		expect(descriptions.every((d) => typeof d === 'string' && d.length > 20)).toBe(true);
	});

	test('real 401: wrong keys', async () => {
		const { error } = await runOneAll({ parameters: tweetBy('x'), credentials: { ...credentials, privateKey: 'wrong' } });
		expectUserError(error, {
			message: 'OneAll error 401: Authentication credentials are missing or incorrect: http://docs.oneall.com/api/basic/authentication/',
			description: HINTS[401],
		});
	});

	test('real 404: an identity token OneAll does not know', async () => {
		const unknown = '00000000-0000-4000-8000-000000000000';
		const { error } = await run({ ...tweetBy('x'), identityToken: rl(unknown) });
		expectUserError(error, {
			message: `OneAll error 404: The identity with the identity_token [${unknown}] could not be found.`,
			description: HINTS[404],
		});
	});

	test('real 403: a Twitter identity used for a Facebook page', async () => {
		const { error } = await run({
			resource: 'facebookPage',
			operation: 'publishPost',
			identityToken: rl(ids.twitter),
			pageId: rl(ids.page),
			message: 'x',
		});
		expectUserError(error, { message: /^OneAll error 403: .*belongs to the provider \[twitter\]/, description: HINTS[403] });
	});

	test('real 404: a Facebook page id unknown to the identity', async () => {
		const { error } = await run({
			resource: 'facebookPage',
			operation: 'publishPost',
			identityToken: rl(ids.facebook),
			pageId: rl('999'),
			message: 'x',
		});
		expectUserError(error, { message: 'OneAll error 404: The page with the id [999] could not be found for this identity.', description: HINTS[404] });
	});

	test('HTTP 200 with status.flag "error" is an error with OneAll\'s code and info', async () => {
		sb.setFault({ mode: 'flagError', code: 429, info: 'Slow down, said the network' });
		const { error, output } = await run(tweetBy('x'));
		expect(output).toBeUndefined();
		expectUserError(error, { message: 'OneAll error 429: Slow down, said the network', description: HINTS[429], itemIndex: 0 });
		expect(sb.requests[0].status).toBe(200);
	});

	test('HTTP 200 with flag error, by marker (default code 400)', async () => {
		const { error } = await run(tweetBy('x __fault:flagError'));
		expectUserError(error, {
			message: 'OneAll error 400: The request cannot be processed. The social network has rejected the content.',
			description: HINTS[400],
		});
	});

	test('an HTML page: the HTTP status and an excerpt', async () => {
		const { error } = await run(tweetBy('x __fault:html'));
		expectUserError(error, {
			message: /^OneAll answered HTTP 502 with a body that is not JSON: ".*502 Bad Gateway.*"$/,
			description: /down|maintenance|try again/i,
			itemIndex: 0,
		});
		expect(error.message).not.toMatch(/\n/);
	});

	test('an empty body: the HTTP status and "(empty body)"', async () => {
		const { error } = await run(tweetBy('x __fault:empty'));
		expectUserError(error, { message: 'OneAll answered HTTP 200 with a body that is not JSON: (empty body)', itemIndex: 0 });
	});

	test('a truncated body: the HTTP status and a short excerpt of it', async () => {
		const { error } = await run(tweetBy('x __fault:truncated'));
		expectUserError(error, { message: /^OneAll answered HTTP 200 with a body that is not JSON: "\{"response":\{"request":/, itemIndex: 0 });
		const excerpt = error.message.slice(error.message.indexOf('"'));
		expect(excerpt.length).toBeLessThanOrEqual(205); // quoted, at most 200 characters and "…"
	});

	test('a long HTML page is cut to a short excerpt', async () => {
		sb.setFault({ mode: 'html', status: 503, body: `<html>${'x'.repeat(5000)}</html>` });
		const { error } = await run(tweetBy('x'));
		expect(error.message).toMatch(/^OneAll answered HTTP 503 with a body that is not JSON: "<html>x+…"$/);
		expect(error.message.length).toBeLessThan(300);
	});

	// n8n hands the node a NodeApiError with the client's code in httpCode and its text in messages;
	// a timeout must still warn that OneAll may have published the post.
	test('a timeout says OneAll did not answer in time and the post may still have been published', async () => {
		const { error } = await run({ ...tweetBy('x __fault:hang'), requestOptions: { timeout: 300 } });
		expect(error.message).toBe('Could not reach OneAll: the request timed out');
		expect(error.description).toMatch(/may still have been published/);
	});

	test('a timeout or dropped connection is an error of the item, sent once', async () => {
		const { error } = await run({ ...tweetBy('x __fault:hang'), requestOptions: { timeout: 300 } });
		expect(error.message).toMatch(/^Could not reach OneAll: /);
		expect(error.context?.itemIndex).toBe(0);
		expect(sb.requests).toHaveLength(1);
		sb.reset();
		const reset = await run(tweetBy('x __fault:reset'));
		expect(reset.error.message).toMatch(/^Could not reach OneAll: /);
	});
});

describe('continue on fail, error output and stop', () => {
	// item 0 ok, item 1 invalid (empty message), item 2 refused by OneAll (500), item 3 ok
	const items = [{ m: 'zero' }, { m: '' }, { m: 'two __fault:500' }, { m: 'three' }];
	const parameters = tweetBy('={{ $json.m }}');

	test('continueErrorOutput: failing items to output[1] with json.error and pairedItem, the others to output[0]', async () => {
		const { output, error } = await run(parameters, { items, onError: 'continueErrorOutput' });
		expect(error).toBeUndefined();
		expect(output).toHaveLength(2);
		expect(output[0]).toStrictEqual([
			{ json: { provider: 'twitter', object: 'post', post_id: formatId('numeric', 1) }, pairedItem: { item: 0 } },
			{ json: { provider: 'twitter', object: 'post', post_id: formatId('numeric', 2) }, pairedItem: { item: 3 } },
		]);
		expect(output[1].map((item) => item.pairedItem)).toEqual([{ item: 1 }, { item: 2 }]);
		expect(output[1].map((item) => item.json)).toStrictEqual([
			{ error: 'Message (message) is empty: its expression {{ $json.m }} gave "" [item 1]' },
			{ error: 'OneAll error 500: An unrecoverable error occurred while processing the request.' },
		]);
		expect(output[1][0].error.description).toBe(NOTHING_SENT);
		expect(output[1][1].error.description).toMatch(/internal error/);
		// the invalid item was not sent; the others were, in order
		expect(sb.requests.map((r) => JSON.parse(r.body).request.push.post.message)).toEqual(['zero', 'two __fault:500', 'three']);
	});

	test('continueRegularOutput: every item in output[0], in order, failing ones with json.error', async () => {
		const { output, error } = await run(parameters, { items, onError: 'continueRegularOutput' });
		expect(error).toBeUndefined();
		expect(output).toHaveLength(1);
		expect(output[0].map((item) => item.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
		expect(output[0].map((item) => item.json)).toStrictEqual([
			{ provider: 'twitter', object: 'post', post_id: formatId('numeric', 1) },
			{ error: 'Message (message) is empty: its expression {{ $json.m }} gave "" [item 1]' },
			{ error: 'OneAll error 500: An unrecoverable error occurred while processing the request.' },
			{ provider: 'twitter', object: 'post', post_id: formatId('numeric', 2) },
		]);
		expect(sb.requests).toHaveLength(3);
	});

	test('stop: the run fails with the first failing item; the other items are still sent, once each', async () => {
		const { output, error } = await run(parameters, {
			items: [{ m: 'zero' }, { m: 'one __fault:500' }, { m: 'two' }, { m: 'three __fault:500' }],
		});
		expect(output).toBeUndefined();
		expectUserError(error, { message: 'OneAll error 500: An unrecoverable error occurred while processing the request.', itemIndex: 1 });
		expect(sb.requests.map((r) => JSON.parse(r.body).request.push.post.message)).toEqual([
			'zero',
			'one __fault:500',
			'two',
			'three __fault:500',
		]);
	});

	test('stop: an invalid item is never sent and fails the run; the valid ones are sent', async () => {
		const { output, error } = await run(parameters, {
			items: [{ m: 'zero' }, { m: 'one' }, { m: '' }, { m: 'three' }],
		});
		expect(output).toBeUndefined();
		expectUserError(error, {
			message: 'Message (message) is empty: its expression {{ $json.m }} gave "" [item 2]',
			description: NOTHING_SENT,
			itemIndex: 2,
		});
		expect(sb.requests.map((r) => JSON.parse(r.body).request.push.post.message)).toEqual(['zero', 'one', 'three']);
	});

	test('stop: an invalid last item fails the run, the earlier items are sent', async () => {
		const { error } = await run(
			{ resource: 'twitter', operation: 'uploadPicture', identityToken: rl(ids.twitter), pictureUrl: '={{ $json.u }}' },
			{ items: [{ u: 'https://example.com/a.png' }, { u: 'https://example.com/b.png' }, { u: 'https://example.com/c.pdf' }] },
		);
		expect(error.message).toBe(
			'Picture URL (pictureUrl) must point to a JPEG, BMP, PNG, GIF or TIFF picture; ".pdf" is not one of jpeg, jpg, bmp, png, gif, tif, tiff: its expression {{ $json.u }} gave "https://example.com/c.pdf" [item 2]',
		);
		expect(sb.requests.map((r) => JSON.parse(r.body).request.push.picture.url)).toEqual([
			'https://example.com/a.png',
			'https://example.com/b.png',
		]);
	});
});

describe('keys never appear in outputs, errors or run data', () => {
	const scenarios = [
		['success', () => run(tweetBy('fine'))],
		['OneAll 401 (wrong private key)', () => runOneAll({ parameters: tweetBy('x'), credentials: { ...credentials, privateKey: 'wrong-key' } })],
		['OneAll 500 into the error output', () => run(tweetBy('x __fault:500'), { onError: 'continueErrorOutput' })],
		['non-JSON answer', () => run(tweetBy('x __fault:html'))],
		['flag error', () => run(tweetBy('x __fault:flagError'))],
		['invalid parameter', () => run(tweetBy('={{ "" }}'))],
		['connection reset', () => run(tweetBy('x __fault:reset'))],
		['connection reset, continue', () => run(tweetBy('x __fault:reset'), { onError: 'continueRegularOutput' })],
		['timeout', () => run({ ...tweetBy('x __fault:hang'), requestOptions: { timeout: 200 } })],
		['connection refused', () => runOneAll({ parameters: tweetBy('x'), credentials: { ...credentials, baseUrl: 'http://127.0.0.1:1' } })],
		['refused credential', () => runOneAll({ parameters: tweetBy('x'), credentials: { ...credentials, baseUrl: 'http://u@127.0.0.1:1' } })],
	];

	test.each(scenarios)('%s', async (_name, go) => {
		const result = await go();
		const texts = {
			output: safeJson(result.output),
			error: safeJson(result.error),
			errorMessage: `${result.error?.message ?? ''} ${result.error?.description ?? ''} ${result.error?.stack ?? ''}`,
			run: safeJson(result.run),
		};
		for (const [where, text] of Object.entries(texts)) {
			for (const secret of secretsOf()) {
				if (text.includes(secret)) throw new Error(`${where} contains ${secret}`);
			}
		}
		// the scenario did exercise something: success has output, failures have an error somewhere
		expect(texts.output.length + texts.error.length).toBeGreaterThan(20);
	});
});

describe('what counts as a timeout', () => {
	const { transportError } = require(`${require('../..').nodeDir}/shared/errors`);
	const node = { name: 'OneAll', type: 'n8n-nodes-oneall.oneAll', typeVersion: 1, parameters: {} };

	test("n8n's own waits that say \"timeout\" (a busy database pool) are not reported as OneAll not answering, but as not sent", () => {
		const error = transportError(node, 3, new Error('timeout exceeded when trying to connect'));
		expect(error.message).toBe('n8n did not send the request to OneAll: timeout exceeded when trying to connect');
		expect(error.description).toBe("Nothing was sent to OneAll for this item. The reason is n8n's own; run the item again once it is resolved.");
	});

	test("the HTTP client's own timeout is", () => {
		const axios = (message, extra = {}) => Object.assign(new Error(message), { isAxiosError: true, ...extra });
		expect(transportError(node, 0, axios('timeout of 300ms exceeded')).message).toBe('Could not reach OneAll: the request timed out');
		expect(transportError(node, 0, axios('aborted', { code: 'ECONNABORTED' })).message).toBe('Could not reach OneAll: the request timed out');
	});

	test('an error that may come from the HTTP client (any code, an answer or a request attached) is never called "not sent"', () => {
		const cases = [
			Object.assign(new Error('certificate has expired'), { code: 'CERT_HAS_EXPIRED' }),
			Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }),
			Object.assign(new Error('The service refused the connection'), { httpCode: 'ECONNREFUSED' }),
			Object.assign(new Error('socket hang up'), { request: {} }),
			new Error('wrapped', { cause: Object.assign(new Error('inner'), { response: { status: 502 } }) }),
		];
		for (const thrown of cases) expect(transportError(node, 0, thrown).message).toMatch(/^Could not reach OneAll: /);
	});

	test("a certificate n8n does not trust: said so, with what to do; nothing was sent", () => {
		const hint =
			"n8n did not trust the TLS certificate it was shown, so nothing was sent. If a proxy on your network inspects HTTPS, give n8n its certificate authority (NODE_EXTRA_CA_CERTS); if you trust this network, switch on the node's Request Options → Ignore SSL Issues.";
		const inCause = new Error('request failed', { cause: Object.assign(new Error('self-signed certificate'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }) });
		const inHttpCode = Object.assign(new Error('certificate has expired'), { httpCode: 'CERT_HAS_EXPIRED' });
		const textOnly = Object.assign(new Error('unable to verify the first certificate'), { isAxiosError: true });
		expect([inCause, inHttpCode, textOnly].map((thrown) => [transportError(node, 0, thrown).message, transportError(node, 0, thrown).description])).toEqual([
			["Could not reach OneAll: the server's certificate is not trusted (DEPTH_ZERO_SELF_SIGNED_CERT)", hint],
			["Could not reach OneAll: the server's certificate is not trusted (CERT_HAS_EXPIRED)", hint],
			["Could not reach OneAll: the server's certificate is not trusted", hint],
		]);
	});
});
