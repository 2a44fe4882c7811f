'use strict';

// The `additionalFields.pictureUrls` convenience of Twitter → Publish Tweet and Facebook (profile,
// page, group) → Publish Post, run in n8n-core's real WorkflowExecute (test/helpers/runWorkflow.js)
// against the strict OneAll sandbox: each picture is uploaded first, then ONE post whose
// attachments are the given attachment ids followed by the uploaded ids, in order. A failed upload
// fails its item before anything is posted.

const { formatId } = require('../sandbox/server');
const { data, rl, useSandbox } = require('../helpers/kit');
const { runOneAll } = require('../helpers/runWorkflow');

const { named } = data;
const TW = named.twitter.identity_token;
const FB = named.facebook.identity_token;
const PAGE_ID = data.pull[FB].pages[0].page_id;
const GROUP_ID = data.pull[FB].groups[0].group_id;

const A = 'https://ex.com/a.png';
const B = 'https://ex.com/b.jpg';


const { sb, credentials } = useSandbox();

/** What the sandbox received: [path after /push/identities/<t>/, parsed body, status]. */
function received(token) {
	const prefix = `/push/identities/${token}/`;
	return sb.requests.map((r) => {
		expect(r.pathname.startsWith(prefix)).toBe(true);
		return { path: r.pathname.slice(prefix.length), body: r.json, status: r.status };
	});
}

/**
 * The id the sandbox gave the k-th request: its rule is that the n-th successful push since reset
 * gets formatId('numeric', n), so it is read off the record, not taken from the node's output.
 */
function idOfRequest(k) {
	const successesUpTo = sb.requests.slice(0, k + 1).filter((r) => r.status === 200).length;
	expect(sb.requests[k].status).toBe(200);
	return formatId('numeric', successesUpTo);
}

const CASES = [
	{
		label: 'Twitter → Publish Tweet',
		token: TW,
		parameters: { resource: 'twitter', operation: 'publishTweet', identityToken: rl(TW), message: 'Two pictures' },
		upload: 'twitter/picture.json',
		uploadBody: (url) => ({ request: { push: { picture: { url } } } }),
		post: 'twitter/post.json',
		postBody: (attachments) => ({ request: { push: { post: { message: 'Two pictures', attachments } } } }),
		result: (postId, attachments) => ({ provider: 'twitter', object: 'post', post_id: postId, attachments }),
	},
	{
		label: 'Facebook profile → Publish Post',
		token: FB,
		parameters: { resource: 'facebook', operation: 'publishPost', identityToken: rl(FB), message: 'Two pictures' },
		upload: 'facebook/picture.json',
		uploadBody: (url) => ({ request: { push: { picture: { url, create_post: false } } } }),
		post: 'facebook/post.json',
		postBody: (attachments) => ({ request: { push: { post: { message: 'Two pictures', attachments } } } }),
		result: (postId, attachments) => ({ provider: 'facebook', object: 'post', post_id: postId, attachments }),
	},
	{
		label: 'Facebook page → Publish Post',
		token: FB,
		parameters: {
			resource: 'facebookPage',
			operation: 'publishPost',
			identityToken: rl(FB),
			pageId: rl(PAGE_ID),
			message: 'Two pictures',
		},
		upload: 'facebook/page/picture.json',
		uploadBody: (url) => ({ request: { push: { page: { id: PAGE_ID, url, create_post: false } } } }),
		post: 'facebook/page/post.json',
		postBody: (attachments) => ({ request: { push: { page: { id: PAGE_ID, message: 'Two pictures', attachments } } } }),
		result: (postId, attachments) => ({ provider: 'facebook', object: 'post', page_id: PAGE_ID, post_id: postId, attachments }),
	},
	{
		label: 'Facebook group → Publish Post',
		token: FB,
		parameters: {
			resource: 'facebookGroup',
			operation: 'publishPost',
			identityToken: rl(FB),
			groupId: rl(GROUP_ID, 'id'),
			message: 'Two pictures',
		},
		upload: 'facebook/group/picture.json',
		uploadBody: (url) => ({ request: { push: { group: { id: GROUP_ID, url, create_post: false } } } }),
		post: 'facebook/group/post.json',
		postBody: (attachments) => ({ request: { push: { group: { id: GROUP_ID, message: 'Two pictures', attachments } } } }),
		result: (postId, attachments) => ({ provider: 'facebook', object: 'post', group_id: GROUP_ID, post_id: postId, attachments }),
	},
];

describe.each(CASES)('$label', (c) => {
	test('uploads a, then b, then sends ONE post with attachments ["111", id of a, id of b]', async () => {
		const { output, error } = await runOneAll({
			parameters: { ...c.parameters, additionalFields: { attachmentIds: '111', pictureUrls: `${A}, ${B}` } },
			credentials,
		});
		expect(error).toBeUndefined();
		const idA = idOfRequest(0);
		const idB = idOfRequest(1);
		const postId = idOfRequest(2);
		expect(new Set([idA, idB, postId]).size).toBe(3);
		expect(received(c.token)).toEqual([
			{ path: c.upload, body: c.uploadBody(A), status: 200 },
			{ path: c.upload, body: c.uploadBody(B), status: 200 },
			{ path: c.post, body: c.postBody(['111', idA, idB]), status: 200 },
		]);
		// One input item → one output item: the post's result, paired with its input.
		expect(output).toHaveLength(1);
		expect(output[0]).toEqual([{ json: c.result(postId, ['111', idA, idB]), pairedItem: { item: 0 } }]);
	});
});

