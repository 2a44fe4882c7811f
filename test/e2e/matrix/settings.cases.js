'use strict';
/*
 * The node under n8n's own settings: Execute Once, Always Output Data, On Error (stop, continue on
 * the regular output, continue on the error output) × (an expression n8n rejects, a OneAll 500, a
 * blank required text), Retry On Fail with a 500 and a 429, Request Options (Batching on and off,
 * Timeout against a server that never answers), Loop Over Items around the node, and the node in a
 * sub-workflow. Each case is its own workflow, run in one `execute-batch` process per n8n line.
 */
const { check, assertEqual, assertMatch, expectSuccess, expectStopped, runData, outputOf, pairedIndexes, show, fail } = require('../../harness/suite');
const { SANDBOX_TLS_CREDENTIAL, manualTrigger, items, noOp, tweet, workflow } = require('../../harness/workflow');
const { messageHas, expectSent, expectItems, expectOrderedPerIdentity, posts } = require('./expect');

/** Item 1 of the On Error cases goes wrong in one of three ways. */
const KINDS = {
	expression: { title: 'an expression n8n rejects', item: (key) => ({ text: `[${key}] item 1`, broken: true }) },
	500: { title: 'a OneAll 500', item: (key) => ({ text: `[${key}] item 1 __fault:500` }) },
	blank: { title: 'a blank required Message', item: () => ({ text: '' }) },
};
/** Only item 1 ever evaluates the missing node: n8n rejects the expression for that item alone. */
const MESSAGE = '={{ $json.broken ? $("Missing Node").item.json.x : $json.text }}';
/** jest pins the message's text; here its stable parts: the parameter, the expression it quotes, the item. */
const quoted = MESSAGE.slice(1).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const BLANK_ERROR = new RegExp(`^Message \\(message\\) is empty: .*${quoted}.*\\[item 1\\]$`);
/** What n8n itself says when an expression names a node that does not exist, per n8n line. */
const MISSING_NODE = { 1: "Referenced node doesn't exist", 2: "Referenced node doesn't exist" };

const MODES = {
	stop: { title: 'On Error: stop', settings: {} },
	regular: { title: 'On Error: continue (regular output)', settings: { onError: 'continueRegularOutput' } },
	errorOutput: { title: 'On Error: continue (error output)', settings: { onError: 'continueErrorOutput' } },
};

const text = (key, i) => `[${key}] item ${i}`;

function executeOnce({ take, id, add }) {
	const key = 'once';
	const [who] = take(1);
	add({
		key,
		title: 'Execute Once, 3 input items',
		workflow: workflow(id(key), `E2E matrix · ${key}`, [
			manualTrigger(),
			items('Posts', [0, 1, 2].map((i) => ({ text: text(key, i) }))),
			tweet('Tweet', { identity: who, executeOnce: true }),
			noOp('After'),
		], [['Start', 'Posts'], ['Posts', 'Tweet'], ['Tweet', 'After']]),
		verify({ run, requests }) {
			check(`${key}: the run succeeds`, () => expectSuccess(run));
			check(`${key}: exactly 1 request, for item 0`, () => expectSent(requests, [[text(key, 0), 200]]));
			check(`${key}: 1 output item, OneAll's result for item 0, pairedItem 0; the next node gets it`, () => {
				expectItems(run, 'Tweet', 0, requests, [{ post: text(key, 0), paired: 0 }]);
				assertEqual(outputOf(run, 'After').length, 1, '"After" items');
			});
		},
	});
}

