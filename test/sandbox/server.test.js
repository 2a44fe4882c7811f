'use strict';

/* Tests of the OneAll sandbox server itself (jest 29, plain CommonJS). */

const { spawn } = require('node:child_process');
const path = require('node:path');
const { startSandbox, formatId, overlapsPerIdentity, INFO_401 } = require('./server');
const data = require('./data');

const { named } = data;
const TW = named.twitter.identity_token;
const FB = named.facebook.identity_token;
const LI = named.linkedin.identity_token;
const PI = named.pinterest.identity_token;
const YT = named.youtube.identity_token;
const PAGE_ID = data.pull[FB].pages[0].page_id;
const GROUP_ID = data.pull[FB].groups[0].group_id;
const COMPANY_ID = data.pull[LI].companies[0].company_id;
const BOARD_ID = data.pull[PI].boards[0].board_id;
const PLAYLIST_ID = data.pull[YT].playlists[0].playlist_id;

let sb;

beforeAll(async () => {
	sb = await startSandbox();
});
afterAll(async () => {
	await sb.close();
});
beforeEach(() => sb.reset());

async function call(method, p, { body, headers = {}, auth = true, signal, server = sb } = {}) {
	const h = { ...headers };
	if (auth && !('authorization' in h)) h.authorization = server.authHeader;
	let b;
	if (body !== undefined) {
		b = typeof body === 'string' ? body : JSON.stringify(body);
		if (!('content-type' in h)) h['content-type'] = 'application/json';
	}
	const res = await fetch(server.url + p, { method, headers: h, body: b, signal });
	const text = await res.text();
	let json = null;
	try {
		json = JSON.parse(text);
	} catch {
		json = null;
	}
	return { status: res.status, headers: res.headers, text, json };
}
const push = (token, sub, pushNode, opts = {}) => call('POST', `/push/identities/${token}/${sub}`, { body: { request: { push: pushNode } }, ...opts });
const status = (r) => r.json.response.request.status;
const result = (r) => r.json.response.result.data;
const basic = (u, p) => `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`;

describe('authentication', () => {
	test('missing credentials → 401 with the documented info text', async () => {
		const r = await call('GET', '/identities.json', { auth: false });
		expect(r.status).toBe(401);
		expect(status(r)).toEqual({ flag: 'error', code: 401, info: INFO_401 });
		expect(r.json.response.request.resource).toBe('/identities.json');
		expect(r.json.response.result).toBeUndefined();
		expect(INFO_401).toBe('Authentication credentials are missing or incorrect: http://docs.oneall.com/api/basic/authentication/');
	});
	test('wrong private key, wrong scheme, garbage → 401', async () => {
		for (const authorization of [basic('sandbox-public-key', 'nope'), basic('x', 'sandbox-private-key'), 'Bearer abc', 'Basic !!!', basic('sandbox-public-key', '')]) {
			const r = await call('GET', '/identities.json', { headers: { authorization } });
			expect(r.status).toBe(401);
		}
	});
	test('right keys (any scheme case) → 200; push without auth → 401', async () => {
		const ok = await call('GET', '/identities.json?entries_per_page=1', { headers: { authorization: `basic ${Buffer.from('sandbox-public-key:sandbox-private-key').toString('base64')}` } });
		expect(ok.status).toBe(200);
		const r = await push(TW, 'twitter/post.json', { post: { message: 'hi' } }, { auth: false });
		expect(r.status).toBe(401);
	});
	test('custom keys', async () => {
		const other = await startSandbox({ publicKey: 'pub', privateKey: 'priv:with:colons' });
		try {
			expect((await call('GET', '/identities.json', { server: other, headers: { authorization: basic('pub', 'priv:with:colons') } })).status).toBe(200);
			expect((await call('GET', '/identities.json', { server: other, headers: { authorization: sb.authHeader } })).status).toBe(401);
		} finally {
			await other.close();
		}
	});
});

describe('routing', () => {
	test.each([
		['GET', '/'],
		['GET', '/connections.json'],
		['GET', '/identities.xml'],
		['GET', '/identities/'],
		['POST', `/push/identities/${TW}/twitter/unknown.json`],
		['POST', `/push/identities/${TW}/twitter/post`],
		['POST', `/push/identities/${TW}//twitter/post.json`],
		['POST', `/push/identities/${TW}`],
		['GET', `/pull/identities/${FB}/facebook/likes.json`],
		['POST', `/push/identities/${PI}/pinterest/board/a/b/pin.json`],
	])('%s %s → 404 envelope', async (method, p) => {
		const r = await call(method, p, method === 'POST' ? { body: {} } : {});
		expect(r.status).toBe(404);
		expect(status(r)).toMatchObject({ flag: 'error', code: 404 });
	});
	test('unknown identity (valid UUID) → 404; non-UUID token → 404', async () => {
		const a = await push('00000000-0000-4000-8000-000000000000', 'twitter/post.json', { post: { message: 'x' } });
		expect(a.status).toBe(404);
		expect(status(a).info).toMatch(/could not be found/);
		const b = await push('not-a-uuid', 'twitter/post.json', { post: { message: 'x' } });
		expect(b.status).toBe(404);
		const c = await call('GET', '/identities/..%2F..%2Fetc.json');
		expect(c.status).toBe(404);
	});
	test('wrong method → 405 envelope with Allow', async () => {
		const a = await call('GET', `/push/identities/${TW}/twitter/post.json`);
		expect(a.status).toBe(405);
		expect(status(a).code).toBe(405);
		expect(a.headers.get('allow')).toBe('POST');
		const b = await call('POST', '/identities.json', { body: {} });
		expect(b.status).toBe(405);
		expect(b.headers.get('allow')).toBe('GET');
		const c = await call('DELETE', `/identities/${TW}.json`);
		expect(c.status).toBe(405);
	});
	test('identity of another provider → 403 naming both providers', async () => {
		const r = await push(TW, 'facebook/post.json', { post: { message: 'x' } });
		expect(r.status).toBe(403);
		expect(status(r).info).toContain('[twitter]');
		expect(status(r).info).toContain('[facebook]');
		const g = await push(named.google.identity_token, 'twitter/post.json', { post: { message: 'x' } });
		expect(g.status).toBe(403);
		const p = await call('GET', `/pull/identities/${TW}/facebook/pages.json`);
		expect(p.status).toBe(403);
	});
	test('identity tokens are matched case-insensitively', async () => {
		const r = await push(TW.toUpperCase(), 'twitter/post.json', { post: { message: 'x' } });
		expect(r.status).toBe(200);
	});
});