describe('pictureUrls forms', () => {
	const tweet = CASES[0];

	test('an array from an expression, without attachmentIds: attachments are exactly the uploaded ids', async () => {
		const { output, error } = await runOneAll({
			parameters: { ...tweet.parameters, additionalFields: { pictureUrls: '={{ $json.pictures }}' } },
			items: [{ pictures: [B, A] }],
			credentials,
		});
		expect(error).toBeUndefined();
		const idB = idOfRequest(0);
		const idA = idOfRequest(1);
		expect(received(TW)).toEqual([
			{ path: tweet.upload, body: tweet.uploadBody(B), status: 200 },
			{ path: tweet.upload, body: tweet.uploadBody(A), status: 200 },
			{ path: tweet.post, body: tweet.postBody([idB, idA]), status: 200 },
		]);
		expect(output[0]).toEqual([{ json: tweet.result(idOfRequest(2), [idB, idA]), pairedItem: { item: 0 } }]);
	});

	test('each item uploads its own pictures and gets its own post, in input order', async () => {
		const { output, error } = await runOneAll({
			parameters: {
				...tweet.parameters,
				message: '={{ $json.text }}',
				additionalFields: { pictureUrls: '={{ $json.pictures }}' },
			},
			items: [
				{ text: 'first', pictures: `${A}` },
				{ text: 'second', pictures: [] },
				{ text: 'third', pictures: `${B},${A}` },
			],
			credentials,
		});
		expect(error).toBeUndefined();
		const got = received(TW);
		expect(got.map((r) => r.path)).toEqual([
			'twitter/picture.json',
			'twitter/post.json',
			'twitter/post.json',
			'twitter/picture.json',
			'twitter/picture.json',
			'twitter/post.json',
		]);
		expect(got[1].body.request.push.post).toEqual({ message: 'first', attachments: [idOfRequest(0)] });
		// No pictures, no attachments key at all (never an empty array).
		expect(got[2].body.request.push.post).toEqual({ message: 'second' });
		expect(got[5].body.request.push.post).toEqual({ message: 'third', attachments: [idOfRequest(3), idOfRequest(4)] });
		expect(output[0].map((i) => [i.json.post_id, i.pairedItem])).toEqual([
			[idOfRequest(1), { item: 0 }],
			[idOfRequest(2), { item: 1 }],
			[idOfRequest(5), { item: 2 }],
		]);
	});

	test('a picture URL that is not a picture fails the item before anything is sent', async () => {
		const { output, error } = await runOneAll({
			parameters: { ...tweet.parameters, additionalFields: { pictureUrls: `${A}, https://ex.com/clip.mp4` } },
			credentials,
		});
		expect(output).toBeUndefined();
		expect(error.message).toContain('pictureUrls');
		expect(error.message).toContain('entry 2');
		expect(sb.requests).toEqual([]);
	});
});

