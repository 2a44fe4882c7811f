'use strict';

// The credential cannot be sent elsewhere.
//
// Subdomains and base URLs that would change the host are refused before any request. Two servers
// listen: the real sandbox, and an "evil" server that stands in for the attacker's host and counts
// every TCP connection (so an https:// attempt, which never becomes an HTTP request on a plain
// server, is counted too) and every request. Cases that, unrefused, would point at the evil server
// prove the refusal by its zero count; cases that would point at some public host are kept on the
// machine by a guard around the credential's authenticate(): if it ever returns a request for a
// host other than 127.0.0.1, the guard records the leak and throws instead of letting it go out,
// and the test fails. The credential test request (`credentialType.test`) obeys the same rule.

const http = require('node:http');
// httpRequest: n8n's own HTTP helper (what httpRequestWithAuthentication calls after authenticate()).
const { runOneAll, credentialType, httpRequest } = require('../helpers/runWorkflow');
const { PUBLIC_KEY, PRIVATE_KEY, ids, rl, secretsOf, findSecrets, useSandbox } = require('../helpers/kit');

const { sb } = useSandbox();
let evil;

/** A server that records every connection and request, and answers like OneAll would. */
async function startEvil() {
	const state = { connections: 0, requests: [] };
	const server = http.createServer((req, res) => {
		state.requests.push({ method: req.method, url: req.url, authorization: req.headers.authorization });
		res.writeHead(200, { 'Content-Type': 'application/json' });
		res.end('{"response":{"request":{"status":{"flag":"success","code":200,"info":"evil"}},"result":{"data":{"stolen":true}}}}');
	});
	server.on('connection', () => state.connections++);
	server.on('clientError', (_err, socket) => socket.destroy());
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		state,
		port: server.address().port,
		url: `http://127.0.0.1:${server.address().port}`,
		reset() {
			state.connections = 0;
			state.requests.length = 0;
		},
		close: () => new Promise((resolve) => {
			server.closeAllConnections();
			server.close(resolve);
		}),
	};
}

beforeAll(async () => {
	evil = await startEvil();
});
afterAll(async () => {
	await evil?.close();
});

let leaks;
beforeEach(() => {
	evil.reset();
	leaks = [];
	const original = credentialType.authenticate.bind(credentialType);
	jest.spyOn(credentialType, 'authenticate').mockImplementation(async (credentials, requestOptions) => {
		const options = await original(credentials, requestOptions);
		const target = new URL(options.url, options.baseURL);
		if (target.hostname !== '127.0.0.1') {
			leaks.push(target.href);
			throw new Error(`test guard: the credential would have been sent to ${target.href}`);
		}
		return options;
	});
});
afterEach(() => jest.restoreAllMocks());

const credentialWith = (fields) => ({ subdomain: 'mysite', publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY, baseUrl: '', ...fields });

const SUBDOMAIN_REFUSAL = (value) =>
	`The Site Subdomain "${value}" is not valid: use only the subdomain of your OneAll Site (letters, digits and hyphens, e.g. "mysite" for https://mysite.api.oneall.com)`;
const BASE_URL_REFUSAL = (value, problem) => `The Base URL "${value}" is not allowed: ${problem}`;
const NOT_A_URL = (value) => `The Base URL "${value}" is not a valid URL`;

const NO_USERINFO = 'it must not contain a user name or password';
const NO_PATH = 'it must not have a path, query or fragment';
const HTTP_ONLY = 'it must start with http:// or https://';

/**
 * [label, credential fields (a function of the evil port and the sandbox port), expected refusal].
 * The subdomain is trimmed first, so the refusal quotes the trimmed value.
 */
