#!/usr/bin/env node
'use strict';
/* global window, getComputedStyle -- only inside callbacks that run in the page (evaluate, waitForFunction) */
/*
 * Editor test (test/README.md): over n8n's REST, the credential test and a 10,600-identity Site's
 * list; then, in headless Chromium, the node's Identity list, its filter, picking, Additional Fields.
 *   CHROMIUM_PATH=<binary>   another Chromium than Debian's /usr/bin/chromium
 *   EDITOR_SCREENSHOT=<file> where the picture of the open list goes (`npm run screenshot`: the README's)
 *   EDITOR_DEBUG=1           a Playwright trace of the browser steps (`npx playwright-core show-trace <file>`)
 *   N8N_E2E_VERBOSE=1        the harness's log lines
 */
const fs = require('fs');
const os = require('os');
const path = require('path');

if (!process.env.N8N_E2E_VERBOSE) process.env.N8N_E2E_QUIET = '1';

const { createInstance, freePort, onCleanup, stopOnSignals } = require('../harness/n8n');
const { createReport, fail, assertEqual } = require('../harness/checks');
const { ensureDebianPackages } = require('../harness/debian');
const { packToTemp, ROOT, PACKAGE } = require('../harness/pack');
const { manualTrigger, workflow } = require('../harness/workflow');
const { startSandbox } = require('../sandbox/server');
const sandboxData = require('../sandbox/data');

// A plain run keeps its picture out of the tracked files; `npm run screenshot` points this at the README's.
const SCREENSHOT = path.resolve(process.env.EDITOR_SCREENSHOT || path.join(ROOT, 'test', 'editor', '.work', 'identity-list.png'));
const TRACE = process.env.EDITOR_DEBUG && path.join(os.tmpdir(), 'oneall-editor-trace.zip');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const VIEWPORT = { width: 1280, height: 800 };
const NODE_NAME = 'Upload Picture';
const NODE_TYPE = `${PACKAGE.name}.oneAll`;
const LIST_MODE = { __rl: true, mode: 'list', value: '' };
// The right keys, those whose test must say what is wrong with them, and a Site with 10,600 identities.
const CREDENTIALS = {
	good: { id: 'editorSandbox01', name: 'OneAll sandbox' },
	wrongKey: { id: 'editorWrongKey01', name: 'OneAll sandbox (wrong private key)' },
	noSite: { id: 'editorNoSite0001', name: 'OneAll (no Site at this subdomain)' },
	noHost: { id: 'editorNoHost0001', name: 'OneAll (host does not answer)' },
	bigSite: { id: 'editorBigSite001', name: 'OneAll (10,600 identities)' },
};
// Twitter → Upload Picture, the Identity in "From List" mode with nothing picked yet.
const UPLOAD_PICTURE = {
	name: NODE_NAME,
	type: NODE_TYPE,
	typeVersion: 1,
	parameters: { resource: 'twitter', operation: 'uploadPicture', identityToken: LIST_MODE, pictureUrl: 'https://example.com/picture.png' },
	credentials: { oneAllApi: CREDENTIALS.good },
};
const WORKFLOW = workflow('editorIdentity01', 'OneAll identity list (editor test)', [manualTrigger(), UPLOAD_PICTURE], [['Start', NODE_NAME]]);
// Test ids of n8n's resource locator (the same ones n8n's own Playwright tests use).
const ITEM = '[data-test-id="rlc-item"]';
const SEARCH = 'input[data-test-id="rlc-search"], [data-test-id="rlc-search"] input';
const RLC_INPUT = 'input[data-test-id="rlc-input"], [data-test-id="rlc-input"] input';

const report = createReport();
const { check, say } = report;
const note = (msg) => say(`# ${msg}`);
const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;

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

/** Texts of the entries the open dropdown shows right now. */
const entryTexts = (page) => page.locator(ITEM).evaluateAll((els) => els.map((el) => el.textContent.replace(/\s+/g, ' ').trim()));

