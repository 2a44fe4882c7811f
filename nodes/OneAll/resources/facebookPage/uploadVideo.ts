import { description, videoUrl } from '../../shared/fields';
import type { OperationSpec } from '../../shared/spec';
import { pageId } from './fields';

export const uploadVideo: OperationSpec = {
	value: 'uploadVideo',
	name: 'Upload Video',
	action: 'Upload a video to a Facebook page',
	description: 'Upload a video to a Facebook page the identity administers',
	api: 'push',
	method: 'POST',
	path: 'facebook/page/video.json',
	object: 'page',
	orderedPerIdentity: true,
	output: 'resultData',
	fields: [pageId, videoUrl('page.url', { required: true })],
	additional: [description('page.description')],
};