describe('push validation (400)', () => {
	const info = (p) => `The request cannot be processed. Please verify the format of the [${p}] node.`;
	test('missing required key named in OneAll style', async () => {
		const r = await push(TW, 'twitter/picture.json', { picture: { description: 'no url' } });
		expect(r.status).toBe(400);
		expect(status(r)).toEqual({ flag: 'error', code: 400, info: info('request->push->picture->url') });
	});
	test.each([
		['twitter', 'twitter/post.json', { post: {} }, 'request->push->post->message'],
		['twitter', 'twitter/post.json', { post: { message: '   ' } }, 'request->push->post->message'],
		['twitter', 'twitter/video.json', { video: { url: 'https://v.example/a.mp4' } }, 'request->push->video->video_url'],
		['facebook', 'facebook/picture.json', { picture: {} }, 'request->push->picture->url'],
		['facebook', 'facebook/video.json', { video: { video_url: 'https://v.example/a.mp4' } }, 'request->push->video->url'],
		['facebook', 'facebook/page/post.json', { page: { message: 'x' } }, 'request->push->page->id'],
		['facebook', 'facebook/page/picture.json', { page: { id: PAGE_ID } }, 'request->push->page->url'],
		['facebook', 'facebook/group/video.json', { group: { url: 'https://v.example/a.mp4' } }, 'request->push->group->id'],
		['linkedin', 'linkedin/company/post.json', { post: { message: 'x' } }, 'request->push->post->company'],
		['pinterest', `pinterest/board/${BOARD_ID}/pin.json`, { pin: { description: 'd' } }, 'request->push->pin->picture'],
		['pinterest', `pinterest/board/${BOARD_ID}/pin.json`, { pin: { picture: 'https://i.example/a.png' } }, 'request->push->pin->description'],
		['pinterest', 'pinterest/board.json', { board: { description: 'd' } }, 'request->push->board->name'],
		['youtube', 'youtube/video.json', { video: { video_url: 'https://v.example/a.mp4' } }, 'request->push->video->title'],
		['youtube', 'youtube/video.json', { video: { title: 't' } }, 'request->push->video->video_url'],
		['youtube', `youtube/playlist/${PLAYLIST_ID}/video.json`, { video: {} }, 'request->push->video->id'],
		['youtube', 'youtube/playlist.json', { playlist: {} }, 'request->push->playlist->title'],
		['youtube', 'youtube/channel/section.json', { channel: { section: { title: 't' } } }, 'request->push->channel->section->type'],
		['youtube', 'youtube/channel/section.json', { channel: {} }, 'request->push->channel->section'],
		['twitter', 'twitter/picture.json', { post: { url: 'https://x.example/a.png' } }, 'request->push->picture'],
	])('%s %s %j → names %s', async (prov, sub, node, nodePath) => {
		const r = await push(named[prov].identity_token, sub, node);
		expect(r.status).toBe(400);
		expect(status(r).info).toBe(info(nodePath));
	});
	test('Facebook and LinkedIn posts need a message or a link', async () => {
		for (const [tok, sub, key] of [
			[FB, 'facebook/post.json', 'post'],
			[LI, 'linkedin/post.json', 'post'],
			[FB, 'facebook/page/post.json', 'page'],
			[FB, 'facebook/group/post.json', 'group'],
		]) {
			const ids = key === 'page' ? { id: PAGE_ID } : key === 'group' ? { id: GROUP_ID } : {};
			const none = await push(tok, sub, { [key]: { ...ids, message: '' } });
			expect(none.status).toBe(400);
			expect(status(none).info).toContain(`[request->push->${key}->message] or [request->push->${key}->link]`);
			expect((await push(tok, sub, { [key]: { ...ids, link: 'https://example.com/a' } })).status).toBe(200);
			expect((await push(tok, sub, { [key]: { ...ids, message: 'only text' } })).status).toBe(200);
		}
		const company = await push(LI, 'linkedin/company/post.json', { post: { company: COMPANY_ID } });
		expect(company.status).toBe(400);
	});
	test.each([
		['twitter', 'twitter/post.json', { post: { message: 'x', attachments: '123' } }, 'request->push->post->attachments'],
		['twitter', 'twitter/post.json', { post: { message: 'x', attachments: [123] } }, 'request->push->post->attachments'],
		['twitter', 'twitter/post.json', { post: { message: 'x', attachments: [''] } }, 'request->push->post->attachments'],
		['twitter', 'twitter/post.json', { post: { message: 42 } }, 'request->push->post->message'],
		['facebook', 'facebook/picture.json', { picture: { url: 'https://x.example/a.png', create_post: 'true' } }, 'request->push->picture->create_post'],
		['facebook', 'facebook/picture.json', { picture: { url: 'ftp://x.example/a.png' } }, 'request->push->picture->url'],
		['facebook', 'facebook/picture.json', { picture: { url: '/relative.png' } }, 'request->push->picture->url'],
		['facebook', 'facebook/post.json', { post: { message: 'x', link: 'not a url' } }, 'request->push->post->link'],
		['youtube', `youtube/playlist/${PLAYLIST_ID}/video.json`, { video: { id: 'abc', position: '2' } }, 'request->push->video->position'],
		['youtube', 'youtube/channel/section.json', { channel: { section: { type: 'singlePlaylist', position: 1.5 } } }, 'request->push->channel->section->position'],
		['youtube', 'youtube/channel/section.json', { channel: { section: { type: 'multiplePlaylists', playlists: 'PL1,PL2' } } }, 'request->push->channel->section->playlists'],
		['youtube', 'youtube/video.json', { video: { video_url: 'https://v.example/a.mp4', title: 't', privacy_status: 'secret' } }, 'request->push->video->privacy_status'],
		['youtube', 'youtube/playlist.json', { playlist: { title: 't', description: null } }, 'request->push->playlist->description'],
		['facebook', 'facebook/page/post.json', { page: { id: { __rl: true, value: PAGE_ID }, message: 'x' } }, 'request->push->page->id'],
	])('wrong type: %s %s %j → 400 naming %s', async (prov, sub, node, nodePath) => {
		const r = await push(named[prov].identity_token, sub, node);
		expect(r.status).toBe(400);
		expect(status(r).info).toBe(info(nodePath));
	});
	test('Content-Type must be application/json', async () => {
		const body = JSON.stringify({ request: { push: { post: { message: 'x' } } } });
		const a = await call('POST', `/push/identities/${TW}/twitter/post.json`, { body, headers: { 'content-type': 'text/plain' } });
		expect(a.status).toBe(400);
		expect(status(a).info).toMatch(/Content-Type: application\/json/);
		const b = await call('POST', `/push/identities/${TW}/twitter/post.json`, { body, headers: { 'content-type': 'application/json; charset=utf-8' } });
		expect(b.status).toBe(200);
	});
	test('invalid JSON, empty body, missing request/push nodes → 400', async () => {
		const a = await call('POST', `/push/identities/${TW}/twitter/post.json`, { body: '{"request":' });
		expect(a.status).toBe(400);
		expect(status(a).info).toMatch(/not valid JSON/);
		const e = await call('POST', `/push/identities/${TW}/twitter/post.json`, { body: '' });
		expect(e.status).toBe(400);
		const b = await call('POST', `/push/identities/${TW}/twitter/post.json`, { body: { post: { message: 'x' } } });
		expect(status(b).info).toBe(info('request'));
		const c = await call('POST', `/push/identities/${TW}/twitter/post.json`, { body: { request: { update: {} } } });
		expect(status(c).info).toBe(info('request->push'));
	});
	test('unknown extra keys (customFields) are accepted; empty optional strings tolerated', async () => {
		const r = await push(FB, 'facebook/post.json', { post: { message: 'x', link: '', privacy: { value: 'SELF' }, unknown_key: 1 } });
		expect(r.status).toBe(200);
	});
	test('validation failures do not consume ids', async () => {
		await push(TW, 'twitter/picture.json', { picture: {} });
		const r = await push(TW, 'twitter/picture.json', { picture: { url: 'https://x.example/a.png' } });
		expect(result(r).picture_id).toBe(formatId('numeric', 1));
	});
});