/** Waits until the list stops changing (no spinner, same entries twice in a row). */
async function settledEntries(page, timeoutMs = 30000) {
	const until = Date.now() + timeoutMs;
	let last = null;
	for (;;) {
		const texts = await entryTexts(page);
		const same = last && texts.length === last.length && texts.every((t, i) => t === last[i]);
		if ((same && texts.length > 0) || Date.now() > until) return texts;
		last = texts;
		await page.waitForTimeout(400);
	}
}

/** The package, the sandboxes, n8n with the credentials and the workflow, the owner, the node type; all kept in `run` for tearDown. */
async function setUp(run) {
	const { tgz } = packToTemp('editor');
	note(`packed ${path.basename(tgz)} (${elapsed()})`);
	run.sandbox = await startSandbox({ port: 0 });
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
	const { publicKey, privateKey, url } = run.sandbox;
	const data = {
		good: { baseUrl: url },
		wrongKey: { baseUrl: url, privateKey: 'not-the-private-key' },
		noSite: { baseUrl: run.noSite.url, subdomain: 'nosuchsite' },
		noHost: { baseUrl: `http://127.0.0.1:${await freePort()}` },
		bigSite: { baseUrl: run.bigSite.url },
	};
	const credential = ([key, c]) => [key, { ...c, type: 'oneAllApi', data: { subdomain: 'sandbox', publicKey, privateKey, ...data[key] } }];
	run.credentials = Object.fromEntries(Object.entries(CREDENTIALS).map(credential));
	await run.n8n.importCredentials(Object.values(run.credentials));
	await run.n8n.importWorkflow(WORKFLOW);
	run.editor = await run.n8n.startEditor({ port: await freePort() });
	note(`editor ready on ${run.editor.url} (${elapsed()})`);
	run.cookies = await run.editor.playwrightCookies();
	check('owner set up and logged in over REST', () => run.cookies.length === 1 && run.cookies[0].value.length > 20);
	const cookie = `${run.cookies[0].name}=${run.cookies[0].value}`;
	const types = await fetch(`${run.editor.url}/types/nodes.json`, { headers: { cookie } }).then((r) => r.json());
	check(`the editor knows the node type ${NODE_TYPE}`, () => Array.isArray(types) && types.some((t) => t.name === NODE_TYPE));
}

/** The browser, n8n (the editor with it), then the sandboxes the editor calls until it stops; a failing stop is noted. */
async function tearDown(run) {
	if (TRACE && run.context) await run.context.tracing.stop({ path: TRACE }).then(() => note(`trace: ${TRACE}`), (e) => note(e.message));
	const stops = [['browser', 'close'], ['n8n', 'cleanup'], ['bigSite', 'close'], ['noSite', 'close'], ['sandbox', 'close']];
	for (const [what, stop] of stops) await Promise.resolve().then(() => run[what]?.[stop]()).catch((e) => note(`cleanup: ${e.message}`));
}

/** The credential test, as the credential dialog runs it: each failure gets its own message. */
async function checkCredentialTests({ editor, sandbox, noSite, credentials }) {
	const rules = new (require(require('../..').credentialPath).OneAllApi)().test.rules;
	const ruleMessage = (status) => rules.find((r) => r.properties.value === status).properties.message;
	const received = (sb) => sb.requests.map((r) => `${r.method} ${r.pathname} ${r.status}`);
	const before = sandbox.requests.length;
	// [credential, the check's words for it, the status and message n8n must answer, what the message must name]
	const cases = [
		['good', 'with the right keys', 'OK', 'Connection successful!'],
		['wrongKey', 'with a wrong private key names the keys', 'Error', ruleMessage(401), /Public Key or the Private Key is wrong for this Site/],
		['noSite', 'for a subdomain without a Site says so', 'Error', ruleMessage(404), /no Site with this subdomain/],
		['noHost', 'for a host that does not answer gets n8n\'s own network message', 'Error', 'ECONNREFUSED'],
	];
	const messages = [];
	for (const [key, words, status, message, re = /./] of cases) {
		const res = (await editor.rest('POST', '/credentials/test', { credentials: credentials[key] })).data;
		if (status === 'Error') messages.push(res.message);
		check(`credential test ${words}: "${res.message}"`, () =>
			(res.status === status && res.message === message && re.test(message)) || fail(JSON.stringify(res)),
		);
	}
	// n8n sends a request once more after a 401 (its credential refresh path), so the wrong key is tried twice.
	const tested = received(sandbox).slice(before);
	check('the sandbox received the test requests: 200 with the right keys, 401 (sent twice by n8n) with the wrong one', () =>
		tested.join(',') === 'GET /identities.json 200,GET /identities.json 401,GET /identities.json 401' || fail(tested.join('\n')),
	);
	check('the Site-less sandbox answered the test request with 404', () =>
		received(noSite).join(',') === 'GET /identities.json 404' || fail(received(noSite).join('\n')),
	);
	check('the three failures give three different messages', () => new Set(messages).size === 3);
}

