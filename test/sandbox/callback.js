'use strict';

/**
 * OneAll's video callback, played by the sandbox (markers, defaults and records: README.md):
 * Twitter and YouTube video uploads answer "queued" at once, and OneAll POSTs the final result to
 * the upload's `callback_url` later. Its envelope's shape is UNCONFIRMED (OneAll documents the
 * callback, not its body): `result.data.video` as the upload returned it, `status: "published"`.
 */

const { safeDecode } = require('./urls');

const CALLBACK_RE = /__callback:(ok|error|never)(?::(\d{1,6}))?(?::retry(\d{1,2}))?/i;
const VIDEO_OPS = { 'twitter/video.json': 'twitter', 'youtube/video.json': 'youtube' };
const OK_INFO = 'Your video has been published successfully';
const ERROR_INFO = 'The video could not be published: the social network has rejected the file.';
const ERROR_CODE = 400;
const RETRY_GAP_MS = 1000;
const POST_TIMEOUT_MS = 10000;

/** The outcome a video URL asks for, else null. */
function markerOf(videoUrl) {
	if (typeof videoUrl !== 'string') return null;
	const m = CALLBACK_RE.exec(safeDecode(videoUrl) ?? videoUrl);
	const number = (s) => (s === undefined ? undefined : Number(s));
	return m && { outcome: m[1].toLowerCase(), delayMs: number(m[2]), retries: number(m[3]) };
}

/** The body the sandbox POSTs for this video: a success or an error envelope (JSON text). */
function callbackEnvelope({ outcome, resource, video, date }) {
	const status = outcome === 'ok' ? { flag: 'success', code: 200, info: OK_INFO } : { flag: 'error', code: ERROR_CODE, info: ERROR_INFO };
	const response = { request: { date, resource, status } };
	if (outcome === 'ok') response.result = { data: { video: { ...video, status: 'published' } } };
	return JSON.stringify({ response });
}

function checkedDefaults(d = {}) {
	const outcome = d.outcome === undefined ? 'ok' : String(d.outcome).toLowerCase();
	if (!['ok', 'error', 'never'].includes(outcome)) throw new Error('callback outcome must be ok, error or never');
	const delayMs = d.delayMs === undefined ? 1000 : Number(d.delayMs);
	const retries = d.retries === undefined ? 0 : Number(d.retries);
	if (!Number.isFinite(delayMs) || delayMs < 0) throw new Error('callback delayMs must be a number >= 0');
	if (!Number.isInteger(retries) || retries < 0) throw new Error('callback retries must be an integer >= 0');
	return { outcome, delayMs, retries };
}

/** `now()`: the envelope's date; `defaults`: { outcome?, delayMs?, retries? }. */
function createCallbacks({ now, defaults: initial = {} } = {}) {
	const records = [];
	const timers = new Set();
	const aborts = new Set();
	let defaults = checkedDefaults(initial);
	// close() (and reset()) start a new generation: a POST it aborted ends later and must not retry.
	let generation = 0;

	function later(ms, fn) {
		const t = setTimeout(() => {
			timers.delete(t);
			fn();
		}, ms);
		timers.add(t);
	}

	async function attempt(rec) {
		const started = generation;
		const entry = { at: Date.now(), status: null, body: null, error: null };
		rec.attempts.push(entry);
		const ac = new AbortController();
		aborts.add(ac);
		const timer = setTimeout(() => ac.abort(), POST_TIMEOUT_MS);
		try {
			const res = await fetch(rec.url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: rec.body, signal: ac.signal });
			entry.status = res.status;
			entry.body = (await res.text()).slice(0, 500);
		} catch (err) {
			entry.error = ac.signal.aborted ? `no answer within ${POST_TIMEOUT_MS} ms` : err?.cause?.code || err?.message || String(err);
		} finally {
			clearTimeout(timer);
			aborts.delete(ac);
		}
		const ok = entry.status !== null && entry.status >= 200 && entry.status < 300;
		if (!ok && rec.attempts.length <= rec.retries && started === generation) return later(RETRY_GAP_MS, () => attempt(rec));
		rec.done = true;
	}

	/** The server's hook: called after each successful push. */
	function afterPush(opKey, identity, answer, node, resource, uploadSeq) {
		const provider = VIDEO_OPS[opKey];
		if (!provider || typeof node.callback_url !== 'string' || node.callback_url === '') return null;
		const asked = markerOf(node.video_url) || {};
		const outcome = asked.outcome || defaults.outcome;
		const rec = {
			seq: records.length + 1, // records are only ever cleared all at once
			provider,
			identity,
			videoId: answer.video_id,
			videoUrl: node.video_url,
			url: node.callback_url,
			outcome,
			delayMs: asked.delayMs ?? defaults.delayMs,
			retries: asked.retries ?? defaults.retries,
			uploadSeq,
			scheduledAt: Date.now(),
			body: outcome === 'never' ? null : callbackEnvelope({ outcome, resource, video: answer, date: now() }),
			attempts: [],
			done: outcome === 'never',
		};
		records.push(rec);
		if (outcome !== 'never') later(rec.delayMs, () => attempt(rec));
		return rec;
	}

	function close() {
		generation++;
		for (const t of timers) clearTimeout(t);
		timers.clear();
		for (const ac of aborts) ac.abort();
	}

	return {
		records,
		afterPush,
		setDefaults(d) {
			defaults = checkedDefaults(d);
			return { ...defaults };
		},
		defaults: () => ({ ...defaults }),
		/** Resolves once `count` callbacks have been scheduled and every scheduled one has ended (or timeoutMs passed: rejects). */
		async settled(count = 0, timeoutMs = 60000) {
			const end = Date.now() + timeoutMs;
			while (records.length < count || records.some((r) => !r.done)) {
				if (Date.now() >= end) {
					throw new Error(`callbacks not settled within ${timeoutMs} ms: ${records.length} scheduled, ${records.filter((r) => !r.done).length} open`);
				}
				await new Promise((resolve) => setTimeout(resolve, 10));
			}
		},
		/** Forgets the records, cancels what is still scheduled and restores the defaults. */
		reset() {
			close();
			records.length = 0;
			defaults = checkedDefaults(initial);
		},
		close,
	};
}

module.exports = { createCallbacks, markerOf, OK_INFO, ERROR_INFO, ERROR_CODE };
