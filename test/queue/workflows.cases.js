'use strict';
/*
 * The production-webhook workflows the queue-mode test and benchmark run. Each starts with a
 * Webhook node (POST, answers when the last node finishes, with all its items) and a Split Out of
 * the posted `posts` array, so one HTTP call is one execution of any number of items, each
 * `{ identity, message, picture? }`.
 *
 *   posts        → Publish Tweet (identity and message from the item)
 *   chain        → Upload Picture → Publish Tweet attaching {{ $json.picture_id }}
 *   errorOutput  → Publish Tweet with the error output on → both outputs merged into the answer
 *   stop         → Publish Tweet, default On Error (stop the workflow)
 */
const crypto = require('crypto');

const HOOKS = { posts: 'oneall-queue-posts', chain: 'oneall-queue-chain', errorOutput: 'oneall-queue-error-output', stop: 'oneall-queue-stop' };

function uuidFor(seed) {
	const h = crypto.createHash('sha1').update(seed).digest('hex');
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function webhookNodes(key) {
	return [
		{
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			webhookId: uuidFor(`webhook ${key}`),
			position: [0, 0],
			parameters: { httpMethod: 'POST', path: HOOKS[key], responseMode: 'lastNode', responseData: 'allEntries', options: {} },
		},
		{
			name: 'Posts',
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			position: [220, 0],
			parameters: { fieldToSplitOut: 'body.posts', include: 'noOtherFields', options: {} },
		},
	];
}

function oneAll(name, credential, parameters, extra = {}) {
	return {
		name,
		type: 'n8n-nodes-oneall.oneAll',
		typeVersion: 1,
		position: [440, 0],
		credentials: { oneAllApi: credential },
		parameters: { resource: 'twitter', ...parameters },
		...extra,
	};
}

const identityFrom = (expr) => ({ __rl: true, mode: 'id', value: `={{ ${expr} }}` });
const link = (node, index = 0) => ({ node, type: 'main', index });

/** @param {{ id: string, name: string }} credential  a oneAllApi credential reference */
function queueWorkflows(credential) {
	const tweet = (extra) =>
		oneAll('Publish Tweet', credential, { operation: 'publishTweet', identityToken: identityFrom('$json.identity'), message: '={{ $json.message }}' }, extra);
	return {
		posts: {
			id: 'queuePosts000001',
			name: 'Queue · posts over identities',
			nodes: [...webhookNodes('posts'), tweet()],
			connections: { Webhook: { main: [[link('Posts')]] }, Posts: { main: [[link('Publish Tweet')]] } },
		},
		chain: {
			id: 'queueChain000002',
			name: 'Queue · picture then tweet',
			nodes: [
				...webhookNodes('chain'),
				oneAll('Upload Picture', credential, { operation: 'uploadPicture', identityToken: identityFrom('$json.identity'), pictureUrl: '={{ $json.picture }}' }),
				oneAll(
					'Publish Tweet',
					credential,
					{
						operation: 'publishTweet',
						identityToken: identityFrom("$('Posts').item.json.identity"),
						message: "={{ $('Posts').item.json.message }}",
						additionalFields: { attachmentIds: '={{ $json.picture_id }}' },
					},
					{ position: [660, 0] },
				),
			],
			connections: {
				Webhook: { main: [[link('Posts')]] },
				Posts: { main: [[link('Upload Picture')]] },
				'Upload Picture': { main: [[link('Publish Tweet')]] },
			},
		},
		errorOutput: {
			id: 'queueErrOut00003',
			name: 'Queue · error output',
			nodes: [
				...webhookNodes('errorOutput'),
				tweet({ onError: 'continueErrorOutput' }),
				{ name: 'Published and failed', type: 'n8n-nodes-base.merge', typeVersion: 3, position: [660, 0], parameters: {} },
			],
			connections: {
				Webhook: { main: [[link('Posts')]] },
				Posts: { main: [[link('Publish Tweet')]] },
				'Publish Tweet': { main: [[link('Published and failed', 0)], [link('Published and failed', 1)]] },
			},
		},
		stop: {
			id: 'queueStop0000004',
			name: 'Queue · stop on error',
			nodes: [...webhookNodes('stop'), tweet()],
			connections: { Webhook: { main: [[link('Posts')]] }, Posts: { main: [[link('Publish Tweet')]] } },
		},
	};
}

module.exports = { queueWorkflows, HOOKS };
