// The credential oneAllApi: its test request really sent (through its own `authenticate`) to the
// sandbox, the subdomain / base URL checks that keep the keys on the OneAll host, and the URL built.
const { runOneAll, credentialType, httpRequest } = require('../helpers/runWorkflow');
const { ids, rl, basicOf, credentialsFor, closedPort, startKitSandbox, PUBLIC_KEY, PRIVATE_KEY, useSandbox } = require('../helpers/kit');
const { INFO_NO_SITE } = require('../sandbox/server');

const { sb } = useSandbox();

const keys = { publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY };

/** What n8n does for a credential test: the test request, through authenticate, then sent. */
async function sendTestRequest(credentials) {
	const options = await credentialType.authenticate(credentials, { ...credentialType.test.request });
	return await httpRequest({ ...options, json: true, returnFullResponse: true });
}

describe('credential description', () => {
	test('type name, display name and fields', () => {
		expect(credentialType.name).toBe('oneAllApi');
		expect(credentialType.displayName).toBe('OneAll API');
		const byName = Object.fromEntries(credentialType.properties.map((p) => [p.name, p]));
		expect(Object.keys(byName).sort()).toEqual(['baseUrl', 'privateKey', 'publicKey', 'subdomain']);
		expect(byName.subdomain).toMatchObject({ type: 'string', required: true });
		expect(byName.publicKey).toMatchObject({ type: 'string', required: true });
		expect(byName.privateKey).toMatchObject({ type: 'string', required: true, typeOptions: { password: true } });
		expect(byName.baseUrl).toMatchObject({ type: 'string', default: '' });
		expect(byName.baseUrl.required).not.toBe(true);
		expect(typeof credentialType.authenticate).toBe('function');
	});

	test('the test request is a cheap GET of /identities.json that carries neither host nor keys itself', () => {
		const { request } = credentialType.test;
		expect(request.method).toBe('GET');
		expect(request.url).toBe('/identities.json');
		expect(Number(request.qs.entries_per_page)).toBe(1);
		// so it is authenticate that must set the host and the Basic auth
		expect(request.baseURL).toBeUndefined();
		expect(request.auth).toBeUndefined();
		expect(JSON.stringify(request.headers ?? {})).not.toMatch(/authorization/i);
	});
});

describe('credential test request, sent to the sandbox', () => {
	test('succeeds with good keys, sent with Basic auth to the configured host', async () => {
		const response = await sendTestRequest(credentialsFor(sb));
		expect(response.statusCode).toBe(200);
		expect(response.body.response.request.status.flag).toBe('success');
		expect(response.body.response.result.data.identities.entries).toHaveLength(1);
		expect(sb.requests).toHaveLength(1);
		const [request] = sb.requests;
		expect(request.method).toBe('GET');
		expect(request.pathname).toBe('/identities.json');
		expect(request.query.entries_per_page).toBe('1');
		expect(request.headers.authorization).toBe(basicOf(PUBLIC_KEY, PRIVATE_KEY));
		expect(request.status).toBe(200);
	});

	test.each([
		['a wrong private key', { privateKey: 'wrong-private' }],
		['a wrong public key', { publicKey: 'wrong-public' }],
		['empty keys', { publicKey: '', privateKey: '' }],
	])('fails with 401 with %s', async (_name, bad) => {
		let caught;
		try {
			await sendTestRequest(credentialsFor(sb, bad));
		} catch (error) {
			caught = error;
		}
		expect(caught).toBeDefined();
		expect(caught.response?.status ?? caught.httpCode).toEqual(401);
		expect(sb.requests).toHaveLength(1);
		expect(sb.requests[0].status).toBe(401);
	});
});