describe('push success (all 20 operations)', () => {
	const url = 'https://cdn.example.com/media/a.png';
	const vurl = 'https://cdn.example.com/media/a.mp4';
	const cases = [
		[FB, 'facebook/post.json', { post: { message: 'Hello', attachments: ['111', '222'] } }, { provider: 'facebook', object: 'post', attachments: ['111', '222'] }, 'post_id', 'numeric'],
		[FB, 'facebook/picture.json', { picture: { url, description: 'd', create_post: false } }, { provider: 'facebook', object: 'picture' }, 'picture_id', 'numeric'],
		[FB, 'facebook/video.json', { video: { url: vurl, create_post: true } }, { provider: 'facebook', object: 'video' }, 'video_id', 'numeric'],
		[FB, 'facebook/group/post.json', { group: { id: GROUP_ID, message: 'Hi group' } }, { object: 'post', group_id: GROUP_ID }, 'post_id', 'numeric'],
		[FB, 'facebook/group/picture.json', { group: { id: GROUP_ID, url } }, { object: 'picture', group_id: GROUP_ID }, 'picture_id', 'numeric'],
		[FB, 'facebook/group/video.json', { group: { id: GROUP_ID, url: vurl } }, { object: 'video', group_id: GROUP_ID }, 'video_id', 'numeric'],
		[FB, 'facebook/page/post.json', { page: { id: PAGE_ID, message: 'Hi page', link: 'https://example.com' } }, { object: 'post', page_id: PAGE_ID }, 'post_id', 'numeric'],
		[FB, 'facebook/page/picture.json', { page: { id: PAGE_ID, url } }, { object: 'picture', page_id: PAGE_ID }, 'picture_id', 'numeric'],
		[FB, 'facebook/page/video.json', { page: { id: PAGE_ID, url: vurl, description: 'v' } }, { object: 'video', page_id: PAGE_ID }, 'video_id', 'numeric'],
		[LI, 'linkedin/post.json', { post: { message: 'm', link: 'https://example.com', title: 't', description: 'd', picture: url } }, { provider: 'linkedin', object: 'post' }, 'post_id', 'numeric'],
		[LI, 'linkedin/company/post.json', { post: { company: COMPANY_ID, message: 'm' } }, { provider: 'linkedin', object: 'post', company_id: COMPANY_ID }, 'post_id', 'numeric'],
		[PI, `pinterest/board/${BOARD_ID}/pin.json`, { pin: { picture: url, description: 'd', link: 'https://example.com' } }, { provider: 'pinterest', object: 'pin', board_id: BOARD_ID }, 'pin_id', 'numeric'],
		[PI, 'pinterest/board.json', { board: { name: 'New board', description: 'd' } }, { provider: 'pinterest', object: 'board', name: 'New board' }, 'board_id', 'numeric'],
		[TW, 'twitter/post.json', { post: { message: 'Tweet', attachments: ['999'], location: 'Paris' } }, { provider: 'twitter', object: 'post', attachments: ['999'] }, 'post_id', 'numeric'],
		[TW, 'twitter/picture.json', { picture: { url, description: 'OneAll Logo' } }, { provider: 'twitter', object: 'picture', expires_in: '86400' }, 'picture_id', 'numeric'],
		[TW, 'twitter/video.json', { video: { video_url: vurl, callback_url: 'http://localhost:5678/webhook/x' } }, { provider: 'twitter', object: 'video', status: 'queued' }, 'video_id', 'numeric'],
		[YT, 'youtube/video.json', { video: { video_url: vurl, title: 'T', description: 'D', thumbnail_url: url, privacy_status: 'unlisted' } }, { provider: 'youtube', object: 'video', status: 'queued' }, 'video_id', 'youtubeVideo'],
		[YT, `youtube/playlist/${PLAYLIST_ID}/video.json`, { video: { id: 'dQw4w9WgXcQ', position: 0 } }, { provider: 'youtube', object: 'playlist_video', playlist_id: PLAYLIST_ID, video_id: 'dQw4w9WgXcQ' }, null, null],
		[YT, 'youtube/playlist.json', { playlist: { title: 'P', privacy_status: 'private', default_language: 'en' } }, { provider: 'youtube', object: 'playlist' }, 'playlist_id', 'youtubePlaylist'],
		[YT, 'youtube/channel/section.json', { channel: { section: { type: 'multiplePlaylists', style: 'horizontalRow', title: 'S', position: 2, defaultLanguage: 'en', playlists: [PLAYLIST_ID], channels: [] } } }, { provider: 'youtube', object: 'channel_section' }, 'section_id', 'youtubeSection'],
	];
	test('there are 20 cases', () => expect(cases).toHaveLength(20));
	test('each answers 200 with the success envelope, flat data and predictable ids', async () => {
		let n = 0;
		for (const [tok, sub, node, expected, idKey, idKind] of cases) {
			const r = await push(tok, sub, node);
			expect({ sub, status: r.status }).toEqual({ sub, status: 200 });
			n++;
			expect(r.json.response.request.status).toEqual({ flag: 'success', code: 200, info: 'Your request has been processed successfully' });
			expect(r.json.response.request.resource).toBe(`/push/identities/${tok}/${sub}`);
			expect(r.json.response.request.date).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0000$/);
			expect(result(r)).toMatchObject(expected);
			if (idKey) expect(result(r)[idKey]).toBe(formatId(idKind, n));
		}
	});
	test('the documented Twitter picture example, byte for byte in shape', async () => {
		const r = await push('923843ec-1749-4cc1-988f-d6963f3b1baa', 'twitter/picture.json', {
			picture: { description: 'OneAll Logo', url: 'https://secure.oneallcdn.com/img/oneall/logo_sni_retina.png' },
		});
		expect(Object.keys(r.json.response)).toEqual(['request', 'result']);
		expect(Object.keys(r.json.response.request)).toEqual(['date', 'resource', 'status']);
		expect(result(r)).toEqual({ provider: 'twitter', object: 'picture', picture_id: '1000000000000001', expires_in: '86400' });
	});
	test('ids are unique per request and restart after reset()', async () => {
		const ids = [];
		for (let i = 0; i < 5; i++) ids.push(result(await push(TW, 'twitter/picture.json', { picture: { url } })).picture_id);
		expect(new Set(ids).size).toBe(5);
		sb.reset();
		expect(result(await push(TW, 'twitter/picture.json', { picture: { url } })).picture_id).toBe(ids[0]);
	});
	test('numeric ids are accepted for body ids', async () => {
		const r = await push(FB, 'facebook/page/post.json', { page: { id: Number(PAGE_ID), message: 'x' } });
		expect(r.status).toBe(200);
		expect(result(r).page_id).toBe(PAGE_ID);
	});
});

describe('strict ids', () => {
	test('unknown page / group / company / board / playlist → 404', async () => {
		expect((await push(FB, 'facebook/page/post.json', { page: { id: '1', message: 'x' } })).status).toBe(404);
		expect((await push(FB, 'facebook/group/picture.json', { group: { id: '1', url: 'https://x.example/a.png' } })).status).toBe(404);
		const c = await push(LI, 'linkedin/company/post.json', { post: { company: '1', message: 'x' } });
		expect(c.status).toBe(404);
		expect(status(c).info).toBe('The company with the id [1] could not be found for this identity.');
		expect((await push(PI, 'pinterest/board/123/pin.json', { pin: { picture: 'https://x.example/a.png', description: 'd' } })).status).toBe(404);
		expect((await push(YT, 'youtube/playlist/PLnope/video.json', { video: { id: 'v' } })).status).toBe(404);
		// another identity's page
		const other = data.pull[named.facebook2.identity_token].pages[0].page_id;
		expect((await push(FB, 'facebook/page/post.json', { page: { id: other, message: 'x' } })).status).toBe(404);
	});
	test('path ids that are not plain ids → 404, never another route', async () => {
		const r = await push(PI, 'pinterest/board/..%2F..%2Fboard/pin.json', { pin: { picture: 'https://x.example/a.png', description: 'd' } });
		expect(r.status).toBe(404);
		expect(status(r).info).toMatch(/not valid/);
	});
	test('a created board / playlist can be used and shows up in the pull list until reset()', async () => {
		const b = result(await push(PI, 'pinterest/board.json', { board: { name: 'Fresh' } }));
		const pin = await push(PI, `pinterest/board/${b.board_id}/pin.json`, { pin: { picture: 'https://x.example/a.png', description: 'd' } });
		expect(pin.status).toBe(200);
		const boards = result(await call('GET', `/pull/identities/${PI}/pinterest/boards.json`)).boards;
		expect(boards.entries.map((x) => x.board_id)).toContain(b.board_id);
		expect(boards.count).toBe(data.pull[PI].boards.length + 1);
		const p = result(await push(YT, 'youtube/playlist.json', { playlist: { title: 'Mine' } }));
		expect((await push(YT, `youtube/playlist/${p.playlist_id}/video.json`, { video: { id: 'abc' } })).status).toBe(200);
		sb.reset();
		const after = result(await call('GET', `/pull/identities/${PI}/pinterest/boards.json`)).boards;
		expect(after.count).toBe(data.pull[PI].boards.length);
	});
	test('strictIds: false accepts any well-formed id', async () => {
		const loose = await startSandbox({ strictIds: false });
		try {
			const r = await push(FB, 'facebook/page/post.json', { page: { id: '42', message: 'x' } }, { server: loose });
			expect(r.status).toBe(200);
			expect((await push(PI, 'pinterest/board/777/pin.json', { pin: { picture: 'https://x.example/a.png', description: 'd' } }, { server: loose })).status).toBe(200);
		} finally {
			await loose.close();
		}
	});
});