describe('a failing upload', () => {
	const tweet = CASES[0];
	const page = CASES[2];

	async function failSecondUpload(c) {
		sb.setFault({ mode: 'status', status: 500, match: { pathContains: 'picture', skip: 1, times: 1 } });
		return await runOneAll({
			parameters: { ...c.parameters, additionalFields: { attachmentIds: '111', pictureUrls: `${A}, ${B}` } },
			credentials,
		});
	}

	test.each([tweet, page])('$label: the second upload fails → nothing is posted, the item fails with OneAll\'s info', async (c) => {
		const { output, error } = await failSecondUpload(c);
		expect(received(c.token)).toEqual([
			{ path: c.upload, body: c.uploadBody(A), status: 200 },
			{ path: c.upload, body: c.uploadBody(B), status: 500 },
		]);
		expect(output).toBeUndefined();
		expect(error).toBeDefined();
		expect(error.message).toContain('500');
		expect(error.message).toContain('An unrecoverable error occurred while processing the request.');
	});

	// The user must be able to tell that the PICTURE step failed (and which picture), not the post:
	// a bare "OneAll error 500: …" reads as if the tweet itself had failed.
	test('the error names the picture upload step and the picture', async () => {
		const { error } = await failSecondUpload(tweet);
		expect(error.message).toMatch(/picture/i);
		expect(`${error.message} ${error.description ?? ''}`).toContain(B);
	});

	test('OneAll\'s error flag on an upload (HTTP 200) also stops the post', async () => {
		const { output, error } = await runOneAll({
			parameters: { ...tweet.parameters, additionalFields: { pictureUrls: `https://ex.com/__fault:flagError/a.png, ${B}` } },
			credentials,
		});
		expect(output).toBeUndefined();
		expect(error).toBeDefined();
		expect(received(TW).map((r) => [r.path, r.status])).toEqual([['twitter/picture.json', 200]]);
		expect(sb.requests[0].fault).toBe('flagError');
	});

	test('stop on error: an upload failing in the first item posts nothing for it; the later items post after it, in order', async () => {
		const { output, error } = await runOneAll({
			parameters: { ...tweet.parameters, message: '={{ $json.text }}', additionalFields: { pictureUrls: '={{ $json.pictures }}' } },
			items: [
				{ text: 'zero', pictures: [A, 'https://ex.com/__fault:503/b.png'] },
				{ text: 'one', pictures: [A] },
				{ text: 'two', pictures: [B] },
			],
			credentials,
		});
		expect(output).toBeUndefined();
		expect(error.message).toContain('503');
		expect(error.context.itemIndex).toBe(0);
		expect(received(TW).map((r) => [r.path, r.status, r.body.request.push.post?.message])).toEqual([
			['twitter/picture.json', 200, undefined],
			['twitter/picture.json', 503, undefined],
			['twitter/picture.json', 200, undefined],
			['twitter/post.json', 200, 'one'],
			['twitter/picture.json', 200, undefined],
			['twitter/post.json', 200, 'two'],
		]);
	});

	test('several items with continueErrorOutput: the failing item goes to the error output, the others post', async () => {
		const { output, error } = await runOneAll({
			parameters: { ...tweet.parameters, message: '={{ $json.text }}', additionalFields: { pictureUrls: '={{ $json.pictures }}' } },
			items: [
				{ text: 'zero', pictures: [A] },
				{ text: 'one', pictures: [A, 'https://ex.com/__fault:500/b.png'] },
				{ text: 'two', pictures: `${B}, ${A}` },
			],
			credentials,
			onError: 'continueErrorOutput',
		});
		expect(error).toBeUndefined();
		const got = received(TW);
		expect(got.map((r) => [r.path, r.status])).toEqual([
			['twitter/picture.json', 200], // zero: a
			['twitter/post.json', 200], // zero
			['twitter/picture.json', 200], // one: a
			['twitter/picture.json', 500], // one: b fails → no post for "one"
			['twitter/picture.json', 200], // two: b
			['twitter/picture.json', 200], // two: a
			['twitter/post.json', 200], // two
		]);
		const posts = got.filter((r) => r.path === 'twitter/post.json').map((r) => r.body.request.push.post);
		expect(posts).toEqual([
			{ message: 'zero', attachments: [idOfRequest(0)] },
			{ message: 'two', attachments: [idOfRequest(4), idOfRequest(5)] },
		]);
		const [success, failure] = output;
		expect(success).toEqual([
			{ json: tweet.result(idOfRequest(1), [idOfRequest(0)]), pairedItem: { item: 0 } },
			{ json: tweet.result(idOfRequest(6), [idOfRequest(4), idOfRequest(5)]), pairedItem: { item: 2 } },
		]);
		expect(failure).toHaveLength(1);
		expect(failure[0].pairedItem).toEqual({ item: 1 });
		expect(failure[0].json.error).toContain('An unrecoverable error occurred while processing the request.');
		expect(JSON.stringify(output)).not.toContain(sb.privateKey);
	});
});

describe('Retry On Fail', () => {
	const tweet = CASES[0];
	const retry = { retryOnFail: true, maxTries: 2, waitBetweenTries: 0 };

	test('pictures uploaded before the post failed are attached on the retry, not uploaded again', async () => {
		sb.setFault({ mode: 'status', status: 500, match: { pathContains: 'twitter/post.json', times: 1 } });
		const { output, error } = await runOneAll({
			parameters: { ...tweet.parameters, additionalFields: { pictureUrls: `${A}, ${A}` } },
			credentials,
			settings: retry,
		});
		expect(error).toBeUndefined();
		// The same URL listed twice is two pictures; each is uploaded once over both tries.
		const [first, second] = [idOfRequest(0), idOfRequest(1)];
		expect(first).not.toBe(second);
		expect(received(TW).map((r) => [r.path, r.status, r.body])).toEqual([
			['twitter/picture.json', 200, tweet.uploadBody(A)],
			['twitter/picture.json', 200, tweet.uploadBody(A)],
			['twitter/post.json', 500, tweet.postBody([first, second])],
			['twitter/post.json', 200, tweet.postBody([first, second])],
		]);
		expect(output).toEqual([[{ json: tweet.result(idOfRequest(3), [first, second]), pairedItem: { item: 0 } }]]);
	});

	test('a new run uploads its pictures again: nothing is remembered beyond one node run', async () => {
		const parameters = { ...tweet.parameters, additionalFields: { pictureUrls: A } };
		for (let run = 0; run < 2; run++) expect((await runOneAll({ parameters, credentials, settings: retry })).error).toBeUndefined();
		expect(received(TW).map((r) => r.path)).toEqual(['twitter/picture.json', 'twitter/post.json', 'twitter/picture.json', 'twitter/post.json']);
	});
});
