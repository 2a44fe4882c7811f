#!/usr/bin/env node
'use strict';
/*
 * Editor test (test/README.md): over n8n's REST, the credential test and a 10,600-identity Site's
 * list; then, in headless Chromium, the node's Identity list, its filter, picking, Additional Fields.
 * This file sets up n8n, the sandboxes and the browser, opens the node and its list, and cleans up;
 * the checks are in ./identity-list.cases.js.
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
const { createReport, fail } = require('../harness/checks');
const { ensureDebianPackages } = require('../harness/debian');
const { packToTemp, ROOT, PACKAGE } = require('../harness/pack');
const { manualTrigger, workflow } = require('../harness/workflow');
const { startSandbox } = require('../sandbox/server');
const sandboxData = require('../sandbox/data');
const { ITEM, SEARCH, RLC_INPUT, settledEntries } = require('./locator');
const cases = require('./identity-list.cases');

const { NODE_TYPE, LIST_MODE, CREDENTIALS, IDENTITIES, TWITTER } = cases;

// A plain run keeps its picture out of the tracked files; `npm run screenshot` points this at the README's.
const SCREENSHOT = path.resolve(process.env.EDITOR_SCREENSHOT || path.join(ROOT, 'test', 'editor', '.work', 'identity-list.png'));
const TRACE = process.env.EDITOR_DEBUG && path.join(os.tmpdir(), 'oneall-editor-trace.zip');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const VIEWPORT = { width: 1280, height: 800 };
const NODE_NAME = 'Upload Picture';
// Twitter → Upload Picture, the Identity in "From List" mode with nothing picked yet.
const UPLOAD_PICTURE = {
	name: NODE_NAME,
	type: NODE_TYPE,
	typeVersion: 1,
	parameters: { resource: 'twitter', operation: 'uploadPicture', identityToken: LIST_MODE, pictureUrl: 'https://example.com/picture.png' },
	credentials: { oneAllApi: CREDENTIALS.good },
};
const WORKFLOW = workflow('editorIdentity01', 'OneAll identity list (editor test)', [manualTrigger(), UPLOAD_PICTURE], [['Start', NODE_NAME]]);

const report = createReport();
const { check, say } = report;
const note = (msg) => say(`# ${msg}`);
const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;

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

/** The open list, top of it: the picture the README shows. */
async function saveScreenshot(page) {
	await page.waitForTimeout(300);
	await page.locator(ITEM).first().hover();
	await page.waitForTimeout(200);
	fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
	await page.screenshot({ path: SCREENSHOT });
	check(`screenshot saved: ${path.relative(ROOT, SCREENSHOT)} (${VIEWPORT.width}x${VIEWPORT.height})`, () => fs.statSync(SCREENSHOT).size > 10000);
}

/** The node in the editor, against the sandbox's data and requests. */
async function checkInEditor(run) {
	const page = await openPage(run);
	const sandboxBefore = run.sandbox.requests.length;
	const locator = await openNode(page, run.editor);
	const { dropdown, shown } = await openList(page, locator);
	await cases.checkShownEntries(run, dropdown, shown);
	await cases.checkAllEntries(run, page, dropdown, shown);
	await saveScreenshot(page);
	await cases.checkTypedFilter(run, page);
	await cases.checkPickedIdentity(run, page, locator);
	await cases.checkAdditionalFields(run, page, { resource: 'twitter', operation: 'uploadPicture' });
	cases.checkSandboxRequests(run, sandboxBefore);
}

async function main(run) {
	note(`editor test: ${PACKAGE.name}@${PACKAGE.version}; sandbox data: ${IDENTITIES.length} identities, ${TWITTER.length} twitter`);
	// Debian's browser, installed when missing (as root) unless CHROMIUM_PATH names another.
	if (!process.env.CHROMIUM_PATH) await ensureDebianPackages([{ pkg: 'chromium', probe: () => fs.existsSync(CHROMIUM) }]);
	if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: set CHROMIUM_PATH to a Chromium binary`);
	await setUp(run);
	await cases.checkCredentialTests(run);
	await cases.checkBigSiteList(run);
	await checkInEditor(run);
}

// An exit, not the signal's own end: Playwright kills Chromium and removes its profile in its exit
// hook, which a process ended by a signal never runs. n8n and the temp folders go first (the harness).
stopOnSignals(() => {
	note('interrupted: stopping everything');
	process.exit(130);
});

const run = { report };
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