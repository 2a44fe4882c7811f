import { attachmentIds, link, message, pictureUrls } from '../../shared/fields';
import type { OperationSpec } from '../../shared/spec';
import { groupId } from './groupId';

export const publishPost: OperationSpec = {
	resource: 'facebookGroup',
	value: 'publishPost',
	name: 'Publish Post',
	action: 'Publish a post in a Facebook group',
	description: 'Publish a post in a Facebook group the identity is a member of',
	path: 'facebook/group/post.json',
	object: 'group',
	fields: [groupId, message('group.message')],
	additional: [link('group.link'), attachmentIds('group.attachments'), pictureUrls],
	oneOf: ['message', 'link'],
	pictureUpload: { path: 'facebook/group/picture.json', object: 'group', extra: { create_post: false } },
};

