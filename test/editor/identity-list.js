#!/usr/bin/env node
'use strict';
/* global document, window, getComputedStyle -- only inside callbacks that run in the page (evaluate, waitForFunction) */
/*
 * Editor test: the Identity "From List" dropdown of a Twitter operation, in a real n8n editor
 * driven by headless Chromium (playwright-core + Debian's /usr/bin/chromium).
 *
 *   npm run build && node test/editor/identity-list.js
 *   CHROMIUM_PATH=/path/to/chrome node test/editor/identity-list.js   another Chromium binary
 *   N8N_E2E_VERBOSE=1 ...   also the harness's log lines       EDITOR_DEBUG=1 ...   step screenshots
 *
 * What it does:
 *   1. `npm pack` the built package into a temp dir;
 *   2. starts the OneAll sandbox (test/sandbox) on a free port;
 *   3. a fresh n8n 2.x user folder with the tarball installed in .n8n/nodes as a user does it,
 *      a `oneAllApi` credential whose Base URL is the sandbox, and a workflow with one OneAll node
 *      (Twitter → Upload Picture, Identity in "From List" mode, nothing picked yet);
 *   4. `n8n start`, owner set-up and login over REST, the auth cookie handed to Chromium;
 *      the credential test over n8n's REST (what the credential dialog calls) for a wrong key, a
 *      subdomain without a Site (a second sandbox that answers as such) and a host that does not
 *      answer: each gets its own message; the Identity list of a Site with 10,600 identities, over
 *      n8n's REST: its first entry says it is cut, and a typed name finds an identity past 10,000;
 *   5. opens the workflow, opens the node, opens the Identity list and checks what it shows
 *      against the sandbox data: Twitter identities only, all of them, the named ones first;
 *      the typed filter; picking an entry; then saves test/editor/.work/identity-list.png
 *      (EDITOR_SCREENSHOT=<file> saves it there instead: `npm run screenshot` refreshes the README's)
 *      (the open list, 1280x800);
 *   6. checks the sandbox received GET /identities.json (every page, 500 a page) with the
 *      credential's HTTP Basic header;
 *   7. stops the browser, the editor and the sandbox, removes the temp folders.
 * Prints one line per check and closes with `N passed, M failed`; exits 1 when M > 0.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');

if (!process.env.N8N_E2E_VERBOSE) process.env.N8N_E2E_QUIET = '1';

const { checkAdditionalFields } = require('./additionalFields');
const { createInstance, freePort, onCleanup, stopOnSignals } = require('../harness/n8n');
const { createReport, fail } = require('../harness/checks');
const { startSandbox } = require('../sandbox/server');
const { packToTemp } = require('../harness/pack');
const sandboxData = require('../sandbox/data');

const ROOT = path.resolve(__dirname, '..', '..');
const PACKAGE = require(path.join(ROOT, 'package.json'));
// A test run writes its picture outside tracked files; `npm run screenshot` refreshes the README's
// picture on purpose by pointing EDITOR_SCREENSHOT at it.
const SCREENSHOT = process.env.EDITOR_SCREENSHOT
	? path.resolve(process.env.EDITOR_SCREENSHOT)
	: path.join(ROOT, 'test', 'editor', '.work', 'identity-list.png');
const DEBUG = !!process.env.EDITOR_DEBUG;
const DEBUG_DIR = path.join(os.tmpdir(), 'oneall-editor-debug');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const VIEWPORT = { width: 1280, height: 800 };
const NODE_NAME = 'Upload Picture';
const CREDENTIAL = { id: 'editorSandbox01', name: 'OneAll sandbox' };
// Credentials whose test must say what is wrong with them.
const WRONG_KEY = { id: 'editorWrongKey01', name: 'OneAll sandbox (wrong private key)' };
const NO_SITE = { id: 'editorNoSite0001', name: 'OneAll (no Site at this subdomain)' };
const NO_HOST = { id: 'editorNoHost0001', name: 'OneAll (host does not answer)' };
const BIG_SITE = { id: 'editorBigSite001', name: 'OneAll (10,600 identities)' };
const WORKFLOW_ID = 'editorIdentity01';
// Test ids of n8n's resource locator (the same ones n8n's own Playwright tests use).
const ITEM = '[data-test-id="rlc-item"]';
const SEARCH = 'input[data-test-id="rlc-search"], [data-test-id="rlc-search"] input';
const RLC_INPUT = 'input[data-test-id="rlc-input"], [data-test-id="rlc-input"] input';

const report = createReport();
const { check, say } = report;
const note = (msg) => say(`# ${msg}`);
const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

function loadPlaywright() {
	try {
		return require('playwright-core');
	} catch (e) {
		throw new Error(`playwright-core is not installed (npm ci installs it as a dev dependency): ${e.message}`);
	}
}

/** The label our getIdentities() gives an identity (see nodes/OneAll/listSearch/getIdentities.ts). */
function labelOf(identity) {
	const label = identity.displayName || identity.preferredUsername || 'Unnamed identity';
	return `${label} (${identity.provider}, ${identity.identity_token.slice(0, 8)}…)`;
}

