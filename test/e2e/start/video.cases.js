'use strict';
/*
 * Part A of the `n8n start` suite: the video example (a Wait node resumed by OneAll's callback).
 * Five videos go to its webhook, one call each; the sandbox calls back as each video's marker says.
 * The runner (./run.js) starts n8n with the workflow published, then calls videoPart.
 */
const { sleep, lastExecutionId } = require('../../harness/n8n');
const { check, fail, assertEqual, secs, show, runData } = require('../../harness/suite');
const { nodeOutput } = require('../../harness/run-output');
const { checkAllAuth, checkNoSecrets } = require('../../harness/secrets');
const { postJson } = require('../../harness/http');
const { ERROR_INFO, ERROR_CODE } = require('../../sandbox/callback');
const sandboxData = require('../../sandbox/data');

/** The Wait node's limit in the workflow the runner imports (the shipped 2 hours: too long for the "never" case). */
const WAIT_LIMIT_S = 5;

const TWITTER = sandboxData.identities.filter((i) => i.provider === 'twitter').map((i) => i.identity_token);
// Each video's marker tells the sandbox how (and whether) to call back.
const MARKERS = { never: 'never', ok: 'ok:1500', error: 'error:1500', first: 'ok:1000', second: 'ok:2500' };
const VIDEOS = Object.fromEntries(
	Object.entries(MARKERS).map(([k, marker], i) => [k, { identity: TWITTER[i], videoUrl: `https://videos.example.com/${k}.mp4?__callback:${marker}` }]),
);
/** The videos the sandbox calls back for, sent together after "never". */
const CALLED_BACK = ['ok', 'error', 'first', 'second'];

const outputOf = (e, node) => nodeOutput(e.result, node)?.map((i) => i.json);
const ranOutput = (e, node) => outputOf(e, node) || fail(`"${node}" did not run; nodes that ran: ${ranNodes(e).join(', ')}`);
const ranNodes = (e) => Object.keys(runData(e));
/** An HTTP answer, or the error the call threw as one. */
const answerOf = (call) => call.catch((e) => ({ status: 'error', text: e.message }));

/** The videos' executions (by key), once all have ended or the time is up. */
async function executionsEnded({ instance, before, execOf }, keys, timeoutMs) {
	const ended = (e) => e && !['new', 'running', 'waiting'].includes(e.status) && e.result;
	for (const t = Date.now(); ; await sleep(500)) {
		const rows = (await instance.executions().catch(() => [])).filter((e) => Number(e.id) > before);
		const got = Object.fromEntries(keys.map((k) => [k, rows.find((e) => String(e.id) === execOf[k])]));
		if (Object.values(got).every(ended) || Date.now() - t > timeoutMs) return got;
	}
}

/** Video k's execution (in `got`), which must have succeeded, and the video id of its upload. */
function succeeded({ execOf }, got, k) {
	const e = got[k] || fail(`execution ${execOf[k]} not found`);
	if (e.status !== 'success') fail(`execution ${e.id}: status ${e.status}${e.result?.data.resultData.error ? `: ${e.result.data.resultData.error.message}` : ''}`);
	return { e, videoId: outputOf(e, 'Upload Video')[0].video_id };
}

/** "never" first: its limit is checked by n8n's wait tracker, once a minute. Then the others together. */
async function sendVideos(video) {
	const hook = `${video.editor.url}/webhook/oneall-video`;
	const sentAt = { never: Date.now() };
	const answers = { never: await postJson(hook, VIDEOS.never) };
	sentAt.rest = Date.now();
	(await Promise.all(CALLED_BACK.map((k) => postJson(hook, VIDEOS[k])))).forEach((a, i) => (answers[CALLED_BACK[i]] = a));
	Object.assign(video, { sentAt, answers });
	check('A: the webhook took each of the 5 videos (one call per video), answered 200', () => {
		const bad = Object.entries(answers).filter(([, a]) => a.status !== 200);
		if (bad.length) fail(bad.map(([k, a]) => `${k}: ${a.status} ${a.text.slice(0, 200)}`).join('; '));
		return `n8n answered ${show(answers.ok.json || answers.ok.text)}`;
	});
}

