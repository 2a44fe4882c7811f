import { attachmentIds, link, message, pictureUrls } from '../../shared/fields';
import type { OperationSpec } from '../../shared/spec';
import { pageId } from './fields';

export const publishPost: OperationSpec = {
	value: 'publishPost',
	name: 'Publish Post',
	action: 'Publish a post on a Facebook page',
	description: 'Publish a post on a Facebook page the identity administers',
	api: 'push',
	method: 'POST',
	path: 'facebook/page/post.json',
	object: 'page',
	orderedPerIdentity: true,
	output: 'resultData',
	fields: [pageId, message('page.message')],
	additional: [link('page.link'), attachmentIds('page.attachments'), pictureUrls],
	oneOf: ['message', 'link'],
	pictureUpload: { path: 'facebook/page/picture.json', object: 'page', extra: { create_post: false } },
};
