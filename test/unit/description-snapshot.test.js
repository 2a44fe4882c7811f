// The description n8n gets for the 34 publish, edit, delete and identity operations, byte for byte
// as it was before the operation format changed and the read operations were added: saved
// workflows and the editor depend on it. The fixture was written once from the built node of that
// time; here the same 34 operations are described again by today's code.
const fs = require('node:fs');
const path = require('node:path');

const { nodeDir, nodePath } = require('../..');
const { resources } = require(path.join(nodeDir, 'resources'));
const { describeResources } = require(path.join(nodeDir, 'shared', 'describe'));
const { OneAll } = require(nodePath);

const before = fs.readFileSync(path.join(__dirname, '__fixtures__', 'description-34.json'), 'utf8');
const withoutReads = resources.map((resource) => ({ ...resource, operations: resource.operations.filter((spec) => spec.api !== 'pull') }));

test('the 34 operations are described byte for byte as before', () => {
	const operations = withoutReads.flatMap((resource) => resource.operations);
	expect(operations).toHaveLength(34);
	expect(`${JSON.stringify(describeResources(withoutReads), null, 1)}\n`).toBe(before);
});

test('the node describes the 34 operations and the 16 reads', () => {
	const options = new OneAll().description.properties.filter((property) => property.name === 'operation').flatMap((property) => property.options);
	expect(options).toHaveLength(50);
});

test('two operations that list shared fields in different orders fail at load', () => {
	const twitter = resources.find((resource) => resource.value === 'twitter');
	const getMany = twitter.operations.find((spec) => spec.value === 'getManyTweets');
	const reversed = { ...getMany, value: 'reversed', fields: [...getMany.fields].reverse() };
	expect(() => describeResources([{ ...twitter, operations: [getMany, reversed] }])).toThrow(
		'Two operations list fields they share in different orders: list them in one order',
	);
});

test('an operation value that names an identity in one resource and none in another gets one Identity per resource', () => {
	const twitter = resources.find((resource) => resource.value === 'twitter');
	const identity = resources.find((resource) => resource.value === 'identity');
	const clash = { ...twitter, operations: [{ ...twitter.operations[0], value: 'getMany' }] };
	const declared = describeResources([identity, clash]).filter((property) => property.name === 'identityToken');
	expect(declared.map((property) => property.displayOptions.show)).toEqual([
		{ resource: ['identity'], operation: ['get'] },
		{ resource: ['twitter'], operation: ['getMany'] },
	]);
});
