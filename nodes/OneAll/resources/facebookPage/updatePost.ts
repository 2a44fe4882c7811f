import { attachmentIds, link, message } from '../../shared/fields';
import type { OperationSpec } from '../../shared/spec';
import { pagePathId, pagePostId } from './fields';

export const updatePost: OperationSpec = {
	value: 'updatePost',
	name: 'Update Post',
	action: 'Update a post on a Facebook page',
	description: 'Change the text, link or pictures of a post on a Facebook page the identity administers',
	api: 'update',
	method: 'PUT',
	path: 'facebook/page/{pageId}/post/{postId}.json',
	object: 'post',
	orderedPerIdentity: true,
	output: 'resultData',
	fields: [pagePathId, pagePostId, message('post.message')],
	additional: [
		link('post.link', { description: 'A URL to share with the post; not together with Attachment IDs' }),
		attachmentIds('post.attachments', {
			description:
				'Picture IDs returned by Upload Picture (with Create Post off), comma-separated or an array; not together with Link',
		}),
	],
	oneOf: ['message', 'link', 'attachmentIds'],
	exclusive: ['link', 'attachmentIds'],
};
