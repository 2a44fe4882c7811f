#!/usr/bin/env node
'use strict';
/*
 * The packed package under `n8n start`, per n8n line: A. the video example (a Wait node resumed by
 * OneAll's callback), B. the MCP example (the OneAll tool served to the official MCP client).
 * test/e2e/README.md has how to run it and what each check proves.
 */
const fs = require('fs');
const path = require('path');

if (!process.env.N8N_E2E_VERBOSE) process.env.N8N_E2E_QUIET = '1';

const { createInstance, freePort, stopOnSignals, sleep, lastExecutionId } = require('../../harness/n8n');
const { packToTemp, ROOT } = require('../../harness/pack');
const { createReport, fail, assertEqual, assertMatch, secs, show } = require('../../harness/checks');
const { nodeOutput } = require('../../harness/run-output');
const { withSqlite } = require('../../harness/executions');
const { KEYS, GOOD_AUTH, findLeaks, checkAllAuth, checkNoSecrets } = require('../../harness/secrets');
const { runData } = require('../../harness/suite');
const { messageHas } = require('../matrix/expect');
const { startSandbox } = require('../../sandbox/server');
const { postJson } = require('../../harness/http');
const { ERROR_INFO, ERROR_CODE } = require('../../sandbox/callback');
const sandboxData = require('../../sandbox/data');

const LINES = (process.env.N8N_E2E_LINES || '2,1').split(',').map((s) => s.trim()).filter(Boolean);
const ONLY = (process.env.N8N_E2E_ONLY || 'video,mcp').split(',');

const MCP_TOKEN = 'startMCPTOKEN-Px8Lm4Ge-leakcanary';
const CALL_TIMEOUT_MS = 45000;
const WAIT_LIMIT_S = 5;

const TWITTER = sandboxData.identities.filter((i) => i.provider === 'twitter').map((i) => i.identity_token);

const report = createReport();
const { check, say } = report;
const readJson = (rel) => JSON.parse(fs.readFileSync(path.join(ROOT, rel), 'utf8'));

// Workflows: the shipped examples, with only what a test must change.

const VIDEO_WF_ID = 'startVideoWait01';
const MCP_WF_ID = 'startMcpServer01';

function videoWorkflow() {
	const wf = readJson('examples/video-wait-for-result.json');
	const wait = wf.nodes.find((n) => n.type === 'n8n-nodes-base.wait');
	// The shipped limit is 2 hours; the test's "never" case cannot wait that long.
	Object.assign(wait.parameters, { resumeAmount: WAIT_LIMIT_S, resumeUnit: 'seconds' });
	return { ...wf, id: VIDEO_WF_ID };
}

function mcpWorkflow(line) {
	const wf = readJson('examples/mcp-server.json');
	const trigger = wf.nodes.find((n) => n.type === '@n8n/n8n-nodes-langchain.mcpTrigger');
	// 1.123.81's MCP Server Trigger goes up to typeVersion 2 (2.41 has 2.1).
	if (line === '1') trigger.typeVersion = 2;
	return { ...wf, id: MCP_WF_ID };
}

const withDb = (instance, fn) => withSqlite(instance.n8n.dir, path.join(instance.folder, '.n8n', 'database.sqlite'), fn, 'OPEN_READWRITE');

/** Marks the workflows active (2.x: published) in n8n's sqlite database before `n8n start` reads it. */
function activate(instance, ids) {
	const where = `WHERE id IN (${ids.map(() => '?').join(',')})`;
	return withDb(instance, async (all) => {
		const cols = (await all('PRAGMA table_info(workflow_entity)')).map((c) => c.name);
		const set = cols.includes('activeVersionId') ? 'active = 1, activeVersionId = versionId' : 'active = 1';
		// A workflow left inactive shows as webhooksRegistered() timing out with its count.
		await all(`UPDATE workflow_entity SET ${set} ${where}`, ids);
	});
}

