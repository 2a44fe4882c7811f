'use strict';

// Shared by the hardening tests (test/hardening/*.test.js): distinctive keys, the sandbox's named
// identities and pull-list ids, resource-locator values, and a deep search for leaked secrets.

const { startSandbox } = require('../sandbox/server');
const data = require('../sandbox/data');

// Distinctive keys: a leak of either one, or of the Basic value built from them, is found by substring.
const PUBLIC_KEY = 'hardening-PUBLIC-key-3b9f27c1';
const PRIVATE_KEY = 'hardening-PRIVATE-key-e41d8a6f';

const basic64 = (user, password) => Buffer.from(`${user}:${password}`).toString('base64');

/** Every form in which the keys could leak. */
function secretsOf(publicKey = PUBLIC_KEY, privateKey = PRIVATE_KEY) {
	const b64 = basic64(publicKey, privateKey);
	return [publicKey, privateKey, b64, `Basic ${b64}`];
}

const ids = {
	twitter: data.named.twitter.identity_token,
	facebook: data.named.facebook.identity_token,
	linkedin: data.named.linkedin.identity_token,
	pinterest: data.named.pinterest.identity_token,
	youtube: data.named.youtube.identity_token,
	group: data.pull[data.named.facebook.identity_token].groups[0].group_id,
	page: data.pull[data.named.facebook.identity_token].pages[0].page_id,
	company: data.pull[data.named.linkedin.identity_token].companies[0].company_id,
	board: data.pull[data.named.pinterest.identity_token].boards[0].board_id,
	playlist: data.pull[data.named.youtube.identity_token].playlists[0].playlist_id,
};

const rl = (value, mode = 'id') => ({ __rl: true, mode, value });

async function startKeyedSandbox(options = {}) {
	return await startSandbox({ port: 0, publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY, ...options });
}

const credentialsFor = (sb, extra = {}) => ({
	subdomain: 'mysite',
	publicKey: PUBLIC_KEY,
	privateKey: PRIVATE_KEY,
	baseUrl: sb.url,
	...extra,
});

/**
 * Every string reachable from `root`: own enumerable and non-enumerable properties (so an Error's
 * message, stack and cause are seen), array entries, Map and Set entries, Buffers as UTF-8 text,
 * and property names. Cycles are followed once.
 */
function reachableStrings(root, limit = 2_000_000) {
	const out = [];
	const seen = new Set();
	const stack = [[root, '$']];
	let visited = 0;
	while (stack.length > 0) {
		const [value, path] = stack.pop();
		if (typeof value === 'string') {
			out.push([value, path]);
			continue;
		}
		if (value === null || (typeof value !== 'object' && typeof value !== 'function')) continue;
		if (seen.has(value)) continue;
		seen.add(value);
		if (++visited > limit) throw new Error(`reachableStrings: more than ${limit} objects under ${path}`);
		if (Buffer.isBuffer(value)) {
			out.push([value.toString('utf8'), path]);
			continue;
		}
		if (value instanceof Map) {
			for (const [k, v] of value) stack.push([k, `${path}<key>`], [v, `${path}.get(${String(k)})`]);
			continue;
		}
		if (value instanceof Set) {
			for (const v of value) stack.push([v, `${path}<entry>`]);
			continue;
		}
		for (const key of Object.getOwnPropertyNames(value)) {
			out.push([key, `${path}<name>`]);
			const descriptor = Object.getOwnPropertyDescriptor(value, key);
			if (descriptor && 'value' in descriptor) stack.push([descriptor.value, `${path}.${key}`]);
		}
	}
	return out;
}

/** [secret, where] for every secret found in `root` (deep) or in its JSON text. */
function findSecrets(root, secrets = secretsOf()) {
	const found = [];
	for (const [text, path] of reachableStrings(root)) {
		for (const secret of secrets) if (text.includes(secret)) found.push([secret, path]);
	}
	let json = '';
	try {
		json = JSON.stringify(root, cycleSafe()) ?? '';
	} catch (error) {
		json = String(error);
	}
	for (const secret of secrets) if (json.includes(secret)) found.push([secret, 'JSON.stringify']);
	return found;
}

function cycleSafe() {
	const seen = new WeakSet();
	return (_key, value) => {
		if (typeof value === 'object' && value !== null) {
			if (seen.has(value)) return '[cycle]';
			seen.add(value);
		}
		return value;
	};
}

/** JSON text of a value even when it has cycles. */
const safeJson = (value) => JSON.stringify(value, cycleSafe());

/** The parts of an n8n error the brief names, as one JSON text. */
function errorParts(error) {
	if (!error) return '';
	return safeJson({
		message: error.message,
		description: error.description,
		messages: error.messages,
		cause: error.cause,
		context: error.context,
		errorResponse: error.errorResponse,
		httpCode: error.httpCode,
		stack: error.stack,
		json: error,
	});
}

module.exports = {
	PUBLIC_KEY,
	PRIVATE_KEY,
	basic64,
	secretsOf,
	ids,
	rl,
	startKeyedSandbox,
	credentialsFor,
	reachableStrings,
	findSecrets,
	safeJson,
	errorParts,
	data,
};
