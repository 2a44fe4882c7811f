import { description, pictureUrl } from '../../shared/fields';
import type { OperationSpec } from '../../shared/spec';
import { groupId } from './fields';

export const uploadPicture: OperationSpec = {
	value: 'uploadPicture',
	name: 'Upload Picture',
	action: 'Upload a picture to a Facebook group',
	description: 'Upload a picture to a Facebook group the identity is a member of',
	api: 'push',
	method: 'POST',
	path: 'facebook/group/picture.json',
	object: 'group',
	orderedPerIdentity: true,
	output: 'resultData',
	fields: [groupId, pictureUrl('group.url', { required: true })],
	additional: [description('group.description', { description: 'Caption of the picture' })],
};