function alwaysOutputData({ take, id, add }) {
	const key = 'always';
	const [failing, fine] = take(2);
	add({
		key,
		title: 'Always Output Data',
		workflow: workflow(id(key), `E2E matrix · ${key}`, [
			manualTrigger(),
			items('All Fail', [0, 1].map((i) => ({ text: `${text(key, i)} fails __fault:500` }))),
			tweet('Tweet (all fail)', { identity: failing, alwaysOutputData: true, onError: 'continueErrorOutput' }),
			noOp('Success Branch'),
			noOp('Error Branch'),
			items('All Succeed', [2, 3].map((i) => ({ text: text(key, i) }))),
			tweet('Tweet (all succeed)', { identity: fine, alwaysOutputData: true }),
			noOp('After'),
		], [
			['Start', 'All Fail'], ['All Fail', 'Tweet (all fail)'], ['Tweet (all fail)', 'Success Branch'], ['Tweet (all fail)', 'Error Branch', { output: 1 }],
			['Start', 'All Succeed'], ['All Succeed', 'Tweet (all succeed)'], ['Tweet (all succeed)', 'After'],
		]),
		verify({ run, requests }) {
			check(`${key}: the run succeeds`, () => expectSuccess(run));
			check(`${key}: both failing posts and both good posts were sent once`, () =>
				expectSent(requests, [[`${text(key, 0)} fails __fault:500`, 500], [`${text(key, 1)} fails __fault:500`, 500], [text(key, 2), 200], [text(key, 3), 200]].sort(byOrderOf(requests))),
			);
			check(`${key}: every item failed → n8n adds one empty item on the success output (pairedItem: all inputs); the error output has both errors`, () => {
				const empty = outputOf(run, 'Tweet (all fail)', 0);
				assertEqual(empty.map((i) => i.json), [{}], 'success output json');
				assertEqual(empty[0].pairedItem, [{ item: 0, input: 0 }, { item: 1, input: 0 }], 'success output pairedItem');
				expectItems(run, 'Tweet (all fail)', 1, requests, [{ error: messageHas('500'), paired: 0 }, { error: messageHas('500'), paired: 1 }]);
				assertEqual([outputOf(run, 'Success Branch').length, outputOf(run, 'Error Branch').length], [1, 2], '[Success Branch, Error Branch] items');
			});
			check(`${key}: with output to give, nothing is added (2 items in, 2 posts out)`, () =>
				expectItems(run, 'Tweet (all succeed)', 0, requests, [{ post: text(key, 2), paired: 0 }, { post: text(key, 3), paired: 1 }]),
			);
		},
	});
}

/** On Error (each mode) × what goes wrong with item 1 (each kind). */
function onError({ take, id, add }) {
	for (const [modeName, mode] of Object.entries(MODES)) {
		for (const [kindName, kind] of Object.entries(KINDS)) {
			const key = `err-${modeName}-${kindName}`;
			const [who] = take(1);
			const input = [{ text: text(key, 0) }, kind.item(key), { text: text(key, 2) }];
			add({
				key,
				title: `${mode.title}, ${kind.title} for item 1 of 3`,
				workflow: workflow(id(key), `E2E matrix · ${key}`, [
					manualTrigger(),
					items('Posts', input),
					tweet('Tweet', { identity: who, message: MESSAGE, ...mode.settings }),
					noOp('After'),
					...(modeName === 'errorOutput' ? [noOp('Failed')] : []),
				], [['Start', 'Posts'], ['Posts', 'Tweet'], ['Tweet', 'After'], ...(modeName === 'errorOutput' ? [['Tweet', 'Failed', { output: 1 }]] : [])]),
				verify: (ctx) => verifyOnError(key, modeName, kindName, input, ctx),
			});
		}
	}
}

function retryOnFail({ take, id, add }) {
	for (const status of [500, 429]) {
		const message = messageHas(String(status));
		{
			const key = `retry-stop-${status}`;
			const [who] = take(1);
			const bad = `${text(key, 1)} __fault:${status}`;
			add({
				key,
				title: `Retry On Fail (2 tries), stop, a persistent ${status} on item 1 of 3`,
				workflow: workflow(id(key), `E2E matrix · ${key}`, [
					manualTrigger(),
					items('Posts', [{ text: text(key, 0) }, { text: bad }, { text: text(key, 2) }]),
					tweet('Tweet', { identity: who, retryOnFail: true, maxTries: 2, waitBetweenTries: 100 }),
					noOp('After'),
				], [['Start', 'Posts'], ['Posts', 'Tweet'], ['Tweet', 'After']]),
				verify({ run, requests }) {
					check(`${key}: the run fails with OneAll's ${status} for item 1`, () => expectStopped(run, 'Tweet', { message, itemIndex: 1 }));
					check(`${key}: items 0 and 2 reached the sandbox once, item 1 once per try (2)`, () =>
						expectSent(requests, [[text(key, 0), 200], [bad, status], [text(key, 2), 200], [bad, status]]),
					);
					check(`${key}: the next node did not run`, () => assertEqual('After' in runData(run), false, '"After" ran'));
				},
			});
		}
		{
			// n8n retries a node that did not throw only when its first item carries json.error,
			// so the failing item is item 0 here.
			const key = `retry-continue-${status}`;
			const [who] = take(1);
			const bad = `${text(key, 0)} __fault:${status}`;
			add({
				key,
				title: `Retry On Fail (2 tries), continue (regular output), a persistent ${status} on item 0 of 3`,
				workflow: workflow(id(key), `E2E matrix · ${key}`, [
					manualTrigger(),
					items('Posts', [{ text: bad }, { text: text(key, 1) }, { text: text(key, 2) }]),
					tweet('Tweet', { identity: who, retryOnFail: true, maxTries: 2, waitBetweenTries: 100, onError: 'continueRegularOutput' }),
					noOp('After'),
				], [['Start', 'Posts'], ['Posts', 'Tweet'], ['Tweet', 'After']]),
				verify({ run, requests }) {
					check(`${key}: the run succeeds`, () => expectSuccess(run));
					check(`${key}: item 0 was sent once per try (n8n retried: its first item had json.error); items 1 and 2 reached the sandbox exactly once`, () =>
						expectSent(requests, [[bad, status], [text(key, 1), 200], [text(key, 2), 200], [bad, status]]),
					);
					check(`${key}: the failure is reported as item 0's error; items 1 and 2 give the results of their one post`, () =>
						expectItems(run, 'Tweet', 0, requests, [{ error: message, paired: 0 }, { post: text(key, 1), paired: 1 }, { post: text(key, 2), paired: 2 }]),
					);
				},
			});
		}
	}
}

