'use strict';
/*
 * The e2e scenarios: each a workflow (a file in ./workflows, a shipped example, or one built here)
 * and the checks its run and its own sandbox's requests must pass. The expected requests are
 * written by hand from the API notes, not derived from the node. The runner is ./run.js.
 */
const fs = require('fs');
const path = require('path');
const util = require('util');

const { check, fail, show, assertEqual, assertMatch, runData, outputOf, pairedIndexes, expectSuccess, expectStopped } = require('../harness/suite');
const { GOOD_AUTH, WRONG_AUTH, checkAllAuth } = require('../harness/secrets');
const sandboxData = require('../sandbox/data');
const { maxOpen, messageHas, messageOf } = require('./matrix/expect');
const { readScenarios } = require('./reads.cases');

const { createData } = sandboxData;
const ROOT = path.resolve(__dirname, '..', '..');
const WORKFLOW_DIR = path.join(__dirname, 'workflows');
const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const ERROR_OUTPUT_EXAMPLE = readJson(path.join(ROOT, 'examples', 'error-output.json'));

/** The credentials the scenario workflows name; each scenario gets copies pointed at its own sandbox. */
const CREDENTIALS = {
	good: { id: 'e2eSandboxCred01', name: 'OneAll sandbox' },
	bad: { id: 'e2eBadKeyCred001', name: 'OneAll sandbox (wrong private key)' },
	example: ERROR_OUTPUT_EXAMPLE.nodes.find((n) => n.credentials).credentials.oneAllApi,
};

// The sandbox's named identities, which the workflow files name by token.
const TOKENS = Object.fromEntries(['twitter', 'facebook', 'linkedin', 'pinterest', 'youtube'].map((p) => [p, sandboxData.named[p].identity_token]));

/**
 * Every fault mode of the sandbox, with what the node must say about it. jest pins each message's
 * full text; here a message is checked by its code or a stable part, and the hint by a phrase.
 */
