'use strict';
/*
 * Part B of the `n8n start` suite: the MCP example, its OneAll tool served to the official MCP client
 * over Streamable HTTP. The runner (./run.js) starts n8n with the workflow published (and the bearer
 * token below in an "HTTP Bearer Auth" credential), then calls mcpPart.
 */
const { sleep, lastExecutionId } = require('../../harness/n8n');
const { check, fail, assertEqual, assertMatch, secs, show, runData } = require('../../harness/suite');
const { GOOD_AUTH, findLeaks, checkNoSecrets } = require('../../harness/secrets');
const { postJson } = require('../../harness/http');
const { messageHas } = require('../matrix/expect');
const sandboxData = require('../../sandbox/data');

/** The client's bearer token, distinctive so that a leak of it is unmistakable. */
const MCP_TOKEN = 'startMCPTOKEN-Px8Lm4Ge-leakcanary';
const CALL_TIMEOUT_MS = 45000;

const TWITTER = sandboxData.identities.filter((i) => i.provider === 'twitter').map((i) => i.identity_token);

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
async function mcpRecordsAndLeaks({ instance, editor, line, workflow, tool, client, before, received, durations }) {
	check(`B: every call answered within its bound (${CALL_TIMEOUT_MS / 1000} s)`, () => {
		const max = Math.max(...durations);
		if (max > CALL_TIMEOUT_MS) fail(`slowest ${max} ms`);
		return `${durations.length} calls, slowest ${secs(max)}`;
	});
	await client.close().catch(() => {});
	await sleep(1000);
	const rows = (await instance.executions()).filter((e) => Number(e.id) > before && e.workflowId === workflow.id);
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

/** Part B: ctx = { instance, editor, sandbox, line, workflow } from the runner; workflow is the example as imported. */
async function mcpPart(ctx) {
	const trigger = ctx.workflow.nodes.find((n) => n.type === '@n8n/n8n-nodes-langchain.mcpTrigger');
	const tool = ctx.workflow.nodes.find((n) => n.type === 'n8n-nodes-oneall.oneAllTool');
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

module.exports = { MCP_TOKEN, mcpPart };