describe('authenticate builds the URL and the Basic auth', () => {
	const request = { method: 'GET', url: '/identities.json' };
	const base = async (credentials) => (await credentialType.authenticate({ ...keys, baseUrl: '', ...credentials }, { ...request })).baseURL;

	test.each([
		['mysite', 'https://mysite.api.oneall.com'],
		['MySite', 'https://mysite.api.oneall.com'],
		['my-site-2', 'https://my-site-2.api.oneall.com'],
		['  mysite  ', 'https://mysite.api.oneall.com'],
		['mysite.api.oneall.com', 'https://mysite.api.oneall.com'],
		['https://mysite.api.oneall.com/', 'https://mysite.api.oneall.com'],
		['https://MySite.api.oneall.com', 'https://mysite.api.oneall.com'],
	])('subdomain %j → %s', async (subdomain, expected) => {
		expect(await base({ subdomain })).toBe(expected);
	});

	test.each([
		['http://127.0.0.1:1234/', 'http://127.0.0.1:1234'],
		['http://127.0.0.1:1234', 'http://127.0.0.1:1234'],
		['https://proxy.example.com', 'https://proxy.example.com'],
	])('base URL %s → %s (and it overrides the subdomain)', async (baseUrl, expected) => {
		expect(await base({ subdomain: 'mysite', baseUrl })).toBe(expected);
	});

	test('keys become HTTP Basic user name and password; the request is kept', async () => {
		const options = await credentialType.authenticate(
			{ subdomain: 'mysite', ...keys, baseUrl: '' },
			{ method: 'POST', url: '/push/x.json', body: { a: 1 }, headers: { 'Content-Type': 'application/json' } },
		);
		expect(options).toMatchObject({
			baseURL: 'https://mysite.api.oneall.com',
			method: 'POST',
			url: '/push/x.json',
			body: { a: 1 },
			headers: { 'Content-Type': 'application/json' },
			auth: { username: PUBLIC_KEY, password: PRIVATE_KEY },
		});
	});

	test('an absolute URL outside the configured Site is refused, one inside it is allowed', async () => {
		const credentials = { subdomain: 'mysite', ...keys, baseUrl: '' };
		await expect(credentialType.authenticate(credentials, { url: 'https://evil.example/identities.json' })).rejects.toThrow(
			/outside the configured Site/,
		);
		await expect(
			credentialType.authenticate(credentials, { url: 'https://mysite.api.oneall.com.evil.example/identities.json' }),
		).rejects.toThrow(/outside the configured Site/);
		const inside = await credentialType.authenticate(credentials, { url: 'https://mysite.api.oneall.com/identities.json' });
		expect(inside.auth).toEqual({ username: PUBLIC_KEY, password: PRIVATE_KEY });
	});
});