/** Retry On Fail with a picture: the upload succeeded, the post fails. */
function retryAfterPictureUpload({ take, id, add }) {
	const key = 'retry-picture';
	const [who] = take(1);
	const bad = `${text(key, 0)} __fault:500`;
	const picture = `https://example.com/${key}/a.png`;
	add({
		key,
		title: 'Retry On Fail (2 tries), stop, a picture uploaded and then a persistent 500 on its post',
		workflow: workflow(id(key), `E2E matrix · ${key}`, [
			manualTrigger(),
			items('Posts', [{ text: bad }]),
			tweet('Tweet', { identity: who, additionalFields: { pictureUrls: picture }, retryOnFail: true, maxTries: 2, waitBetweenTries: 100 }),
		], [['Start', 'Posts'], ['Posts', 'Tweet']]),
		verify({ run, requests }) {
			check(`${key}: the run fails with OneAll's 500 for item 0`, () => expectStopped(run, 'Tweet', { message: messageHas('500'), itemIndex: 0 }));
			check(`${key}: the picture was uploaded once; the post was sent once per try, each attaching that picture`, () => {
				const uploads = requests.filter((r) => /\/twitter\/picture\.json$/.test(r.pathname));
				assertEqual(uploads.map((r) => [r.json.request.push.picture.url, r.status]), [[picture, 200]], 'picture uploads');
				expectSent(requests, [[bad, 500], [bad, 500]]);
				const attached = posts(requests).map((r) => r.json.request.push.post.attachments);
				assertEqual(attached, [[uploads[0].result.picture_id], [uploads[0].result.picture_id]], 'attachments of each try');
			});
		},
	});
}

function batching({ take, id, add }) {
	for (const batching of [true, false]) {
		const key = `batching-${batching ? 'on' : 'off'}`;
		const [a, b] = take(2);
		const who = [a, b, a, b, a];
		const input = who.map((identity, i) => (i === 2 ? { identity, text: text(key, i), broken: true } : { identity, text: text(key, i) }));
		add({
			key,
			title: `Request Options → Batching ${batching ? 'on (2 per batch, 100 ms apart)' : 'off'}, 5 items over 2 identities, continue, item 2's expression rejected by n8n`,
			workflow: workflow(id(key), `E2E matrix · ${key}`, [
				manualTrigger(),
				items('Posts', input),
				tweet('Tweet', {
					identity: '={{ $json.identity }}',
					message: MESSAGE,
					onError: 'continueRegularOutput',
					requestOptions: batching ? { batching: { batch: { batchSize: 2, batchInterval: 100 } } } : {},
				}),
			], [['Start', 'Posts'], ['Posts', 'Tweet']]),
			verify({ run, requests, line }) {
				check(`${key}: the run succeeds`, () => expectSuccess(run));
				check(`${key}: each identity's posts arrived in input order, one at a time; item 2 was never sent`, () =>
					expectOrderedPerIdentity(requests, { [a]: [text(key, 0), text(key, 4)], [b]: [text(key, 1), text(key, 3)] }),
				);
				check(`${key}: 5 items in input order; item 2 is n8n's own error`, () => {
					const out = outputOf(run, 'Tweet');
					assertEqual(pairedIndexes(out), [0, 1, 2, 3, 4], 'pairedItem');
					assertEqual(out[2].json, { error: MISSING_NODE[line] }, 'item 2 json');
					[0, 1, 3, 4].forEach((i) => assertEqual(out[i].json, posts(requests).find((r) => r.json.request.push.post.message === text(key, i)).result, `item ${i} json`));
					return `item 2: "${out[2].json.error}"`;
				});
			},
		});
	}
}

