'use strict';
/*
 * The node as a tool of n8n's AI Agent (`n8n-nodes-oneall.oneAllTool` on the agent's `ai_tool`
 * input), driven offline by the scripted chat model in ../../harness/chatModel.js through n8n's OpenAI
 * Chat Model node (`responsesApiEnabled: false`, credential Base URL pointed at the script).
 * Agent 3.1 runs each tool call as its own node run; agent 2.x runs the tool inside its own run,
 * so both are checked: one call, two parallel calls in one model answer, several input items,
 * a failing call followed by good ones.
 */
const { check, assertEqual, assertMatch, expectSuccess, outputOf, pairedIndexes, fail, show } = require('../../harness/suite');
const { manualTrigger, items, tweet, workflow } = require('../../harness/workflow');
const { messageHas, expectSent, expectOrderedPerIdentity, posts, messageOf } = require('./expect');

const CHAT_CREDENTIAL = { id: 'e2eChatModelCr01', name: 'Scripted chat model (local)' };
/** Case key prefix per agent typeVersion. */
const AGENT_KEYS = { 3.1: 'a31', 3: 'a30', 2.2: 'a22' };
/** The agent versions checked per n8n line: 1.123.81 ships agent 3 (not 3.1) and 2.2. */
const AGENT_VERSIONS = { 1: ['3', '2.2'], 2: ['3.1', '2.2'] };

const fromAI = (name, description) => `={{ $fromAI('${name}', '${description}', 'string') }}`;

function agentWorkflow(wfId, name, { version, identity, prompts, pictures }) {
	return workflow(wfId, name, [
		manualTrigger(),
		items('Prompts', prompts.map((prompt) => ({ prompt }))),
		{
			name: 'AI Agent',
			type: '@n8n/n8n-nodes-langchain.agent',
			typeVersion: Number(version),
			parameters: { promptType: 'define', text: '={{ $json.prompt }}', options: { systemMessage: 'You publish tweets with the tool.' } },
		},
		{
			name: 'OpenAI Chat Model',
			type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
			typeVersion: 1.3,
			parameters: { model: { __rl: true, mode: 'id', value: 'gpt-e2e-scripted' }, responsesApiEnabled: false, options: {} },
			credentials: { openAiApi: CHAT_CREDENTIAL },
		},
		tweet('Publish Tweet', {
			tool: true,
			identity,
			message: fromAI('message', 'The text of the tweet'),
			additionalFields: pictures ? { pictureUrls: fromAI('pictureUrls', 'Picture URLs to attach, comma separated') } : {},
		}),
	], [
		['Start', 'Prompts'],
		['Prompts', 'AI Agent'],
		['OpenAI Chat Model', 'AI Agent', { type: 'ai_languageModel' }],
		['Publish Tweet', 'AI Agent', { type: 'ai_tool' }],
	]);
}

/** The tool result n8n sent back to the model for a call, as text. */
function resultOf(conversation, call) {
	const found = conversation.results.find((r) => r.id === call.id);
	if (!found) fail(`no tool result for ${call.id} (${show(call.args)}); results: ${show(conversation.results)}`);
	return found.content;
}

function oneCall({ take, id, version, label, v, scripts, add }) {
	const key = `${v}-one`;
	const [who] = take(1);
	const prompt = `[${key}] Tweet that the agent works.`;
	const message = `[${key}] the agent works`;
	scripts[prompt] = [{ toolCalls: [{ message }] }, { content: 'Posted it.' }];
	add({
		key,
		title: `${label}: one tool call`,
		workflow: agentWorkflow(id(key), `E2E matrix · ${key}`, { version, identity: who, prompts: [prompt] }),
		verify({ run, requests, model }) {
			check(`${key}: the run succeeds`, () => expectSuccess(run));
			check(`${key}: the one call's post reached the sandbox`, () => expectSent(requests, [[message, 200]]));
			check(`${key}: the call returned OneAll's result to the model, which answered; the agent outputs that answer`, () => {
				const c = model[prompt];
				if (!c) fail('the model was never asked');
				assertEqual(c.calls.length, 1, 'tool calls');
				const text = resultOf(c, c.calls[0]);
				if (!text.includes(posts(requests)[0].result.post_id)) fail(`tool result ${show(text)} lacks the post_id`);
				assertEqual(outputOf(run, 'AI Agent').map((i) => i.json.output), ['Posted it.'], 'agent output');
			});
		},
	});
}

