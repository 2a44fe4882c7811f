// Small shared helpers for the unit tests in test/unit/: a sandbox with distinctive keys, the
// credential pointing at it, resource-locator values and a few assertions on what was sent.
const { startSandbox } = require('../sandbox/server');
const data = require('../sandbox/data');

// Distinctive keys, so a leak of either one (or of the Basic value) can be found by substring.
const PUBLIC_KEY = 'pub-KEY-4f1c9e7a2b';
const PRIVATE_KEY = 'priv-SECRET-8d3b6a0e5c';

const basicOf = (user, password) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** Identity tokens and pull-list ids of the sandbox's named identities (test/sandbox/data.js). */
const ids = {
	twitter: data.named.twitter.identity_token,
	facebook: data.named.facebook.identity_token,
	linkedin: data.named.linkedin.identity_token,
	pinterest: data.named.pinterest.identity_token,
	youtube: data.named.youtube.identity_token,
	group: '419430400111222',
	group2: '524288000333444',
	page: '104857600123456',
	page2: '209715200654321',
	company: '2414183',
	board: '549755813888001',
	board2: '549755813888002',
	playlist: 'PLsbxA1b2C3d4E5f6G7h8I9j0KlMnOpQrS',
	playlist2: 'PLsbxZ9y8X7w6V5u4T3s2R1q0PoNmLkJiH',
};

async function startKitSandbox(options = {}) {
	return await startSandbox({ publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY, ...options });
}

/** Credential data pointing at the sandbox through the base URL override. */
const credentialsFor = (sb, extra = {}) => ({
	subdomain: 'mysite',
	publicKey: PUBLIC_KEY,
	privateKey: PRIVATE_KEY,
	baseUrl: sb.url,
	...extra,
});

const rl = (value, mode = 'id') => ({ __rl: true, mode, value });

/** Sets `value` at a dotted path, creating objects on the way. */
function setPath(root, path, value) {
	const keys = path.split('.');
	const last = keys.pop();
	let node = root;
	for (const key of keys) node = node[key] ?? (node[key] = {});
	node[last] = value;
	return root;
}

function getPath(root, path) {
	return path.split('.').reduce((node, key) => (node == null ? undefined : node[key]), root);
}

/** Every string the keys could appear as. */
const secretsOf = (publicKey = PUBLIC_KEY, privateKey = PRIVATE_KEY) => [
	publicKey,
	privateKey,
	basicOf(publicKey, privateKey),
	Buffer.from(`${publicKey}:${privateKey}`).toString('base64'),
];

/** JSON.stringify that survives cycles (an error may hold references to itself). */
function safeStringify(value) {
	const seen = new WeakSet();
	const text = JSON.stringify(value, (_key, v) => {
		if (typeof v === 'object' && v !== null) {
			if (seen.has(v)) return '[cycle]';
			seen.add(v);
		}
		if (v instanceof Error) {
			const plain = {};
			for (const k of Object.getOwnPropertyNames(v)) plain[k] = v[k];
			return plain;
		}
		return v;
	});
	return text ?? '';
}

module.exports = {
	PUBLIC_KEY,
	PRIVATE_KEY,
	basicOf,
	ids,
	startKitSandbox,
	credentialsFor,
	rl,
	setPath,
	getPath,
	secretsOf,
	safeStringify,
};
