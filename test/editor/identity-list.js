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
const { createInstance, freePort, killLiveEditors } = require('../e2e/lib/n8n');
const { startSandbox } = require('../sandbox/server');
const { packPackage } = require('../e2e/lib/pack');
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

// ---------------------------------------------------------------------------------------------
// Reporting
// ---------------------------------------------------------------------------------------------
let passed = 0;
let failed = 0;
const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
function ok(cond, name, detail) {
	if (cond) {
		passed++;
		console.log(`ok   - ${name}`);
	} else {
		failed++;
		console.log(`FAIL - ${name}${detail ? `\n       ${String(detail).split('\n').join('\n       ')}` : ''}`);
	}
	return !!cond;
}
function note(msg) {
	console.log(`# ${msg}`);
}

// ---------------------------------------------------------------------------------------------
// Everything this script starts, so that every exit path stops it
// ---------------------------------------------------------------------------------------------
const cleanups = [];
let cleaning = null;
function cleanupAll() {
	if (cleaning) return cleaning;
	cleaning = (async () => {
		for (const fn of cleanups.reverse()) {
			try {
				await fn();
			} catch (e) {
				console.log(`# cleanup: ${e.message}`);
			}
		}
	})();
	return cleaning;
}
for (const sig of ['SIGINT', 'SIGTERM']) {
	process.once(sig, () => {
		console.log(`# ${sig}: stopping everything`);
		if (typeof killLiveEditors === 'function') killLiveEditors(); // n8n first, also while starting
		const hard = setTimeout(() => process.exit(130), 20000);
		hard.unref();
		cleanupAll().finally(() => process.exit(130));
	});
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------
function pack() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oneall-editor-pack-'));
	cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
	return packPackage(dir).tgz;
}

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
// The test
// ---------------------------------------------------------------------------------------------
async function main() {
	note(`editor test: ${PACKAGE.name}@${PACKAGE.version}, identity list of Twitter → Upload Picture`);
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
	const { chromium } = loadPlaywright();

	const all = sandboxData.identities;
	const twitter = all.filter((i) => i.provider === 'twitter');
	const others = all.filter((i) => i.provider !== 'twitter');
	const twitterLabels = new Set(twitter.map(labelOf));
	const otherLabels = new Set(others.map(labelOf));
	const namedTwitter = Object.values(sandboxData.named).filter((i) => i.provider === 'twitter');
	const namedOthers = Object.values(sandboxData.named).filter((i) => i.provider !== 'twitter');
	note(`sandbox data: ${all.length} identities, ${twitter.length} twitter`);

	// 1. pack
	const tgz = pack();
	note(`packed ${path.basename(tgz)} (${elapsed()})`);

	// 2. sandbox
	const sandbox = await startSandbox({ port: 0 });
	cleanups.push(() => sandbox.close());
	note(`sandbox on ${sandbox.url}`);

	// 3. n8n user folder, package, credential, workflow
	const n8n = await createInstance({ line: '2', tarball: tgz });
	cleanups.push(async () => {
		await n8n.cleanup().catch(() => {});
		// an editor killed a moment ago may still have been writing its folder
		fs.rmSync(n8n.folder, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
	});
	note(`n8n ${n8n.version} user folder ${n8n.folder} (${elapsed()})`);
	ok(
		fs.existsSync(path.join(n8n.nodesDir, 'node_modules', PACKAGE.name, 'package.json')),
		`the tarball is installed in .n8n/nodes/node_modules/${PACKAGE.name}`,
	);
	const noSite = await startSandbox({ port: 0, siteExists: false });
	cleanups.push(() => noSite.close());
	const bigData = sandboxData.createData({ total: 10600 });
	const bigSite = await startSandbox({ port: 0, data: bigData });
	cleanups.push(() => bigSite.close());
	const credentialData = {
		[CREDENTIAL.id]: { subdomain: 'sandbox', publicKey: sandbox.publicKey, privateKey: sandbox.privateKey, baseUrl: sandbox.url },
		[WRONG_KEY.id]: { subdomain: 'sandbox', publicKey: sandbox.publicKey, privateKey: 'not-the-private-key', baseUrl: sandbox.url },
		[NO_SITE.id]: { subdomain: 'nosuchsite', publicKey: sandbox.publicKey, privateKey: sandbox.privateKey, baseUrl: noSite.url },
		[NO_HOST.id]: { subdomain: 'sandbox', publicKey: sandbox.publicKey, privateKey: sandbox.privateKey, baseUrl: `http://127.0.0.1:${await freePort()}` },
		[BIG_SITE.id]: { subdomain: 'sandbox', publicKey: sandbox.publicKey, privateKey: sandbox.privateKey, baseUrl: bigSite.url },
	};
	await n8n.importCredentials(
		[CREDENTIAL, WRONG_KEY, NO_SITE, NO_HOST, BIG_SITE].map((c) => ({ ...c, type: 'oneAllApi', data: credentialData[c.id] })),
	);
	await n8n.importWorkflow(workflow());
	note(`credential and workflow imported (${elapsed()})`);

	// 4. editor
	const port = await freePort();
	const editor = await n8n.startEditor({ port });
	cleanups.push(() => editor.stop());
	note(`editor ready on ${editor.url} (${elapsed()})`);
	const cookies = await editor.playwrightCookies();
	ok(cookies.length === 1 && cookies[0].value.length > 20, 'owner set up and logged in over REST');

	// the credential test, as the credential dialog runs it
	const rules = new (require(path.join(ROOT, 'dist', 'credentials', 'OneAllApi.credentials.js')).OneAllApi)().test.rules;
	const ruleMessage = (status) => rules.find((r) => r.properties.value === status).properties.message;
	const credentialTest = async (cred) =>
		(await editor.rest('POST', '/credentials/test', { credentials: { ...cred, type: 'oneAllApi', data: credentialData[cred.id] } })).data;
	const before = sandbox.requests.length;
	const good = await credentialTest(CREDENTIAL);
	ok(good.status === 'OK' && good.message === 'Connection successful!', 'credential test with the right keys: "Connection successful!"', JSON.stringify(good));
	const wrong = await credentialTest(WRONG_KEY);
	ok(
		wrong.status === 'Error' && wrong.message === ruleMessage(401) && /Public Key or the Private Key is wrong for this Site/.test(wrong.message),
		`credential test with a wrong private key names the keys: "${wrong.message}"`,
		JSON.stringify(wrong),
	);
	// n8n sends a request once more after a 401 (its credential refresh path), so the wrong key is tried twice.
	const tested = sandbox.requests.slice(before).map((r) => `${r.method} ${r.pathname} ${r.status}`);
	ok(
		tested.join(',') === 'GET /identities.json 200,GET /identities.json 401,GET /identities.json 401',
		'the sandbox received the test requests: 200 with the right keys, 401 (sent twice by n8n) with the wrong one',
		tested.join('\n'),
	);
	const missing = await credentialTest(NO_SITE);
	ok(
		missing.status === 'Error' && missing.message === ruleMessage(404) && /no Site with this subdomain/.test(missing.message),
		`credential test for a subdomain without a Site says so: "${missing.message}"`,
		JSON.stringify(missing),
	);
	ok(
		noSite.requests.map((r) => `${r.method} ${r.pathname} ${r.status}`).join(',') === 'GET /identities.json 404',
		'the Site-less sandbox answered the test request with 404',
		noSite.requests.map((r) => `${r.method} ${r.url} ${r.status}`).join('\n'),
	);
	const unreachable = await credentialTest(NO_HOST);
	ok(
		unreachable.status === 'Error' && unreachable.message === 'ECONNREFUSED',
		`credential test for a host that does not answer gets n8n's own network message: "${unreachable.message}"`,
		JSON.stringify(unreachable),
	);
	ok(
		new Set([wrong.message, missing.message, unreachable.message]).size === 3,
		'the three failures give three different messages',
	);

	// the Identity list of a Site with more than 10,000 identities, as the editor asks n8n for it
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
	ok(
		cut[0].name === '10,000 of 10,600 shown: type a name or token to search all' &&
			cut[0].value === '' &&
			cut.length === firstTwitter.length + 1,
		`a Site with 10,600 identities: the list's first entry says "${cut[0].name}", then the ${firstTwitter.length} Twitter identities of the first 10,000`,
		JSON.stringify(cut.slice(0, 2)),
	);
	const late = bigAscending.slice(10000).find((i) => i.provider === 'twitter');
	const found = await identityList(late.preferredUsername);
	ok(
		found.length === 1 && found[0].value === late.identity_token && found[0].name === labelOf(late),
		`typing "${late.preferredUsername}" finds ${labelOf(late)}, identity number ${bigAscending.indexOf(late) + 1} of the Site`,
		JSON.stringify(found),
	);

	const types = await fetch(`${editor.url}/types/nodes.json`, {
		headers: { cookie: `${cookies[0].name}=${cookies[0].value}` },
	}).then((r) => r.json());
	ok(
		Array.isArray(types) && types.some((t) => t.name === `${PACKAGE.name}.oneAll`),
		`the editor knows the node type ${PACKAGE.name}.oneAll`,
	);

	// 5. browser
	const browser = await chromium.launch({
		executablePath: CHROMIUM,
		headless: true,
		// this script closes the browser itself, in its own signal handler
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
	cleanups.push(() => browser.close());
	const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: 'en-US', timezoneId: 'UTC' });
	await context.addCookies(cookies);
	const page = await context.newPage();
	page.setDefaultTimeout(30000);
	const pageErrors = [];
	page.on('pageerror', (e) => pageErrors.push(e.message));
	// Nothing but the editor: no request may leave localhost.
	const outside = [];
	await context.route(/^https?:\/\/(?!localhost[:/]|127\.0\.0\.1[:/])/, (route) => {
		outside.push(route.request().url());
		return route.abort();
	});

	const sandboxBefore = sandbox.requests.length;
	await page.goto(`${editor.url}/workflow/${WORKFLOW_ID}`, { waitUntil: 'domcontentloaded' });
	const nodeOnCanvas = page.locator(`[data-test-id="canvas-node"][data-node-name="${NODE_NAME}"]`);
	await nodeOnCanvas.waitFor({ state: 'visible', timeout: 60000 });
	ok(true, `the workflow opens and shows the node "${NODE_NAME}" on the canvas (${elapsed()})`);
	await debugShot(page, 'canvas');

	// open the node (NDV)
	await nodeOnCanvas.dblclick();
	const locator = page.locator('[data-test-id="resource-locator-identityToken"]');
	await locator.waitFor({ state: 'visible' });
	ok(true, 'double-clicking the node opens its parameters with the Identity resource locator');
	await debugShot(page, 'ndv');

	const mode = await locator.locator('[data-test-id="rlc-mode-selector"] input').inputValue().catch(() => '');
	ok(/from list/i.test(mode), 'the Identity locator is in "From List" mode', `mode selector shows ${JSON.stringify(mode)}`);

	// open the list
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

	ok(shown.length > 0, 'the Identity list opens and shows entries');
	const notTwitter = shown.filter((t) => !twitterLabels.has(t));
	ok(notTwitter.length === 0, 'every entry shown is a Twitter identity of the sandbox ("<name> (twitter, <token>…)")', notTwitter.slice(0, 5).join('\n'));
	const leaked = shown.filter((t) => otherLabels.has(t) || !/\(twitter, [0-9a-f]{8}…\)$/.test(t));
	ok(leaked.length === 0, 'no Facebook, LinkedIn, Pinterest, YouTube, Google or GitHub identity shows', leaked.slice(0, 5).join('\n'));
	const dropdownText = await dropdown.first().innerText();
	const otherNamesShown = namedOthers.filter((i) => dropdownText.includes(i.displayName)).map((i) => i.displayName);
	ok(otherNamesShown.length === 0, `none of the named non-Twitter identities (${namedOthers.map((i) => i.displayName).join(', ')}) shows`, otherNamesShown.join(', '));
	const firstNamed = shown.slice(0, namedTwitter.length);
	ok(
		namedTwitter.every((i, k) => firstNamed[k] === labelOf(i)),
		`the named Twitter identities come first, oldest first (${namedTwitter.map((i) => i.displayName).join(', ')})`,
		`first entries: ${firstNamed.join(' | ')}`,
	);
	ok(
		shown.includes(labelOf(sandboxData.named.twitter3)),
		'the identity named `Ada "Tweets" <Lovelace> & Co` shows as plain text (no HTML injection)',
	);

	// all of them: scroll the list to its end so that every entry is rendered
	const scroller = await dropdown
		.first()
		.evaluateHandle((root) => [...root.querySelectorAll('*')].find((el) => el.scrollHeight > el.clientHeight + 5 && /auto|scroll/.test(getComputedStyle(el).overflowY)) || null);
	let all166 = shown;
	if (await scroller.evaluate((el) => !!el)) {
		for (let k = 0; k < 40; k++) {
			const atEnd = await scroller.evaluate((el) => {
				el.scrollTop = el.scrollHeight;
				return el.scrollTop + el.clientHeight >= el.scrollHeight - 2;
			});
			await page.waitForTimeout(250);
			const now = await entryTexts(page);
			if (atEnd && now.length === all166.length) break;
			all166 = now;
		}
		all166 = await entryTexts(page);
		await scroller.evaluate((el) => {
			el.scrollTop = 0;
		});
	}
	const distinct = new Set(all166);
	ok(
		distinct.size === twitter.length && twitter.every((i) => distinct.has(labelOf(i))),
		`after scrolling, the list holds exactly the sandbox's ${twitter.length} Twitter identities`,
		`${distinct.size} distinct entries; missing e.g. ${twitter.filter((i) => !distinct.has(labelOf(i))).slice(0, 3).map(labelOf).join(' | ')}`,
	);

	// the screenshot: the open list, top of it
	await page.waitForTimeout(300);
	await page.locator(ITEM).first().hover();
	await page.waitForTimeout(200);
	fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
	await page.screenshot({ path: SCREENSHOT });
	ok(fs.statSync(SCREENSHOT).size > 10000, `screenshot saved: ${path.relative(ROOT, SCREENSHOT)} (${VIEWPORT.width}x${VIEWPORT.height})`);

	// the typed filter
	const search = page.locator(SEARCH).first();
	const idReqsBeforeFilter = sandbox.requests.filter((r) => r.pathname === '/identities.json').length;
	await search.fill('zo');
	await page.waitForFunction(
		(n) => {
			const items = document.querySelectorAll('[data-test-id="rlc-item"]');
			return items.length > 0 && items.length < n;
		},
		twitter.length,
		{ timeout: 30000 },
	).catch(() => {});
	const filtered = await settledEntries(page);
	await debugShot(page, 'list-filtered');
	const expectedFiltered = twitter
		.filter((i) => `${i.displayName} ${i.preferredUsername} ${i.identity_token}`.toLowerCase().includes('zo'))
		.map(labelOf);
	ok(
		filtered.length === expectedFiltered.length && expectedFiltered.every((l) => filtered.includes(l)),
		`typing "zo" in the search box narrows the list to the matching Twitter identities (${expectedFiltered.length}: ${expectedFiltered.join(', ')})`,
		`shown: ${filtered.join(' | ')}\nexpected: ${expectedFiltered.join(' | ')}`,
	);
	ok(filtered.includes(labelOf(sandboxData.named.twitter2)), 'Zoë Müller is found by typing "zo"');
	const idReqsAfterFilter = sandbox.requests.filter((r) => r.pathname === '/identities.json').length;
	note(`the filter made ${idReqsAfterFilter - idReqsBeforeFilter} more /identities.json request(s)`);

	// pick one
	await page
		.locator(ITEM)
		.filter({ hasText: 'Zoë Müller' })
		.first()
		.click();
	await page.waitForTimeout(500);
	const picked = await locator.locator(RLC_INPUT).first().inputValue().catch(() => '');
	await debugShot(page, 'picked');
	ok(picked.includes('Zoë Müller'), 'picking Zoë Müller puts her in the Identity field', `field shows ${JSON.stringify(picked)}`);

	// the link next to the picked identity opens her profile (window.open is stubbed: no navigation)
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
	ok(
		linkShown && opened.length === 1 && opened[0] === sandboxData.named.twitter2.profileUrl,
		`the open-link button next to the field opens the identity's profile (${sandboxData.named.twitter2.profileUrl})`,
		`link visible: ${linkShown}; opened: ${JSON.stringify(opened)}`,
	);

	// the node's Additional Fields offer its own operation's options only
	await checkAdditionalFields(page, ok, { resource: 'twitter', operation: 'uploadPicture' });

	// 6. what the sandbox received
	const idReqs = sandbox.requests.slice(sandboxBefore).filter((r) => r.pathname === '/identities.json');
	const pages = Math.ceil(all.length / 500);
	ok(idReqs.length >= pages, `the sandbox received GET /identities.json (${idReqs.length} requests, >= ${pages} pages)`);
	ok(
		idReqs.length > 0 && idReqs.every((r) => r.method === 'GET' && r.headers.authorization === sandbox.authHeader && r.status === 200),
		'every /identities.json request carried the credential\'s HTTP Basic header and got 200',
		idReqs.map((r) => `${r.method} ${r.url} ${r.status} auth=${r.headers.authorization === sandbox.authHeader}`).join('\n'),
	);
	const pagesAsked = new Set(idReqs.map((r) => String(r.query && r.query.page)));
	ok(
		[...Array(pages)].every((_, k) => pagesAsked.has(String(k + 1))) && idReqs.every((r) => String(r.query && r.query.entries_per_page) === '500'),
		`all ${pages} pages were asked for, 500 entries a page`,
		idReqs.map((r) => r.url).join('\n'),
	);
	const otherApi = sandbox.requests.slice(sandboxBefore).filter((r) => r.pathname !== '/identities.json');
	ok(otherApi.length === 0, 'opening the list sent nothing else to OneAll (no push)', otherApi.map((r) => `${r.method} ${r.url}`).join('\n'));
	ok(outside.length === 0, 'the editor made no request outside localhost', [...new Set(outside)].slice(0, 5).join('\n'));
	if (pageErrors.length) note(`page errors (not failing the test): ${pageErrors.slice(0, 3).join(' | ')}`);
}

main()
	.catch((e) => {
		ok(false, 'editor test ran to the end', e && e.stack ? e.stack : String(e));
	})
	.then(() => cleanupAll())
	.then(() => {
		console.log(`# took ${elapsed()}`);
		console.log(`${passed} passed, ${failed} failed`);
		process.exit(failed > 0 ? 1 : 0);
	});