describe('identities', () => {
	test('default page: 250 entries, pagination node as documented', async () => {
		const r = await call('GET', '/identities.json');
		expect(r.status).toBe(200);
		const ids = result(r).identities;
		expect(ids.pagination).toEqual({ current_page: 1, total_pages: 3, entries_per_page: 250, total_entries: 620, order: { field: 'date_creation', direction: 'asc' } });
		expect(ids.count).toBe(250);
		expect(ids.entries).toHaveLength(250);
		expect(ids.entries[0]).toEqual(named.twitter);
		for (const e of ids.entries) {
			expect(Object.keys(e)).toEqual(expect.arrayContaining(['identity_token', 'user_token', 'provider', 'displayName', 'preferredUsername', 'profileUrl', 'thumbnailUrl', 'date_creation']));
		}
	});
	test('entries_per_page=500 needs two pages; all tokens unique', async () => {
		const p1 = result(await call('GET', '/identities.json?page=1&entries_per_page=500')).identities;
		const p2 = result(await call('GET', '/identities.json?page=2&entries_per_page=500')).identities;
		expect(p1.pagination.total_pages).toBe(2);
		expect(p1.count).toBe(500);
		expect(p2.count).toBe(120);
		expect(p2.pagination.current_page).toBe(2);
		const all = [...p1.entries, ...p2.entries].map((e) => e.identity_token);
		expect(new Set(all).size).toBe(620);
		const p3 = result(await call('GET', '/identities.json?page=3&entries_per_page=500')).identities;
		expect(p3.count).toBe(0);
		expect(p3.entries).toEqual([]);
	});
	test('entries_per_page above 500 is capped at 500', async () => {
		const r = result(await call('GET', '/identities.json?entries_per_page=1000')).identities;
		expect(r.pagination.entries_per_page).toBe(500);
		expect(r.count).toBe(500);
	});
	test('order_direction=desc reverses the order', async () => {
		const asc = result(await call('GET', '/identities.json?entries_per_page=500&page=2')).identities.entries;
		const desc = result(await call('GET', '/identities.json?entries_per_page=1&order_direction=desc')).identities;
		expect(desc.pagination.order.direction).toBe('desc');
		expect(desc.entries[0]).toEqual(asc[asc.length - 1]);
	});
	test('data set has enough identities per provider', () => {
		const count = (p) => data.identities.filter((i) => i.provider === p).length;
		expect(count('twitter')).toBeGreaterThanOrEqual(7);
		for (const p of ['facebook', 'linkedin', 'pinterest', 'youtube']) expect(count(p)).toBeGreaterThanOrEqual(3);
		expect(data.identities.length).toBeGreaterThan(500);
	});
	test.each(['page=0', 'page=abc', 'entries_per_page=0', 'entries_per_page=-1', 'order_direction=sideways'])('bad parameter %s → 400', async (q) => {
		const r = await call('GET', `/identities.json?${q}`);
		expect(r.status).toBe(400);
		expect(status(r).info).toMatch(/\[(page|entries_per_page|order_direction)\] parameter/);
	});
	test('read one identity', async () => {
		const r = await call('GET', `/identities/${YT}.json`);
		expect(r.status).toBe(200);
		expect(result(r).identity).toMatchObject({ identity_token: YT, provider: 'youtube', displayName: 'Sandbox Channel', source: { key: 'youtube' } });
		expect((await call('GET', '/identities/00000000-0000-4000-8000-000000000000.json')).status).toBe(404);
	});
});

describe('pull lists', () => {
	test.each([
		[FB, 'facebook/pages.json', 'pages', 'page_id', 'name'],
		[FB, 'facebook/groups.json', 'groups', 'group_id', 'name'],
		[LI, 'linkedin/companies.json', 'companies', 'company_id', 'name'],
		[PI, 'pinterest/boards.json', 'boards', 'board_id', 'name'],
		[YT, 'youtube/playlists.json', 'playlists', 'playlist_id', 'title'],
	])('%s %s → data.%s {count, entries}', async (tok, sub, key, idKey, nameKey) => {
		const r = await call('GET', `/pull/identities/${tok}/${sub}`);
		expect(r.status).toBe(200);
		const list = result(r)[key];
		expect(list.count).toBe(list.entries.length);
		expect(list.count).toBeGreaterThan(0);
		for (const e of list.entries) {
			expect(typeof e[idKey]).toBe('string');
			expect(typeof e[nameKey]).toBe('string');
		}
	});
	test('generated identities have pull lists too; empty list is possible', async () => {
		const gen = data.identities.filter((i) => i.provider === 'pinterest')[3];
		const r = result(await call('GET', `/pull/identities/${gen.identity_token}/pinterest/boards.json`));
		expect(r.boards.count).toBeGreaterThan(0);
		const e = result(await call('GET', `/pull/identities/${named.facebook2.identity_token}/facebook/groups.json`));
		expect(e).toEqual({ groups: { count: 0, entries: [] } });
	});
	test('pull needs auth', async () => {
		expect((await call('GET', `/pull/identities/${FB}/facebook/pages.json`, { auth: false })).status).toBe(401);
	});
});

describe('faults', () => {
	const tweet = (message = 'hello') => push(TW, 'twitter/post.json', { post: { message } });

	test.each([401, 403, 404, 409, 429, 500, 502, 503])('status %i → OneAll error envelope', async (code) => {
		sb.setFault({ mode: 'status', status: code });
		const r = await tweet();
		expect(r.status).toBe(code);
		expect(status(r)).toMatchObject({ flag: 'error', code });
		expect(typeof status(r).info).toBe('string');
		expect(r.headers.get('retry-after')).toBe(code === 429 ? '1' : null);
		expect(sb.requests[0]).toMatchObject({ status: code, fault: String(code) });
	});
	test('status with a custom info; a status fault does not consume an id', async () => {
		sb.setFault({ mode: 'status', status: 409, info: 'Duplicate status.' });
		expect(status(await tweet()).info).toBe('Duplicate status.');
		sb.setFault(null);
		expect(result(await tweet()).post_id).toBe(formatId('numeric', 1));
	});
	test('flagError → HTTP 200 with flag error', async () => {
		sb.setFault({ mode: 'flagError' });
		const r = await tweet();
		expect(r.status).toBe(200);
		expect(status(r)).toMatchObject({ flag: 'error', code: 400 });
		expect(r.json.response.result).toBeUndefined();
		sb.setFault({ mode: 'flagError', code: 403, info: 'Refused by Twitter' });
		expect(status(await tweet())).toEqual({ flag: 'error', code: 403, info: 'Refused by Twitter' });
	});
	test('html → 502 HTML page', async () => {
		sb.setFault({ mode: 'html' });
		const r = await tweet();
		expect(r.status).toBe(502);
		expect(r.headers.get('content-type')).toMatch(/text\/html/);
		expect(r.text).toMatch(/<html>/);
		expect(r.json).toBeNull();
	});
	test('empty → 200 with an empty body', async () => {
		sb.setFault({ mode: 'empty' });
		const r = await tweet();
		expect(r.status).toBe(200);
		expect(r.text).toBe('');
	});
	test('truncated → 200 with half a JSON document', async () => {
		sb.setFault({ mode: 'truncated' });
		const r = await tweet();
		expect(r.status).toBe(200);
		expect(r.text.startsWith('{"response":')).toBe(true);
		expect(() => JSON.parse(r.text)).toThrow();
	});
	test('hang → never answers; close() still resolves', async () => {
		const own = await startSandbox();
		own.setFault({ mode: 'hang' });
		const t0 = Date.now();
		await expect(call('GET', '/identities.json', { server: own, signal: AbortSignal.timeout(300) })).rejects.toThrow();
		expect(Date.now() - t0).toBeGreaterThanOrEqual(250);
		expect(own.requests[0]).toMatchObject({ fault: 'hang', status: null });
		// a second hanging request is still open when close() is called
		const pending = call('GET', '/identities.json', { server: own }).catch((e) => e);
		await new Promise((r) => setTimeout(r, 50));
		await own.close();
		const err = await pending; // fetch rejects (an Error from another realm under jest)
		expect(err && typeof err.message).toBe('string');
	});
	test('slow → answers normally after ms', async () => {
		sb.setFault({ mode: 'slow', ms: 200 });
		const t0 = Date.now();
		const r = await tweet();
		expect(r.status).toBe(200);
		expect(Date.now() - t0).toBeGreaterThanOrEqual(190);
		expect(sb.requests[0].durationMs).toBeGreaterThanOrEqual(190);
	});
	test('reset → connection destroyed', async () => {
		sb.setFault({ mode: 'reset' });
		await expect(tweet()).rejects.toThrow();
		expect(sb.requests[0].fault).toBe('reset');
	});
	test('match: bodyContains, pathContains, method, times, skip', async () => {
		sb.setFault({ mode: 'status', status: 500, match: { bodyContains: 'FAIL' } });
		expect((await tweet('ok')).status).toBe(200);
		expect((await tweet('please FAIL')).status).toBe(500);
		expect((await tweet('ok again')).status).toBe(200);

		sb.setFault({ mode: 'status', status: 503, match: { pathContains: 'twitter/picture' } });
		expect((await tweet()).status).toBe(200);
		expect((await push(TW, 'twitter/picture.json', { picture: { url: 'https://x.example/a.png' } })).status).toBe(503);

		sb.setFault({ mode: 'status', status: 429, match: { times: 2 } });
		expect((await tweet()).status).toBe(429);
		expect((await tweet()).status).toBe(429);
		expect((await tweet()).status).toBe(200);
		expect(sb.getFault()).toBeNull();

		sb.setFault({ mode: 'status', status: 500, match: { skip: 2, times: 1 } });
		expect([(await tweet()).status, (await tweet()).status, (await tweet()).status, (await tweet()).status]).toEqual([200, 200, 500, 200]);

		sb.setFault({ mode: 'status', status: 500, match: { method: 'GET' } });
		expect((await tweet()).status).toBe(200);
		expect((await call('GET', '/identities.json')).status).toBe(500);
	});
	test('faults apply before auth and routing', async () => {
		sb.setFault({ mode: 'status', status: 503 });
		expect((await call('GET', '/nowhere', { auth: false })).status).toBe(503);
	});
	test('setFault validates its argument and accepts marker-style strings', () => {
		expect(() => sb.setFault({ mode: 'nope' })).toThrow();
		expect(() => sb.setFault({ mode: 'status', status: 200 })).toThrow();
		expect(() => sb.setFault({ mode: 'status', status: 500, match: { times: 0 } })).toThrow();
		expect(sb.setFault('500')).toMatchObject({ mode: 'status', status: 500 });
		expect(sb.setFault('slow:20')).toMatchObject({ mode: 'slow', ms: 20 });
		expect(sb.setFault(null)).toBeNull();
	});
	test('setDelay adds latency to API answers', async () => {
		sb.setDelay(150);
		const t0 = Date.now();
		await call('GET', '/identities.json?entries_per_page=1');
		expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
		sb.reset();
		expect(sb.stats().delayMs).toBe(0);
		expect(() => sb.setDelay(-1)).toThrow();
	});
});

