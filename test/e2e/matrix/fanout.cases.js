'use strict';
/*
 * Fan-out (test/e2e/README.md): each post asks the sandbox to answer after a while (`__delay:<ms>`),
 * so that two posts of one identity in flight at once would show as an overlap there.
 */
const { check, assertEqual, expectSuccess, outputOf, pairedIndexes, fail } = require('../../harness/suite');
const { manualTrigger, code, tweet, workflow } = require('../../harness/workflow');
const { expectOrderedPerIdentity, maxOpen, posts, messageOf } = require('./expect');
const { checkAllAuth } = require('../../harness/secrets');

const COUNT = 1000;
/** The node's default bound on requests in flight in one n8n process. */
const MAX_IN_FLIGHT = 50;

function fanoutCases({ take, id }) {
	const cases = [];
	for (const [key, count, delayMs] of [['fan50', 50, 20], ['fan1', 1, 2]]) {
		const tokens = take(count);
		const message = (i) => `[${key}] post ${i} __delay:${delayMs}`;
		const jsCode = [
			`const identities = ${JSON.stringify(tokens)};`,
			`return Array.from({ length: ${COUNT} }, (_, i) => ({`,
			'  json: {',
			'    identity: identities[i % identities.length],',
			`    text: \`[${key}] post \${i} __delay:${delayMs}\`,`,
			'  },',
			'}));',
		].join('\n');
		const nodes = [manualTrigger(), code('Posts', jsCode), tweet('Tweet', { identity: '={{ $json.identity }}' })];
		cases.push({
			key,
			title: `fan-out: ${COUNT} posts to ${count} identit${count === 1 ? 'y' : 'ies'}, the sandbox answering each after ${delayMs} ms`,
			boundMs: 240000,
			workflow: workflow(id(key), `E2E matrix · ${key}`, nodes, [['Start', 'Posts'], ['Posts', 'Tweet']]),
			verify({ run, requests }) {
				check(`${key}: the run succeeds`, () => expectSuccess(run));
				check(`${key}: ${COUNT} posts, all answered 200, each identity's in input order, never two of one identity at once`, () => {
					assertEqual(posts(requests).length, COUNT, 'posts');
					const notOk = posts(requests).filter((r) => r.status !== 200);
					if (notOk.length) fail(`${notOk.length} posts not answered 200`);
					checkAllAuth(requests);
					const want = {};
					for (let i = 0; i < COUNT; i++) (want[tokens[i % count]] = want[tokens[i % count]] || []).push(message(i));
					expectOrderedPerIdentity(requests, want);
				});
				check(`${key}: ${count === 1 ? 'one request in flight at a time' : `identities in parallel, at most ${MAX_IN_FLIGHT} requests in flight`}`, () => {
					const most = maxOpen(posts(requests));
					if (count === 1 ? most !== 1 : most < 2 || most > MAX_IN_FLIGHT) fail(`at most ${most} requests were open at the sandbox at once`);
					return `at most ${most} open at once`;
				});
				check(`${key}: ${COUNT} output items in input order, each its own post's result`, () => {
					const out = outputOf(run, 'Tweet');
					assertEqual(pairedIndexes(out), Array.from({ length: COUNT }, (_, i) => i), 'pairedItem');
					const byMessage = new Map(posts(requests).map((r) => [messageOf(r), r.result]));
					const wrong = out.findIndex((item, i) => JSON.stringify(item.json) !== JSON.stringify(byMessage.get(message(i))));
					if (wrong !== -1) fail(`item ${wrong} is not the result of its own post`);
				});
			},
		});
	}
	return cases;
}

module.exports = { fanoutCases };
