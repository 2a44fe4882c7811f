'use strict';
/* The suite's keys, distinctive so that any of them in n8n's output, logs or errors is a leak, and the checks for leaks. */
const { assertEqual } = require('./checks');
const { check, fail, errorsOf } = require('./suite');

const KEYS = {
	publicKey: 'e2ePUBLIC-Kq7Zx3Lk-leakcanary',
	privateKey: 'e2ePRIVATE-Wm9Rt5Qp-leakcanary',
	wrongPrivateKey: 'e2eWRONGKEY-Hx2Pv8Jn-leakcanary',
};
const basic = (user, pass) => Buffer.from(`${user}:${pass}`).toString('base64');
const GOOD_AUTH = `Basic ${basic(KEYS.publicKey, KEYS.privateKey)}`;
const WRONG_AUTH = `Basic ${basic(KEYS.publicKey, KEYS.wrongPrivateKey)}`;
const SECRETS = {
	'private key': KEYS.privateKey,
	'public key': KEYS.publicKey,
	'wrong private key': KEYS.wrongPrivateKey,
	'Base64 Authorization value': basic(KEYS.publicKey, KEYS.privateKey),
	'Base64 Authorization value (wrong key)': basic(KEYS.publicKey, KEYS.wrongPrivateKey),
};

/** Where a key, the Base64 Authorization value or an "authorization" JSON key appears in the texts ({ where: text }): ["<what> in <where>", …]. */
function findLeaks(texts) {
	const leaks = [];
	for (const [where, text] of Object.entries(texts)) {
		if (typeof text !== 'string') continue;
		for (const [what, secret] of Object.entries(SECRETS)) if (text.includes(secret)) leaks.push(`${what} in ${where}`);
		if (/"authorization"\s*:/i.test(text)) leaks.push(`an "authorization" header in ${where}`);
	}
	return leaks;
}

/** Secrets: the keys and the Base64 Authorization never appear in the texts. `check`: any report's (default: the e2e
 *  suite's); `also`: more assertions in the same check, e.g. a control that the texts hold what they should. */
function checkNoSecrets(label, texts, { check: checkWith = check, also } = {}) {
	checkWith(label, () => {
		if (also) also();
		const leaks = findLeaks(texts);
		if (leaks.length) fail(`LEAK: ${leaks.join(', ')}`);
		const bytes = Object.values(texts).reduce((a, t) => a + (typeof t === 'string' ? t.length : 0), 0);
		return `${(bytes / 1024).toFixed(0)} KiB scanned`;
	});
}

/** The scanner itself finds planted keys, a Base64 Authorization and an "authorization" header (the leak checks' control). */
function checkLeakScanner(check) {
	check('the leak scanner finds planted keys (control)', () => {
		const planted = findLeaks({
			a: `x ${KEYS.privateKey} y`,
			b: JSON.stringify({ headers: { Authorization: GOOD_AUTH } }),
			c: `"publicKey": "${KEYS.publicKey}"`,
			d: 'nothing to see',
		});
		assertEqual(planted.length, 4, `leaks found in the control texts (${planted.join(', ')})`);
	});
}

const REQUEST_DETAIL_KEYS = /^(config|headers|request|requestOptions|options|auth|authorization|_header|socket|response)$/i;

/** No error carries the HTTP client's request (where n8n would put headers and auth). */
function checkNoRequestDetails(label, run) {
	check(label, () => {
		const hits = [];
		const walk = (v, where, depth) => {
			if (!v || typeof v !== 'object' || depth > 8) return;
			for (const [k, x] of Object.entries(v)) {
				if (k === 'node') continue; // the node's own parameters, not request data
				if (REQUEST_DETAIL_KEYS.test(k)) hits.push(`${where}.${k}`);
				walk(x, `${where}.${k}`, depth + 1);
			}
		};
		const errors = errorsOf(run);
		for (const [where, e] of errors) walk(e, where, 0);
		if (hits.length) fail(`request details attached: ${hits.slice(0, 5).join(', ')}`);
		return `${errors.length} error object(s) inspected`;
	});
}

function checkAllAuth(requests, auth = GOOD_AUTH) {
	const wrong = requests.filter((r) => r.headers.authorization !== auth);
	if (wrong.length) fail(`${wrong.length} request(s) without the credential's Authorization`);
}

module.exports = { KEYS, GOOD_AUTH, WRONG_AUTH, findLeaks, checkNoSecrets, checkLeakScanner, checkNoRequestDetails, checkAllAuth };