/** Until n8n has registered the workflows' webhooks (it answers /healthz before that). */
async function webhooksRegistered(instance, count, timeoutMs = 120000) {
	const t0 = Date.now();
	const query = (all) => all('SELECT COUNT(DISTINCT workflowId) AS n FROM webhook_entity');
	for (;;) {
		const n = await withDb(instance, query).then((rows) => rows[0].n, () => 0);
		if (n >= count) return Date.now() - t0;
		if (Date.now() - t0 > timeoutMs) throw new Error(`only ${n} of ${count} workflows have their webhooks registered after ${timeoutMs} ms`);
		await sleep(250);
	}
}

const outputOf = (e, node) => nodeOutput(e.result, node)?.map((i) => i.json);
const ranOutput = (e, node) => outputOf(e, node) || fail(`"${node}" did not run; nodes that ran: ${ranNodes(e).join(', ')}`);
const ranNodes = (e) => Object.keys(runData(e));

// A. Video: wait for OneAll's callback

async function videoPart({ instance, editor, sandbox }) {
	const hook = `${editor.url}/webhook/oneall-video`;
	const before = await lastExecutionId(instance);
	sandbox.reset();
	// Each video's marker tells the sandbox how (and whether) to call back.
	const markers = { never: 'never', ok: 'ok:1500', error: 'error:1500', first: 'ok:1000', second: 'ok:2500' };
	const cases = Object.fromEntries(
		Object.entries(markers).map(([k, marker], i) => [k, { identity: TWITTER[i], videoUrl: `https://videos.example.com/${k}.mp4?__callback:${marker}` }]),
	);
	// "never" first: its limit is checked by n8n's wait tracker, once a minute.
	const sentAt = { never: Date.now() };
	const answers = { never: await postJson(hook, cases.never) };
	sentAt.rest = Date.now();
	const rest = ['ok', 'error', 'first', 'second'];
	(await Promise.all(rest.map((k) => postJson(hook, cases[k])))).forEach((a, i) => (answers[rest[i]] = a));
	check('A: the webhook took each of the 5 videos (one call per video), answered 200', () => {
		const bad = Object.entries(answers).filter(([, a]) => a.status !== 200);
		if (bad.length) fail(bad.map(([k, a]) => `${k}: ${a.status} ${a.text.slice(0, 200)}`).join('; '));
		return `n8n answered ${show(answers.ok.json || answers.ok.text)}`;
	});

	await sleep(500);
	const uploads = sandbox.requests.filter((r) => r.pathname.endsWith('/twitter/video.json'));
	const uploadOf = (k) => uploads.find((r) => r.json && r.json.request.push.video.video_url === cases[k].videoUrl);
	const resumeRe = new RegExp(`^${editor.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/webhook-waiting/(\\d+)(\\?signature=[A-Za-z0-9._-]+)?$`);
	const execOf = {};
	check('A: each upload sent Callback URL = its own execution\'s resume URL (<WEBHOOK_URL>webhook-waiting/<execution id>[?signature=…]), answered "queued"', () => {
		assertEqual(uploads.length, 5, 'video uploads received');
		for (const k of Object.keys(cases)) {
			const rec = uploadOf(k) || fail(`no upload for ${k}`);
			assertEqual(rec.status, 200, `${k}: upload status`);
			const url = rec.json.request.push.video.callback_url;
			const m = resumeRe.exec(url || '');
			if (!m) fail(`${k}: callback_url ${show(url)}`);
			assertEqual(rec.json, { request: { push: { video: { video_url: cases[k].videoUrl, callback_url: url } } } }, `${k}: body`);
			execOf[k] = m[1];
		}
		assertEqual(new Set(Object.values(execOf)).size, 5, 'distinct executions');
		const sample = uploadOf('ok').json.request.push.video.callback_url;
		return `e.g. ${sample.replace(/signature=[^&]+/, 'signature=…')} (${/signature=/.test(sample) ? 'signed' : 'no signature'})`;
	});

	const settled = await sandbox.callbacks.settled(5, 30000).then(() => true, (err) => err.message);
	const cb = (k) => sandbox.callbacks.records.find((r) => r.videoUrl === cases[k].videoUrl);
	check('A: the sandbox called back 4 times (ok, error, two videos; none for "never"), once each, each answered 200 by n8n', () => {
		if (settled !== true) fail(settled);
		for (const k of rest) assertEqual((cb(k) || fail(`no callback for ${k}`)).attempts.map((a) => a.status), [200], `${k}: answers`);
		assertEqual(cb('never').attempts.length, 0, 'never: attempts');
		return `n8n answered ${show(cb('ok').attempts[0].body)}`;
	});

	const waitFor = async (keys, timeoutMs) => {
		const ended = (e) => e && !['new', 'running', 'waiting'].includes(e.status) && e.result;
		for (const t = Date.now(); ; await sleep(500)) {
			const rows = (await instance.executions().catch(() => [])).filter((e) => Number(e.id) > before);
			const got = Object.fromEntries(keys.map((k) => [k, rows.find((e) => String(e.id) === execOf[k])]));
			if (Object.values(got).every(ended) || Date.now() - t > timeoutMs) return got;
		}
	};
	const done = await waitFor(rest, 30000);
	/** Video k's execution (in `got`), which must have succeeded, and the video id of its upload. */
	const succeeded = (got, k) => {
		const e = got[k] || fail(`execution ${execOf[k]} not found`);
		if (e.status !== 'success') fail(`execution ${e.id}: status ${e.status}${e.result?.data.resultData.error ? `: ${e.result.data.resultData.error.message}` : ''}`);
		return { e, videoId: outputOf(e, 'Upload Video')[0].video_id };
	};
	const live = (k) => {
		const { e, videoId: video_id } = succeeded(done, k);
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
		const { e, videoId } = succeeded(done, 'error');
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
	// The documented limits: a resume URL is good for one call; without signature it is refused.
	const again = await postJson(cb('ok').url, JSON.parse(cb('ok').body)).catch((e) => ({ status: 'error', text: e.message }));
	const unsigned = await postJson(cb('first').url.replace(/\?.*$/, ''), { x: 1 }).catch((e) => ({ status: 'error', text: e.message }));
	check('A: a second call to a resume URL already used is refused (one resume per execution)', () => {
		if (again.status === 200) fail(`answered 200: ${again.text.slice(0, 200)}`);
		return `HTTP ${again.status} ${again.text.slice(0, 120)}; the same URL without its signature query: HTTP ${unsigned.status} ${unsigned.text.slice(0, 100)}`;
	});

	const limit = await waitFor(['never'], 100000);
	check(`A: a callback that never comes ends at the limit (${WAIT_LIMIT_S} s here): "No answer in time" with the upload's video id`, () => {
		const { e, videoId } = succeeded(limit, 'never');
		const out = ranOutput(e, 'No answer in time');
		assertEqual(out[0].video_id, videoId, 'video_id');
		assertEqual(out[0].status, 'unknown', 'status');
		const ms = e.stoppedAt - sentAt.never;
		if (ms < WAIT_LIMIT_S * 1000) fail(`ended ${ms} ms after the webhook call, before the limit`);
		return `ended ${secs(ms)} after the webhook call (n8n's wait tracker looks for due executions once a minute)`;
	});

	const rows = (await instance.executions()).filter((e) => Number(e.id) > before);
	check('A: n8n recorded exactly 5 executions, all "success", mode webhook', () => {
		assertEqual(rows.map((e) => [e.status, e.mode]), Array(5).fill(['success', 'webhook']), '[status, mode]');
	});
	const texts = { answers: JSON.stringify(answers), callbacks: JSON.stringify(sandbox.callbacks.records.map((r) => r.attempts)), executions: JSON.stringify(rows.map((e) => e.result)), log: editor.logs() };
	checkNoSecrets('A: no key or Authorization value in the webhook answers, n8n\'s answers to the callbacks, the stored executions, or n8n\'s log', texts, {
		check,
		also: () => texts.executions.includes('published') || fail('the stored executions hold no result (control)'),
	});
	check('A: every upload carried the credential\'s Authorization', () => checkAllAuth(uploads));
}

// B. MCP: the OneAll tool served to any MCP client

const textOf = (r) => ((r && r.content) || []).map((c) => c.text || '').join('\n');
/** What went wrong in calls that threw or answered isError. */
const failedCalls = (calls) => calls.filter((r) => r.thrown || r.isError).map((r) => r.thrown || textOf(r));
/** The OneAll post ids in a call's result. */
const ids = (r) => textOf(r).match(/1\d{15}/g) || [];
const tweets = (sandbox) => sandbox.requests.filter((r) => r.pathname.endsWith('/twitter/post.json'));
function expectPost(rec, identity, message) {
	assertEqual([rec.method, rec.pathname, rec.status], ['POST', `/push/identities/${identity}/twitter/post.json`, 200], 'request');
	assertEqual(rec.json, { request: { push: { post: { message } } } }, 'body');
	assertEqual(rec.headers.authorization, GOOD_AUTH, 'Authorization');
}
/** The name and description of a tool parameter given as $fromAI('name', 'description', …). */
function fromAI(v) {
	const m = /\$fromAI\('([^']+)',\s*'([^']*)'/.exec(typeof v === 'string' ? v : '');
	return m ? { name: m[1], description: m[2] } : null;
}

/** Without the bearer token the endpoint refuses; with it the official client connects over Streamable HTTP. */
async function mcpConnect({ url, received }) {
	const { Client } = require('@modelcontextprotocol/sdk/client/index.js');
	const { StreamableHTTPClientTransport } = require('@modelcontextprotocol/sdk/client/streamableHttp.js');
	const initialize = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-03-26', capabilities: {}, clientInfo: { name: 'anon', version: '0' } } };
	const anon = await postJson(url, initialize, { headers: { accept: 'application/json, text/event-stream' } });
	received.push(anon.text);
	check('B: without the bearer token the MCP endpoint refuses the client (authentication is on)', () => {
		if (anon.status < 400) fail(`HTTP ${anon.status}: ${anon.text.slice(0, 200)}`);
		return `HTTP ${anon.status} ${anon.text.slice(0, 80)}`;
	});

	const client = new Client({ name: 'n8n-nodes-oneall-e2e', version: '1.0.0' });
	const transport = new StreamableHTTPClientTransport(url, { requestInit: { headers: { Authorization: `Bearer ${MCP_TOKEN}` } } });
	const error = await client.connect(transport, { timeout: CALL_TIMEOUT_MS }).then(() => null, (err) => err.message);
	const connected = check('B: the official MCP client connects with the bearer token', () => {
		if (error) fail(error);
		return `Streamable HTTP at ${url.pathname}`;
	});
	return connected ? client : null;
}

/** tools/list: the one OneAll tool and its schema. When the tool is listed, sets mcp.toolName, mcp.idName and mcp.args(identity, message). */
async function mcpListTools(mcp) {
	const { client, tool, received } = mcp;
	const listed = await client.listTools(undefined, { timeout: CALL_TIMEOUT_MS }).catch((err) => ({ error: err.message }));
	if (!listed.error) received.push(JSON.stringify(listed));
	const expectedParams = [fromAI(tool.parameters.identityToken.value), fromAI(tool.parameters.message)];
	check('B: tools/list shows the one OneAll tool, named after the node, described as "<action> in OneAll"', () => {
		if (!listed.tools) fail(listed.error);
		assertEqual(listed.tools.length, 1, 'tools');
		const t = listed.tools[0];
		mcp.toolName = t.name;
		assertEqual(t.name, tool.name.replace(/\s+/g, '_'), 'name');
		assertMatch(t.description, /^\S.* in OneAll$/, 'description');
		assertMatch(t.description, /tweet/i, 'description names what it does');
		return `${t.name}: "${t.description}"`;
	});
	check('B: its input schema is made only of the $fromAI parameters (identity, message), strings with the descriptions the workflow gives', () => {
		const s = listed.tools && listed.tools[0].inputSchema;
		if (!s) fail('no schema');
		assertEqual(s.type, 'object', 'type');
		const shown = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, { type: v.type, description: v.description }]));
		assertEqual(shown, Object.fromEntries(expectedParams.map((p) => [p.name, { type: 'string', description: p.description }])), 'properties');
		assertEqual([...(s.required || [])].sort(), expectedParams.map((p) => p.name).sort(), 'required');
		return JSON.stringify(s.properties);
	});
	if (!mcp.toolName) return;
	const [idName, msgName] = expectedParams.map((p) => p.name);
	mcp.idName = idName;
	mcp.args = (identity, message) => ({ [idName]: identity, [msgName]: message });
}