const FAULTS = [
	{ name: '401', message: messageHas('401'), hint: /Check the Public Key and Private Key/ },
	{ name: '403', message: messageHas('403'), hint: /permissions/ },
	{ name: '404', message: messageHas('404'), hint: /identity token/ },
	{ name: '409', message: messageHas('409'), hint: /duplicate/ },
	{ name: '429', message: messageHas('429'), hint: /rate limiting/ },
	{ name: '500', message: messageHas('500'), hint: /Try again later/ },
	{ name: '502', message: messageHas('502'), hint: /Try again later/ },
	{ name: '503', message: messageHas('503'), hint: /Try again later/ },
	{ name: 'flagError', message: messageHas('400') },
	{ name: 'html', message: /^OneAll answered HTTP 502 with a body that is not JSON: "<html>/ },
	{ name: 'empty', message: /^OneAll answered HTTP 200 with (a body|JSON) that is not/ },
	{ name: 'truncated', message: /^OneAll answered HTTP 200 with a body that is not JSON: "\{/ },
	{ name: 'hang', message: messageHas('ETIMEDOUT'), hint: /Timeout.*may still have been published/, what: 'reported as a timeout, with the Timeout hint and the "may still have been published" warning' },
];
const ERROR_500 = messageHas('500');

// ---------------------------------------------------------------------------------------------
// Helpers over sandbox records and n8n runs
// ---------------------------------------------------------------------------------------------

const pushPath = (token, sub) => `/push/identities/${token}/${sub}`;

/** Method, exact path (no query), Authorization, and Content-Type with the exact JSON body (a DELETE: no body). */
function checkRequest(rec, { method = 'POST', path: expectedPath, body, auth = GOOD_AUTH, status }) {
	if (!rec) fail(`no ${method} ${expectedPath}`);
	const problems = [];
	if (rec.method !== method) problems.push(`method ${rec.method} (expected ${method})`);
	if (rec.url !== expectedPath) problems.push(`path ${rec.url} (expected ${expectedPath})`);
	if (rec.headers.authorization !== auth) problems.push('Authorization is not the credential\'s HTTP Basic value');
	if (status !== undefined && rec.status !== status) problems.push(`answered ${rec.status}`);
	if (method === 'DELETE') {
		if (rec.body !== '') problems.push(`a DELETE with a body: ${rec.body.slice(0, 120)}`);
	} else {
		if (!/^application\/json(;|$)/i.test(rec.headers['content-type'] || '')) problems.push(`content-type ${rec.headers['content-type']}`);
		if (!util.isDeepStrictEqual(rec.json, body)) problems.push(`body ${rec.body.slice(0, 400)} (expected ${JSON.stringify(body)})`);
	}
	if (problems.length) fail(problems.join('; '));
}

// ---------------------------------------------------------------------------------------------
// Workflows and what each must do
// ---------------------------------------------------------------------------------------------

/** The workflow files, by their two-digit number. */
const WORKFLOWS = Object.fromEntries(
	fs
		.readdirSync(WORKFLOW_DIR)
		.filter((f) => /^\d\d-.*\.json$/.test(f))
		.map((f) => [f.slice(0, 2), readJson(path.join(WORKFLOW_DIR, f))]),
);

/** One copy of workflow 10 per fault mode: the marker in the Code node is replaced. */
function faultStopVariants(template) {
	return FAULTS.map((fault, i) => {
		const wf = JSON.parse(JSON.stringify(template));
		wf.id = `e2eFaultStop${String(i).padStart(4, '0')}`;
		wf.name = `${template.name} (${fault.name})`;
		const codeNode = wf.nodes.find((n) => n.name === 'Posts');
		if (!codeNode.parameters.jsCode.includes('__fault:401')) throw new Error('workflow 10 has no __fault:401 marker');
		codeNode.parameters.jsCode = codeNode.parameters.jsCode.replace('__fault:401', `__fault:${fault.name}`);
		return { fault, wf };
	});
}

const INPUT = {
	text: 'Café ☕ naïve “quotes” & <tags> — 🚀 e2e',
	link: 'https://example.com/blog/e2e?utm=n8n&x=1',
	picture: 'https://example.com/images/e2e-cover.png',
	video: 'https://example.com/videos/e2e-launch.mp4',
	channels: ['UCsbxChannelOne0000000001', 'UCsbxChannelTwo0000000002'],
};
const PL1 = 'PLsbxA1b2C3d4E5f6G7h8I9j0KlMnOpQrS';
const PL2 = 'PLsbxZ9y8X7w6V5u4T3s2R1q0PoNmLkJiH';

/** Workflow 01: node name → the exact request it must send. */
const OPERATIONS = {
	'facebook publishPost': [TOKENS.facebook, 'facebook/post.json', { post: { message: INPUT.text, link: INPUT.link, attachments: ['111111111111', '222222222222'] } }],
	'facebook uploadPicture': [TOKENS.facebook, 'facebook/picture.json', { picture: { url: INPUT.picture, description: 'Profile picture caption', create_post: false } }],
	'facebook uploadVideo': [TOKENS.facebook, 'facebook/video.json', { video: { url: INPUT.video, description: 'Profile video', create_post: true } }],
	'facebookGroup publishPost': [TOKENS.facebook, 'facebook/group/post.json', { group: { id: '419430400111222', message: 'Group post', link: 'https://example.com/group', attachments: ['333333333333', '444444444444'] } }],
	'facebookGroup uploadPicture': [TOKENS.facebook, 'facebook/group/picture.json', { group: { id: '524288000333444', url: 'https://example.com/images/group.jpg', description: 'Group picture' } }],
	'facebookGroup uploadVideo': [TOKENS.facebook, 'facebook/group/video.json', { group: { id: '419430400111222', url: 'https://example.com/videos/group.mp4' } }],
	'facebookPage publishPost': [TOKENS.facebook, 'facebook/page/post.json', { page: { id: '104857600123456', message: `Page post: ${INPUT.text}` } }],
	'facebookPage uploadPicture': [TOKENS.facebook, 'facebook/page/picture.json', { page: { id: '209715200654321', url: 'https://example.com/images/page.gif', description: 'Page picture' } }],
	'facebookPage uploadVideo': [TOKENS.facebook, 'facebook/page/video.json', { page: { id: '314572800987654', url: 'https://example.com/videos/page.mp4', description: 'Page video' } }],
	'linkedIn publishPost': [TOKENS.linkedin, 'linkedin/post.json', { post: { message: 'LinkedIn profile post', link: 'https://example.com/li', title: 'Custom title wins', description: 'Preview description', picture: 'https://example.com/images/li.jpeg', visibility: 'PUBLIC' } }],
	'linkedInCompany publishPost': [TOKENS.linkedin, 'linkedin/company/post.json', { post: { company: '2414183', message: 'Company post', link: 'https://example.com/company' } }],
	'pinterest publishPin': [TOKENS.pinterest, 'pinterest/board/549755813888001/pin.json', { pin: { picture: 'https://example.com/images/pin.png', description: 'A pin', link: 'https://example.com/pin' } }],
	'pinterest publishBoard': [TOKENS.pinterest, 'pinterest/board.json', { board: { name: 'E2E board', description: 'Made by the e2e suite' } }],
	'twitter publishTweet': [TOKENS.twitter, 'twitter/post.json', { post: { message: INPUT.text, attachments: ['555555555555'], location: 'Berlin, Germany' } }],
	'twitter uploadPicture': [TOKENS.twitter, 'twitter/picture.json', { picture: { url: 'https://example.com/images/tweet.tiff', description: 'Tweet picture' } }],
	'twitter uploadVideo': [TOKENS.twitter, 'twitter/video.json', { video: { video_url: 'https://example.com/videos/tweet.mp4', callback_url: 'https://n8n.example.com/webhook/oneall-video' } }],
	'youtube uploadVideo': [TOKENS.youtube, 'youtube/video.json', { video: { video_url: INPUT.video, title: 'E2E video', description: 'Uploaded by the e2e suite', thumbnail_url: 'https://example.com/images/thumb.jpg', callback_url: 'https://n8n.example.com/webhook/yt', privacy_status: 'unlisted' } }],
	'youtube addVideoToPlaylist': [TOKENS.youtube, `youtube/playlist/${PL1}/video.json`, { video: { id: 'dQw4w9WgXcQ', position: 2 } }],
	'youtube createPlaylist': [TOKENS.youtube, 'youtube/playlist.json', { playlist: { title: 'E2E playlist', description: 'Playlist of the e2e suite', privacy_status: 'private', default_language: 'en' } }],
	'youtube addChannelSection': [TOKENS.youtube, 'youtube/channel/section.json', { channel: { section: { type: 'multipleChannels', style: 'verticalList', title: 'Friends', position: 1, defaultLanguage: 'en', playlists: [PL1, PL2], channels: INPUT.channels } } }],
};

const scenarios = [];
function scenario(number, title, verify, { workflow } = {}) {
	scenarios.push({ number, title, verify, workflow });
}

scenario('01', 'every operation', ({ run, requests }) => {
	check('workflow succeeds', () => expectSuccess(run));
	check(`the sandbox received exactly ${Object.keys(OPERATIONS).length} requests, all answered 200`, () => {
		assertEqual(requests.length, Object.keys(OPERATIONS).length, 'request count');
		const bad = requests.filter((r) => r.status !== 200);
		if (bad.length) fail(bad.map((r) => `${r.url} → ${r.status}`).join(', '));
	});
	for (const [node, [token, sub, body]] of Object.entries(OPERATIONS)) {
		const expectedPath = pushPath(token, sub);
		check(`${node}: POST ${sub}, Authorization, exact body`, () => {
			const recs = requests.filter((r) => r.pathname === expectedPath);
			if (recs.length !== 1) fail(`${recs.length} requests to ${expectedPath}`);
			checkRequest(recs[0], { path: expectedPath, body: { request: { push: body } } });
		});
		check(`${node}: output is OneAll's result.data with pairedItem`, () => {
			const rec = requests.find((r) => r.pathname === expectedPath);
			if (!rec) fail('no request');
			const items = outputOf(run, node);
			assertEqual(items.length, 1, 'item count');
			assertEqual(items[0].json, rec.result, 'json');
			assertEqual(pairedIndexes(items), [0], 'pairedItem');
		});
	}
});

const RSS = [
	{ title: 'How we ship every Friday', link: 'https://example.com/blog/friday-shipping', picture: 'https://example.com/images/friday.png' },
	{ title: 'Release 2.0 — what’s new 🚀', link: 'https://example.com/blog/release-2-0', picture: 'https://example.com/images/release-2-0.jpg' },
	{ title: 'Our team offsite', link: 'https://example.com/blog/team-offsite', picture: 'https://example.com/images/offsite.gif' },
];

scenario('02', 'RSS item → Twitter picture → tweet', ({ run, requests }) => {
	check('the OneAll nodes are those of examples/rss-to-tweet-with-picture.json', () => {
		const example = readJson(path.join(ROOT, 'examples', 'rss-to-tweet-with-picture.json'));
		for (const name of ['Upload Picture', 'Publish Tweet']) {
			const a = example.nodes.find((n) => n.name === name);
			const b = WORKFLOWS['02'].nodes.find((n) => n.name === name);
			assertEqual(b.parameters, a.parameters, `${name} parameters`);
			assertEqual([b.type, b.typeVersion], [a.type, a.typeVersion], `${name} type`);
		}
	});
	check('workflow succeeds', () => expectSuccess(run));
	const uploads = requests.filter((r) => r.pathname === pushPath(TOKENS.twitter, 'twitter/picture.json'));
	const tweets = requests.filter((r) => r.pathname === pushPath(TOKENS.twitter, 'twitter/post.json'));
	check('3 picture uploads, then 3 tweets, nothing else', () => {
		assertEqual(requests.map((r) => r.pathname.split('/').slice(-1)[0]), ['picture.json', 'picture.json', 'picture.json', 'post.json', 'post.json', 'post.json'], 'request order');
		checkAllAuth(requests);
	});
	RSS.forEach((post, i) => {
		check(`item ${i}: upload of its picture (enclosure.url${i === 2 ? ', else image' : ''}) with its title`, () => {
			checkRequest(uploads[i], { path: pushPath(TOKENS.twitter, 'twitter/picture.json'), body: { request: { push: { picture: { url: post.picture, description: post.title } } } } });
		});
	});
	check('Upload Picture outputs each picture_id with pairedItem 0, 1, 2', () => {
		const items = outputOf(run, 'Upload Picture');
		assertEqual(pairedIndexes(items), [0, 1, 2], 'pairedItem');
		items.forEach((item, i) => assertEqual(item.json, uploads[i].result, `item ${i} json`));
	});
	RSS.forEach((post, i) => {
		check(`item ${i}: the tweet carries "title link" and the picture id returned for ITS upload`, () => {
			const pictureId = uploads[i].result.picture_id;
			const produced = outputOf(run, 'Upload Picture')[i].json.picture_id;
			assertEqual(produced, pictureId, 'picture_id in n8n');
			checkRequest(tweets[i], { path: pushPath(TOKENS.twitter, 'twitter/post.json'), body: { request: { push: { post: { message: `${post.title} ${post.link}`, attachments: [pictureId] } } } } });
			return `attachments ["${pictureId}"]`;
		});
	});
	check('Publish Tweet outputs 3 posts with pairedItem 0, 1, 2 and their attachments', () => {
		const items = outputOf(run, 'Publish Tweet');
		assertEqual(pairedIndexes(items), [0, 1, 2], 'pairedItem');
		items.forEach((item, i) => assertEqual(item.json, tweets[i].result, `item ${i} json`));
	});
});

const FORM = [
	{ Text: 'We are open this Sunday 🎉 — come by!', Link: 'https://example.com/sunday' },
	{ Text: 'No link this time, just hello.', Link: '' },
];

scenario('03', 'form submission → Facebook page + LinkedIn company', ({ run, requests }) => {
	check('workflow succeeds', () => expectSuccess(run));
	const fbPath = pushPath(TOKENS.facebook, 'facebook/page/post.json');
	const liPath = pushPath(TOKENS.linkedin, 'linkedin/company/post.json');
	const fb = requests.filter((r) => r.pathname === fbPath);
	const li = requests.filter((r) => r.pathname === liPath);
	check('2 Facebook page posts and 2 LinkedIn company posts, nothing else', () => {
		assertEqual([fb.length, li.length, requests.length], [2, 2, 4], '[facebook, linkedin, total]');
	});
	FORM.forEach((sub, i) => {
		const withLink = (o) => (sub.Link ? { ...o, link: sub.Link } : o);
		check(`submission ${i}: Facebook page post body${sub.Link ? '' : ' (empty Link left out)'}`, () => {
			checkRequest(fb[i], { path: fbPath, body: { request: { push: { page: withLink({ id: '104857600123456', message: sub.Text }) } } } });
		});
		check(`submission ${i}: LinkedIn company post body${sub.Link ? '' : ' (empty Link left out)'}`, () => {
			checkRequest(li[i], { path: liPath, body: { request: { push: { post: withLink({ company: '2414183', message: sub.Text }) } } } });
		});
	});
	for (const [node, recs] of [['Facebook Page Post', fb], ['LinkedIn Company Post', li]]) {
		check(`${node}: 2 items, OneAll's result.data, pairedItem 0, 1`, () => {
			const items = outputOf(run, node);
			assertEqual(pairedIndexes(items), [0, 1], 'pairedItem');
			items.forEach((item, i) => assertEqual(item.json, recs[i].result, `item ${i} json`));
		});
	}
});

scenario('04', 'wrong private key stops the workflow', ({ run, requests }) => {
	check('the workflow stops with OneAll\'s 401 message and the keys hint', () =>
		expectStopped(run, 'Publish Tweet', { message: messageHas('401'), itemIndex: 0, hint: /Check the Public Key and Private Key/ }),
	);
	check('each item is its own post: both were sent with the (wrong) credential and refused', () => {
		assertEqual(requests.map((r) => [messageOf(r), r.status]), [['First post with a wrong key', 401], ['Second post, refused too', 401]], '[message, status]');
		if (requests.some((r) => r.headers.authorization !== WRONG_AUTH)) fail('Authorization is not built from the credential');
	});
	check('the next node did not run', () => assertEqual('After' in runData(run), false, '"After" ran'));
});

scenario('05', 'a 500 stops the workflow', ({ run, requests }) => {
	check('the workflow stops with OneAll\'s 500 message on item 1', () =>
		expectStopped(run, 'Publish Tweet', { message: ERROR_500, itemIndex: 1, hint: /Try again later/ }),
	);
	check('each item is its own post: items 0, 1 and 2 were sent in order, item 1 got the 500', () => {
		assertEqual(requests.map(messageOf), ['First post', 'Second post __fault:500', 'Third post, still sent'], 'messages sent');
		assertEqual(requests.map((r) => r.status), [200, 500, 200], 'statuses');
		checkAllAuth(requests);
	});
	check('the next node did not run', () => assertEqual('After' in runData(run), false, '"After" ran'));
});

scenario('06', 'error output', ({ run, requests }) => {
	check('workflow succeeds', () => expectSuccess(run));
	const sent = (suffix) => requests.filter((r) => (messageOf(r) || '').endsWith(suffix));
	for (const [node, suffix] of [['Tweet (error output)', ' [error output]'], ['Tweet (regular output)', ' [regular output]']]) {
		check(`${node}: items 0, 2, 3 sent in order, the empty item 1 never sent`, () => {
			assertEqual(sent(suffix).map(messageOf), ['Monday: new release is out', 'Wednesday __fault:500', 'Thursday: behind the scenes'].map((m) => m + suffix), 'messages sent');
			assertEqual(sent(suffix).map((r) => r.status), [200, 500, 200], 'statuses');
		});
	}
	check('6 requests in all, each with the credential', () => {
		assertEqual(requests.length, 6, 'request count');
		checkAllAuth(requests);
	});
	check('Tweet (error output): success output has items 0 and 3 with their posts', () => {
		const ok = outputOf(run, 'Tweet (error output)', 0);
		assertEqual(pairedIndexes(ok), [0, 3], 'pairedItem');
		ok.forEach((item) => {
			if (!/^\d+$/.test(item.json.post_id)) fail(`no post_id in ${show(item.json)}`);
		});
	});
	check('Tweet (error output): error output has items 1 (refused before sending) and 2 (500) with pairedItem and json.error', () => {
		const bad = outputOf(run, 'Tweet (error output)', 1);
		assertEqual(pairedIndexes(bad), [1, 2], 'pairedItem');
		assertMatch(bad[0].json.error, /^Message \(message\) is empty.*\[item 1\]/, 'item 1 json.error');
		assertMatch(bad[1].json.error, ERROR_500, 'item 2 json.error');
		return `"${bad[0].json.error}" / "${bad[1].json.error}"`;
	});
	check('the nodes after the two outputs got 2 and 2 items', () => {
		assertEqual(pairedIndexes(outputOf(run, 'Published')), [0, 1], 'Published pairedItem');
		assertEqual(outputOf(run, 'Published').map((i) => i.json.post_id), outputOf(run, 'Tweet (error output)', 0).map((i) => i.json.post_id), 'Published items');
		assertEqual(outputOf(run, 'Failed').map((i) => i.json.error), outputOf(run, 'Tweet (error output)', 1).map((i) => i.json.error), 'Failed items');
	});
	check('Tweet (regular output): 4 items in input order, items 1 and 2 carry json.error', () => {
		const all = outputOf(run, 'Tweet (regular output)', 0);
		assertEqual(pairedIndexes(all), [0, 1, 2, 3], 'pairedItem');
		assertEqual(all.map((i) => (i.json.error ? 'error' : i.json.post_id ? 'post' : '?')), ['post', 'error', 'error', 'post'], 'item kinds');
		assertMatch(all[2].json.error, ERROR_500, 'item 2 json.error');
	});
});

const LOAD_FAULTS = Array.from({ length: 1000 }, (_, i) => i).filter((i) => (i + 1) % 20 === 0);
const loadMessage = (i) => `Post ${i} of 1000${(i + 1) % 20 === 0 ? ' __fault:500' : ''}`;

scenario(
	'07',
	'1,000 items, 50 faults, error output',
	({ run, requests }) => {
		check('workflow succeeds', () => expectSuccess(run));
		check('exactly 1,000 requests reached the sandbox, one per item, in input order, none repeated', () => {
			assertEqual(requests.length, 1000, 'request count');
			const msgs = requests.map(messageOf);
			const firstWrong = msgs.findIndex((m, i) => m !== loadMessage(i));
			if (firstWrong !== -1) fail(`request ${firstWrong} carried ${show(msgs[firstWrong])}, expected ${show(loadMessage(firstWrong))}`);
			checkAllAuth(requests);
			const statuses = requests.reduce((a, r) => ((a[r.status] = (a[r.status] || 0) + 1), a), {});
			assertEqual(statuses, { 200: 950, 500: 50 }, 'statuses');
		});
		check('950 items leave the success output, in input order, with their pairedItem', () => {
			const ok = outputOf(run, 'Publish Tweet', 0);
			const expected = Array.from({ length: 1000 }, (_, i) => i).filter((i) => !LOAD_FAULTS.includes(i));
			assertEqual(ok.length, 950, 'success items');
			assertEqual(pairedIndexes(ok), expected, 'pairedItem');
			const ids = new Set(ok.map((i) => i.json.post_id));
			assertEqual(ids.size, 950, 'distinct post ids');
		});
		check('50 items leave the error output (items 19, 39, …, 999), in input order, with json.error', () => {
			const bad = outputOf(run, 'Publish Tweet', 1);
			assertEqual(bad.length, 50, 'error items');
			assertEqual(pairedIndexes(bad), LOAD_FAULTS, 'pairedItem');
			const wrong = bad.filter((i) => !ERROR_500.test(i.json.error));
			if (wrong.length) fail(`${wrong.length} items without OneAll's 500 message: ${show(wrong[0].json)}`);
		});
		check('the next nodes received 950 and 50 items', () => {
			assertEqual([outputOf(run, 'Published').length, outputOf(run, 'Failed').length], [950, 50], '[Published, Failed]');
		});
	},
);

scenario(
	'08',
	'1,000 items, 50 faults, no error output',
	({ run, requests }) => {
		check('the run fails with the first fault\'s error (item 19, OneAll\'s 500 message)', () =>
			expectStopped(run, 'Publish Tweet', { message: ERROR_500, itemIndex: LOAD_FAULTS[0] }),
		);
		check('each item is its own post: all 1,000 were sent once, in input order (one identity), 950 answered 200 and 50 answered 500', () => {
			assertEqual(requests.length, 1000, 'request count');
			const msgs = requests.map(messageOf);
			const firstWrong = msgs.findIndex((m, i) => m !== loadMessage(i));
			if (firstWrong !== -1) fail(`request ${firstWrong} carried ${show(msgs[firstWrong])}, expected ${show(loadMessage(firstWrong))}`);
			const statuses = requests.reduce((a, r) => ((a[r.status] = (a[r.status] || 0) + 1), a), {});
			assertEqual(statuses, { 200: 950, 500: 50 }, 'statuses');
			checkAllAuth(requests);
		});
		check('the next node did not run', () => assertEqual('Published' in runData(run), false, '"Published" ran'));
	},
);

scenario('09', 'every fault mode, error output', ({ run, requests }) => {
	check('workflow succeeds', () => expectSuccess(run));
	check(`${FAULTS.length + 1} requests, one per item, in order, each with the credential`, () => {
		assertEqual(requests.map(messageOf), [...FAULTS.map((f) => `Fault ${f.name} __fault:${f.name}`), 'An ordinary post after all the faults'], 'messages sent');
		checkAllAuth(requests);
	});
	const bad = (() => {
		try {
			return outputOf(run, 'Publish Tweet', 1);
		} catch {
			return [];
		}
	})();
	check(`error output has the ${FAULTS.length} fault items with pairedItem 0…${FAULTS.length - 1}`, () => {
		assertEqual(pairedIndexes(bad), FAULTS.map((_, i) => i), 'pairedItem');
	});
	FAULTS.forEach((fault, i) => {
		check(`fault ${fault.name}: ${fault.what || `reported with OneAll's message or the HTTP status${fault.hint ? ' and the hint' : ''}`}`, () => {
			const item = bad.find((x) => x.pairedItem && x.pairedItem.item === i);
			if (!item) fail('no error item');
			assertMatch(item.json.error, fault.message, 'json.error');
			if (fault.hint) assertMatch(item.error && item.error.description, fault.hint, 'error.description');
			return `"${item.json.error.slice(0, 110)}"`;
		});
	});
	check('the ordinary last item leaves the success output', () => {
		const ok = outputOf(run, 'Publish Tweet', 0);
		assertEqual(pairedIndexes(ok), [FAULTS.length], 'pairedItem');
	});
});

scenario('ex', 'examples/error-output.json, as shipped', ({ run, requests }) => {
	check('workflow succeeds (the example\'s credential reference, pointed at this scenario\'s sandbox)', () => expectSuccess(run));
	check('the two non-empty posts were sent, the empty one was not', () => {
		assertEqual(requests.map(messageOf), ['Monday: new release is out', 'Wednesday: behind the scenes'], 'messages sent');
		checkAllAuth(requests);
	});
	check('success output: items 0 and 2; error output: item 1 with the parameter named', () => {
		assertEqual(pairedIndexes(outputOf(run, 'Publish Tweet', 0)), [0, 2], 'success pairedItem');
		const bad = outputOf(run, 'Publish Tweet', 1);
		assertEqual(pairedIndexes(bad), [1], 'error pairedItem');
		assertMatch(bad[0].json.error, /^Message \(message\) is empty.*\[item 1\]/, 'json.error');
		assertEqual([outputOf(run, 'Published').length, outputOf(run, 'Failed').length], [2, 1], '[Published, Failed]');
	});
});

function faultStopScenario(fault, wf) {
	scenario(`10/${fault.name}`, `fault ${fault.name}, no error output`, ({ run, requests }) => {
		check(`fault ${fault.name}: the workflow stops on item 1, ${fault.what || `with OneAll's message or the HTTP status${fault.hint ? ' and the hint' : ''}`}`, () =>
			expectStopped(run, 'Publish Tweet', { message: fault.message, itemIndex: 1, hint: fault.hint }),
		);
		check(`fault ${fault.name}: items 0, 1 and 2 sent in order (each its own post), the next node did not run`, () => {
			assertEqual(requests.map(messageOf), ['Before the fault', `The fault __fault:${fault.name}`, 'After the fault, still sent'], 'messages sent');
			checkAllAuth(requests);
			assertEqual('After' in runData(run), false, '"After" ran');
		});
	}, { workflow: wf });
}

// ---------------------------------------------------------------------------------------------
// Update API and Identity resource: publish → edit → delete chains, delete errors, the fan-out
// example over the sandbox's 50 identities of mixed providers
// ---------------------------------------------------------------------------------------------

const updatePath = (token, sub) => `/update/identities/${token}/${sub}`;

const checkUpdateRequest = (rec, expected) => checkRequest(rec, { ...expected, status: 200 });

const LIFE = { page: '104857600123456', page2: '209715200654321', board: '549755813888001', playlist: PL1 };
const only1 = (requests, method, pathname) => {
	const found = requests.filter((r) => r.method === method && r.pathname === pathname);
	if (found.length !== 1) fail(`${found.length} × ${method} ${pathname}`);
	return found[0];
};
const jsonOf = (run, node) => outputOf(run, node).map((item) => item.json);

scenario('21', 'publish → edit → delete by the returned ids (all 12 Update operations, Identity → Get)', ({ run, requests }) => {
	check('workflow succeeds', () => expectSuccess(run));
	check('every request carries the credential and was answered 200 (nothing deleted twice, no unknown id)', () => {
		checkAllAuth(requests);
		const bad = requests.filter((r) => r.status !== 200);
		if (bad.length) fail(bad.map((r) => `${r.method} ${r.url} → ${r.status}`).join(', '));
		return `${requests.length} requests`;
	});
	check('Delete Tweet: each published tweet deleted by its own post_id, in order, { deleted: true, … } per item', () => {
		const published = jsonOf(run, 'Publish Tweet');
		assertEqual(published.length, 2, 'tweets published');
		const deletes = requests.filter((r) => r.method === 'DELETE' && r.pathname.includes('/twitter/post/'));
		assertEqual(deletes.map((r) => r.url), published.map((p) => updatePath(TOKENS.twitter, `twitter/post/${p.post_id}.json`)), 'DELETE paths');
		deletes.forEach((r) => checkUpdateRequest(r, { method: 'DELETE', path: r.url }));
		const items = outputOf(run, 'Delete Tweet');
		assertEqual(items.map((i) => i.json), published.map((p) => ({ deleted: true, identity_token: TOKENS.twitter, post_id: p.post_id, provider: 'twitter', object: 'post' })), 'output');
		assertEqual(pairedIndexes(items), [0, 1], 'pairedItem');
	});
	check('Facebook page post: PUT with the new message and link, then DELETE, by the page_id and post_id returned', () => {
		const [post] = jsonOf(run, 'Publish Page Post');
		const sub = `facebook/page/${LIFE.page}/post/${post.post_id}.json`;
		checkUpdateRequest(only1(requests, 'PUT', updatePath(TOKENS.facebook, sub)), { method: 'PUT', path: updatePath(TOKENS.facebook, sub), body: { request: { update: { post: { message: 'Opening hours: 8-18', link: 'https://example.com/hours' } } } } });
		checkUpdateRequest(only1(requests, 'DELETE', updatePath(TOKENS.facebook, sub)), { method: 'DELETE', path: updatePath(TOKENS.facebook, sub) });
		assertEqual(jsonOf(run, 'Update Page Post'), [{ provider: 'facebook', object: 'post', page_id: LIFE.page, post_id: post.post_id }], 'Update output');
		assertEqual(jsonOf(run, 'Delete Page Post'), [{ deleted: true, identity_token: TOKENS.facebook, page_id: LIFE.page, post_id: post.post_id, provider: 'facebook', object: 'post' }], 'Delete output');
	});
	check('Facebook page picture and video: deleted by the picture_id / video_id of their upload', () => {
		const [picture] = jsonOf(run, 'Upload Page Picture');
		const [video] = jsonOf(run, 'Upload Page Video');
		const pictureSub = `facebook/page/${LIFE.page2}/picture/${picture.picture_id}.json`;
		const videoSub = `facebook/page/${LIFE.page}/video/${video.video_id}.json`;
		checkUpdateRequest(only1(requests, 'DELETE', updatePath(TOKENS.facebook, pictureSub)), { method: 'DELETE', path: updatePath(TOKENS.facebook, pictureSub) });
		checkUpdateRequest(only1(requests, 'DELETE', updatePath(TOKENS.facebook, videoSub)), { method: 'DELETE', path: updatePath(TOKENS.facebook, videoSub) });
		assertEqual(jsonOf(run, 'Delete Page Picture'), [{ deleted: true, identity_token: TOKENS.facebook, page_id: LIFE.page2, picture_id: picture.picture_id, provider: 'facebook', object: 'picture' }], 'picture output');
		assertEqual(jsonOf(run, 'Delete Page Video'), [{ deleted: true, identity_token: TOKENS.facebook, page_id: LIFE.page, video_id: video.video_id, provider: 'facebook', object: 'video' }], 'video output');
	});
	check('Pinterest pin: PUT moves it to the board named "Gift Ideas" with a new description, then DELETE', () => {
		const [pin] = jsonOf(run, 'Publish Pin');
		const path = updatePath(TOKENS.pinterest, `pinterest/pin/${pin.pin_id}.json`);
		checkUpdateRequest(only1(requests, 'PUT', path), { method: 'PUT', path, body: { request: { update: { pin: { board: 'Gift Ideas', description: 'Cable knit scarf, free pattern' } } } } });
		checkUpdateRequest(only1(requests, 'DELETE', path), { method: 'DELETE', path });
		assertEqual(jsonOf(run, 'Delete Pin'), [{ deleted: true, identity_token: TOKENS.pinterest, pin_id: pin.pin_id, provider: 'pinterest', object: 'pin' }], 'Delete output');
	});
	check('YouTube playlist: created, updated, a video added and removed, then the playlist deleted', () => {
		const [playlist] = jsonOf(run, 'Create Playlist');
		const id = playlist.playlist_id;
		const path = updatePath(TOKENS.youtube, `youtube/playlist/${id}.json`);
		checkUpdateRequest(only1(requests, 'PUT', path), { method: 'PUT', path, body: { request: { update: { playlist: { title: 'Spring tutorials', description: 'Five short videos', privacy_status: 'unlisted' } } } } });
		const videoPath = updatePath(TOKENS.youtube, `youtube/playlist/${id}/video/dQw4w9WgXcQ.json`);
		checkUpdateRequest(only1(requests, 'DELETE', videoPath), { method: 'DELETE', path: videoPath });
		checkUpdateRequest(only1(requests, 'DELETE', path), { method: 'DELETE', path });
		assertEqual(jsonOf(run, 'Remove Video'), [{ deleted: true, identity_token: TOKENS.youtube, playlist_id: id, video_id: 'dQw4w9WgXcQ', provider: 'youtube', object: 'playlist_video' }], 'Remove output');
		assertEqual(jsonOf(run, 'Delete Playlist'), [{ deleted: true, identity_token: TOKENS.youtube, playlist_id: id, provider: 'youtube', object: 'playlist' }], 'Delete output');
		const order = requests.filter((r) => r.pathname.includes(id)).map((r) => `${r.method} ${r.pathname.endsWith('video.json') ? 'video' : r.pathname.includes('/video/') ? 'video/x' : 'playlist'}`);
		assertEqual(order, ['PUT playlist', 'POST video', 'DELETE video/x', 'DELETE playlist'], 'order');
	});
	check('YouTube channel section: PUT with the new title and position 0, then DELETE', () => {
		const [section] = jsonOf(run, 'Add Section');
		const path = updatePath(TOKENS.youtube, `youtube/channel/section/${section.section_id}.json`);
		checkUpdateRequest(only1(requests, 'PUT', path), { method: 'PUT', path, body: { request: { update: { channel: { section: { title: 'Latest', position: 0 } } } } } });
		checkUpdateRequest(only1(requests, 'DELETE', path), { method: 'DELETE', path });
	});
	check('Identity → Get: GET /identities/{token}.json, the identity as the item', () => {
		const rec = only1(requests, 'GET', `/identities/${TOKENS.youtube}.json`);
		assertEqual(rec.body, '', 'body');
		const [identity] = jsonOf(run, 'Get Identity');
		assertEqual([identity.identity_token, identity.provider, identity.displayName], [TOKENS.youtube, 'youtube', 'Sandbox Channel'], 'identity');
	});
});

scenario('22', 'deletes: an unknown id, empty and bent ids, a second delete of the same tweet (error output)', ({ run, requests }) => {
	check('workflow succeeds (failures go to the error output)', () => expectSuccess(run));
	check('only items 0, 1 and 4 reach OneAll, in order: 404, 200, then 404 for the tweet already deleted', () => {
		assertEqual(requests.map((r) => `${r.method} ${r.url} ${r.status}`), [
			`DELETE ${updatePath(TOKENS.twitter, 'twitter/post/1.json')} 404`,
			`DELETE ${updatePath(TOKENS.twitter, 'twitter/post/1730000000000000002.json')} 200`,
			`DELETE ${updatePath(TOKENS.twitter, 'twitter/post/1730000000000000002.json')} 404`,
		], 'requests');
		checkAllAuth(requests);
	});
	check('success output: item 1 { deleted: true, … }; error output: items 0, 2, 3, 4 with their reasons', () => {
		assertEqual(outputOf(run, 'Delete Tweet', 0).map((i) => [i.pairedItem.item, i.json]), [[1, { deleted: true, identity_token: TOKENS.twitter, post_id: '1730000000000000002', provider: 'twitter', object: 'post' }]], 'success');
		const errors = outputOf(run, 'Delete Tweet', 1);
		assertEqual(pairedIndexes(errors), [0, 2, 3, 4], 'error pairedItem');
		assertMatch(errors[0].json.error, messageHas('404'), 'item 0');
		assertMatch(errors[1].json.error, /^Tweet \(postId\) is empty\b.*\[item 2\]$/, 'item 2');
		assertMatch(errors[2].json.error, /^Tweet \(postId\) must be a single ID .*\[item 3\]$/, 'item 3');
		assertMatch(errors[3].json.error, messageHas('404'), 'item 4');
	});
});

const FAN_OUT_EXAMPLE = readJson(path.join(ROOT, 'examples', 'fan-out-to-every-account.json'));
// Each scenario's sandbox holds 50 identities of mixed providers (see ./scenario-batch.js).
const FAN_OUT_IDENTITIES = createData({ total: 50 }).identities;

/** The example as shipped, except that each tweet asks the sandbox to answer after 300 ms. */
function fanOutWorkflow() {
	const wf = JSON.parse(JSON.stringify(FAN_OUT_EXAMPLE));
	wf.id = 'e2eExampleFanOu1';
	wf.nodes.find((n) => n.name === 'Publish Tweet').parameters.message += ' __fault:slow:300';
	return wf;
}

scenario('fan', 'examples/fan-out-to-every-account.json over 50 identities of mixed providers, filtered to Twitter', ({ run, requests }) => {
	const twitter = FAN_OUT_IDENTITIES.filter((i) => i.provider === 'twitter').map((i) => i.identity_token);
	check('the sandbox\'s 50 identities span six networks; the example\'s OneAll nodes run as shipped (only the message differs)', () => {
		assertEqual(FAN_OUT_IDENTITIES.length, 50, 'identities');
		assertEqual(new Set(FAN_OUT_IDENTITIES.map((i) => i.provider)).size >= 6, true, 'networks');
		const shipped = (name) => FAN_OUT_EXAMPLE.nodes.find((n) => n.name === name);
		const ran = (name) => fanOutWorkflow().nodes.find((n) => n.name === name);
		assertEqual(shipped('Twitter Accounts').parameters, { resource: 'identity', operation: 'getMany', returnAll: true, filters: { provider: ['twitter'] } }, 'Get Many');
		assertEqual(ran('Twitter Accounts'), shipped('Twitter Accounts'), 'Get Many node');
		assertEqual(shipped('Publish Tweet').parameters.identityToken, { __rl: true, mode: 'id', value: '={{ $json.identity_token }}' }, 'Publish Tweet identity');
		assertEqual(ran('Publish Tweet').parameters, { ...shipped('Publish Tweet').parameters, message: `${shipped('Publish Tweet').parameters.message} __fault:slow:300` }, 'Publish Tweet parameters');
		return `${twitter.length} Twitter identities`;
	});
	check('workflow succeeds (the example\'s credential reference, pointed at this scenario\'s sandbox)', () => expectSuccess(run));
	check('one GET /identities.json, then one tweet per Twitter identity, to its own path, none to another network', () => {
		assertEqual(requests[0].url, '/identities.json?page=1&entries_per_page=500&order_direction=asc', 'first request');
		const tweets = requests.slice(1);
		assertEqual(tweets.length, twitter.length, 'tweets');
		assertEqual(tweets.map((r) => r.pathname).sort(), twitter.map((t) => pushPath(t, 'twitter/post.json')).sort(), 'paths');
		for (const r of tweets) assertEqual(r.status, 200, `${r.url} status`);
		checkAllAuth(requests);
	});
	check('Get Many: one item per Twitter identity, in OneAll\'s order', () => {
		assertEqual(jsonOf(run, 'Twitter Accounts').map((i) => i.identity_token), twitter, 'identity tokens');
	});
	check('Publish Tweet: one item per identity, paired with it, each the post of its own identity', () => {
		const items = outputOf(run, 'Publish Tweet');
		assertEqual(pairedIndexes(items), twitter.map((_t, i) => i), 'pairedItem');
		items.forEach((item, i) => {
			const rec = requests.find((r) => r.pathname === pushPath(twitter[i], 'twitter/post.json'));
			assertEqual(item.json, rec.result, `item ${i} json`);
		});
		return `${items.length} posts`;
	});
	check('the tweets to different identities were in flight together (parallel across identities)', () => {
		// The sandbox's own clock: when each request arrived and when its answer was sent.
		const tweets = requests.slice(1);
		const most = maxOpen(tweets);
		if (most < 2) fail(`at most ${most} tweet in flight at a time`);
		return `up to ${most} of ${tweets.length} in flight at once`;
	});
}, { workflow: fanOutWorkflow() });

for (const { number, title, verify, workflow } of readScenarios) scenario(number, title, verify, { workflow });
for (const s of scenarios) if (!s.workflow && WORKFLOWS[s.number]) s.workflow = WORKFLOWS[s.number];
scenarios.find((s) => s.number === 'ex').workflow = { ...ERROR_OUTPUT_EXAMPLE, id: 'e2eExampleErrOu1' };
for (const { fault, wf } of faultStopVariants(WORKFLOWS['10'])) faultStopScenario(fault, wf);

/** The scenarios whose number is in `only` (or starts with "<only>/"), or all of them. */
const selectScenarios = (only) => scenarios.filter((s) => !only || only.some((o) => s.number === o || s.number.startsWith(`${o}/`)));

module.exports = { selectScenarios, CREDENTIALS };