describe('bad subdomains and base URLs are refused', () => {
	const badSubdomains = [
		['evil.com/x', /Site Subdomain "evil\.com\/x" is not valid/],
		['a@b', /Site Subdomain "a@b" is not valid/],
		['x.y', /Site Subdomain "x\.y" is not valid/],
		['my site', /Site Subdomain "my site" is not valid/],
		['', /no Site Subdomain/],
		['   ', /no Site Subdomain/],
		['-a', /Site Subdomain "-a" is not valid/],
		['a-', /Site Subdomain "a-" is not valid/],
		['mysite.api.oneall.com.evil.com', /is not valid/],
		['a'.repeat(64), /is not valid/],
	];
	const badBaseUrls = [
		['ftp://x', /Base URL "ftp:\/\/x" is not allowed: it must start with http:\/\/ or https:\/\//],
		['http://a@evil.com', /Base URL "http:\/\/a@evil\.com" is not allowed: it must not contain a user name or password/],
		['http://x/path', /Base URL "http:\/\/x\/path" is not allowed: it must not have a path, query or fragment/],
		['http://x/?q=1', /not allowed: it must not have a path, query or fragment/],
		['not a url', /Base URL "not a url" is not a valid URL/],
	];

	test.each(badSubdomains)('authenticate refuses subdomain %j', async (subdomain, message) => {
		await expect(
			credentialType.authenticate({ subdomain, ...keys, baseUrl: '' }, { method: 'GET', url: '/identities.json' }),
		).rejects.toThrow(message);
	});

	test.each(badBaseUrls)('authenticate refuses base URL %s', async (baseUrl, message) => {
		await expect(
			credentialType.authenticate({ subdomain: 'mysite', ...keys, baseUrl }, { method: 'GET', url: '/identities.json' }),
		).rejects.toThrow(message);
	});

	const tweet = { resource: 'twitter', operation: 'publishTweet', identityToken: rl(ids.twitter), message: 'x' };

	test.each(badSubdomains.slice(0, 7))('through the node, subdomain %j fails with its message before any request', async (subdomain, message) => {
		const { error, output } = await runOneAll({ parameters: tweet, credentials: credentialsFor(sb, { subdomain, baseUrl: '' }) });
		expect(output).toBeUndefined();
		expect(error.message).toMatch(message);
		// refused before any network attempt: not a DNS or connection error
		expect(error.message).not.toMatch(/resolved|refused|reset|timed out/);
		expect(sb.requests).toHaveLength(0);
	});

	// The sandbox's own address, made invalid: had authenticate let it through, the sandbox would see it.
	test.each([
		['a user name', (url) => url.replace('http://', 'http://user:pw@')],
		['a path', (url) => `${url}/path`],
		['a query', (url) => `${url}/?x=1`],
		['ftp://', (url) => url.replace('http://', 'ftp://')],
	])('through the node, the sandbox URL with %s is refused and nothing reaches it', async (_what, make) => {
		const baseUrl = make(sb.url);
		const { error } = await runOneAll({ parameters: tweet, credentials: credentialsFor(sb, { baseUrl }) });
		expect(error.message).toMatch(/Base URL .* is not allowed/);
		expect(sb.requests).toHaveLength(0);
	});

	test.each(badBaseUrls.slice(0, 3))('through the node, base URL %s fails with its message', async (baseUrl, message) => {
		const { error } = await runOneAll({ parameters: tweet, credentials: credentialsFor(sb, { baseUrl }) });
		expect(error.message).toMatch(message);
		expect(sb.requests).toHaveLength(0);
	});

	// n8n's httpRequestWithAuthentication wraps whatever authenticate throws, so the node checks the
	// credential itself once per run; the user must read a credential problem, not a network one.
	test('through the node, a refused credential is reported as a credential problem, not as a network failure', async () => {
		const { error } = await runOneAll({ parameters: tweet, credentials: credentialsFor(sb, { subdomain: 'a@b', baseUrl: '' }) });
		expect(error.message).toBe(
			'The Site Subdomain "a@b" is not valid: use only the subdomain of your OneAll Site (letters, digits and hyphens, e.g. "mysite" for https://mysite.api.oneall.com)',
		);
		expect(error.description).toMatch(/credential/i);
		expect(error.description).not.toMatch(/network/i);
	});

	// A long mistyped subdomain must stay readable in the message that names it.
	test('through the node, a long refused subdomain is shown as typed', async () => {
		const subdomain = 'averyveryverylongsubdomain.example.com';
		const { error } = await runOneAll({ parameters: tweet, credentials: credentialsFor(sb, { subdomain, baseUrl: '' }) });
		expect(error.message).toContain(`"${subdomain}"`);
	});
});

describe('credential test messages: wrong keys, no Site at the subdomain, host not reachable', () => {
	const ruleFor = (status) => credentialType.test.rules.find((rule) => rule.properties.value === status);

	/** The test request as n8n sends it; what came back and the rule n8n would pick for it. */
	async function outcome(credentials) {
		try {
			await sendTestRequest(credentials);
			return { status: 200 };
		} catch (error) {
			const status = error.response?.status;
			return { status, code: error.code, body: error.response?.data, message: status && ruleFor(status)?.properties.message };
		}
	}

	test('the rules: only HTTP 401 and 404 have their own message, each naming what to fix', () => {
		expect(credentialType.test.rules.map((rule) => [rule.type, rule.properties.value])).toEqual([
			['responseCode', 401],
			['responseCode', 404],
		]);
		expect(ruleFor(401).properties.message).toBe(
			'OneAll refused the keys: "Authentication credentials are missing or incorrect". The Public Key or the Private Key is wrong for this Site: copy both from OneAll → Site → API Settings (they are not your dashboard login).',
		);
		expect(ruleFor(404).properties.message).toBe(
			'OneAll has no Site with this subdomain (HTTP 404): check the Site Subdomain (for https://mysite.api.oneall.com enter mysite), and the Base URL if you set one.',
		);
	});

	test.each([
		['private', { privateKey: 'wrong-private' }],
		['public', { publicKey: 'wrong-public' }],
	])('a wrong %s key: OneAll answers 401, and the message names both keys', async (_which, bad) => {
		const result = await outcome(credentialsFor(sb, bad));
		expect(result.status).toBe(401);
		expect(result.message).toMatch(/Public Key or the Private Key is wrong for this Site/);
		expect(sb.requests.map((r) => [r.method, r.pathname, r.status])).toEqual([['GET', '/identities.json', 401]]);
	});

	test('a subdomain without a Site: OneAll answers 404, and the message names the Site Subdomain', async () => {
		const noSite = await startKitSandbox({ siteExists: false });
		try {
			const result = await outcome(credentialsFor(noSite));
			expect(result.status).toBe(404);
			expect(result.body.response.request.status).toEqual({ flag: 'error', code: 404, info: INFO_NO_SITE });
			expect(result.message).toMatch(/^OneAll has no Site with this subdomain \(HTTP 404\): check the Site Subdomain/);
			expect(noSite.requests.map((r) => [r.method, r.pathname, r.status])).toEqual([['GET', '/identities.json', 404]]);
		} finally {
			await noSite.close();
		}
	});

	test('a host that cannot be reached: no HTTP answer, so no rule applies and n8n reports the error code', async () => {
		const result = await outcome(credentialsFor(sb, { baseUrl: `http://127.0.0.1:${await closedPort()}` }));
		expect(result).toEqual({ status: undefined, code: 'ECONNREFUSED', body: undefined, message: undefined });
	});

	test('the keys are good: the test passes', async () => {
		expect(await outcome(credentialsFor(sb))).toEqual({ status: 200 });
	});
});
