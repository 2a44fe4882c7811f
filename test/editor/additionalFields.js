'use strict';
/*
 * The node declares one "Additional Fields" collection for all operations; each option says, from
 * the root ('/resource', '/operation'), where it shows. This proves that n8n's editor honours that:
 * the open node's "Add Field" menu offers exactly its own operation's options, each once.
 */
const { assertEqual } = require('../harness/checks');

/** The option names the built description shows for one resource and operation. */
function expectedOptions(resource, operation) {
	const { OneAll } = require(require('../..').nodePath);
	const additional = new OneAll().description.properties.find((p) => p.name === 'additionalFields');
	return additional.options
		.filter((o) => o.displayOptions.show['/resource'].includes(resource) && o.displayOptions.show['/operation'].includes(operation))
		.map((o) => o.displayName)
		.sort();
}

/**
 * Opens the "Add Field" menu of the node that is open in the editor and checks what it offers;
 * `check` is a report's (test/harness/checks.js createReport()).
 */
async function checkAdditionalFields(page, check, { resource, operation }) {
	const expected = expectedOptions(resource, operation);
	// 2.41 shows a menu button when the collection is empty, a select in older editors.
	const add = page.locator('[data-test-id="collection-parameter-add-dropdown"], [data-test-id="collection-parameter-add"]').first();
	await add.scrollIntoViewIfNeeded().catch(() => {});
	try {
		await add.waitFor({ state: 'visible', timeout: 15000 });
	} catch (error) {
		const html = await page
			.locator('[data-test-id="parameter-input-list"], .ndv-wrapper, body')
			.first()
			.evaluate((el) => el.outerHTML.replace(/\s+/g, ' '))
			.catch(() => '');
		const at = html.indexOf('Additional Fields');
		throw new Error(`${error.message}\nnear "Additional Fields": ${at < 0 ? '(not on the page)' : html.slice(Math.max(0, at - 300), at + 1500)}`);
	}
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

module.exports = { checkAdditionalFields, expectedOptions };