const SUBDOMAINS = [
	['x.evil.com', 'x.evil.com'],
	['evil.com#', 'evil.com#'],
	['a@evil.com', 'a@evil.com'],
	['evil.com/', 'evil.com/'],
	['evil.com:444', 'evil.com:444'],
	['mysite:444 (another port)', 'mysite:444'],
	['127.0.0.1:<evil>/ (the evil server, path after it)', (e) => `127.0.0.1:${e}/`],
	['127.0.0.1:<evil># (the evil server, fragment after it)', (e) => `127.0.0.1:${e}#`],
	['127.0.0.1:<evil>? (the evil server, query after it)', (e) => `127.0.0.1:${e}?`],
	['u:p@127.0.0.1:<evil>/ (userinfo)', (e) => `u:p@127.0.0.1:${e}/`],
	['http://127.0.0.1:<evil>/ (a whole URL)', (e) => `http://127.0.0.1:${e}/`],
	['//127.0.0.1:<evil> (protocol-relative)', (e) => `//127.0.0.1:${e}`],
	['javascript:alert(1)', 'javascript:alert(1)'],
	['ftp://mysite', 'ftp://mysite'],
	['my site (inner space)', 'my site'],
	['mysite<TAB>evil (inner tab)', 'mysite\tevil'],
	['mysite<NEWLINE>.evil.com', 'mysite\n.evil.com'],
	['ex%61mple (percent-encoded letter)', 'ex%61mple'],
	['exampl<KELVIN SIGN> (lower-cases to k)', 'exampl\u212a'],
	['ex<CYRILLIC a>mple', 'ex\u0430mple'],
	['fullwidth ｅｘａｍｐｌｅ', '\uff45\uff58\uff41\uff4d\uff50\uff4c\uff45'],
	['example<ZERO WIDTH SPACE>', 'example\u200b'],
	['ſite (long s, upper-cases to S)', '\u017fite'],
	['-mysite (leading hyphen)', '-mysite'],
	['mysite- (trailing hyphen)', 'mysite-'],
	['64-character label', `${'abcdefgh-'.repeat(7)}x`],
	['mysite.api.oneall.com.evil.com', 'mysite.api.oneall.com.evil.com'],
	['evil.com/.api.oneall.com', 'evil.com/.api.oneall.com'],
	['https://evil.com@mysite.api.oneall.com', 'https://evil.com@mysite.api.oneall.com'],
	['a@b.api.oneall.com', 'a@b.api.oneall.com'],
	['mysite.api.oneall.com:444', 'mysite.api.oneall.com:444'],
	['mysite.api.oneall.com/x', 'mysite.api.oneall.com/x'],
	['backslashes \\\\evil.com', '\\\\evil.com'],
];

const BASE_URLS = [
	['userinfo on the real sandbox', (e, s) => `http://u:p@127.0.0.1:${s}`, NO_USERINFO],
	['sandbox address as userinfo before the evil host', (e, s) => `http://127.0.0.1:${s}@127.0.0.1:${e}`, NO_USERINFO],
	['user name only', (e, s) => `http://admin@127.0.0.1:${s}`, NO_USERINFO],
	['backslash then @ (WHATWG reads \\ as /)', (e, s) => `http://127.0.0.1:${e}\\@127.0.0.1:${s}`, NO_PATH],
	['fragment then @', (e, s) => `http://127.0.0.1:${e}#@127.0.0.1:${s}`, NO_PATH],
	['query then @', (e, s) => `http://127.0.0.1:${e}?@127.0.0.1:${s}`, NO_PATH],
	['a path', (e, s) => `http://127.0.0.1:${s}/push`, NO_PATH],
	['an empty fragment', (e, s) => `http://127.0.0.1:${s}#`, NO_PATH],
	['an empty query', (e, s) => `http://127.0.0.1:${s}/?`, NO_PATH],
	['ftp: scheme', (e, s) => `ftp://127.0.0.1:${s}`, HTTP_ONLY],
	['ws: scheme', (e, s) => `ws://127.0.0.1:${s}`, HTTP_ONLY],
	['file: scheme', () => 'file:///etc/passwd', HTTP_ONLY],
	['javascript: scheme', () => 'javascript:alert(1)', HTTP_ONLY],
	['data: scheme', () => 'data:text/plain,x', HTTP_ONLY],
	['two ports', (e, s) => `http://127.0.0.1:${s}:${e}`, null],
	['a space inside', (e, s) => `http://127.0.0.1:${s} http://127.0.0.1:${e}`, null],
	['no scheme', (e, s) => `127.0.0.1:${s}`, null],
	['protocol-relative', (e) => `//127.0.0.1:${e}`, null],
];