async function mcpOneCall({ call, args, sandbox }) {
	const one = await call(args(TWITTER[0], '[mcp-one] published through MCP'));
	check('B: one call publishes: the sandbox got exactly that tweet for that identity, the client got OneAll\'s result', () => {
		assertEqual(failedCalls([one]), [], 'failed call');
		const t = tweets(sandbox);
		assertEqual(t.length, 1, 'tweets received');
		expectPost(t[0], TWITTER[0], '[mcp-one] published through MCP');
		if (!ids(one).length) fail(`no post id in ${textOf(one).slice(0, 200)}`);
		return textOf(one).slice(0, 160);
	});
}

async function mcpParallelCalls({ call, args, sandbox }) {
	const three = await Promise.all([1, 2, 3].map((i) => call(args(TWITTER[i], `[mcp-par${i}] parallel __delay:300`))));
	check('B: three parallel calls to three identities: each published once, each got its own result', () => {
		assertEqual(failedCalls(three), [], 'failed calls');
		const t = tweets(sandbox);
		assertEqual(t.length, 3, 'tweets received');
		for (const i of [1, 2, 3]) {
			expectPost(t.find((r) => r.pathname.includes(TWITTER[i])) || fail(`nothing for identity ${i}`), TWITTER[i], `[mcp-par${i}] parallel __delay:300`);
		}
		const got = three.map((r) => ids(r)[0]);
		assertEqual(new Set(got).size, 3, `distinct post ids ${show(got)}`);
		const open = t.filter((a) => t.some((b) => b !== a && b.arrivedAt < a.endedAt && a.arrivedAt < b.endedAt)).length;
		return `post ids ${got.join(', ')}; ${open} of 3 were in flight together at the sandbox`;
	});
}

