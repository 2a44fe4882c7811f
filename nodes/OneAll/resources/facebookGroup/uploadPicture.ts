import { description, pictureUrl } from '../../shared/fields';
import type { OperationSpec } from '../../shared/spec';
import { groupId } from './groupId';

export const uploadPicture: OperationSpec = {
	resource: 'facebookGroup',
	value: 'uploadPicture',
	name: 'Upload Picture',
	action: 'Upload a picture to a Facebook group',
	description: 'Upload a picture to a Facebook group the identity is a member of',
	path: 'facebook/group/picture.json',
	object: 'group',
	fields: [groupId, pictureUrl('group.url', { required: true })],
	additional: [description('group.description', { description: 'Caption of the picture' })],
};