function parallelCalls({ take, id, version, label, v, scripts, add }) {
	const key = `${v}-parallel`;
	const [who] = take(1);
	const prompt = `[${key}] Tweet two things at once.`;
	const calls = ['first', 'second'].map((w) => ({ message: `[${key}] ${w} post`, pictureUrls: `https://example.com/${key}/${w}.png` }));
	scripts[prompt] = [{ toolCalls: calls }, { content: 'Both posted.' }];
	add({
		key,
		title: `${label}: two parallel tool calls in one model answer, each with its own picture`,
		workflow: agentWorkflow(id(key), `E2E matrix · ${key}`, { version, identity: who, prompts: [prompt], pictures: true }),
		verify({ run, requests, model }) {
			check(`${key}: the run succeeds`, () => expectSuccess(run));
			check(`${key}: each call's own picture was uploaded, then its own post attached exactly that picture`, () => {
				const uploads = requests.filter((r) => /\/twitter\/picture\.json$/.test(r.pathname));
				assertEqual(uploads.map((r) => r.json.request.push.picture.url).sort(), calls.map((c) => c.pictureUrls).sort(), 'uploaded picture URLs');
				for (const call of calls) {
					const upload = uploads.find((r) => r.json.request.push.picture.url === call.pictureUrls);
					const post = posts(requests).find((r) => messageOf(r) === call.message);
					if (!post) fail(`no post ${show(call.message)}`);
					assertEqual(post.json.request.push.post.attachments, [upload.result.picture_id], `${call.message}: attachments`);
					if (!(post.arrivedAt >= upload.endedAt)) fail(`${call.message} was sent before its picture upload ended`);
				}
				expectOrderedPerIdentity(requests, { [who]: posts(requests).map(messageOf) });
				assertEqual(requests.length, 4, 'requests (2 uploads, 2 posts)');
			});
			check(`${key}: every call returned, each with its own post's result (no cross-talk)`, () => {
				const c = model[prompt];
				if (!c) fail('the model was never asked');
				assertEqual(c.calls.map((x) => x.args.message), calls.map((x) => x.message), 'calls made');
				for (const call of c.calls) {
					const mine = posts(requests).find((r) => messageOf(r) === call.args.message).result.post_id;
					const other = posts(requests).find((r) => messageOf(r) !== call.args.message).result.post_id;
					const text = resultOf(c, call);
					if (!text.includes(mine) || text.includes(other)) fail(`result of ${show(call.args.message)}: ${show(text)} (own post_id ${mine}, other ${other})`);
				}
				assertEqual(outputOf(run, 'AI Agent').map((i) => i.json.output), ['Both posted.'], 'agent output');
			});
		},
	});
}

function samePictureTwice({ take, id, version, label, v, scripts, add }) {
	// Agents 1–2 run their tools inside the agent's own run, where a retry memory would see
	// both calls as tries of one item: a picture is reused only by a try of the same post.
	const key = `${v}-same-picture`;
	const [who] = take(1);
	const prompt = `[${key}] Tweet twice with the same picture.`;
	const picture = `https://example.com/${key}/same.png`;
	const calls = ['first', 'second'].map((w) => ({ message: `[${key}] ${w} post`, pictureUrls: picture }));
	scripts[prompt] = [{ toolCalls: [calls[0]] }, { toolCalls: [calls[1]] }, { content: 'Both posted.' }];
	add({
		key,
		title: `${label}: two tool calls one after the other, different posts with the same picture`,
		workflow: agentWorkflow(id(key), `E2E matrix · ${key}`, { version, identity: who, prompts: [prompt], pictures: true }),
		verify({ run, requests }) {
			check(`${key}: the run succeeds`, () => expectSuccess(run));
			check(`${key}: each post uploaded the picture itself and attached its own upload`, () => {
				const uploads = requests.filter((r) => /\/twitter\/picture\.json$/.test(r.pathname));
				assertEqual(uploads.map((r) => [r.json.request.push.picture.url, r.status]), [[picture, 200], [picture, 200]], 'picture uploads');
				assertEqual(
					posts(requests).map((r) => [messageOf(r), r.json.request.push.post.attachments]),
					calls.map((call, i) => [call.message, [uploads[i].result.picture_id]]),
					'posts and their attachments',
				);
			});
		},
	});
}

