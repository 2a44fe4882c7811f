'use strict';

// Faults are reported, not hidden, and secrets stay secret: every fault OneAll or the network can produce, run through the
// built node in n8n-core's real WorkflowExecute, gives an error with OneAll's info (or the HTTP
// status) and the matching hint; and neither key nor the Basic Authorization value appears in the
// output, the error (cause, context, errorResponse, description, messages) or the run data.

const { runOneAll, credentialType } = require('../helpers/runWorkflow');
const {
	PUBLIC_KEY,
	PRIVATE_KEY,
	ids,
	rl,
	secretsOf,
	credentialsFor,
	findSecrets,
	errorParts,
	safeJson,
	useSandbox,
	closedPort,
} = require('../helpers/kit');

const HINT = {
	400: 'OneAll could not process the request; the message names the part it refused.',
	401: "Check the Public Key and Private Key in the OneAll API credential: they are the Site's API keys from OneAll → Site → API Settings, not your dashboard login.",
	403: "Check the provider's permissions in your OneAll Site (e.g. Twitter Read and Write, Facebook Manage Pages and Publish Pages) and that the identity belongs to this resource's network.",
	404: 'Check the identity token and the page, group, company, board or playlist ID: OneAll does not know one of them.',
	409: 'OneAll accepted the request but could not carry it out now, e.g. a duplicate post.',
	429: "OneAll is rate limiting this Site. Try again later, or space the requests out with the node's Request Options → Batching.",
	500: 'OneAll had an internal error. Try again later.',
	502: 'OneAll is down or in maintenance. Try again later.',
	503: 'OneAll is overloaded. Try again later.',
	network:
		'Check the Site Subdomain (or Base URL) in the OneAll API credential and the network between n8n and OneAll. The post may still have been published if the connection broke after it was sent.',
	timeout:
		"OneAll did not answer in time. Raise the node's Request Options → Timeout, or try again later. The post may still have been published: check before running again.",
};

// OneAll's info texts as the sandbox answers them: the node must pass them through unchanged.
const { DEFAULT_FAULT_INFO: INFO } = require('../sandbox/faults');

const HTML_EXCERPT =
	'"<html> <head><title>502 Bad Gateway</title></head> <body> <center><h1>502 Bad Gateway</h1></center> <hr><center>nginx</center> </body> </html>"';

const WRONG_PRIVATE_KEY = 'hardening-WRONG-private-5c0a77';

const { sb } = useSandbox();
let refusedPort;

beforeAll(async () => {
	refusedPort = await closedPort();
});
afterEach(() => jest.restoreAllMocks());

const tweet = (extra = {}) => ({
	resource: 'twitter',
	operation: 'publishTweet',
	identityToken: rl(ids.twitter),
	message: '={{ $json.m }}',
	...extra,
});

/**
 * name, what makes it fail, expected message (string or RegExp), expected hint (string, or
 * `expect.any(String)` where the node has no fixed text yet).
 * `only: 'second'`: the fault hits only the second of two items (the first is published);
 * otherwise every item fails.
 */
