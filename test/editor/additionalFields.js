'use strict';
/*
 * The node declares one "Additional Fields" collection for all operations; each option says, from
 * the root ('/resource', '/operation'), where it shows. This proves that n8n's editor honours that:
 * the open node's "Add Field" menu offers exactly its own operation's options, each once.
 */
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');

/** The option names the built description shows for one resource and operation. */
function expectedOptions(resource, operation) {
	const { OneAll } = require(path.join(ROOT, 'dist', 'nodes', 'OneAll', 'OneAll.node.js'));
	const additional = new OneAll().description.properties.find((p) => p.name === 'additionalFields');
	return additional.options
		.filter((o) => o.displayOptions.show['/resource'].includes(resource) && o.displayOptions.show['/operation'].includes(operation))
		.map((o) => o.displayName)
		.sort();
}

/** Opens the "Add Field" menu of the node that is open in the editor and checks what it offers. */
async function checkAdditionalFields(page, ok, { resource, operation }) {
	const expected = expectedOptions(resource, operation);
	const dropdown = page.locator('[data-test-id="collection-parameter-add-dropdown"]').first();
	await dropdown.waitFor({ state: 'visible' });
	await dropdown.locator('button').first().click();
	const items = page.locator('[role="menuitem"]');
	await items.first().waitFor({ state: 'visible' });
	const offered = (await items.allInnerTexts()).map((text) => text.trim()).filter(Boolean).sort();
	ok(
		JSON.stringify(offered) === JSON.stringify(expected),
		`Additional Fields → Add Field offers exactly ${resource} › ${operation}'s options (${expected.join(', ')})`,
		`offered: ${JSON.stringify(offered)}`,
	);
	await page.keyboard.press('Escape');
}

module.exports = { checkAdditionalFields, expectedOptions };