describe('body-marker faults', () => {
	test.each([
		['__fault:500', 500, null],
		['__fault:429', 429, null],
		['__fault:401', 401, null],
		['__fault:flagError', 200, 'error'],
		['__fault:html', 502, null],
		['__fault:empty', 200, null],
	])('%s', async (marker, httpStatus, flag) => {
		const r = await push(TW, 'twitter/post.json', { post: { message: `text ${marker} text` } });
		expect(r.status).toBe(httpStatus);
		if (flag) expect(status(r).flag).toBe(flag);
		expect(sb.requests[0].fault).toBe(marker.slice(8));
	});
	test('only the marked items fail among many', async () => {
		const messages = Array.from({ length: 10 }, (_, i) => (i === 3 || i === 7 ? `item ${i} __fault:500` : `item ${i}`));
		const res = await Promise.all(messages.map((m) => push(TW, 'twitter/post.json', { post: { message: m } })));
		expect(res.map((r) => r.status)).toEqual([200, 200, 200, 500, 200, 200, 200, 500, 200, 200]);
		expect(sb.requests.filter((r) => r.fault === '500')).toHaveLength(2);
		expect(sb.stats().pushes).toBe(8);
	});
	test('__fault:hang and __fault:slow:<ms>', async () => {
		const t0 = Date.now();
		expect((await push(TW, 'twitter/post.json', { post: { message: '__fault:slow:120' } })).status).toBe(200);
		expect(Date.now() - t0).toBeGreaterThanOrEqual(110);
		await expect(push(TW, 'twitter/post.json', { post: { message: '__fault:hang' } }, { signal: AbortSignal.timeout(150) })).rejects.toThrow();
	});
	test('__fault:truncated still processes the request', async () => {
		const r = await push(TW, 'twitter/post.json', { post: { message: 'x __fault:truncated' } });
		expect(r.status).toBe(200);
		expect(r.json).toBeNull();
		expect(sb.stats().pushes).toBe(1);
	});
	test('a marker in the query string works for GET requests', async () => {
		expect((await call('GET', '/identities.json?x=__fault:503')).status).toBe(503);
	});
	test('unknown marker names are ignored', async () => {
		expect((await push(TW, 'twitter/post.json', { post: { message: '__fault:nonsense' } })).status).toBe(200);
	});
	test('a marker wins over setFault', async () => {
		sb.setFault({ mode: 'status', status: 500 });
		expect((await push(TW, 'twitter/post.json', { post: { message: '__fault:404' } })).status).toBe(404);
	});
});

describe('request recording', () => {
	test('records method, url, pathname, query, headers, body, json, status, timing', async () => {
		await call('GET', '/identities.json?page=2&entries_per_page=10');
		await push(TW, 'twitter/post.json', { post: { message: 'hi' } }, { headers: { 'X-Custom': 'A' } });
		expect(sb.requests).toHaveLength(2);
		const [g, p] = sb.requests;
		expect(g).toMatchObject({ seq: 1, method: 'GET', url: '/identities.json?page=2&entries_per_page=10', pathname: '/identities.json', query: { page: '2', entries_per_page: '10' }, body: '', json: null, status: 200, fault: null });
		expect(p).toMatchObject({ seq: 2, method: 'POST', pathname: `/push/identities/${TW}/twitter/post.json`, json: { request: { push: { post: { message: 'hi' } } } }, status: 200 });
		expect(p.headers['content-type']).toBe('application/json');
		expect(p.headers['x-custom']).toBe('A');
		expect(p.headers.authorization).toBe(sb.authHeader);
		expect(p.body).toBe('{"request":{"push":{"post":{"message":"hi"}}}}');
		expect(typeof p.durationMs).toBe('number');
		expect(typeof p.startedAt).toBe('number');
		const s = sb.stats();
		expect(s).toMatchObject({ count: 2, byStatus: { 200: 2 }, pushes: 1, recorded: 2 });
		expect(s.meanMs).toBeGreaterThan(0);
	});
	test('error answers are recorded with their status; reset() clears the same array', async () => {
		const arr = sb.requests;
		await call('GET', '/nowhere');
		expect(arr[0].status).toBe(404);
		sb.reset();
		expect(sb.requests).toBe(arr);
		expect(arr).toHaveLength(0);
	});
	test('X-Sandbox-Request header carries the record seq', async () => {
		const r = await call('GET', '/identities.json?entries_per_page=1');
		expect(r.headers.get('x-sandbox-request')).toBe('1');
	});
});

describe('per-request delay and per-identity overlap', () => {
	const TW2 = named.twitter2.identity_token;
	test('__delay:<ms> answers normally, that much later, and is not a fault', async () => {
		const t0 = Date.now();
		const r = await push(TW, 'twitter/post.json', { post: { message: 'slowly __delay:120' } });
		expect(Date.now() - t0).toBeGreaterThanOrEqual(110);
		expect(r.status).toBe(200);
		expect(sb.requests[0]).toMatchObject({ fault: null, status: 200, identity: TW.toLowerCase() });
		expect(sb.requests[0].endedAt - sb.requests[0].arrivedAt).toBeGreaterThanOrEqual(110);
		expect(sb.stats().faults).toBe(0);
	});
	test('one identity one request at a time: no overlap; two at once: the pair is reported', async () => {
		await push(TW, 'twitter/post.json', { post: { message: 'a __delay:30' } });
		await push(TW, 'twitter/post.json', { post: { message: 'b __delay:30' } });
		expect(sb.overlaps()).toEqual([]);
		await Promise.all([
			push(TW, 'twitter/post.json', { post: { message: 'c __delay:60' } }),
			new Promise((r) => setTimeout(r, 15)).then(() => push(TW, 'twitter/post.json', { post: { message: 'd' } })),
		]);
		const bySeq = (m) => sb.requests.find((r) => r.json.request.push.post.message.startsWith(m)).seq;
		expect(sb.overlaps()).toEqual([{ identity: TW.toLowerCase(), open: bySeq('c'), arrived: bySeq('d') }]);
	});
	test('different identities at the same time are not an overlap', async () => {
		await Promise.all([
			push(TW, 'twitter/post.json', { post: { message: 'x __delay:50' } }),
			push(TW2, 'twitter/post.json', { post: { message: 'y __delay:50' } }),
		]);
		expect(sb.requests.map((r) => r.identity).sort()).toEqual([TW, TW2].map((t) => t.toLowerCase()).sort());
		expect(sb.overlaps()).toEqual([]);
	});
	test('a request never answered stays open: whatever comes after it for that identity overlaps', () => {
		const rec = (seq, identity, arrivedAt, endedAt) => ({ seq, identity, arrivedAt, endedAt });
		expect(overlapsPerIdentity([rec(1, 'a', 0, null), rec(2, 'a', 500, 510), rec(3, 'b', 600, 610), rec(4, null, 1, 2)])).toEqual([
			{ identity: 'a', open: 1, arrived: 2 },
		]);
		// the open request is the one answered last, not merely the previous one
		expect(overlapsPerIdentity([rec(1, 'a', 0, 100), rec(2, 'a', 90, 150), rec(3, 'a', 50, 60)])).toEqual([
			{ identity: 'a', open: 1, arrived: 3 },
			{ identity: 'a', open: 1, arrived: 2 },
		]);
		// arriving exactly when the previous answer went out is one after the other
		expect(overlapsPerIdentity([rec(1, 'a', 0, 100), rec(2, 'a', 100, 150)])).toEqual([]);
	});
});

