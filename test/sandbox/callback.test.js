'use strict';
// The sandbox's OneAll video callback (callback.js): what it POSTs, when, how often, and what it records.
const http = require('node:http');
const { startSandbox } = require('./server');
const { markerOf, OK_INFO, ERROR_INFO, ERROR_CODE } = require('./callback');
const data = require('./data');

const twitter = data.identities.find((i) => i.provider === 'twitter').identity_token;
const youtube = data.identities.find((i) => i.provider === 'youtube').identity_token;

let sb;
let receiver;
let receiverUrl;
const received = [];
let answerStatus = 200;

beforeAll(async () => {
	sb = await startSandbox({ port: 0 });
	receiver = http.createServer((req, res) => {
		let body = '';
		req.on('data', (c) => (body += c));
		req.on('end', () => {
			received.push({ url: req.url, method: req.method, type: req.headers['content-type'], body: JSON.parse(body) });
			res.writeHead(answerStatus, { 'content-type': 'application/json' });
			res.end('{"message":"Workflow was started"}');
		});
	});
	await new Promise((r) => receiver.listen(0, '127.0.0.1', r));
	receiverUrl = `http://127.0.0.1:${receiver.address().port}`;
});
afterAll(async () => {
	await sb.close();
	await new Promise((r) => receiver.close(r));
});
beforeEach(() => {
	sb.reset();
	received.length = 0;
	answerStatus = 200;
});

function upload(kind, video) {
	const [token, path] = kind === 'youtube' ? [youtube, 'youtube/video.json'] : [twitter, 'twitter/video.json'];
	return fetch(`${sb.url}/push/identities/${token}/${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', authorization: sb.authHeader },
		body: JSON.stringify({ request: { push: { video } } }),
	}).then((r) => r.json());
}

test('markers in the video URL', () => {
	expect(markerOf('https://x.test/v.mp4?__callback:ok:1500')).toEqual({ outcome: 'ok', delayMs: 1500, retries: undefined });
	expect(markerOf('https://x.test/v.mp4?__callback%3Aerror%3A20%3Aretry2')).toEqual({ outcome: 'error', delayMs: 20, retries: 2 });
	expect(markerOf('https://x.test/__callback:never.mp4')).toEqual({ outcome: 'never', delayMs: undefined, retries: undefined });
	expect(markerOf('https://x.test/v.mp4')).toBeNull();
});

test('ok: one POST of the success envelope to callback_url after the delay, recorded with n8n\'s answer', async () => {
	const answer = await upload('twitter', { video_url: 'https://x.test/v.mp4?__callback:ok:50', callback_url: `${receiverUrl}/webhook-waiting/7?signature=abc` });
	const video = answer.response.result.data;
	expect(received).toHaveLength(0);
	await sb.callbacks.settled(1, 5000);
	expect(received).toHaveLength(1);
	expect(received[0]).toMatchObject({ url: '/webhook-waiting/7?signature=abc', method: 'POST', type: 'application/json' });
	expect(received[0].body.response.request.status).toEqual({ flag: 'success', code: 200, info: OK_INFO });
	expect(received[0].body.response.result.data.video).toEqual({ ...video, status: 'published' });
	const [rec] = sb.callbacks.records;
	expect(rec).toMatchObject({ provider: 'twitter', identity: twitter, videoId: video.video_id, outcome: 'ok', delayMs: 50, retries: 0, done: true });
	expect(rec.attempts).toEqual([expect.objectContaining({ status: 200, body: '{"message":"Workflow was started"}', error: null })]);
});

test('error envelope on YouTube; never sends nothing; no callback_url, no callback', async () => {
	await upload('youtube', { video_url: 'https://x.test/a.mp4?__callback:error:10', title: 't', callback_url: `${receiverUrl}/a` });
	await upload('twitter', { video_url: 'https://x.test/b.mp4?__callback:never', callback_url: `${receiverUrl}/b` });
	await upload('twitter', { video_url: 'https://x.test/c.mp4?__callback:ok:0' });
	await sb.callbacks.settled(2, 5000);
	await new Promise((r) => setTimeout(r, 100));
	expect(received.map((r) => r.url)).toEqual(['/a']);
	expect(received[0].body.response.request.status).toEqual({ flag: 'error', code: ERROR_CODE, info: ERROR_INFO });
	expect(received[0].body.response.result).toBeUndefined();
	expect(sb.callbacks.records.map((r) => [r.provider, r.outcome, r.attempts.length])).toEqual([['youtube', 'error', 1], ['twitter', 'never', 0]]);
});

test('no retry unless asked; retry<n> tries again while the answer is not 2xx', async () => {
	answerStatus = 409;
	await upload('twitter', { video_url: 'https://x.test/a.mp4?__callback:ok:0', callback_url: `${receiverUrl}/once` });
	await upload('twitter', { video_url: 'https://x.test/b.mp4?__callback:ok:0:retry1', callback_url: `${receiverUrl}/twice` });
	await sb.callbacks.settled(2, 5000);
	expect(sb.callbacks.records.map((r) => r.attempts.map((a) => a.status))).toEqual([[409], [409, 409]]);
});

test('defaults without a marker, control API, reset cancels what is pending', async () => {
	const set = await fetch(`${sb.url}/__sandbox/callbacks`, { method: 'POST', body: JSON.stringify({ outcome: 'ok', delayMs: 5000 }) }).then((r) => r.json());
	expect(set.defaults).toEqual({ outcome: 'ok', delayMs: 5000, retries: 0 });
	await upload('twitter', { video_url: 'https://x.test/v.mp4', callback_url: `${receiverUrl}/later` });
	const listed = await fetch(`${sb.url}/__sandbox/callbacks`).then((r) => r.json());
	expect(listed.count).toBe(1);
	expect(listed.callbacks[0]).toMatchObject({ delayMs: 5000, done: false });
	sb.reset();
	expect(sb.callbacks.records).toHaveLength(0);
	expect(sb.callbacks.defaults()).toEqual({ outcome: 'ok', delayMs: 1000, retries: 0 });
	expect(received).toHaveLength(0);
});

test('a POST still open when the sandbox resets is aborted and not retried', async () => {
	const hanging = [];
	const silent = http.createServer((req) => hanging.push(req));
	await new Promise((r) => silent.listen(0, '127.0.0.1', r));
	try {
		const url = `http://127.0.0.1:${silent.address().port}/webhook-waiting/9`;
		await upload('twitter', { video_url: 'https://x.test/v.mp4?__callback:ok:0:retry3', callback_url: url });
		while (hanging.length === 0) await new Promise((r) => setTimeout(r, 10));
		const [rec] = sb.callbacks.records;
		sb.reset();
		await new Promise((r) => setTimeout(r, 1300)); // past the 1 s gap a retry would wait
		expect(hanging).toHaveLength(1);
		expect(rec.attempts).toHaveLength(1);
		expect(rec.attempts[0].error).toBe('no answer within 10000 ms');
	} finally {
		silent.closeAllConnections();
		await new Promise((r) => silent.close(r));
	}
});
