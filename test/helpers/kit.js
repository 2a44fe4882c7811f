// The jest tests' kit: a sandbox with distinctive keys per test file, the credential pointing at it,
// the sandbox's ids, resource-locator values, and deep searches for leaked secrets.
const { startSandbox } = require('../sandbox/server');
const { freePort } = require('../harness/ports');
const data = require('../sandbox/data');

// Distinctive keys, so a leak of either one (or of the Basic value) can be found by substring.
const PUBLIC_KEY = 'pub-KEY-4f1c9e7a2b';
const PRIVATE_KEY = 'priv-SECRET-8d3b6a0e5c';
const KEYS = { publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY };

const basicOf = (user, password) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** Identity tokens of the sandbox's named identities (test/sandbox/data.js) and ids from their Pull lists. */
const tokenOf = (provider) => data.named[provider].identity_token;
const pulled = (provider, list, key, index = 0) => data.pull[tokenOf(provider)][list][index][key];
const ids = {
	...Object.fromEntries(data.PROVIDERS_WITH_PUSH.map((provider) => [provider, tokenOf(provider)])),
	group: pulled('facebook', 'groups', 'group_id'),
	group2: pulled('facebook', 'groups', 'group_id', 1),
	page: pulled('facebook', 'pages', 'page_id'),
	page2: pulled('facebook', 'pages', 'page_id', 1),
	company: pulled('linkedin', 'companies', 'company_id'),
	board: pulled('pinterest', 'boards', 'board_id'),
	playlist: pulled('youtube', 'playlists', 'playlist_id'),
};

const startKitSandbox = (options = {}) => startSandbox({ ...KEYS, ...options });

/** Credential data pointing at the sandbox through the base URL override. */
const credentialsFor = (sb, extra = {}) => ({ subdomain: 'mysite', ...KEYS, baseUrl: sb.url, ...extra });

/** A resource-locator value as saved workflows store it; mode "id" (By ID) unless given. */
const rl = (value, mode = 'id') => ({ __rl: true, mode, value });

/**
 * The sandbox of one test file (the kit's keys; reset before each test): `sb` reads through to it once
 * it runs, `credentials` point at it.
 */
function useSandbox(options = {}) {
	let running;
	const credentials = credentialsFor({ url: undefined });
	const get = (_target, key) => {
		if (!running) throw new Error(`the sandbox is not running yet (reading sb.${String(key)})`);
		return typeof running[key] === 'function' ? running[key].bind(running) : running[key];
	};
	const sb = new Proxy({}, { get });
	beforeAll(async () => {
		running = await startKitSandbox(options);
		credentials.baseUrl = running.url;
	});
	beforeEach(() => running.reset());
	afterAll(() => running?.close());
	return { sb, credentials };
}

/** OneAll's request body (`{"request":{"push":{…}}}` or `update`) from dotted paths and values. */
function envelopeOf(api, map) {
	const inner = {};
	for (const [path, value] of Object.entries(map)) {
		const keys = path.split('.');
		const last = keys.pop();
		keys.reduce((node, key) => (node[key] ??= {}), inner)[last] = value;
	}
	return { request: { [api]: inner } };
}

/** Every form in which the keys could leak. */
function secretsOf(publicKey = PUBLIC_KEY, privateKey = PRIVATE_KEY) {
	const basic = basicOf(publicKey, privateKey);
	return [publicKey, privateKey, basic, basic.slice('Basic '.length)];
}

/**
 * Every string reachable from `root`: own properties, enumerable or not (an Error's message, stack,
 * cause), their names, array, Map and Set entries, Buffers as UTF-8 text; cycles followed once.
 */
function reachableStrings(root, limit = 2_000_000) {
	const out = [];
	const seen = new Set();
	const stack = [[root, '$']];
	while (stack.length > 0) {
		const [value, path] = stack.pop();
		if (typeof value === 'string') out.push([value, path]);
		if (value === null || (typeof value !== 'object' && typeof value !== 'function') || seen.has(value)) continue;
		seen.add(value);
		if (seen.size > limit) throw new Error(`reachableStrings: more than ${limit} objects under ${path}`);
		if (Buffer.isBuffer(value)) out.push([value.toString('utf8'), path]);
		else if (value instanceof Map) for (const [k, v] of value) stack.push([k, `${path}<key>`], [v, `${path}.get(${String(k)})`]);
		else if (value instanceof Set) for (const v of value) stack.push([v, `${path}<entry>`]);
		else {
			for (const key of Object.getOwnPropertyNames(value)) {
				out.push([key, `${path}<name>`]);
				const descriptor = Object.getOwnPropertyDescriptor(value, key);
				if ('value' in descriptor) stack.push([descriptor.value, `${path}.${key}`]);
			}
		}
	}
	return out;
}

/** [secret, where] for every secret found in `root` (deep) or in its JSON text. */
function findSecrets(root, secrets = secretsOf()) {
	const texts = reachableStrings(root);
	try {
		texts.push([safeJson(root), 'JSON.stringify']);
	} catch (error) {
		texts.push([String(error), 'JSON.stringify']);
	}
	return texts.flatMap(([text, path]) => secrets.filter((secret) => text.includes(secret)).map((secret) => [secret, path]));
}

/** JSON text of a value even when it has cycles (an error may hold references to itself), with an Error's own properties (message, stack, …). */
function safeJson(value) {
	const seen = new WeakSet();
	const text = JSON.stringify(value, (_key, v) => {
		if (typeof v === 'object' && v !== null) {
			if (seen.has(v)) return '[cycle]';
			seen.add(v);
		}
		return v instanceof Error ? Object.fromEntries(Object.getOwnPropertyNames(v).map((key) => [key, v[key]])) : v;
	});
	return text ?? '';
}

/** The parts of an n8n error a secret could hide in, as one JSON text. */
const ERROR_PARTS = ['message', 'description', 'messages', 'cause', 'context', 'errorResponse', 'httpCode', 'stack'];
const errorParts = (error) => (error ? safeJson({ ...Object.fromEntries(ERROR_PARTS.map((k) => [k, error[k]])), json: error }) : '');

module.exports = {
	PUBLIC_KEY,
	PRIVATE_KEY,
	basicOf,
	data,
	ids,
	startKitSandbox,
	useSandbox,
	credentialsFor,
	rl,
	envelopeOf,
	secretsOf,
	findSecrets,
	safeJson,
	errorParts,
	// A port nothing listens on: connecting to it is refused.
	closedPort: freePort,
};