function timeout({ take, id, add }) {
	const key = 'timeout';
	const [who] = take(1);
	const hang = `${text(key, 1)} __fault:hang`;
	add({
		key,
		title: 'Request Options → Timeout 1.5 s, item 1 of 3 never answered, stop',
		boundMs: 45000,
		workflow: workflow(id(key), `E2E matrix · ${key}`, [
			manualTrigger(),
			items('Posts', [{ text: text(key, 0) }, { text: hang }, { text: text(key, 2) }]),
			tweet('Tweet', { identity: who, requestOptions: { timeout: 1500 } }),
			noOp('After'),
		], [['Start', 'Posts'], ['Posts', 'Tweet'], ['Tweet', 'After']]),
		verify({ run, requests }) {
			check(`${key}: the run fails with the timeout error for item 1, and the Timeout hint`, () =>
				expectStopped(run, 'Tweet', { message: messageHas('ETIMEDOUT'), itemIndex: 1, hint: /Timeout.*may still have been published/ }),
			);
			check(`${key}: item 0 answered, item 1 never answered, item 2 sent after item 1 gave up`, () => {
				expectSent(requests, [[text(key, 0), 200], [hang, null], [text(key, 2), 200]]);
				const [, hung, last] = posts(requests);
				if (!(last.arrivedAt - hung.arrivedAt >= 1400)) fail(`item 2 arrived ${Math.round(last.arrivedAt - hung.arrivedAt)} ms after item 1`);
			});
		},
	});
}

