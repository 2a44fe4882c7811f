'use strict';
/*
 * The node declares one "Additional Fields" collection for all operations; each option says, from
 * the root ('/resource', '/operation'), where it shows. This proves that n8n's editor honours that:
 * the open node's "Add Field" menu offers exactly its own operation's options, each once.
 */
const { assertEqual } = require('../harness/checks');

/** Opens the "Add Field" menu of the node open in the editor and checks it; `check` is a report's (createReport). */
async function checkAdditionalFields(page, check, { resource, operation }) {
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

module.exports = { checkAdditionalFields };
