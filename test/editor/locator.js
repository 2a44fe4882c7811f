'use strict';
/*
 * n8n's resource locator as the editor test reads it in the page: its test ids and the entries its
 * open dropdown shows. Shared by the runner (./identity-list.js, which opens the list) and the cases
 * (./identity-list.cases.js, which read and narrow it).
 */
// Test ids of n8n's resource locator (the same ones n8n's own Playwright tests use).
const ITEM = '[data-test-id="rlc-item"]';
const SEARCH = 'input[data-test-id="rlc-search"], [data-test-id="rlc-search"] input';
const RLC_INPUT = 'input[data-test-id="rlc-input"], [data-test-id="rlc-input"] input';

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

module.exports = { ITEM, SEARCH, RLC_INPUT, entryTexts, settledEntries };