function proxy({ take, id, sandboxUrl, add }) {
	// The sandbox plays the proxy too: it records a request sent to it as to a proxy.
	const key = 'proxy';
	const [who] = take(1);
	const picture = `https://example.com/${key}/a.png`;
	add({
		key,
		title: 'Request Options → Proxy, 2 items, the first with a picture to upload',
		workflow: workflow(id(key), `E2E matrix · ${key}`, [
			manualTrigger(),
			items('Posts', [{ text: text(key, 0), picture }, { text: text(key, 1), picture: '' }]),
			tweet('Tweet', { identity: who, additionalFields: { pictureUrls: '={{ $json.picture }}' }, requestOptions: { proxy: sandboxUrl } }),
		], [['Start', 'Posts'], ['Posts', 'Tweet']]),
		verify({ run, requests }) {
			check(`${key}: the run succeeds`, () => expectSuccess(run));
			check(`${key}: the upload and both posts went through the proxy, in order`, () => {
				assertEqual(
					requests.map((r) => [r.viaProxy, r.pathname.replace(/^\/push\/identities\/[^/]+\//, ''), r.status]),
					[[sandboxUrl, 'twitter/picture.json', 200], [sandboxUrl, 'twitter/post.json', 200], [sandboxUrl, 'twitter/post.json', 200]],
					'requests (proxy, path, status)',
				);
				expectSent(requests, [[text(key, 0), 200], [text(key, 1), 200]]);
			});
			check(`${key}: each item gives its own post's result`, () => expectItems(run, 'Tweet', 0, requests, [{ post: text(key, 0), paired: 0 }, { post: text(key, 1), paired: 1 }]));
		},
	});
}

function ignoreSslIssues({ take, id, add }) {
	for (const ignore of [false, true]) {
		// The sandbox over HTTPS with a self-signed certificate, as behind a TLS-inspecting proxy.
		const key = `tls-${ignore ? 'ignored' : 'refused'}`;
		const [who] = take(1);
		add({
			key,
			title: `HTTPS with a self-signed certificate, Request Options → Ignore SSL Issues ${ignore ? 'on' : 'off'}, 2 items, continue`,
			workflow: workflow(id(key), `E2E matrix · ${key}`, [
				manualTrigger(),
				items('Posts', [0, 1].map((i) => ({ text: text(key, i) }))),
				tweet('Tweet', {
					identity: who,
					onError: 'continueRegularOutput',
					credentials: { oneAllApi: SANDBOX_TLS_CREDENTIAL },
					requestOptions: ignore ? { allowUnauthorizedCerts: true } : {},
				}),
			], [['Start', 'Posts'], ['Posts', 'Tweet']]),
			verify({ run, requests }) {
				check(`${key}: the run succeeds`, () => expectSuccess(run));
				if (ignore) {
					check(`${key}: both posts reached the sandbox over HTTPS; each item gives its own post's result`, () => {
						expectSent(requests, [[text(key, 0), 200], [text(key, 1), 200]]);
						assertEqual(requests.map((r) => r.tls), [true, true], 'over HTTPS');
						expectItems(run, 'Tweet', 0, requests, [{ post: text(key, 0), paired: 0 }, { post: text(key, 1), paired: 1 }]);
					});
					return;
				}
				check(`${key}: nothing was posted; each item says the certificate was refused and how to proceed`, () => {
					expectSent(requests, []);
					expectItems(run, 'Tweet', 0, requests, [0, 1].map((paired) => ({ error: messageHas('DEPTH_ZERO_SELF_SIGNED_CERT'), paired })));
					return show(outputOf(run, 'Tweet')[0].json.error);
				});
			},
		});
	}
}

function loopOverItems({ take, id, add }) {
	const key = 'loop';
	const [who] = take(1);
	// Items 0 and 2 are the same post, each first in its batch: identical requests of two node
	// runs, both to be sent (only a retry of one node run may reuse an earlier answer).
	const messages = [`[${key}] same text`, text(key, 1), `[${key}] same text`, text(key, 3), text(key, 4)];
	add({
		key,
		title: 'Loop Over Items (2 per batch) around the node, two identical posts in two batches',
		workflow: workflow(id(key), `E2E matrix · ${key}`, [
			manualTrigger(),
			items('Posts', messages.map((t) => ({ text: t }))),
			{ name: 'Loop Over Items', type: 'n8n-nodes-base.splitInBatches', typeVersion: 3, parameters: { batchSize: 2, options: {} } },
			tweet('Tweet', { identity: who }),
			noOp('Done'),
		], [['Start', 'Posts'], ['Posts', 'Loop Over Items'], ['Loop Over Items', 'Done'], ['Loop Over Items', 'Tweet', { output: 1 }], ['Tweet', 'Loop Over Items']]),
		verify({ run, requests }) {
			check(`${key}: the run succeeds`, () => expectSuccess(run));
			check(`${key}: 5 posts in input order, the identical post twice`, () => expectSent(requests, messages.map((m) => [m, 200])));
			check(`${key}: the node ran 3 times (2, 2, 1 items); "Done" has the 5 results in order`, () => {
				assertEqual(runData(run).Tweet.map((task) => task.data.main[0].length), [2, 2, 1], 'items per node run');
				const done = outputOf(run, 'Done');
				assertEqual(done.map((i) => i.json), posts(requests).map((r) => r.result), '"Done" json');
			});
		},
	});
}

function subWorkflow({ take, id, add }) {
	const key = 'subworkflow';
	const [a, b] = take(2);
	const sub = workflow(id(`${key}sub`), `E2E matrix · ${key} (the sub-workflow)`, [
		{ name: 'When Called', type: 'n8n-nodes-base.executeWorkflowTrigger', typeVersion: 1.1, parameters: { inputSource: 'passthrough' } },
		tweet('Tweet', { identity: '={{ $json.identity }}' }),
	], [['When Called', 'Tweet']]);
	const input = [a, b, a].map((identity, i) => ({ identity, text: text(key, i) }));
	add({
		key,
		title: 'the node inside a sub-workflow (Execute Workflow node, 3 items, 2 identities)',
		subWorkflows: [sub],
		workflow: workflow(id(key), `E2E matrix · ${key}`, [
			manualTrigger(),
			items('Posts', input),
			{
				name: 'Execute Workflow',
				type: 'n8n-nodes-base.executeWorkflow',
				typeVersion: 1.2,
				parameters: { source: 'database', workflowId: { __rl: true, mode: 'id', value: sub.id }, mode: 'once', options: {} },
			},
		], [['Start', 'Posts'], ['Posts', 'Execute Workflow']]),
		verify({ run, requests }) {
			check(`${key}: the run succeeds`, () => expectSuccess(run));
			check(`${key}: 3 posts, each identity's in input order`, () => expectOrderedPerIdentity(requests, { [a]: [text(key, 0), text(key, 2)], [b]: [text(key, 1)] }));
			check(`${key}: the parent gets the 3 results in input order`, () => {
				const out = outputOf(run, 'Execute Workflow');
				assertEqual(out.map((i) => i.json), [0, 1, 2].map((i) => posts(requests).find((r) => r.json.request.push.post.message === text(key, i)).result), 'json');
			});
		},
	});
}

/** The families in the order they take identities (each case's identities follow from it). */
const FAMILIES = [executeOnce, alwaysOutputData, onError, retryOnFail, retryAfterPictureUpload, batching, timeout, proxy, ignoreSslIssues, loopOverItems, subWorkflow];

function settingsCases(ctx) {
	const cases = [];
	for (const family of FAMILIES) family({ ...ctx, add: (c) => cases.push(c) });
	return cases;
}

/** Sorts expected [message, status] pairs into the order their posts reached the sandbox. */
function byOrderOf(requests) {
	const order = posts(requests).map((r) => r.json.request.push.post.message);
	return (x, y) => order.indexOf(x[0]) - order.indexOf(y[0]);
}

function verifyOnError(key, modeName, kindName, input, { run, requests, line }) {
	const [m0, m1, m2] = input.map((x) => x.text);
	const n8nRejects = kindName === 'expression';
	const expectedError = { 500: messageHas('500'), blank: BLANK_ERROR }[kindName];
	const itemError = (json) => {
		if (n8nRejects) assertEqual(json, { error: MISSING_NODE[line] }, 'json (n8n\'s own error)');
		else {
			assertEqual(Object.keys(json), ['error'], 'json keys');
			assertMatch(json.error, expectedError, 'json.error');
		}
	};
	if (modeName === 'stop') {
		check(`${key}: the run fails with ${n8nRejects ? "n8n's own error" : 'the error'} for item 1`, () =>
			expectStopped(run, 'Tweet', { message: n8nRejects ? MISSING_NODE[line] : expectedError, itemIndex: 1 }),
		);
		if (n8nRejects) {
			check(`${key}: item 0 was sent; n8n stopped preparing the items at item 1, so items 1 and 2 were not`, () => expectSent(requests, [[m0, 200]]));
		} else {
			check(`${key}: items 0 and 2 were still sent (each item is its own post)${kindName === 'blank' ? '; the blank item never was' : ', and item 1 got its 500'}`, () =>
				expectSent(requests, kindName === 'blank' ? [[m0, 200], [m2, 200]] : [[m0, 200], [m1, 500], [m2, 200]]),
			);
		}
		check(`${key}: the next node did not run`, () => assertEqual('After' in runData(run), false, '"After" ran'));
		return;
	}
	check(`${key}: the run succeeds`, () => expectSuccess(run));
	check(`${key}: items 0 and 2 were sent${kindName === '500' ? ', item 1 got its 500' : ', item 1 never was'}`, () =>
		expectSent(requests, kindName === '500' ? [[m0, 200], [m1, 500], [m2, 200]] : [[m0, 200], [m2, 200]]),
	);
	if (modeName === 'regular') {
		check(`${key}: 3 items in input order; item 1 carries json.error`, () => {
			const out = outputOf(run, 'Tweet');
			assertEqual(pairedIndexes(out), [0, 1, 2], 'pairedItem');
			expectItems(run, 'Tweet', 0, requests, [{ post: m0, paired: 0 }, { json: out[1].json, paired: 1 }, { post: m2, paired: 2 }]);
			itemError(out[1].json);
			return `"${out[1].json.error}"`;
		});
		return;
	}
	check(`${key}: success output: items 0 and 2; error output: item 1 with json.error`, () => {
		expectItems(run, 'Tweet', 0, requests, [{ post: m0, paired: 0 }, { post: m2, paired: 2 }]);
		const bad = outputOf(run, 'Tweet', 1);
		if (bad.length !== 1) fail(`${bad.length} error items: ${show(bad.map((i) => i.json))}`);
		itemError(bad[0].json);
		assertEqual(pairedIndexes(bad), [n8nRejects ? N8N_ERROR_OUTPUT_PAIRED_ITEM[line] : 1], 'error output pairedItem');
		assertEqual([outputOf(run, 'After').length, outputOf(run, 'Failed').length], [2, 1], '[After, Failed] items');
		return `"${bad[0].json.error}"`;
	});
}

/**
 * n8n's RoutingNode makes the item for an expression it rejected itself ({ json: {}, error }); in
 * the error output n8n sets no pairedItem on it (it fills pairedItem in only for single-output
 * nodes), so there is none to check beyond n8n's own value.
 */
const N8N_ERROR_OUTPUT_PAIRED_ITEM = { 1: undefined, 2: undefined };

module.exports = { settingsCases };