/** The Identity list of a Site with more than 10,000 identities, as the editor asks n8n for it. */
async function checkBigSiteList({ editor, bigData }) {
	const asked = { path: 'parameters.identityToken', methodName: 'getIdentities', nodeTypeAndVersion: { name: NODE_TYPE, version: 1 },
		currentNodeParameters: { resource: 'twitter', operation: 'uploadPicture', identityToken: LIST_MODE }, credentials: { oneAllApi: CREDENTIALS.bigSite } };
	const identityList = async (filter) =>
		(await editor.rest('POST', '/dynamic-node-parameters/resource-locator-results', { ...asked, filter })).data.results;
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

/** A page of headless Chromium, logged in; it notes page errors and refuses any request that leaves localhost. */
async function openPage(run) {
	run.browser = await require('playwright-core').chromium.launch({
		executablePath: CHROMIUM,
		// Playwright's own handlers would keep the process alive past the harness's (stopOnSignals);
		// its exit hook still kills the browser.
		handleSIGINT: false,
		handleSIGTERM: false,
		handleSIGHUP: false,
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
			'--disable-component-update', '--disable-sync'],
	});
	const context = (run.context = await run.browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: 'en-US', timezoneId: 'UTC' }));
	await context.addCookies(run.cookies);
	if (TRACE) await context.tracing.start({ screenshots: true, snapshots: true });
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
	await page.goto(`${editor.url}/workflow/${WORKFLOW.id}`, { waitUntil: 'domcontentloaded' });
	const nodeOnCanvas = page.locator(`[data-test-id="canvas-node"][data-node-name="${NODE_NAME}"]`);
	await nodeOnCanvas.waitFor({ state: 'visible', timeout: 60000 });
	check(`the workflow opens and shows the node "${NODE_NAME}" on the canvas (${elapsed()})`, () => true);

	await nodeOnCanvas.dblclick();
	const locator = page.locator('[data-test-id="resource-locator-identityToken"]');
	await locator.waitFor({ state: 'visible' });
	check('double-clicking the node opens its parameters with the Identity resource locator', () => true);

	const mode = await locator.locator('[data-test-id="rlc-mode-selector"] input').inputValue().catch(() => '');
	check('the Identity locator is in "From List" mode', () => /from list/i.test(mode) || fail(`mode selector shows ${JSON.stringify(mode)}`));
	return locator;
}