describe('control API over HTTP', () => {
	const ctl = async (method, p, body) => {
		const res = await fetch(`${sb.url}/__sandbox/${p}`, {
			method,
			headers: body === undefined ? {} : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		return { status: res.status, json: await res.json() };
	};
	test('requests, reset — control calls are not recorded', async () => {
		await call('GET', '/identities.json?entries_per_page=1');
		await push(TW, 'twitter/post.json', { post: { message: 'x' } });
		const r = await ctl('GET', 'requests');
		expect(r.status).toBe(200);
		expect(r.json.count).toBe(2);
		expect(r.json.requests.map((x) => x.method)).toEqual(['GET', 'POST']);
		expect((await ctl('GET', 'requests?since=1')).json.requests).toHaveLength(1);
		expect((await ctl('POST', 'reset')).json).toEqual({ ok: true });
		expect((await ctl('GET', 'requests')).json.count).toBe(0);
		expect(sb.requests).toHaveLength(0);
	});
	test('fault on / off, with match', async () => {
		const r = await ctl('POST', 'fault', { mode: 'status', status: 502, match: { bodyContains: 'BOOM', times: 1 } });
		expect(r.json).toMatchObject({ ok: true, fault: { mode: 'status', status: 502, remaining: 1 } });
		expect((await push(TW, 'twitter/post.json', { post: { message: 'BOOM' } })).status).toBe(502);
		expect((await push(TW, 'twitter/post.json', { post: { message: 'BOOM' } })).status).toBe(200);
		await ctl('POST', 'fault', { mode: 'status', status: 500 });
		expect((await ctl('GET', 'fault')).json.fault).toMatchObject({ mode: 'status', status: 500 });
		expect((await ctl('POST', 'fault', null)).json).toEqual({ ok: true, fault: null });
		expect((await call('GET', '/identities.json?entries_per_page=1')).status).toBe(200);
		expect((await ctl('POST', 'fault', { mode: 'bogus' })).status).toBe(400);
	});
	test('delay, stats, info, unknown', async () => {
		expect((await ctl('POST', 'delay', { ms: 100 })).json).toEqual({ ok: true, delayMs: 100 });
		const t0 = Date.now();
		await call('GET', '/identities.json?entries_per_page=1');
		expect(Date.now() - t0).toBeGreaterThanOrEqual(90);
		expect((await ctl('POST', 'delay', { ms: 'x' })).status).toBe(400);
		await ctl('POST', 'delay', { ms: 0 });
		const s = (await ctl('GET', 'stats')).json;
		expect(s).toMatchObject({ count: 1, byStatus: { 200: 1 } });
		const info = (await ctl('GET', 'info')).json;
		expect(info).toMatchObject({ url: sb.url, publicKey: 'sandbox-public-key', identities: 620 });
		expect(info.named.twitter.identity_token).toBe(TW);
		expect((await ctl('GET', 'nope')).status).toBe(404);
		expect((await ctl('POST', 'fault', undefined)).json.fault).toBeNull();
	});
	test('control API needs no auth and bad JSON is a 400', async () => {
		const res = await fetch(`${sb.url}/__sandbox/fault`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
		expect(res.status).toBe(400);
	});
});

describe('options.data', () => {
	test('a small custom data set, pull lists given or generated', async () => {
		const ids = data.identities.slice(0, 3);
		const own = await startSandbox({ data: { identities: ids, pull: { [ids[1].identity_token]: { pages: [{ page_id: '5', name: 'Five' }] } } } });
		try {
			const list = result(await call('GET', '/identities.json', { server: own })).identities;
			expect(list.pagination.total_entries).toBe(3);
			expect(list.pagination.total_pages).toBe(1);
			const pages = result(await call('GET', `/pull/identities/${ids[1].identity_token}/facebook/pages.json`, { server: own })).pages;
			expect(pages).toEqual({ count: 1, entries: [{ page_id: '5', name: 'Five' }] });
			expect((await push(TW, 'twitter/post.json', { post: { message: 'x' } }, { server: own })).status).toBe(200);
		} finally {
			await own.close();
		}
	});
	test('createData(total) and invalid data', async () => {
		expect(data.createData({ total: 30 }).identities).toHaveLength(30);
		await expect(startSandbox({ data: { identities: [{ identity_token: 'x' }] } })).rejects.toThrow(/UUID/);
	});
});

describe('cli', () => {
	test('starts, prints URL and keys, serves, stops on SIGTERM', async () => {
		const child = spawn(process.execPath, [path.join(__dirname, 'cli.js'), '--port', '0', '--delay', '5'], { stdio: ['ignore', 'pipe', 'pipe'] });
		let out = '';
		const ready = await new Promise((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`no ready line: ${out}`)), 10000);
			child.stdout.on('data', (c) => {
				out += c;
				const m = /SANDBOX_READY (\{.*\})/.exec(out);
				if (m) {
					clearTimeout(timer);
					resolve(JSON.parse(m[1]));
				}
			});
			child.on('error', reject);
		});
		expect(out).toMatch(/public key : sandbox-public-key/);
		expect(out).toMatch(/private key: sandbox-private-key/);
		const res = await fetch(`${ready.url}/identities.json?entries_per_page=1`, { headers: { authorization: basic(ready.publicKey, ready.privateKey) } });
		expect(res.status).toBe(200);
		const code = await new Promise((resolve) => {
			child.on('exit', (c) => resolve(c));
			child.kill('SIGTERM');
		});
		expect(code).toBe(0);
	});
});

// ---------------------------------------------------------------------------------------------
// Update API: edit and delete what was published (lifecycle.js)
// ---------------------------------------------------------------------------------------------

