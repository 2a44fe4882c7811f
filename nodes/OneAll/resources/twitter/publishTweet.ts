import { attachmentIds, message, pictureUrls } from '../../shared/fields';
import type { OperationSpec } from '../../shared/spec';

export const publishTweet: OperationSpec = {
	value: 'publishTweet',
	name: 'Publish Tweet',
	action: 'Publish a tweet',
	description: 'Publish a tweet, optionally with pictures uploaded before',
	api: 'push',
	method: 'POST',
	path: 'twitter/post.json',
	object: 'post',
	orderedPerIdentity: true,
	output: 'resultData',
	fields: [message('post.message', { required: true, markRequired: false })],
	additional: [
		attachmentIds('post.attachments', {
			description:
				'IDs returned by Twitter → Upload Picture, comma-separated or an array from an expression such as {{ $json.picture_id }}',
		}),
		{
			name: 'location',
			displayName: 'Location',
			kind: 'text',
			body: 'post.location',
			placeholder: 'e.g. Berlin, Germany',
			description: 'A location to attach to the tweet',
		},
		pictureUrls,
	],
	pictureUpload: { path: 'twitter/picture.json', object: 'picture' },
};