/** A OneAll 500, then two good identical calls. */
async function mcpFailureThenGoodCalls({ call, args, sandbox }) {
	const failed = await call(args(TWITTER[4], '[mcp-500] __fault:500'));
	const good = [];
	for (let i = 0; i < 2; i++) good.push(await call(args(TWITTER[4], '[mcp-after] the same tweet twice')));
	check('B: a OneAll 500 returns isError with OneAll\'s message (no stack, no request details)', () => {
		if (failed.thrown) fail(failed.thrown);
		assertEqual(failed.isError, true, 'isError');
		const text = textOf(failed);
		assertMatch(text, messageHas('500'), 'text');
		if (/\n\s+at |node_modules/.test(text)) fail(`stack in ${text.slice(0, 300)}`);
		return text.slice(0, 160);
	});
	check('B: then two identical good calls both work and publish twice (each call is its own run)', () => {
		assertEqual(failedCalls(good), [], 'failed calls');
		const t = tweets(sandbox);
		assertEqual(t.map((r) => r.status), [500, 200, 200], 'sandbox answers');
		expectPost(t[1], TWITTER[4], '[mcp-after] the same tweet twice');
		expectPost(t[2], TWITTER[4], '[mcp-after] the same tweet twice');
		if (ids(good[0])[0] === ids(good[1])[0]) fail('same post id');
	});
}