describe('Update API', () => {
	const objects = data.objects;
	const TWEET = objects[TW].tweets[0].post_id;
	const PAGE_POST = objects[FB].pagePosts[PAGE_ID][0].post_id;
	const PAGE_PICTURE = objects[FB].pagePictures[PAGE_ID][0].picture_id;
	const PAGE_VIDEO = objects[FB].pageVideos[PAGE_ID][0].video_id;
	const PIN = objects[PI].pins[0].pin_id;
	const PLAYLIST_VIDEO = objects[YT].playlistVideos[PLAYLIST_ID][0].video_id;
	const SECTION = objects[YT].sections[0].section_id;
	const update = (token, sub, method, node, opts = {}) =>
		call(method, `/update/identities/${token}/${sub}`, node === undefined ? opts : { body: { request: { update: node } }, ...opts });

	// [token, path, method, body node (PUT), result data]
	const ENDPOINTS = [
		[TW, `twitter/post/${TWEET}.json`, 'DELETE', undefined, { provider: 'twitter', object: 'post', post_id: TWEET }],
		[FB, `facebook/page/${PAGE_ID}/post/${PAGE_POST}.json`, 'PUT', { post: { message: 'Edited' } }, { provider: 'facebook', object: 'post', page_id: PAGE_ID, post_id: PAGE_POST }],
		[FB, `facebook/page/${PAGE_ID}/post/${PAGE_POST}.json`, 'DELETE', undefined, { provider: 'facebook', object: 'post', page_id: PAGE_ID, post_id: PAGE_POST }],
		[FB, `facebook/page/${PAGE_ID}/picture/${PAGE_PICTURE}.json`, 'DELETE', undefined, { provider: 'facebook', object: 'picture', page_id: PAGE_ID, picture_id: PAGE_PICTURE }],
		[FB, `facebook/page/${PAGE_ID}/video/${PAGE_VIDEO}.json`, 'DELETE', undefined, { provider: 'facebook', object: 'video', page_id: PAGE_ID, video_id: PAGE_VIDEO }],
		[PI, `pinterest/pin/${PIN}.json`, 'PUT', { pin: { description: 'New text' } }, { provider: 'pinterest', object: 'pin', pin_id: PIN }],
		[PI, `pinterest/pin/${PIN}.json`, 'DELETE', undefined, { provider: 'pinterest', object: 'pin', pin_id: PIN }],
		[YT, `youtube/playlist/${PLAYLIST_ID}.json`, 'PUT', { playlist: { title: 'Renamed' } }, { provider: 'youtube', object: 'playlist', playlist_id: PLAYLIST_ID }],
		[YT, `youtube/playlist/${PLAYLIST_ID}.json`, 'DELETE', undefined, { provider: 'youtube', object: 'playlist', playlist_id: PLAYLIST_ID }],
		[YT, `youtube/playlist/${PLAYLIST_ID}/video/${PLAYLIST_VIDEO}.json`, 'DELETE', undefined, { provider: 'youtube', object: 'playlist_video', playlist_id: PLAYLIST_ID, video_id: PLAYLIST_VIDEO }],
		[YT, `youtube/channel/section/${SECTION}.json`, 'PUT', { channel: { section: { title: 'Renamed' } } }, { provider: 'youtube', object: 'channel_section', section_id: SECTION }],
		[YT, `youtube/channel/section/${SECTION}.json`, 'DELETE', undefined, { provider: 'youtube', object: 'channel_section', section_id: SECTION }],
	];

	test('there are 12 endpoints', () => expect(ENDPOINTS).toHaveLength(12));
	test.each(ENDPOINTS)('%s %s %s → 200 with the ids', async (token, sub, method, node, expected) => {
		const r = await update(token, sub, method, node);
		expect(r.status).toBe(200);
		expect(status(r)).toEqual({ flag: 'success', code: 200, info: 'Your request has been processed successfully' });
		expect(result(r)).toEqual(expected);
	});
	test.each(ENDPOINTS.filter((e) => e[2] === 'DELETE'))('%s DELETE %s twice → 200, then 404', async (token, sub) => {
		expect((await update(token, sub, 'DELETE')).status).toBe(200);
		const again = await update(token, sub, 'DELETE');
		expect(again.status).toBe(404);
		expect(status(again).info).toMatch(/^The [a-z ]+ with the id \[[^\]]+\] could not be found for this identity\.$/);
		sb.reset();
		expect((await update(token, sub, 'DELETE')).status).toBe(200);
	});
	test('wrong methods → 405 with Allow; POST, GET and PATCH are never served', async () => {
		const a = await update(TW, `twitter/post/${TWEET}.json`, 'PUT', { post: { message: 'x' } });
		expect(a.status).toBe(405);
		expect(a.headers.get('allow')).toBe('DELETE');
		for (const method of ['GET', 'POST', 'PATCH']) {
			const r = await call(method, `/update/identities/${PI}/pinterest/pin/${PIN}.json`, method === 'GET' ? {} : { body: { request: { update: { pin: { link: 'https://x.example' } } } } });
			expect(r.status).toBe(405);
			expect(r.headers.get('allow')).toBe('PUT, DELETE');
		}
		for (const sub of [`facebook/page/${PAGE_ID}/picture/${PAGE_PICTURE}.json`, `youtube/playlist/${PLAYLIST_ID}/video/${PLAYLIST_VIDEO}.json`]) {
			expect((await update(sub.startsWith('facebook') ? FB : YT, sub, 'PUT', {})).status).toBe(405);
		}
	});
	test.each([
		[TW, 'twitter/post/1.json'],
		[TW, 'twitter/post/..%2F1.json'],
		[FB, `facebook/page/${PAGE_ID}/post/${PAGE_ID}_1.json`],
		[FB, `facebook/page/1/post/${PAGE_POST}.json`],
		[FB, `facebook/page/${data.pull[named.facebook2.identity_token].pages[0].page_id}/post/${PAGE_POST}.json`],
		[FB, `facebook/page/${PAGE_ID}/picture/${PAGE_VIDEO}.json`],
		[FB, `facebook/page/${PAGE_ID}/video/${PAGE_PICTURE}.json`],
		[PI, 'pinterest/pin/549755813888999.json'],
		[YT, 'youtube/playlist/PLnope.json'],
		[YT, `youtube/playlist/${PLAYLIST_ID}/video/nope.json`],
		[YT, `youtube/playlist/${data.pull[YT].playlists[1].playlist_id}/video/${PLAYLIST_VIDEO}.json`],
		[YT, 'youtube/channel/section/nope.json'],
		['00000000-0000-4000-8000-000000000000', `twitter/post/${TWEET}.json`],
	])('unknown id: DELETE %s %s → 404', async (token, sub) => {
		const r = await update(token, sub, 'DELETE');
		expect(r.status).toBe(404);
		expect(status(r).code).toBe(404);
	});
	test.each([
		`twitter/post/${TWEET}`,
		'twitter/post/.json',
		'twitter/post.json',
		`twitter/post/${TWEET}/x.json`,
		`twitter/tweet/${TWEET}.json`,
		`facebook/page/post/${PAGE_POST}.json`,
		'youtube/channel/section.json',
	])('no such Update path: DELETE %s → 404', async (sub) => {
		const r = await update(TW, sub, 'DELETE');
		expect(r.status).toBe(404);
		expect(status(r).info).toMatch(/could not be found/);
	});
	test('auth (401) and the identity of another provider (403)', async () => {
		expect((await update(TW, `twitter/post/${TWEET}.json`, 'DELETE', undefined, { auth: false })).status).toBe(401);
		const r = await update(FB, `twitter/post/${TWEET}.json`, 'DELETE');
		expect(r.status).toBe(403);
		expect(status(r).info).toContain('[facebook]');
	});
	test('a DELETE needs no body and no Content-Type', async () => {
		const r = await fetch(`${sb.url}/update/identities/${TW}/twitter/post/${TWEET}.json`, { method: 'DELETE', headers: { authorization: sb.authHeader } });
		expect(r.status).toBe(200);
		expect(sb.requests[0]).toMatchObject({ method: 'DELETE', body: '' });
		expect(sb.requests[0].headers['content-type']).toBeUndefined();
	});

	const info = (p) => `The request cannot be processed. Please verify the format of the [${p}] node.`;
	const pagePost = `facebook/page/${PAGE_ID}/post/${PAGE_POST}.json`;
	test.each([
		[FB, pagePost, { post: { message: 'x' } }, 'push instead of update', info('request->update')],
		[FB, pagePost, {}, 'no post node', info('request->update->post')],
		[FB, pagePost, { post: {} }, 'nothing to change', 'The request cannot be processed. Please verify the format of the [request->update->post] node: it must set at least one of [message], [link], [attachments].'],
		[FB, pagePost, { post: { message: '', attachments: [] } }, 'only empty values', 'The request cannot be processed. Please verify the format of the [request->update->post] node: it must set at least one of [message], [link], [attachments].'],
		[FB, pagePost, { post: { link: 'https://x.example', attachments: ['1'] } }, 'link and attachments', 'The request cannot be processed. Please verify the format of the [request->update->post] node: [link] and [attachments] cannot be used together.'],
		[FB, pagePost, { post: { message: 'x', link: 'not a url' } }, 'bad link', info('request->update->post->link')],
		[FB, pagePost, { post: { message: 'x', attachments: '1,2' } }, 'attachments not a list', info('request->update->post->attachments')],
		[PI, `pinterest/pin/${PIN}.json`, { pin: {} }, 'empty pin', 'The request cannot be processed. Please verify the format of the [request->update->pin] node: it must set at least one of [board], [description], [link].'],
		[PI, `pinterest/pin/${PIN}.json`, { pin: { board: 42 } }, 'board not text', info('request->update->pin->board')],
		[YT, `youtube/playlist/${PLAYLIST_ID}.json`, { playlist: { description: 'no title' } }, 'playlist without title', info('request->update->playlist->title')],
		[YT, `youtube/playlist/${PLAYLIST_ID}.json`, { playlist: { title: 't', privacy_status: 'secret' } }, 'bad privacy', info('request->update->playlist->privacy_status')],
		[YT, `youtube/channel/section/${SECTION}.json`, { channel: { section: {} } }, 'empty section', 'The request cannot be processed. Please verify the format of the [request->update->channel->section] node: it must set at least one of [type], [style], [title], [position], [defaultLanguage], [playlists], [channels].'],
		[YT, `youtube/channel/section/${SECTION}.json`, { channel: { section: { position: -1 } } }, 'negative position', info('request->update->channel->section->position')],
	])('PUT %s %s %j (%s) → 400', async (token, sub, node, _what, expected) => {
		const body = _what === 'push instead of update' ? { request: { push: node } } : { request: { update: node } };
		const r = await call('PUT', `/update/identities/${token}/${sub}`, { body });
		expect(r.status).toBe(400);
		expect(status(r).info).toBe(expected);
	});
	test('PUT needs a JSON body with Content-Type: application/json', async () => {
		const a = await call('PUT', `/update/identities/${FB}/${pagePost}`, { body: '', headers: { 'content-type': 'application/json' } });
		expect(status(a).info).toBe('The request cannot be processed. The request body is empty.');
		const b = await call('PUT', `/update/identities/${FB}/${pagePost}`, { body: JSON.stringify({ request: { update: { post: { message: 'x' } } } }), headers: { 'content-type': 'text/plain' } });
		expect(b.status).toBe(400);
		expect(status(b).info).toMatch(/Content-Type: application\/json/);
	});
	test('a pin moves only to a board the identity has, named by its name', async () => {
		const moved = await update(PI, `pinterest/pin/${PIN}.json`, 'PUT', { pin: { board: 'Gift Ideas' } });
		expect(moved.status).toBe(200);
		const unknown = await update(PI, `pinterest/pin/${PIN}.json`, 'PUT', { pin: { board: data.pull[PI].boards[0].board_id } });
		expect(unknown.status).toBe(404);
		expect(status(unknown).info).toBe(`The board with the name [${data.pull[PI].boards[0].board_id}] could not be found for this identity.`);
	});

	test('publish → edit → delete by the returned ids, for every push that creates something deletable', async () => {
		const chains = [
			[TW, 'twitter/post.json', { post: { message: 'typo' } }, (d) => [`twitter/post/${d.post_id}.json`]],
			[FB, 'facebook/page/post.json', { page: { id: PAGE_ID, message: 'typo' } }, (d) => [`facebook/page/${d.page_id}/post/${d.post_id}.json`, { post: { message: 'fixed' } }]],
			[FB, 'facebook/page/picture.json', { page: { id: PAGE_ID, url: 'https://x.example/a.png' } }, (d) => [`facebook/page/${d.page_id}/picture/${d.picture_id}.json`]],
			[FB, 'facebook/page/video.json', { page: { id: PAGE_ID, url: 'https://x.example/a.mp4' } }, (d) => [`facebook/page/${d.page_id}/video/${d.video_id}.json`]],
			[PI, `pinterest/board/${BOARD_ID}/pin.json`, { pin: { picture: 'https://x.example/a.png', description: 'd' } }, (d) => [`pinterest/pin/${d.pin_id}.json`, { pin: { link: 'https://x.example/new' } }]],
			[YT, 'youtube/playlist.json', { playlist: { title: 'Mine' } }, (d) => [`youtube/playlist/${d.playlist_id}.json`, { playlist: { title: 'Ours' } }]],
			[YT, `youtube/playlist/${PLAYLIST_ID}/video.json`, { video: { id: 'newVideo123' } }, (d) => [`youtube/playlist/${d.playlist_id}/video/${d.video_id}.json`]],
			[YT, 'youtube/channel/section.json', { channel: { section: { type: 'recentUploads' } } }, (d) => [`youtube/channel/section/${d.section_id}.json`, { channel: { section: { style: 'verticalList' } } }]],
		];
		for (const [token, sub, node, next] of chains) {
			const published = await push(token, sub, node);
			expect(published.status).toBe(200);
			const [path, edit] = next(result(published));
			if (edit) expect((await update(token, path, 'PUT', edit)).status).toBe(200);
			expect((await update(token, path, 'DELETE')).status).toBe(200);
			expect((await update(token, path, 'DELETE')).status).toBe(404);
			if (edit) expect((await update(token, path, 'PUT', edit)).status).toBe(404);
		}
	});
	test('a deleted playlist leaves the pull list and can no longer take videos; reset() brings it back', async () => {
		expect((await update(YT, `youtube/playlist/${PLAYLIST_ID}.json`, 'DELETE')).status).toBe(200);
		const lists = result(await call('GET', `/pull/identities/${YT}/youtube/playlists.json`)).playlists;
		expect(lists.entries.map((p) => p.playlist_id)).not.toContain(PLAYLIST_ID);
		expect((await push(YT, `youtube/playlist/${PLAYLIST_ID}/video.json`, { video: { id: 'abc' } })).status).toBe(404);
		sb.reset();
		expect((await push(YT, `youtube/playlist/${PLAYLIST_ID}/video.json`, { video: { id: 'abc' } })).status).toBe(200);
	});
});

