import { attachmentIds, link, message, pictureUrls } from '../../shared/fields';
import type { OperationSpec } from '../../shared/spec';
import { groupId } from './fields';

export const publishPost: OperationSpec = {
	value: 'publishPost',
	name: 'Publish Post',
	action: 'Publish a post in a Facebook group',
	description: 'Publish a post in a Facebook group the identity is a member of',
	api: 'push',
	method: 'POST',
	path: 'facebook/group/post.json',
	object: 'group',
	orderedPerIdentity: true,
	output: 'resultData',
	fields: [groupId, message('group.message')],
	additional: [link('group.link'), attachmentIds('group.attachments'), pictureUrls],
	oneOf: ['message', 'link'],
	pictureUpload: { path: 'facebook/group/picture.json', object: 'group', extra: { create_post: false } },
};

