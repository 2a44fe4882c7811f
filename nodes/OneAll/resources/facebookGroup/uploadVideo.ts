import { description, videoUrl } from '../../shared/fields';
import type { OperationSpec } from '../../shared/spec';
import { groupId } from './groupId';

export const uploadVideo: OperationSpec = {
	resource: 'facebookGroup',
	value: 'uploadVideo',
	name: 'Upload Video',
	action: 'Upload a video to a Facebook group',
	description: 'Upload a video to a Facebook group the identity is a member of',
	path: 'facebook/group/video.json',
	object: 'group',
	fields: [groupId, videoUrl('group.url', { required: true })],
	additional: [description('group.description')],
};
