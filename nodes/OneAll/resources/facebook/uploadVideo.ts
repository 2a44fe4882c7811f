import { createPost, description, videoUrl } from '../../shared/fields';
import type { OperationSpec } from '../../shared/spec';

export const uploadVideo: OperationSpec = {
	value: 'uploadVideo',
	name: 'Upload Video',
	action: 'Upload a video to a Facebook profile',
	description: "Upload a video to the identity's Facebook profile",
	api: 'push',
	method: 'POST',
	path: 'facebook/video.json',
	object: 'video',
	orderedPerIdentity: true,
	output: 'resultData',
	fields: [videoUrl('video.url', { required: true })],
	additional: [description('video.description'), createPost('video.create_post')],
};
