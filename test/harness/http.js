'use strict';
/* The one way the runners POST JSON to n8n (webhooks, resume URLs): bounded, the answer read as JSON when it is. */

/** POSTs `body` as JSON; resolves to { status, text, json } (json undefined when the answer is not JSON). */
async function postJson(url, body, { headers = {}, timeoutMs = 30000 } = {}) {
	const res = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body: JSON.stringify(body),
		signal: AbortSignal.timeout(timeoutMs),
	});
	const text = await res.text();
	try {
		return { status: res.status, text, json: JSON.parse(text) };
	} catch {
		return { status: res.status, text, json: undefined };
	}
}

module.exports = { postJson };