const resolve = (value) => (typeof value === 'function' ? value(evil.port, sb.port) : value);

const tweet = { resource: 'twitter', operation: 'publishTweet', identityToken: rl(ids.twitter), message: 'Hello' };

async function expectRefusedBeforeAnyRequest(credentials, refusal) {
	const { error, output, run } = await runOneAll({ parameters: tweet, items: [{}, {}], credentials });
	expect(output).toBeUndefined();
	expect(error).toBeDefined();
	// The refusal itself reaches the user.
	expect(error.message).toContain(refusal);
	expect(leaks).toEqual([]);
	expect(evil.state.connections).toBe(0);
	expect(evil.state.requests).toEqual([]);
	expect(sb.requests).toHaveLength(0);
	expect(findSecrets([error, run], secretsOf())).toEqual([]);
	return error;
}

async function expectTestRequestRefused(credentials, refusal) {
	const request = { ...credentialType.test.request };
	await expect(credentialType.authenticate(credentials, request)).rejects.toThrow(refusal);
}

describe('subdomains that would change the host are refused before any request', () => {
	test.each(SUBDOMAINS)('%s', async (_label, raw) => {
		const subdomain = resolve(raw);
		const credentials = credentialWith({ subdomain });
		const refusal = SUBDOMAIN_REFUSAL(subdomain.trim());
		await expectRefusedBeforeAnyRequest(credentials, refusal);
		await expectTestRequestRefused(credentials, refusal);
	});
});

describe('base URLs that would change the host or carry the keys elsewhere are refused before any request', () => {
	test.each(BASE_URLS)('%s', async (_label, raw, problem) => {
		const baseUrl = resolve(raw);
		const credentials = credentialWith({ baseUrl });
		const refusal = problem ? BASE_URL_REFUSAL(baseUrl, problem) : NOT_A_URL(baseUrl);
		await expectRefusedBeforeAnyRequest(credentials, refusal);
		await expectTestRequestRefused(credentials, refusal);
	});
});

describe('the refusal reads as a credential problem', () => {
	// n8n reports whatever authenticate() throws as a failed request ("Could not reach …"); the node
	// checks the credential's host rules itself first so that the user reads the credential's own
	// words and is told that nothing was sent.
	test.each([
		['subdomain x.evil.com', { subdomain: 'x.evil.com' }, SUBDOMAIN_REFUSAL('x.evil.com')],
		['base URL with userinfo', { baseUrl: 'http://u:p@127.0.0.1:1' }, BASE_URL_REFUSAL('http://u:p@127.0.0.1:1', NO_USERINFO)],
	])('%s', async (_label, fields, refusal) => {
		const error = await expectRefusedBeforeAnyRequest(credentialWith(fields), refusal);
		expect(error.message).toBe(refusal);
		expect(error.description).toBe('Fix the OneAll API credential. Nothing was sent to OneAll.');
	});
});