/** Sets video.uploads and, per video, the id of the execution its callback URL resumes (video.execOf). */
async function uploadsCarryResumeUrls(video) {
	const { editor, sandbox, execOf } = video;
	await sleep(500);
	const uploads = sandbox.requests.filter((r) => r.pathname.endsWith('/twitter/video.json'));
	video.uploads = uploads;
	const uploadOf = (k) => uploads.find((r) => r.json && r.json.request.push.video.video_url === VIDEOS[k].videoUrl);
	const resumeRe = new RegExp(`^${editor.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/webhook-waiting/(\\d+)(\\?signature=[A-Za-z0-9._-]+)?$`);
	check('A: each upload sent Callback URL = its own execution\'s resume URL (<WEBHOOK_URL>webhook-waiting/<execution id>[?signature=…]), answered "queued"', () => {
		assertEqual(uploads.length, 5, 'video uploads received');
		for (const k of Object.keys(VIDEOS)) {
			const rec = uploadOf(k) || fail(`no upload for ${k}`);
			assertEqual(rec.status, 200, `${k}: upload status`);
			const url = rec.json.request.push.video.callback_url;
			const m = resumeRe.exec(url || '');
			if (!m) fail(`${k}: callback_url ${show(url)}`);
			assertEqual(rec.json, { request: { push: { video: { video_url: VIDEOS[k].videoUrl, callback_url: url } } } }, `${k}: body`);
			execOf[k] = m[1];
		}
		assertEqual(new Set(Object.values(execOf)).size, 5, 'distinct executions');
		const sample = uploadOf('ok').json.request.push.video.callback_url;
		return `e.g. ${sample.replace(/signature=[^&]+/, 'signature=…')} (${/signature=/.test(sample) ? 'signed' : 'no signature'})`;
	});
}

async function callbacksAnswered({ sandbox, cb }) {
	const settled = await sandbox.callbacks.settled(5, 30000).then(() => true, (err) => err.message);
	check('A: the sandbox called back 4 times (ok, error, two videos; none for "never"), once each, each answered 200 by n8n', () => {
		if (settled !== true) fail(settled);
		for (const k of CALLED_BACK) {
			assertEqual((cb(k) || fail(`no callback for ${k}`)).attempts.map((a) => a.status), [200], `${k}: answers`);
		}
		assertEqual(cb('never').attempts.length, 0, 'never: attempts');
		return `n8n answered ${show(cb('ok').attempts[0].body)}`;
	});
}

/** The ok, error and two-video runs, each resumed by its callback. */
async function resumedRuns(video) {
	const { cb, sentAt } = video;
	const done = await executionsEnded(video, CALLED_BACK, 30000);
	const live = (k) => {
		const { e, videoId: video_id } = succeeded(video, done, k);
		assertEqual(outputOf(e, 'Upload Video'), [{ provider: 'twitter', object: 'video', video_id, status: 'queued' }], 'Upload Video output');
		assertEqual(outputOf(e, 'Wait for OneAll')[0].body, JSON.parse(cb(k).body), 'Wait output $json.body = the callback envelope');
		assertEqual(ranOutput(e, 'Video is live'), [{ video_id, status: 'published', provider: 'twitter' }], '"Video is live" output');
		return video_id;
	};
	check('A: the callback resumed the run with the result: Upload Video "queued" → Wait ($json.body = OneAll\'s envelope) → "Video is live" (status "published")', () => {
		const id = live('ok');
		const e = done.ok;
		assertEqual(ranNodes(e).includes('Upload failed') || ranNodes(e).includes('No answer in time'), false, 'other paths ran');
		// 1.x restarts startedAt when a waiting execution resumes, so the time is taken from the test's clock.
		return `execution ${e.id}, video ${id}, ended ${secs(e.stoppedAt - sentAt.rest)} after the webhook call (callback sent 1.5 s after the upload)`;
	});
	check('A: an error envelope takes the error path: "Upload failed" with OneAll\'s code and message', () => {
		const { e, videoId } = succeeded(video, done, 'error');
		assertEqual(ranOutput(e, 'Upload failed'), [{ video_id: videoId, code: String(ERROR_CODE), error: ERROR_INFO }], '"Upload failed" output');
		assertEqual(outputOf(e, 'Video is live'), undefined, '"Video is live"');
	});
	check('A: two videos, one execution each: each resumed by its own callback, each with its own video id', () => {
		const a = live('first');
		const b = live('second');
		if (a === b) fail(`same video id ${a}`);
		if (cb('first').url === cb('second').url) fail('same callback URL');
		return `executions ${done.first.id} (${a}) and ${done.second.id} (${b})`;
	});
}

