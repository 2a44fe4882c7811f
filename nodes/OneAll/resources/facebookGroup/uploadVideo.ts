import { description, videoUrl } from '../../shared/fields';
import type { OperationSpec } from '../../shared/spec';
import { groupId } from './fields';

export const uploadVideo: OperationSpec = {
	value: 'uploadVideo',
	name: 'Upload Video',
	action: 'Upload a video to a Facebook group',
	description: 'Upload a video to a Facebook group the identity is a member of',
	api: 'push',
	method: 'POST',
	path: 'facebook/group/video.json',
	object: 'group',
	orderedPerIdentity: true,
	output: 'resultData',
	fields: [groupId, videoUrl('group.url', { required: true })],
	additional: [description('group.description')],
};