function oneCallPerItem({ take, id, version, label, v, scripts, add }) {
	const key = `${v}-items`;
	const [who] = take(1);
	const prompts = [0, 1, 2].map((i) => `[${key}] item ${i}: tweet it.`);
	prompts.forEach((p, i) => (scripts[p] = [{ toolCalls: [{ message: `[${key}] post ${i}` }] }, { content: `done ${i}` }]));
	add({
		key,
		title: `${label}: 3 input items, one tool call each`,
		workflow: agentWorkflow(id(key), `E2E matrix · ${key}`, { version, identity: who, prompts }),
		verify({ run, requests, model }) {
			check(`${key}: the run succeeds`, () => expectSuccess(run));
			check(`${key}: 3 posts, one per item, one at a time (in the order the agent made the calls)`, () => {
				const order = posts(requests).map(messageOf);
				assertEqual(order.slice().sort(), [0, 1, 2].map((i) => `[${key}] post ${i}`), 'posts');
				expectOrderedPerIdentity(requests, { [who]: order });
				return order.join(', ');
			});
			check(`${key}: every call returned its own post's result; the agent outputs 3 answers with pairedItem 0, 1, 2`, () => {
				prompts.forEach((p, i) => {
					const c = model[p];
					if (!c) fail(`the model was never asked for item ${i}`);
					const text = resultOf(c, c.calls[0]);
					const mine = posts(requests).find((r) => messageOf(r) === `[${key}] post ${i}`).result.post_id;
					if (!text.includes(mine)) fail(`item ${i}: tool result ${show(text)} lacks ${mine}`);
				});
				const out = outputOf(run, 'AI Agent');
				assertEqual(out.map((i) => i.json.output), ['done 0', 'done 1', 'done 2'], 'agent output');
				assertEqual(pairedIndexes(out), [0, 1, 2], 'pairedItem');
			});
		},
	});
}

function failingCallFirst({ take, id, version, label, v, scripts, add }) {
	const key = `${v}-fail-first`;
	const [who] = take(1);
	const prompt = `[${key}] Tweet three times.`;
	const bad = `[${key}] bad __fault:500`;
	const good = [1, 2].map((i) => `[${key}] good ${i}`);
	scripts[prompt] = [{ toolCalls: [{ message: bad }] }, { toolCalls: [{ message: good[0] }] }, { toolCalls: [{ message: good[1] }] }, { content: 'Two of three posted.' }];
	add({
		key,
		title: `${label}: a failing tool call (OneAll 500) followed by two good ones`,
		workflow: agentWorkflow(id(key), `E2E matrix · ${key}`, { version, identity: who, prompts: [prompt] }),
		verify({ run, requests, model }) {
			if (version === '3') {
				// n8n 1.123.81's agent 3 runs the tool as a node run of its own in stop mode: the
				// tool's error ends the whole run, and the model never hears of it.
				check(`${key}: agent 3 on n8n 1.x: the failing call ends the run with OneAll's error, on the tool node`, () => {
					if (run.ok || run.status !== 'error') fail(`status ${run.status}`);
					assertMatch(run.result.data.resultData.error.message, messageHas('500'), 'run error');
					assertEqual(run.result.data.resultData.lastNodeExecuted, 'Publish Tweet', 'lastNodeExecuted');
				});
				check(`${key}: only the failing post reached the sandbox; the model was asked once`, () => {
					expectSent(requests, [[bad, 500]]);
					assertEqual(model[prompt] && model[prompt].requests, 1, 'model requests');
				});
				return;
			}
			check(`${key}: the run succeeds`, () => expectSuccess(run));
			check(`${key}: the failing post and both later posts reached the sandbox`, () => expectSent(requests, [[bad, 500], [good[0], 200], [good[1], 200]]));
			check(`${key}: the failing call returned OneAll's error to the model; the later calls returned their own results`, () => {
				const c = model[prompt];
				if (!c) fail('the model was never asked');
				assertEqual(c.calls.map((x) => x.args.message), [bad, ...good], 'calls made');
				const first = resultOf(c, c.calls[0]);
				if (version === '3.1') {
					if (!messageHas('500').test(first)) fail(`failing call's result ${show(first)} lacks OneAll's message`);
				} else {
					// Agent 2.x's tools agent hands the model an empty result for a tool that threw
					// (n8n's own handling; agent 3.1 passes the error's message).
					assertEqual(first, '', "failing call's result (agent 2.x)");
				}
				good.forEach((m, i) => {
					const text = resultOf(c, c.calls[i + 1]);
					const mine = posts(requests).find((r) => messageOf(r) === m).result.post_id;
					if (!text.includes(mine)) fail(`result of ${show(m)}: ${show(text)} lacks ${mine}`);
				});
				assertEqual(outputOf(run, 'AI Agent').map((i) => i.json.output), ['Two of three posted.'], 'agent output');
				return `failing call answered ${show(first.slice(0, 140))}`;
			});
		},
	});
}

const FAMILIES = [oneCall, parallelCalls, samePictureTwice, oneCallPerItem, failingCallFirst];

/** Each agent version of the n8n line × each family; the scripted model's answers keyed by prompt. */
function agentCases({ take, id, line }) {
	const cases = [];
	const scripts = {};
	for (const version of AGENT_VERSIONS[line]) {
		const context = { take, id, version, label: `AI Agent ${version}`, v: AGENT_KEYS[version], scripts, add: (c) => cases.push(c) };
		for (const family of FAMILIES) family(context);
	}
	return { cases, scripts };
}

module.exports = { agentCases, CHAT_CREDENTIAL, AGENT_VERSIONS };