describe('Pull lists of published objects', () => {
	test.each([
		[TW, 'twitter/tweets.json', 'tweets', 'post_id', data.objects[TW].tweets],
		[FB, `facebook/page/${PAGE_ID}/posts.json`, 'posts', 'post_id', data.objects[FB].pagePosts[PAGE_ID]],
		[PI, 'pinterest/pins.json', 'pins', 'pin_id', data.objects[PI].pins],
		[YT, `youtube/playlist/${PLAYLIST_ID}/videos.json`, 'videos', 'video_id', data.objects[YT].playlistVideos[PLAYLIST_ID]],
	])('%s %s → data.%s {count, entries}', async (token, sub, key, _idKey, seeds) => {
		const r = await call('GET', `/pull/identities/${token}/${sub}`);
		expect(r.status).toBe(200);
		expect(result(r)[key]).toEqual({ count: seeds.length, entries: seeds });
	});
	test('a publish shows up, an edit changes it, a delete removes it', async () => {
		const list = async () => result(await call('GET', `/pull/identities/${FB}/facebook/page/${PAGE_ID}/posts.json`)).posts.entries;
		const d = result(await push(FB, 'facebook/page/post.json', { page: { id: PAGE_ID, message: 'typo' } }));
		// Newest first: what was just published comes before the seed.
		expect((await list())[0]).toEqual({ post_id: d.post_id, message: 'typo', date_creation: expect.stringMatching(/\+0000$/) });
		await call('PUT', `/update/identities/${FB}/facebook/page/${PAGE_ID}/post/${d.post_id}.json`, { body: { request: { update: { post: { message: 'fixed', link: 'https://x.example/' } } } } });
		expect((await list())[0]).toMatchObject({ post_id: d.post_id, message: 'fixed', link: 'https://x.example/' });
		await call('DELETE', `/update/identities/${FB}/facebook/page/${PAGE_ID}/post/${d.post_id}.json`);
		expect((await list()).map((p) => p.post_id)).not.toContain(d.post_id);
	});
	test('an unknown page or playlist → 404; the wrong provider → 403; an identity without objects → empty', async () => {
		expect((await call('GET', `/pull/identities/${FB}/facebook/page/1/posts.json`)).status).toBe(404);
		expect((await call('GET', `/pull/identities/${YT}/youtube/playlist/PLnope/videos.json`)).status).toBe(404);
		expect((await call('GET', `/pull/identities/${FB}/pinterest/pins.json`)).status).toBe(403);
		const tw2 = named.twitter2.identity_token;
		const own = await startSandbox({ data: { ...data, objects: { ...data.objects, [tw2]: {} } } });
		try {
			expect(result(await call('GET', `/pull/identities/${tw2}/twitter/tweets.json`, { server: own })).tweets).toEqual({ count: 0, entries: [] });
		} finally {
			await own.close();
		}
	});
});

describe('identities for a fan-out', () => {
	test('a data set of 50 identities of mixed providers, paged by entries_per_page', async () => {
		const fifty = data.createData({ total: 50 });
		const own = await startSandbox({ data: fifty });
		try {
			const seen = [];
			for (let page = 1; page <= 3; page++) {
				const block = result(await call('GET', `/identities.json?page=${page}&entries_per_page=20`, { server: own })).identities;
				expect(block.pagination).toMatchObject({ current_page: page, total_pages: 3, entries_per_page: 20, total_entries: 50 });
				seen.push(...block.entries);
			}
			expect(seen.map((e) => e.identity_token)).toEqual(fifty.identities.map((e) => e.identity_token));
			const providers = new Set(seen.map((e) => e.provider));
			for (const p of ['twitter', 'facebook', 'linkedin', 'pinterest', 'youtube', 'google']) expect(providers.has(p)).toBe(true);
			expect(seen.filter((e) => e.provider === 'twitter').length).toBeGreaterThanOrEqual(10);
		} finally {
			await own.close();
		}
	});
});
