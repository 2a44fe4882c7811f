'use strict';
/*
 * A scripted OpenAI-compatible chat model for n8n's AI Agent offline: the OpenAI Chat Model node (its
 * credential's `url` set to `<model.url>/v1`) is answered from the script whose key its first user message
 * contains, e.g. { 'case A': [{ toolCalls: [{ message: 'one' }, { message: 'two' }] }, { content: 'Done.' }] }.
 * A tool call is its arguments object, or `{ tool: 'name', args }` to name the tool (else the first one
 * offered). An unknown prompt or a turn past the script's end is a 400, so a surprise shows in the run.
 */
const http = require('http');

/** The text of a chat message (a string, or OpenAI's list of content parts). */
function textOf(message) {
	const content = message && message.content;
	return Array.isArray(content) ? content.map((part) => part.text || '').join('') : typeof content === 'string' ? content : '';
}

const failure = (status, message) => ({ status, json: { error: { message } } });

async function startChatModel(scripts) {
	const requests = [];
	let seq = 0;
	let callSeq = 0;
	const turnOfCall = new Map(); // tool call id → the turn of the answer that made it

	function answer(body) {
		const messages = Array.isArray(body.messages) ? body.messages : [];
		const prompt = textOf(messages.find((m) => m.role === 'user'));
		const key = Object.keys(scripts).find((k) => prompt.includes(k));
		if (key === undefined) return failure(400, `no script for the prompt ${JSON.stringify(prompt)}`);
		// The turn is the number of its answers the conversation already holds, told by their tool call
		// ids: agents replay parallel calls as one assistant message or as one per call.
		const answered = new Set();
		for (const m of messages) {
			for (const c of m.tool_calls || []) if (turnOfCall.has(c.id)) answered.add(turnOfCall.get(c.id));
			if (m.role === 'tool' && turnOfCall.has(m.tool_call_id)) answered.add(turnOfCall.get(m.tool_call_id));
		}
		const turn = answered.size;
		const step = scripts[key][turn];
		if (!step) return failure(400, `script "${key}" has no answer ${turn + 1}`);
		const message = { role: 'assistant', content: step.content ?? null, refusal: null };
		if (step.content === undefined) {
			const offered = (body.tools || []).map((t) => t.function && t.function.name).filter(Boolean);
			message.tool_calls = step.toolCalls.map((call) => {
				const named = call && call.tool !== undefined && call.args !== undefined;
				const id = `call_e2e${++callSeq}`;
				turnOfCall.set(id, turn);
				return { id, type: 'function', function: { name: named ? call.tool : offered[0], arguments: JSON.stringify(named ? call.args : call) } };
			});
		}
		const json = {
			id: `chatcmpl-e2e${seq}`,
			object: 'chat.completion',
			created: Math.floor(Date.now() / 1000),
			model: body.model || 'gpt-e2e',
			choices: [{ index: 0, message, logprobs: null, finish_reason: message.tool_calls ? 'tool_calls' : 'stop' }],
			usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
		};
		return { key, turn, status: 200, json };
	}

	const server = http.createServer(async (req, res) => {
		let raw = '';
		req.setEncoding('utf8');
		for await (const c of req) raw += c;
		let body = null;
		try {
			body = JSON.parse(raw);
		} catch {
			/* answered below */
		}
		const rec = { seq: ++seq, method: req.method, url: req.url, body };
		requests.push(rec);
		let out = failure(404, `no route ${req.method} ${req.url}`);
		if (req.method === 'POST' && /\/chat\/completions$/.test(req.url.split('?')[0])) out = body ? answer(body) : failure(400, 'body is not JSON');
		Object.assign(rec, { key: out.key, turn: out.turn, status: out.status, answer: out.json });
		const text = JSON.stringify(out.json);
		res.writeHead(out.status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
		res.end(text);
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', resolve);
	});

	return {
		url: `http://127.0.0.1:${server.address().port}`,
		requests,
		/** The scripts by prompt; add to it between runs. */
		scripts,
		/**
		 * Per script key, the model's side of its conversations: the requests, every tool call the model
		 * made ({ id, name, args }), every tool result n8n sent back ({ id, content }) and the final answers.
		 */
		conversations() {
			const out = {};
			for (const rec of requests) {
				if (!rec.key || !rec.body) continue;
				const list = (out[rec.key] = out[rec.key] || { requests: 0, calls: [], results: [], finals: [] });
				list.requests++;
				for (const m of rec.body.messages || []) {
					if (m.role === 'tool' && !list.results.some((r) => r.id === m.tool_call_id)) list.results.push({ id: m.tool_call_id, content: textOf(m) });
				}
				const message = rec.answer && rec.answer.choices && rec.answer.choices[0].message;
				if (message && message.tool_calls) {
					for (const c of message.tool_calls) list.calls.push({ id: c.id, name: c.function.name, args: JSON.parse(c.function.arguments) });
				} else if (message) list.finals.push(message.content);
			}
			return out;
		},
		reset() {
			requests.length = 0;
			turnOfCall.clear();
		},
		close() {
			server.closeAllConnections();
			return new Promise((resolve) => server.close(() => resolve()));
		},
	};
}

module.exports = { startChatModel };