const FAULTS = [
	{ name: '401 (wrong private key)', credentials: { privateKey: WRONG_PRIVATE_KEY }, message: `OneAll error 401: ${INFO[401]}`, hint: HINT[401], status: 401 },
	{ name: '401', marker: '401', message: `OneAll error 401: ${INFO[401]}`, hint: HINT[401], status: 401 },
	{ name: '403', marker: '403', message: `OneAll error 403: ${INFO[403]}`, hint: HINT[403], status: 403 },
	{
		name: '403 (identity of another network)',
		parameters: { identityToken: rl(ids.facebook) },
		message: `OneAll error 403: The identity with the identity_token [${ids.facebook}] belongs to the provider [facebook] and cannot be used with the [twitter] API.`,
		hint: HINT[403],
		status: 403,
	},
	{ name: '404', marker: '404', message: `OneAll error 404: ${INFO[404]}`, hint: HINT[404], status: 404 },
	{
		name: '404 (unknown identity)',
		parameters: { identityToken: rl('00000000-0000-4000-8000-000000000000') },
		message: 'OneAll error 404: The identity with the identity_token [00000000-0000-4000-8000-000000000000] could not be found.',
		hint: HINT[404],
		status: 404,
	},
	{ name: '409', marker: '409', message: `OneAll error 409: ${INFO[409]}`, hint: HINT[409], status: 409 },
	{ name: '429', marker: '429', message: `OneAll error 429: ${INFO[429]}`, hint: HINT[429], status: 429 },
	{ name: '500', marker: '500', message: `OneAll error 500: ${INFO[500]}`, hint: HINT[500], status: 500 },
	{ name: '502', marker: '502', message: `OneAll error 502: ${INFO[502]}`, hint: HINT[502], status: 502 },
	{ name: '503', marker: '503', message: `OneAll error 503: ${INFO[503]}`, hint: HINT[503], status: 503 },
	{
		name: '200 with flag "error"',
		marker: 'flagError',
		message: 'OneAll error 400: The request cannot be processed. The social network has rejected the content.',
		hint: HINT[400],
		status: 200,
	},
	{ name: 'HTML page (502)', marker: 'html', message: `OneAll answered HTTP 502 with a body that is not JSON: ${HTML_EXCERPT}`, hint: HINT[502], status: 502 },
	// A 2xx answer that cannot be read: OneAll may have published. The node gives no hint here yet.
	{ name: 'empty body (200)', marker: 'empty', message: 'OneAll answered HTTP 200 with a body that is not JSON: (empty body)', hint: 'unreadable', status: 200 },
	{
		name: 'truncated JSON (200)',
		marker: 'truncated',
		message: /^OneAll answered HTTP 200 with a body that is not JSON: "\{"response":\{"request":\{"date":"[^"]+","resource":"\/push\/identities\/[0-9a-f-]{36}\/twitter\/post\.json","status":\{[^"]*"[^"]*/,
		hint: 'unreadable',
		status: 200,
	},
	{ name: 'connection refused', network: 'refused', message: 'Could not reach OneAll: the connection was refused', hint: HINT.network },
	{ name: 'unresolvable host', network: 'invalid', message: 'Could not reach OneAll: the host name could not be resolved', hint: HINT.network },
	{ name: 'no answer (timeout 1000 ms)', marker: 'hang', timeout: 1000, message: 'Could not reach OneAll: the request timed out', hint: HINT.timeout },
];

function setupOf(fault) {
	let credentials = credentialsFor(sb, fault.credentials ?? {});
	if (fault.network === 'refused') credentials = credentialsFor(sb, { baseUrl: `http://127.0.0.1:${refusedPort}` });
	// `.invalid` never resolves (RFC 2606): nothing leaves the machine.
	if (fault.network === 'invalid') credentials = credentialsFor(sb, { baseUrl: 'http://oneall-sandbox.invalid' });
	const parameters = tweet({
		...(fault.parameters ?? {}),
		...(fault.timeout ? { requestOptions: { timeout: fault.timeout } } : {}),
	});
	const failing = fault.marker ? `Hello __fault:${fault.marker}` : 'Hello';
	// With a marker only the second item meets the fault; otherwise both items fail.
	const items = [{ m: 'First' }, { m: failing }];
	const firstFails = !fault.marker;
	const secrets = secretsOf(credentials.publicKey, credentials.privateKey).concat(secretsOf(PUBLIC_KEY, PRIVATE_KEY));
	return { credentials, parameters, items, firstFails, secrets };
}

/** The messages the node gives for a fault: exact text, and the hint. */
function expectReported(error, fault) {
	expect(error).toBeDefined();
	if (fault.message instanceof RegExp) expect(error.message).toMatch(fault.message);
	else expect(error.message).toBe(fault.message);
	if (fault.hint === 'unreadable') {
		// No fixed wording is required, but the user must be told something about an answer that
		// could not be read after a POST (it may have been published).
		expect(typeof error.description).toBe('string');
		expect(error.description.length).toBeGreaterThan(0);
	} else {
		expect(error.description).toBe(fault.hint);
	}
}

function expectNoSecrets(secrets, ...roots) {
	for (const root of roots) {
		expect(findSecrets(root, secrets)).toEqual([]);
		const text = typeof root === 'string' ? root : safeJson(root);
		for (const secret of secrets) expect(text.includes(secret)).toBe(false);
	}
}

describe.each(FAULTS)('$name', (fault) => {
	test('stop on error: the message carries OneAll’s info or the status, with the matching hint', async () => {
		const { credentials, parameters, items, firstFails } = setupOf(fault);
		const started = Date.now();
		const { error, output } = await runOneAll({ parameters, items, credentials });
		expectReported(error, fault);
		expect(output).toBeUndefined();
		expect(error.context.itemIndex).toBe(firstFails ? 0 : 1);
		// Each item is its own post: both are sent, and the run reports the first failure.
		if (fault.status) expect(sb.requests.map((r) => r.status)).toEqual(firstFails ? [fault.status, fault.status] : [200, fault.status]);
		if (fault.network) expect(sb.requests).toHaveLength(0);
		if (fault.timeout) {
			expect(Date.now() - started).toBeGreaterThanOrEqual(fault.timeout - 50);
			expect(Date.now() - started).toBeLessThan(fault.timeout + 10_000);
		}
	});

	test('error output: the failing item carries the same error, paired with its input', async () => {
		const { credentials, parameters, items, firstFails } = setupOf(fault);
		const { error, output } = await runOneAll({ parameters, items, credentials, onError: 'continueErrorOutput' });
		expect(error).toBeUndefined();
		const [success, failed] = output;
		expect(success.map((i) => i.pairedItem)).toEqual(firstFails ? [] : [{ item: 0 }]);
		expect(failed.map((i) => i.pairedItem)).toEqual(firstFails ? [{ item: 0 }, { item: 1 }] : [{ item: 1 }]);
		for (const item of failed) {
			expectReported(item.error, fault);
			expect(item.json.error).toBe(item.error.message);
		}
	});

	test('no key and no Authorization value in the output, the error or the run data', async () => {
		const { credentials, parameters, items, secrets } = setupOf(fault);
		const stopped = await runOneAll({ parameters, items, credentials });
		expect(stopped.error).toBeDefined();
		const continued = await runOneAll({ parameters, items, credentials, onError: 'continueErrorOutput' });
		const errors = [stopped.error, ...continued.output[1].map((i) => i.error)];
		expectNoSecrets(
			secrets,
			JSON.stringify(continued.output ?? null),
			...errors.map(errorParts),
			...errors,
			...errors.map((e) => [e.cause, e.context, e.errorResponse, e.description, e.messages]),
			stopped.run,
			continued.run,
		);
		// The keys did travel, to the right host only: the scan would have found them.
		if (!fault.network) {
			expect(sb.requests.length).toBeGreaterThan(0);
			expect(findSecrets(sb.requests, secrets).length).toBeGreaterThan(0);
		}
	});
});

describe('timeout', () => {
	const timeoutsSeen = () => {
		const seen = [];
		const original = credentialType.authenticate.bind(credentialType);
		jest.spyOn(credentialType, 'authenticate').mockImplementation(async (credentials, requestOptions) => {
			seen.push(requestOptions.timeout);
			return await original(credentials, requestOptions);
		});
		return seen;
	};

	test.each([
		['unset', undefined, 60_000],
		['Request Options without a timeout', {}, 60_000],
		['1000 ms', { timeout: 1000 }, 1000],
		['250000 ms', { timeout: 250_000 }, 250_000],
	])('%s → the request is sent with a timeout of the expected ms', async (_label, requestOptions, expected) => {
		const seen = timeoutsSeen();
		const parameters = tweet(requestOptions === undefined ? {} : { requestOptions });
		const { error } = await runOneAll({ parameters, items: [{ m: 'a' }, { m: 'b' }], credentials: credentialsFor(sb) });
		expect(error).toBeUndefined();
		expect(seen).toEqual([expected, expected]);
		expect(sb.requests).toHaveLength(2);
	});
});

describe('the secret scan can fail', () => {
	const secrets = secretsOf();
	test('finds a key in an error cause, a header object, a message and a non-enumerable property', () => {
		const inCause = new Error('outer', { cause: { config: { headers: { Authorization: secrets[3] } } } });
		expect(findSecrets(inCause, secrets).length).toBeGreaterThan(0);
		expect(findSecrets([{ json: { error: `key ${PRIVATE_KEY}` } }], secrets).length).toBeGreaterThan(0);
		const hidden = {};
		Object.defineProperty(hidden, 'auth', { value: { password: PRIVATE_KEY }, enumerable: false });
		expect(findSecrets(hidden, secrets).length).toBeGreaterThan(0);
		expect(findSecrets(new Map([['k', Buffer.from(PUBLIC_KEY)]]), secrets).length).toBeGreaterThan(0);
		expect(findSecrets({ clean: 'nothing here' }, secrets)).toEqual([]);
	});
});