/** Opens the Identity list; returns its dropdown and the entries it shows once settled. */
async function openList(page, locator) {
	await locator.locator(RLC_INPUT).first().click();
	// The popover is teleported to <body> without its data-test-id ("resource-locator-dropdown") in 2.41:
	// the dropdown is the search box's closest ancestor that holds the entries.
	await page.locator(SEARCH).waitFor({ state: 'visible' });
	await page.locator(ITEM).first().waitFor({ state: 'visible' });
	const dropdown = page.locator(SEARCH).locator(`xpath=ancestor::*[.//*[@data-test-id="rlc-item"]][1]`);
	const shown = await settledEntries(page);
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
		.evaluateHandle((root) => [...root.querySelectorAll('*')].find((el) => el.scrollHeight > el.clientHeight + 5 && /auto|scroll/.test(getComputedStyle(el).overflowY)));
	// To the end or the top; true once the end is in view (or there is nothing to scroll).
	const scroll = (toEnd) =>
		scroller.evaluate((el, end) => {
			if (!el) return true;
			el.scrollTop = end ? el.scrollHeight : 0;
			return el.scrollTop + el.clientHeight >= el.scrollHeight - 2;
		}, toEnd);
	for (let k = 0, count = shown.length; k < 40; k++) {
		const atEnd = await scroll(true);
		await page.waitForTimeout(250);
		const now = (await entryTexts(page)).length;
		if (atEnd && now === count) break;
		count = now;
	}
	const entries = await entryTexts(page);
	await scroll(false);
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
	const identityRequests = () => sandbox.requests.filter((r) => r.pathname === '/identities.json').length;
	const requestsBefore = identityRequests();
	await page.locator(SEARCH).first().fill('zo');
	// Until the full list has gone; settledEntries then waits until the narrowed one stops changing.
	await page.locator(ITEM).nth(TWITTER.length - 1).waitFor({ state: 'detached' }).catch(() => {});
	const filtered = await settledEntries(page);
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
	check('picking Zoë Müller puts her in the Identity field', () => picked.includes('Zoë Müller') || fail(`field shows ${JSON.stringify(picked)}`));

	// window.open is stubbed: the click records the URL instead of navigating.
	await page.evaluate(() => {
		window.__opened = [];
		window.open = (u) => void window.__opened.push(String(u));
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

/**
 * The node declares one "Additional Fields" collection for all operations, each option saying from the root
 * ('/resource', '/operation') where it shows: the open node's "Add Field" menu offers exactly its own operation's options, each once.
 */
async function checkAdditionalFields(page, { resource, operation }) {
	const { OneAll } = require(require('../..').nodePath);
	const expected = new OneAll().description.properties
		.find((p) => p.name === 'additionalFields')
		.options.filter((o) => o.displayOptions.show['/resource'].includes(resource) && o.displayOptions.show['/operation'].includes(operation))
		.map((o) => o.displayName)
		.sort();
	// 2.41 shows a menu button when the collection is empty, a select in older editors.
	const add = page.locator('[data-test-id="collection-parameter-add-dropdown"], [data-test-id="collection-parameter-add"]').first();
	await add.scrollIntoViewIfNeeded().catch(() => {});
	await add.waitFor({ state: 'visible', timeout: 15000 });
	const trigger = (await add.locator('button, input').count()) ? add.locator('button, input').first() : add;
	await trigger.click();
	// The menu is teleported to <body>; the trigger names it once it is open.
	const menuId = await trigger.getAttribute('aria-controls');
	const menu = menuId ? page.locator(`[id="${menuId}"]`) : page.locator('[role="menu"]:visible, [role="listbox"]:visible').last();
	const items = menu.locator('[role="menuitem"], [role="option"]');
	await items.first().waitFor({ state: 'visible' });
	const offered = (await items.allInnerTexts()).map((text) => text.trim()).filter(Boolean).sort();
	check(`Additional Fields → Add Field offers exactly ${resource} › ${operation}'s options (${expected.join(', ')})`, () =>
		assertEqual(offered, expected, 'offered'),
	);
	await page.keyboard.press('Escape');
}

/** What the sandbox received while the editor was open, and what left localhost. */
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

/** The node in the editor, against the sandbox's data and requests. */
async function checkInEditor(run) {
	const page = await openPage(run);
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
	await checkAdditionalFields(page, { resource: 'twitter', operation: 'uploadPicture' });
	checkSandboxRequests(run, sandboxBefore);
}

async function main(run) {
	note(`editor test: ${PACKAGE.name}@${PACKAGE.version}; sandbox data: ${IDENTITIES.length} identities, ${TWITTER.length} twitter`);
	// Debian's browser, installed when missing (as root) unless CHROMIUM_PATH names another.
	if (!process.env.CHROMIUM_PATH) await ensureDebianPackages([{ pkg: 'chromium', probe: () => fs.existsSync(CHROMIUM) }]);
	if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: set CHROMIUM_PATH to a Chromium binary`);
	await setUp(run);
	await checkCredentialTests(run);
	await checkBigSiteList(run);
	await checkInEditor(run);
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
		// A report line is one line, cut at 600 characters; the whole error (a locator's call log) goes above it.
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
