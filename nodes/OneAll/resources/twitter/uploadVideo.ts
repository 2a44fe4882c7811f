import { callbackUrl, videoUrl } from '../../shared/fields';
import type { OperationSpec } from '../../shared/spec';

export const uploadVideo: OperationSpec = {
	value: 'uploadVideo',
	name: 'Upload Video',
	action: 'Upload a video to Twitter',
	description: 'Queue a video for upload to Twitter; OneAll processes it in the background',
	api: 'push',
	method: 'POST',
	path: 'twitter/video.json',
	object: 'video',
	orderedPerIdentity: true,
	output: 'resultData',
	fields: [videoUrl('video.video_url', { required: true })],
	additional: [callbackUrl('video.callback_url')],
	notice:
		'Videos are processed asynchronously: the answer only says the video is queued. Set a Callback URL (e.g. an n8n Webhook node) to receive the final result.',
};