/** An empty message, and a call without a required argument: both refused, nothing sent. */
async function mcpRefusedCalls({ call, args, idName, sandbox }) {
	const empty = await call(args(TWITTER[0], ''));
	check('B: an empty message is refused with the node\'s error, and nothing is sent', () => {
		if (empty.thrown) fail(empty.thrown);
		assertEqual(empty.isError, true, 'isError');
		assertMatch(textOf(empty), /message/i, 'error text names the parameter');
		assertMatch(textOf(empty), /empty/i, 'error text says what is wrong');
		assertEqual(sandbox.requests.length, 0, 'requests sent');
		return textOf(empty).slice(0, 160);
	});
	sandbox.reset();
	const wrong = await call({ [idName]: TWITTER[0] });
	check('B: a call without a required argument is refused by n8n, nothing is sent', () => {
		if (!wrong.thrown && !wrong.isError) fail(`accepted: ${textOf(wrong).slice(0, 200)}`);
		assertEqual(sandbox.requests.length, 0, 'requests sent');
		return (wrong.thrown || textOf(wrong)).slice(0, 160);
	});
}

/** After the calls: their time bound, the executions n8n recorded, and no secret in what the client got or n8n kept. */
async function mcpRecordsAndLeaks({ instance, editor, line, tool, client, before, received, durations }) {
	check(`B: every call answered within its bound (${CALL_TIMEOUT_MS / 1000} s)`, () => {
		const max = Math.max(...durations);
		if (max > CALL_TIMEOUT_MS) fail(`slowest ${max} ms`);
		return `${durations.length} calls, slowest ${secs(max)}`;
	});
	await client.close().catch(() => {});
	await sleep(1000);
	const rows = (await instance.executions()).filter((e) => Number(e.id) > before && e.workflowId === MCP_WF_ID);
	// Seen: 2.41 records every call that ran the tool (a failed one too, as "success" with the error
	// inside the tool's run); 1.123.81 records only the calls that succeeded.
	const expectedRuns = line === '1' ? 6 : 8;
	const what = line === '1' ? 'one execution per successful tool call, none for the 2 that failed (6: 1 + 3 + 2)' : 'one execution per tool call that ran the tool, failed ones included (8: 1 + 3 + 1 + 2 + the empty message)';
	check(`B: n8n recorded ${what}`, () => {
		const calls = rows.filter((e) => runData(e)[tool.name]);
		assertEqual(calls.length, expectedRuns, `executions that ran "${tool.name}" (all: ${rows.map((e) => `${e.id}:${e.status}:${e.mode}`).join(', ')})`);
		const failedRuns = calls.filter((e) => runData(e)[tool.name].some((t) => t.error));
		const others = rows.filter((e) => !runData(e)[tool.name]);
		return `statuses ${show(calls.map((e) => e.status))}; the tool's run holds the error in ${failedRuns.length} of them; ${others.length} more execution(s) without the tool's run (the call the schema refused): ${show(others.map((e) => e.status))}`;
	});
	const answers = Object.fromEntries(received.map((t, i) => [`answer ${i}`, t]));
	checkNoSecrets('B: no key, no OneAll Authorization value, no bearer token in anything the client received', answers, {
		check,
		also: () => received.some((t) => t.includes(MCP_TOKEN)) && fail('LEAK: MCP bearer token in an answer'),
	});
	// The MCP Server Trigger keeps the client's request headers in the run data; 2.41 masks the
	// Authorization value as "**hidden**". OneAll's keys must not be anywhere.
	const stored = JSON.stringify(rows.map((e) => e.result));
	const storedAuth = [...new Set([...stored.matchAll(/"authorization"\s*:\s*"([^"]{0,12})/gi)].map((m) => m[1]))];
	check('B: no OneAll key or Authorization value in n8n\'s log or its stored executions', () => {
		const executions = stored.replace(/"authorization"\s*:\s*"\*\*hidden\*\*"/gi, '"(the MCP client\'s header, masked)":""');
		assertEqual(findLeaks({ log: editor.logs(), executions }), [], 'LEAK');
		if (storedAuth.some((v) => v !== '**hidden**')) fail(`an Authorization value is stored: ${show(storedAuth)}`);
		if (stored.includes(MCP_TOKEN)) fail('the MCP bearer token is stored');
		return storedAuth.length ? `n8n stores the MCP client's request headers with "authorization": "**hidden**" (${rows.filter((e) => /"authorization"/i.test(JSON.stringify(e.result))).length} of ${rows.length} executions)` : 'no authorization header stored';
	});
}