// What the list must show (the Twitter identities) and must not (all the others).
const IDENTITIES = sandboxData.identities;
const TWITTER = IDENTITIES.filter((i) => i.provider === 'twitter');
const TWITTER_LABELS = new Set(TWITTER.map(labelOf));
const OTHER_LABELS = new Set(IDENTITIES.filter((i) => i.provider !== 'twitter').map(labelOf));
const NAMED_TWITTER = Object.values(sandboxData.named).filter((i) => i.provider === 'twitter');
const NAMED_OTHERS = Object.values(sandboxData.named).filter((i) => i.provider !== 'twitter');

function workflow() {
	return {
		id: WORKFLOW_ID,
		name: 'OneAll identity list (editor test)',
		nodes: [
			{
				id: '5f1e0c2a-0000-4a00-8000-000000000001',
				name: 'When clicking ‘Execute workflow’',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: '5f1e0c2a-0000-4a00-8000-000000000002',
				name: NODE_NAME,
				type: `${PACKAGE.name}.oneAll`,
				typeVersion: 1,
				position: [260, 0],
				parameters: {
					resource: 'twitter',
					operation: 'uploadPicture',
					identityToken: { __rl: true, mode: 'list', value: '' },
					pictureUrl: 'https://example.com/picture.png',
				},
				credentials: { oneAllApi: CREDENTIAL },
			},
		],
		connections: {
			'When clicking ‘Execute workflow’': { main: [[{ node: NODE_NAME, type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

let shot = 0;
async function debugShot(page, name) {
	if (!DEBUG) return;
	fs.mkdirSync(DEBUG_DIR, { recursive: true });
	const file = path.join(DEBUG_DIR, `${String(++shot).padStart(2, '0')}-${name}.png`);
	await page.screenshot({ path: file }).catch(() => {});
	note(`debug screenshot ${file}`);
}

/** Texts of the entries the open dropdown shows right now. */
async function entryTexts(page) {
	return page
		.locator(ITEM)
		.evaluateAll((els) => els.map((el) => el.textContent.replace(/\s+/g, ' ').trim()));
}

/** Waits until the list stops changing (no spinner, same entries twice in a row). */
async function settledEntries(page, { timeoutMs = 30000, minCount = 1 } = {}) {
	const until = Date.now() + timeoutMs;
	let last = null;
	for (;;) {
		const texts = await entryTexts(page);
		const same = last && texts.length === last.length && texts.every((t, i) => t === last[i]);
		if (same && texts.length >= minCount) return texts;
		if (Date.now() > until) return texts;
		last = texts;
		await page.waitForTimeout(400);
	}
}

// ---------------------------------------------------------------------------------------------
// Setup: the sandboxes, n8n with the package, the editor
// ---------------------------------------------------------------------------------------------
/** Playwright's Chromium, on Debian's browser (installed when missing and this runs as root). */
function chromiumBrowser() {
	if (!fs.existsSync(CHROMIUM) && !process.env.CHROMIUM_PATH && process.getuid?.() === 0) {
		// A fresh machine of this project's kind has no browser; Debian's package is the one that runs here.
		note('installing Debian chromium (apt-get install -y chromium)');
		const apt = (args) => require('node:child_process').spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
		apt(['update']);
		apt(['install', '-y', 'chromium']);
	}
	if (!fs.existsSync(CHROMIUM)) {
		throw new Error(`${CHROMIUM} not found: install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH)`);
	}
	return loadPlaywright().chromium;
}

/** Each credential's data: the right keys, a wrong private key, a Site-less subdomain, a closed port, the big Site. */
async function credentialData({ sandbox, noSite, bigSite }) {
	return {
		[CREDENTIAL.id]: { subdomain: 'sandbox', publicKey: sandbox.publicKey, privateKey: sandbox.privateKey, baseUrl: sandbox.url },
		[WRONG_KEY.id]: { subdomain: 'sandbox', publicKey: sandbox.publicKey, privateKey: 'not-the-private-key', baseUrl: sandbox.url },
		[NO_SITE.id]: { subdomain: 'nosuchsite', publicKey: sandbox.publicKey, privateKey: sandbox.privateKey, baseUrl: noSite.url },
		[NO_HOST.id]: { subdomain: 'sandbox', publicKey: sandbox.publicKey, privateKey: sandbox.privateKey, baseUrl: `http://127.0.0.1:${await freePort()}` },
		[BIG_SITE.id]: { subdomain: 'sandbox', publicKey: sandbox.publicKey, privateKey: sandbox.privateKey, baseUrl: bigSite.url },
	};
}

/**
 * Steps 1 to 4: the package, the sandboxes, a fresh n8n user folder with the package, the
 * credentials and the workflow, and the editor with the owner logged in. Whatever starts is put in
 * `run` at once, so that tearDown stops it even when a later step fails.
 */
async function setUp(run) {
	const { tgz } = packToTemp('editor');
	note(`packed ${path.basename(tgz)} (${elapsed()})`);

	run.sandbox = await startSandbox({ port: 0 });
	note(`sandbox on ${run.sandbox.url}`);

	run.n8n = await createInstance({ line: '2', tarball: tgz });
	const { folder } = run.n8n;
	// An editor killed a moment ago may still have been writing its folder.
	onCleanup(() => fs.rmSync(folder, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }));
	note(`n8n ${run.n8n.version} user folder ${folder} (${elapsed()})`);
	check(`the tarball is installed in .n8n/nodes/node_modules/${PACKAGE.name}`, () =>
		fs.existsSync(path.join(run.n8n.nodesDir, 'node_modules', PACKAGE.name, 'package.json')),
	);
	run.noSite = await startSandbox({ port: 0, siteExists: false });
	run.bigData = sandboxData.createData({ total: 10600 });
	run.bigSite = await startSandbox({ port: 0, data: run.bigData });
	run.credentialData = await credentialData(run);
	await run.n8n.importCredentials(
		[CREDENTIAL, WRONG_KEY, NO_SITE, NO_HOST, BIG_SITE].map((c) => ({ ...c, type: 'oneAllApi', data: run.credentialData[c.id] })),
	);
	await run.n8n.importWorkflow(workflow());
	note(`credential and workflow imported (${elapsed()})`);

	run.editor = await run.n8n.startEditor({ port: await freePort() });
	note(`editor ready on ${run.editor.url} (${elapsed()})`);
	run.cookies = await run.editor.playwrightCookies();
	check('owner set up and logged in over REST', () => run.cookies.length === 1 && run.cookies[0].value.length > 20);
}

/**
 * Stops what setUp and the browser started: the sandboxes last, since the editor calls them until it
 * stops. A failing stop is noted and the others still run; the temp folders go when the process
 * exits (onCleanup).
 */
async function tearDown(run) {
	const stops = [
		run.browser && (() => run.browser.close()),
		run.n8n && (() => run.n8n.cleanup()), // the editor with it
		run.bigSite && (() => run.bigSite.close()),
		run.noSite && (() => run.noSite.close()),
		run.sandbox && (() => run.sandbox.close()),
	];
	for (const stop of stops.filter(Boolean)) {
		try {
			await stop();
		} catch (e) {
			note(`cleanup: ${e.message}`);
		}
	}
}

// ---------------------------------------------------------------------------------------------
// Over n8n's REST: the credential test, the Identity list of a big Site, the node type
// ---------------------------------------------------------------------------------------------
/** The credential test, as the credential dialog runs it: each failure gets its own message. */
async function checkCredentialTests({ editor, sandbox, noSite, credentialData: data }) {
	const rules = new (require(require('../..').credentialPath).OneAllApi)().test.rules;
	const ruleMessage = (status) => rules.find((r) => r.properties.value === status).properties.message;
	const credentialTest = async (cred) =>
		(await editor.rest('POST', '/credentials/test', { credentials: { ...cred, type: 'oneAllApi', data: data[cred.id] } })).data;
	const before = sandbox.requests.length;
	const good = await credentialTest(CREDENTIAL);
	check('credential test with the right keys: "Connection successful!"', () =>
		(good.status === 'OK' && good.message === 'Connection successful!') || fail(JSON.stringify(good)),
	);
	const wrong = await credentialTest(WRONG_KEY);
	check(`credential test with a wrong private key names the keys: "${wrong.message}"`, () =>
		(wrong.status === 'Error' && wrong.message === ruleMessage(401) && /Public Key or the Private Key is wrong for this Site/.test(wrong.message)) ||
		fail(JSON.stringify(wrong)),
	);
	// n8n sends a request once more after a 401 (its credential refresh path), so the wrong key is tried twice.
	const tested = sandbox.requests.slice(before).map((r) => `${r.method} ${r.pathname} ${r.status}`);
	check('the sandbox received the test requests: 200 with the right keys, 401 (sent twice by n8n) with the wrong one', () =>
		tested.join(',') === 'GET /identities.json 200,GET /identities.json 401,GET /identities.json 401' || fail(tested.join('\n')),
	);
	const missing = await credentialTest(NO_SITE);
	check(`credential test for a subdomain without a Site says so: "${missing.message}"`, () =>
		(missing.status === 'Error' && missing.message === ruleMessage(404) && /no Site with this subdomain/.test(missing.message)) ||
		fail(JSON.stringify(missing)),
	);
	check('the Site-less sandbox answered the test request with 404', () =>
		noSite.requests.map((r) => `${r.method} ${r.pathname} ${r.status}`).join(',') === 'GET /identities.json 404' ||
		fail(noSite.requests.map((r) => `${r.method} ${r.url} ${r.status}`).join('\n')),
	);
	const unreachable = await credentialTest(NO_HOST);
	check(`credential test for a host that does not answer gets n8n's own network message: "${unreachable.message}"`, () =>
		(unreachable.status === 'Error' && unreachable.message === 'ECONNREFUSED') || fail(JSON.stringify(unreachable)),
	);
	check('the three failures give three different messages', () => new Set([wrong.message, missing.message, unreachable.message]).size === 3);
}

/** The Identity list of a Site with more than 10,000 identities, as the editor asks n8n for it. */
async function checkBigSiteList({ editor, bigData }) {
	const identityList = async (filter) =>
		(
			await editor.rest('POST', '/dynamic-node-parameters/resource-locator-results', {
				path: 'parameters.identityToken',
				methodName: 'getIdentities',
				nodeTypeAndVersion: { name: `${PACKAGE.name}.oneAll`, version: 1 },
				currentNodeParameters: { resource: 'twitter', operation: 'uploadPicture', identityToken: { __rl: true, mode: 'list', value: '' } },
				credentials: { oneAllApi: { id: BIG_SITE.id, name: BIG_SITE.name } },
				filter,
			})
		).data.results;
	const cut = await identityList('');
	const bigAscending = bigData.identities.slice().sort((a, b) => Date.parse(a.date_creation) - Date.parse(b.date_creation));
	const firstTwitter = bigAscending.slice(0, 10000).filter((i) => i.provider === 'twitter');
	check(`a Site with 10,600 identities: the list's first entry says "${cut[0].name}", then the ${firstTwitter.length} Twitter identities of the first 10,000`, () =>
		(cut[0].name === '10,000 of 10,600 shown: type a name or token to search all' && cut[0].value === '' && cut.length === firstTwitter.length + 1) ||
		fail(JSON.stringify(cut.slice(0, 2))),
	);
	const late = bigAscending.slice(10000).find((i) => i.provider === 'twitter');
	const found = await identityList(late.preferredUsername);
	check(`typing "${late.preferredUsername}" finds ${labelOf(late)}, identity number ${bigAscending.indexOf(late) + 1} of the Site`, () =>
		(found.length === 1 && found[0].value === late.identity_token && found[0].name === labelOf(late)) || fail(JSON.stringify(found)),
	);
}

async function checkNodeTypeKnown({ editor, cookies }) {
	const types = await fetch(`${editor.url}/types/nodes.json`, {
		headers: { cookie: `${cookies[0].name}=${cookies[0].value}` },
	}).then((r) => r.json());
	check(`the editor knows the node type ${PACKAGE.name}.oneAll`, () => Array.isArray(types) && types.some((t) => t.name === `${PACKAGE.name}.oneAll`));
}

// ---------------------------------------------------------------------------------------------
// Step 5, in the browser: the Identity list, then the node's Additional Fields
// ---------------------------------------------------------------------------------------------
/** A page of headless Chromium, logged in; it notes page errors and refuses any request that leaves localhost. */
async function openPage(run, chromium) {
	run.browser = await chromium.launch({
		executablePath: CHROMIUM,
		headless: true,
		// Playwright's own handlers would keep the process alive past the harness's (stopOnSignals);
		// its exit hook still kills the browser.
		handleSIGINT: false,
		handleSIGTERM: false,
		handleSIGHUP: false,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
	const context = await run.browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: 'en-US', timezoneId: 'UTC' });
	await context.addCookies(run.cookies);
	const page = await context.newPage();
	page.setDefaultTimeout(30000);
	run.pageErrors = [];
	page.on('pageerror', (e) => run.pageErrors.push(e.message));
	run.outside = [];
	await context.route(/^https?:\/\/(?!localhost[:/]|127\.0\.0\.1[:/])/, (route) => {
		run.outside.push(route.request().url());
		return route.abort();
	});
	return page;
}

/** Opens the workflow, then the node; returns the node's Identity resource locator. */
async function openNode(page, editor) {
	await page.goto(`${editor.url}/workflow/${WORKFLOW_ID}`, { waitUntil: 'domcontentloaded' });
	const nodeOnCanvas = page.locator(`[data-test-id="canvas-node"][data-node-name="${NODE_NAME}"]`);
	await nodeOnCanvas.waitFor({ state: 'visible', timeout: 60000 });
	check(`the workflow opens and shows the node "${NODE_NAME}" on the canvas (${elapsed()})`, () => true);
	await debugShot(page, 'canvas');

	await nodeOnCanvas.dblclick();
	const locator = page.locator('[data-test-id="resource-locator-identityToken"]');
	await locator.waitFor({ state: 'visible' });
	check('double-clicking the node opens its parameters with the Identity resource locator', () => true);
	await debugShot(page, 'ndv');

	const mode = await locator.locator('[data-test-id="rlc-mode-selector"] input').inputValue().catch(() => '');
	check('the Identity locator is in "From List" mode', () => /from list/i.test(mode) || fail(`mode selector shows ${JSON.stringify(mode)}`));
	return locator;
}

/** Opens the Identity list; returns its dropdown and the entries it shows once settled. */
async function openList(page, locator) {
	await locator.locator(RLC_INPUT).first().click();
	// The popover is teleported to <body>; n8n 2.41 does not put its data-test-id
	// ("resource-locator-dropdown") on the DOM, so take the search box's closest ancestor that
	// holds the entries.
	await page.locator(SEARCH).waitFor({ state: 'visible' });
	await page.locator(ITEM).first().waitFor({ state: 'visible' });
	const dropdown = page.locator(SEARCH).locator(`xpath=ancestor::*[.//*[@data-test-id="rlc-item"]][1]`);
	const shown = await settledEntries(page, { minCount: 1 });
	await debugShot(page, 'list-open');
	note(`(${elapsed()}) the list shows ${shown.length} entries; first: ${shown.slice(0, 4).join(' | ')}`);
	return { dropdown, shown };
}

/** What the open list shows: Twitter identities only, the named ones first, names as plain text. */
async function checkShownEntries(dropdown, shown) {
	check('the Identity list opens and shows entries', () => shown.length > 0);
	const notTwitter = shown.filter((t) => !TWITTER_LABELS.has(t));
	check('every entry shown is a Twitter identity of the sandbox ("<name> (twitter, <token>…)")', () => notTwitter.length === 0 || fail(notTwitter.slice(0, 5).join('\n')));
	const leaked = shown.filter((t) => OTHER_LABELS.has(t) || !/\(twitter, [0-9a-f]{8}…\)$/.test(t));
	check('no Facebook, LinkedIn, Pinterest, YouTube, Google or GitHub identity shows', () => leaked.length === 0 || fail(leaked.slice(0, 5).join('\n')));
	const dropdownText = await dropdown.first().innerText();
	const otherNamesShown = NAMED_OTHERS.filter((i) => dropdownText.includes(i.displayName)).map((i) => i.displayName);
	check(`none of the named non-Twitter identities (${NAMED_OTHERS.map((i) => i.displayName).join(', ')}) shows`, () => otherNamesShown.length === 0 || fail(otherNamesShown.join(', ')));
	const firstNamed = shown.slice(0, NAMED_TWITTER.length);
	check(`the named Twitter identities come first, oldest first (${NAMED_TWITTER.map((i) => i.displayName).join(', ')})`, () =>
		NAMED_TWITTER.every((i, k) => firstNamed[k] === labelOf(i)) || fail(`first entries: ${firstNamed.join(' | ')}`),
	);
	check('the identity named `Ada "Tweets" <Lovelace> & Co` shows as plain text (no HTML injection)', () => shown.includes(labelOf(sandboxData.named.twitter3)));
}

/** Scrolls the list to its end so that every entry is rendered, then back up; returns them all. */
async function scrollToEnd(page, dropdown, shown) {
	const scroller = await dropdown
		.first()
		.evaluateHandle((root) => [...root.querySelectorAll('*')].find((el) => el.scrollHeight > el.clientHeight + 5 && /auto|scroll/.test(getComputedStyle(el).overflowY)) || null);
	if (!(await scroller.evaluate((el) => !!el))) return shown;
	let entries = shown;
	for (let k = 0; k < 40; k++) {
		const atEnd = await scroller.evaluate((el) => {
			el.scrollTop = el.scrollHeight;
			return el.scrollTop + el.clientHeight >= el.scrollHeight - 2;
		});
		await page.waitForTimeout(250);
		const now = await entryTexts(page);
		if (atEnd && now.length === entries.length) break;
		entries = now;
	}
	entries = await entryTexts(page);
	await scroller.evaluate((el) => {
		el.scrollTop = 0;
	});
	return entries;
}

/** The open list, top of it: the picture the README shows. */
async function saveScreenshot(page) {
	await page.waitForTimeout(300);
	await page.locator(ITEM).first().hover();
	await page.waitForTimeout(200);
	fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
	await page.screenshot({ path: SCREENSHOT });
	check(`screenshot saved: ${path.relative(ROOT, SCREENSHOT)} (${VIEWPORT.width}x${VIEWPORT.height})`, () => fs.statSync(SCREENSHOT).size > 10000);
}

/** Typing in the list's search box narrows it to the matching Twitter identities. */
async function checkTypedFilter(page, sandbox) {
	const search = page.locator(SEARCH).first();
	const identityRequests = () => sandbox.requests.filter((r) => r.pathname === '/identities.json').length;
	const requestsBefore = identityRequests();
	await search.fill('zo');
	await page
		.waitForFunction(
			(n) => {
				const items = document.querySelectorAll('[data-test-id="rlc-item"]');
				return items.length > 0 && items.length < n;
			},
			TWITTER.length,
			{ timeout: 30000 },
		)
		.catch(() => {});
	const filtered = await settledEntries(page);
	await debugShot(page, 'list-filtered');
	const expectedFiltered = TWITTER.filter((i) => `${i.displayName} ${i.preferredUsername} ${i.identity_token}`.toLowerCase().includes('zo')).map(labelOf);
	check(`typing "zo" in the search box narrows the list to the matching Twitter identities (${expectedFiltered.length}: ${expectedFiltered.join(', ')})`, () =>
		(filtered.length === expectedFiltered.length && expectedFiltered.every((l) => filtered.includes(l))) ||
		fail(`shown: ${filtered.join(' | ')}\nexpected: ${expectedFiltered.join(' | ')}`),
	);
	check('Zoë Müller is found by typing "zo"', () => filtered.includes(labelOf(sandboxData.named.twitter2)));
	note(`the filter made ${identityRequests() - requestsBefore} more /identities.json request(s)`);
}

/** Picking an entry fills the field, and the link next to it opens the identity's profile. */
async function checkPickedIdentity(page, locator) {
	await page.locator(ITEM).filter({ hasText: 'Zoë Müller' }).first().click();
	await page.waitForTimeout(500);
	const picked = await locator.locator(RLC_INPUT).first().inputValue().catch(() => '');
	await debugShot(page, 'picked');
	check('picking Zoë Müller puts her in the Identity field', () => picked.includes('Zoë Müller') || fail(`field shows ${JSON.stringify(picked)}`));

	// window.open is stubbed: the click records the URL instead of navigating.
	await page.evaluate(() => {
		window.__opened = [];
		window.open = (u) => {
			window.__opened.push(String(u));
			return null;
		};
	});
	const link = locator.locator('[data-test-id="rlc-open-resource-link"]').first();
	const linkShown = await link.isVisible().catch(() => false);
	if (linkShown) await link.locator('button, a').first().click().catch(() => link.click());
	const opened = await page.evaluate(() => window.__opened);
	const { profileUrl } = sandboxData.named.twitter2;
	check(`the open-link button next to the field opens the identity's profile (${profileUrl})`, () =>
		(linkShown && opened.length === 1 && opened[0] === profileUrl) || fail(`link visible: ${linkShown}; opened: ${JSON.stringify(opened)}`),
	);
}

/** Step 6: what the sandbox received while the editor was open, and what left localhost. */
function checkSandboxRequests({ sandbox, outside, pageErrors }, sandboxBefore) {
	const received = sandbox.requests.slice(sandboxBefore);
	const idReqs = received.filter((r) => r.pathname === '/identities.json');
	const pages = Math.ceil(IDENTITIES.length / 500);
	check(`the sandbox received GET /identities.json (${idReqs.length} requests, >= ${pages} pages)`, () => idReqs.length >= pages);
	check('every /identities.json request carried the credential\'s HTTP Basic header and got 200', () =>
		(idReqs.length > 0 && idReqs.every((r) => r.method === 'GET' && r.headers.authorization === sandbox.authHeader && r.status === 200)) ||
		fail(idReqs.map((r) => `${r.method} ${r.url} ${r.status} auth=${r.headers.authorization === sandbox.authHeader}`).join('\n')),
	);
	const pagesAsked = new Set(idReqs.map((r) => String(r.query && r.query.page)));
	check(`all ${pages} pages were asked for, 500 entries a page`, () =>
		([...Array(pages)].every((_, k) => pagesAsked.has(String(k + 1))) && idReqs.every((r) => String(r.query && r.query.entries_per_page) === '500')) ||
		fail(idReqs.map((r) => r.url).join('\n')),
	);
	const otherApi = received.filter((r) => r.pathname !== '/identities.json');
	check('opening the list sent nothing else to OneAll (no push)', () => otherApi.length === 0 || fail(otherApi.map((r) => `${r.method} ${r.url}`).join('\n')));
	check('the editor made no request outside localhost', () => outside.length === 0 || fail([...new Set(outside)].slice(0, 5).join('\n')));
	if (pageErrors.length) note(`page errors (not failing the test): ${pageErrors.slice(0, 3).join(' | ')}`);
}

/** Steps 5 and 6: the node in the editor, against the sandbox's data and requests. */
async function checkInEditor(run, chromium) {
	const page = await openPage(run, chromium);
	const sandboxBefore = run.sandbox.requests.length;
	const locator = await openNode(page, run.editor);
	const { dropdown, shown } = await openList(page, locator);
	await checkShownEntries(dropdown, shown);
	const entries = new Set(await scrollToEnd(page, dropdown, shown));
	check(`after scrolling, the list holds exactly the sandbox's ${TWITTER.length} Twitter identities`, () =>
		(entries.size === TWITTER.length && TWITTER.every((i) => entries.has(labelOf(i)))) ||
		fail(`${entries.size} distinct entries; missing e.g. ${TWITTER.filter((i) => !entries.has(labelOf(i))).slice(0, 3).map(labelOf).join(' | ')}`),
	);
	await saveScreenshot(page);
	await checkTypedFilter(page, run.sandbox);
	await checkPickedIdentity(page, locator);
	await checkAdditionalFields(page, check, { resource: 'twitter', operation: 'uploadPicture' });
	checkSandboxRequests(run, sandboxBefore);
}

// ---------------------------------------------------------------------------------------------
// The test
// ---------------------------------------------------------------------------------------------
async function main(run) {
	note(`editor test: ${PACKAGE.name}@${PACKAGE.version}, identity list of Twitter → Upload Picture`);
	const chromium = chromiumBrowser();
	note(`sandbox data: ${IDENTITIES.length} identities, ${TWITTER.length} twitter`);
	await setUp(run);
	await checkCredentialTests(run);
	await checkBigSiteList(run);
	await checkNodeTypeKnown(run);
	await checkInEditor(run, chromium);
}

// An exit, not the signal's own end: Playwright kills Chromium and removes its profile in its exit
// hook, which a process ended by a signal never runs. n8n and the temp folders go first (the harness).
stopOnSignals(() => {
	note('interrupted: stopping everything');
	process.exit(130);
});

const run = {};
main(run)
	.catch((e) => {
		// A report line is one line, cut at 600 characters; the whole error (a locator's call log,
		// the page's HTML near the field) goes above it.
		say(String((e && e.stack) || e).replace(/^/gm, '#   '));
		check('editor test ran to the end', () => fail((e && e.message) || String(e)));
	})
	.then(() => tearDown(run))
	.then(() => {
		note(`took ${elapsed()}`);
		report.close();
		// Nothing this run opened (a keep-alive socket, a browser that would not close) may hold it open.
		process.exit(process.exitCode);
	});
