import { attachmentIds, link, message, pictureUrls } from '../../shared/fields';
import type { OperationSpec } from '../../shared/spec';

export const publishPost: OperationSpec = {
	value: 'publishPost',
	name: 'Publish Post',
	action: 'Publish a post on a Facebook profile',
	description: "Publish a post on the identity's own Facebook timeline",
	api: 'push',
	method: 'POST',
	path: 'facebook/post.json',
	object: 'post',
	orderedPerIdentity: true,
	output: 'resultData',
	fields: [message('post.message')],
	additional: [link('post.link'), attachmentIds('post.attachments'), pictureUrls],
	oneOf: ['message', 'link'],
	pictureUpload: { path: 'facebook/picture.json', object: 'picture', extra: { create_post: false } },
};
