import { callbackUrl, description, privacyStatus, title, videoUrl } from '../../shared/fields';
import type { OperationSpec } from '../../shared/spec';

export const uploadVideo: OperationSpec = {
	value: 'uploadVideo',
	name: 'Upload Video',
	action: 'Upload a video to YouTube',
	description: 'Queue a video for upload to the identity’s YouTube channel; OneAll processes it in the background',
	api: 'push',
	method: 'POST',
	path: 'youtube/video.json',
	object: 'video',
	orderedPerIdentity: true,
	output: 'resultData',
	fields: [videoUrl('video.video_url', { required: true }), title('video.title', { required: true, description: 'Title of the video or playlist' })],
	additional: [
		description('video.description', { description: 'Description of the video' }),
		{
			name: 'thumbnailUrl',
			displayName: 'Thumbnail URL',
			kind: 'pictureUrl',
			body: 'video.thumbnail_url',
			placeholder: 'e.g. https://example.com/images/thumb.jpg',
			description: 'Public URL of a picture to use as the thumbnail',
		},
		callbackUrl('video.callback_url'),
		privacyStatus('video.privacy_status'),
	],
	notice:
		'Videos are processed asynchronously: the answer only says the video is queued. Set a Callback URL (e.g. an n8n Webhook node) to receive the final result. The Site needs the YouTube permission Upload Videos.',
};
