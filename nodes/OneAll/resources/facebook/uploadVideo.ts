import { createPost, description, videoUrl } from '../../shared/fields';
import type { OperationSpec } from '../../shared/spec';

export const uploadVideo: OperationSpec = {
	resource: 'facebook',
	value: 'uploadVideo',
	name: 'Upload Video',
	action: 'Upload a video to a Facebook profile',
	description: "Upload a video to the identity's Facebook profile",
	path: 'facebook/video.json',
	object: 'video',
	fields: [videoUrl('video.url', { required: true })],
	additional: [description('video.description'), createPost('video.create_post')],
};
