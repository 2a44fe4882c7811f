import { description, videoUrl } from '../../shared/fields';
import type { OperationSpec } from '../../shared/spec';
import { pageId } from './pageId';

export const uploadVideo: OperationSpec = {
	resource: 'facebookPage',
	value: 'uploadVideo',
	name: 'Upload Video',
	action: 'Upload a video to a Facebook page',
	description: 'Upload a video to a Facebook page the identity administers',
	path: 'facebook/page/video.json',
	object: 'page',
	fields: [pageId, videoUrl('page.url', { required: true })],
	additional: [description('page.description')],
};
