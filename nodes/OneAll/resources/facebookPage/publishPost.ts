import { attachmentIds, link, message, pictureUrls } from '../../shared/fields';
import type { OperationSpec } from '../../shared/spec';
import { pageId } from './pageId';

export const publishPost: OperationSpec = {
	resource: 'facebookPage',
	value: 'publishPost',
	name: 'Publish Post',
	action: 'Publish a post on a Facebook page',
	description: 'Publish a post on a Facebook page the identity administers',
	path: 'facebook/page/post.json',
	object: 'page',
	fields: [pageId, message('page.message')],
	additional: [link('page.link'), attachmentIds('page.attachments'), pictureUrls],
	oneOf: ['message', 'link'],
	pictureUpload: { path: 'facebook/page/picture.json', object: 'page', extra: { create_post: false } },
};
