// The description n8n gets for the 34 publish, edit, delete and identity operations, byte for byte
// as it was before the read operations were added: saved workflows and the editor depend on it.
// The fixture was written once from the built node before the operation format changed; the
// read operations' own properties are the only ones allowed beside it.
const fs = require('node:fs');
const path = require('node:path');
const { OneAll } = require('../../dist/nodes/OneAll/OneAll.node.js');

const before = JSON.parse(fs.readFileSync(path.join(__dirname, '__fixtures__', 'description-34.json'), 'utf8'));
const { properties } = new OneAll().description;

test('the description of the 34 operations is unchanged', () => {
	expect(JSON.stringify(properties)).toBe(JSON.stringify(before));
});