async function mcpPart(ctx) {
	const example = readJson('examples/mcp-server.json');
	const trigger = example.nodes.find((n) => n.type === '@n8n/n8n-nodes-langchain.mcpTrigger');
	const tool = example.nodes.find((n) => n.type === 'n8n-nodes-oneall.oneAllTool');
	const url = new URL(`${ctx.editor.url}/mcp/${trigger.parameters.path}`);
	// received: everything the client got, for the leak check
	const mcp = { ...ctx, tool, url, before: await lastExecutionId(ctx.instance), received: [], durations: [] };
	mcp.client = await mcpConnect(mcp);
	if (!mcp.client) return;
	// Bounded by the client's own timeout; never throws (`{ thrown }`); keeps what came back and how long it took.
	mcp.call = async (args) => {
		const t = Date.now();
		const r = await mcp.client
			.callTool({ name: mcp.toolName, arguments: args }, undefined, { timeout: CALL_TIMEOUT_MS })
			.catch((err) => ({ thrown: err.message }));
		mcp.durations.push(Date.now() - t);
		mcp.received.push(r.thrown ?? JSON.stringify(r));
		return r;
	};
	await mcpListTools(mcp);
	if (!mcp.toolName) return;
	// Each step reads only its own requests at the sandbox.
	for (const step of [mcpOneCall, mcpParallelCalls, mcpFailureThenGoodCalls, mcpRefusedCalls, mcpRecordsAndLeaks]) {
		ctx.sandbox.reset();
		await step(mcp);
	}
}

