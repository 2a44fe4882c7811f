import { locator } from '../../shared/fields';
import type { OperationSpec } from '../../shared/spec';

export const deleteTweet: OperationSpec = {
	value: 'deleteTweet',
	name: 'Delete Tweet',
	action: 'Delete a tweet',
	description: 'Delete a tweet of the identity. Irreversible: the tweet cannot be restored.',
	api: 'update',
	method: 'DELETE',
	path: 'twitter/post/{postId}.json',
	orderedPerIdentity: true,
	output: 'deletedRecord',
	fields: [
		locator('postId', 'Tweet', 'pathId', 'getTwitterTweets', {
			placeholder: 'e.g. 1730000000000000001',
			description: 'The tweet to delete; after Publish Tweet use {{ $json.post_id }}',
		}),
	],
	additional: [],
};