/** The documented limits: a resume URL is good for one call; without signature it is refused. */
async function resumeUrlUsedOnce({ cb }) {
	const again = await answerOf(postJson(cb('ok').url, JSON.parse(cb('ok').body)));
	const unsigned = await answerOf(postJson(cb('first').url.replace(/\?.*$/, ''), { x: 1 }));
	check('A: a second call to a resume URL already used is refused with 409 (one resume per execution)', () => {
		if (again.status !== 409) fail(`answered ${again.status}: ${again.text.slice(0, 200)}`);
		return `HTTP ${again.status} ${again.text.slice(0, 120)}; the same URL without its signature query: HTTP ${unsigned.status} ${unsigned.text.slice(0, 100)}`;
	});
}

async function limitReached(video) {
	const limit = await executionsEnded(video, ['never'], 100000);
	check(`A: a callback that never comes ends at the limit (${WAIT_LIMIT_S} s here): "No answer in time" with the upload's video id`, () => {
		const { e, videoId } = succeeded(video, limit, 'never');
		const out = ranOutput(e, 'No answer in time');
		assertEqual(out[0].video_id, videoId, 'video_id');
		assertEqual(out[0].status, 'unknown', 'status');
		const ms = e.stoppedAt - video.sentAt.never;
		if (ms < WAIT_LIMIT_S * 1000) fail(`ended ${ms} ms after the webhook call, before the limit`);
		return `ended ${secs(ms)} after the webhook call (n8n's wait tracker looks for due executions once a minute)`;
	});
}

/** The executions n8n recorded, no secret in what came out, the credential on every upload. */
async function recordsAndLeaks({ instance, editor, sandbox, before, answers, uploads }) {
	const rows = (await instance.executions()).filter((e) => Number(e.id) > before);
	check('A: n8n recorded exactly 5 executions, all "success", mode webhook', () => {
		assertEqual(rows.map((e) => [e.status, e.mode]), Array(5).fill(['success', 'webhook']), '[status, mode]');
	});
	const texts = { answers: JSON.stringify(answers), callbacks: JSON.stringify(sandbox.callbacks.records.map((r) => r.attempts)), executions: JSON.stringify(rows.map((e) => e.result)), log: editor.logs() };
	checkNoSecrets('A: no key or Authorization value in the webhook answers, n8n\'s answers to the callbacks, the stored executions, or n8n\'s log', texts, {
		also: () => texts.executions.includes('published') || fail('the stored executions hold no result (control)'),
	});
	check('A: every upload carried the credential\'s Authorization', () => checkAllAuth(uploads));
}

/** Part A's steps, in the order they run; each adds what the next ones read to `video`. */
const STEPS = [sendVideos, uploadsCarryResumeUrls, callbacksAnswered, resumedRuns, resumeUrlUsedOnce, limitReached, recordsAndLeaks];

/** Part A: ctx = { instance, editor, sandbox } from the runner. */
async function videoPart(ctx) {
	const video = { ...ctx, before: await lastExecutionId(ctx.instance), execOf: {} };
	// The sandbox's callback for video k.
	video.cb = (k) => ctx.sandbox.callbacks.records.find((r) => r.videoUrl === VIDEOS[k].videoUrl);
	ctx.sandbox.reset();
	for (const step of STEPS) await step(video);
}

module.exports = { WAIT_LIMIT_S, videoPart };