async function runLine(line, tgz, sandbox) {
	report.setScope(`[n8n line ${line}]`);
	const t0 = Date.now();
	let instance;
	let editor;
	try {
		instance = await createInstance({ line, tarball: tgz });
		report.setScope(`[n8n ${instance.version} start]`);
		await instance.importCredentials([
			{ id: 'oneall-credential', name: 'OneAll account', type: 'oneAllApi', data: { subdomain: 'sandbox', publicKey: KEYS.publicKey, privateKey: KEYS.privateKey, baseUrl: sandbox.url } },
			{ id: 'mcp-bearer-cred1', name: 'MCP client token', type: 'httpBearerAuth', data: { token: MCP_TOKEN } },
		]);
		const parts = [['video', videoWorkflow, videoPart], ['mcp', mcpWorkflow, mcpPart]].filter(([name]) => ONLY.includes(name));
		const wfs = parts.map(([, workflowOf]) => workflowOf(line));
		await instance.importWorkflows(wfs);
		await activate(instance, wfs.map((w) => w.id));
		editor = await instance.startEditor({ port: await freePort(), timeoutMs: 240000 });
		const hooksMs = await webhooksRegistered(instance, wfs.length);
		check(`n8n start ready, ${wfs.length} published workflow(s) with their webhooks registered`, () => `${secs(Date.now() - t0)} from nothing (webhooks ${secs(hooksMs)} after /rest/settings answered)`);
		for (const [, , part] of parts) await part({ instance, editor, sandbox, line });
	} catch (err) {
		check('the line ran to its end', () => fail(err.stack || String(err)));
		if (editor) say(`# n8n log (last 3000 characters):\n${editor.logs().slice(-3000)}`);
	} finally {
		if (instance) await instance.cleanup();
	}
	say(`# line ${line}: ${secs(Date.now() - t0)}`);
}

async function main() {
	const t0 = Date.now();
	let sandbox;
	try {
		const { tgz } = packToTemp('start', check);
		sandbox = await startSandbox({ port: 0, publicKey: KEYS.publicKey, privateKey: KEYS.privateKey });
		for (const line of LINES) await runLine(line, tgz, sandbox);
	} catch (err) {
		check('the runner ran to its end', () => fail(err.stack || String(err)));
	} finally {
		if (sandbox) await sandbox.close();
	}
	report.setScope('');
	say(`# total ${secs(Date.now() - t0)}`);
	report.close();
}

stopOnSignals();
main();
