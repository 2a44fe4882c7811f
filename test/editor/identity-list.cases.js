'use strict';
/* global window, getComputedStyle -- only inside callbacks that run in the page (evaluate) */
/*
 * The editor test's cases; the runner (./identity-list.js) sets up n8n, the sandboxes and the browser,
 * opens the node and its Identity list, and calls them in order. Each takes `run` (what the runner
 * started, with its `report`), then the page or list it acts on: the credential test and a 10,600-identity
 * Site's list over n8n's REST; then the open list, its filter, picking an identity, Additional Fields,
 * and what the sandbox and the network saw.
 */
const { PACKAGE } = require('../harness/pack');
const { fail, assertEqual } = require('../harness/checks');
const sandboxData = require('../sandbox/data');
const { ITEM, SEARCH, RLC_INPUT, entryTexts, settledEntries } = require('./locator');

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

/** The credential test, as the credential dialog runs it: each failure gets its own message. */
async function checkCredentialTests({ report: { check }, editor, sandbox, noSite, credentials }) {
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
async function checkBigSiteList({ report: { check }, editor, bigData }) {
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

/** What the open list shows: Twitter identities only, the named ones first, names as plain text. */
async function checkShownEntries({ report: { check } }, dropdown, shown) {
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

/** Scrolled to its end, the list holds every Twitter identity of the sandbox, each once. */
async function checkAllEntries({ report: { check } }, page, dropdown, shown) {
	const entries = new Set(await scrollToEnd(page, dropdown, shown));
	check(`after scrolling, the list holds exactly the sandbox's ${TWITTER.length} Twitter identities`, () =>
		(entries.size === TWITTER.length && TWITTER.every((i) => entries.has(labelOf(i)))) ||
		fail(`${entries.size} distinct entries; missing e.g. ${TWITTER.filter((i) => !entries.has(labelOf(i))).slice(0, 3).map(labelOf).join(' | ')}`),
	);
}

/** Typing in the list's search box narrows it to the matching Twitter identities. */
async function checkTypedFilter({ report: { check, say }, sandbox }, page) {
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
	say(`# the filter made ${identityRequests() - requestsBefore} more /identities.json request(s)`);
}

/** Picking an entry fills the field, and the link next to it opens the identity's profile. */
async function checkPickedIdentity({ report: { check } }, page, locator) {
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
async function checkAdditionalFields({ report: { check } }, page, { resource, operation }) {
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
function checkSandboxRequests({ report: { check, say }, sandbox, outside, pageErrors }, sandboxBefore) {
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
	if (pageErrors.length) say(`# page errors (not failing the test): ${pageErrors.slice(0, 3).join(' | ')}`);
}

module.exports = {
	NODE_TYPE,
	LIST_MODE,
	CREDENTIALS,
	IDENTITIES,
	TWITTER,
	checkCredentialTests,
	checkBigSiteList,
	checkShownEntries,
	checkAllEntries,
	checkTypedFilter,
	checkPickedIdentity,
	checkAdditionalFields,
	checkSandboxRequests,
};
