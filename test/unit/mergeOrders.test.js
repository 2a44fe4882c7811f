// The order in which shared properties are declared: every operation must see its fields in its own order.
const { mergeOrders } = require(`${require('../..').nodeDir}/shared/mergeOrders`);

test('keeps each list\'s order, earliest seen first where the lists leave it open', () => {
	expect(mergeOrders([['message'], ['groupId', 'message'], ['pageId', 'message', 'link']])).toEqual([
		'groupId',
		'pageId',
		'message',
		'link',
	]);
});

test('gives up (undefined) when two lists disagree', () => {
	expect(mergeOrders([['a', 'b'], ['b', 'a']])).toBeUndefined();
});