describe('accepted values (controls: the rule is not "refuse everything")', () => {
	test.each([
		['mysite', 'https://mysite.api.oneall.com'],
		['MySite', 'https://mysite.api.oneall.com'],
		['  mysite\n', 'https://mysite.api.oneall.com'],
		['my-site-2', 'https://my-site-2.api.oneall.com'],
		['xn--bcher-kva', 'https://xn--bcher-kva.api.oneall.com'],
		['mysite.api.oneall.com', 'https://mysite.api.oneall.com'],
		['https://MySite.api.oneall.com/', 'https://mysite.api.oneall.com'],
		['a'.repeat(63), `https://${'a'.repeat(63)}.api.oneall.com`],
	])('subdomain %j → %s (the credential test request goes there, authenticated)', async (subdomain, baseURL) => {
		jest.restoreAllMocks();
		const options = await credentialType.authenticate(credentialWith({ subdomain }), { ...credentialType.test.request });
		expect(options.baseURL).toBe(baseURL);
		expect(options.url).toBe('/identities.json');
		expect(options.method).toBe('GET');
		expect(options.auth).toEqual({ username: PUBLIC_KEY, password: PRIVATE_KEY });
	});

	test.each([
		['the sandbox origin', (e, s) => `http://127.0.0.1:${s}`],
		['with a trailing slash', (e, s) => `http://127.0.0.1:${s}/`],
		['surrounded by spaces', (e, s) => `  http://127.0.0.1:${s}  `],
		['upper-case scheme', (e, s) => `HTTP://127.0.0.1:${s}`],
	])('base URL %s: the node publishes there and only there', async (_label, raw) => {
		const credentials = credentialWith({ baseUrl: resolve(raw) });
		const { error, output } = await runOneAll({ parameters: tweet, items: [{}], credentials });
		expect(error).toBeUndefined();
		expect(output[0]).toHaveLength(1);
		expect(sb.requests.map((r) => [r.status, r.headers.authorization])).toEqual([[200, sb.authHeader]]);
		expect(evil.state.connections).toBe(0);
	});

	test('the credential test request, sent where authenticate() says, is an authenticated cheap GET the sandbox accepts', async () => {
		const credentials = credentialWith({ baseUrl: sb.url });
		const options = await credentialType.authenticate(credentials, { ...credentialType.test.request });
		const url = new URL(options.url, options.baseURL);
		for (const [key, value] of Object.entries(options.qs ?? {})) url.searchParams.set(key, String(value));
		expect(url.origin).toBe(sb.url);
		expect(url.searchParams.get('entries_per_page')).toBe('1');
		const basic = Buffer.from(`${options.auth.username}:${options.auth.password}`).toString('base64');
		const answer = await fetch(url, { method: options.method, headers: { Authorization: `Basic ${basic}` } });
		expect(answer.status).toBe(200);
		expect(sb.requests.map((r) => [r.method, r.pathname, r.query.entries_per_page])).toEqual([['GET', '/identities.json', '1']]);
	});
});

describe('authenticate() never attaches the keys to a URL outside the configured Site', () => {
	test.each([
		['absolute URL of the evil host', (e) => `http://127.0.0.1:${e}/push/identities/x/twitter/post.json`],
		['upper-case scheme', (e) => `HTTP://127.0.0.1:${e}/x`],
		['sandbox origin as a prefix of a longer port', (e, s) => `http://127.0.0.1:${s}0/x`],
		['sandbox origin as userinfo', (e, s) => `http://127.0.0.1:${s}@127.0.0.1:${e}/x`],
		['scheme without slashes', (e) => `http:127.0.0.1:${e}/x`],
	])('%s is refused', async (_label, raw) => {
		jest.restoreAllMocks();
		await expect(
			credentialType.authenticate(credentialWith({ baseUrl: sb.url }), { method: 'POST', url: resolve(raw) }),
		).rejects.toThrow('Refusing to send OneAll credentials to a URL outside the configured Site');
	});

	test.each([
		['protocol-relative', (e) => `//127.0.0.1:${e}/x`],
		['backslashes', (e) => `\\\\127.0.0.1:${e}/x`],
		['slash-backslash', (e) => `/\\127.0.0.1:${e}/x`],
		['leading space', (e) => ` http://127.0.0.1:${e}/x`],
	])('relative-looking URL %s does not reach the evil host through n8n’s HTTP helper', async (_label, raw) => {
		jest.restoreAllMocks();
		let options;
		try {
			options = await credentialType.authenticate(credentialWith({ baseUrl: sb.url }), { method: 'GET', url: resolve(raw), json: true });
		} catch {
			return; // refused outright: fine
		}
		await httpRequest(options).catch(() => undefined);
		expect(evil.state.connections).toBe(0);
		expect(evil.state.requests).toEqual([]);
	});
});
