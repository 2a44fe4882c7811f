import type { OperationSpec } from '../../shared/spec';
import { pageObjectId, pagePathId } from './fields';

export const deleteVideo: OperationSpec = {
	value: 'deleteVideo',
	name: 'Delete Video',
	action: 'Delete a video from a Facebook page',
	description: 'Delete a video from a Facebook page the identity administers. Irreversible: the video cannot be restored.',
	api: 'update',
	method: 'DELETE',
	path: 'facebook/page/{pageId}/video/{videoId}.json',
	orderedPerIdentity: true,
	output: 'deletedRecord',
	fields: [pagePathId, pageObjectId('videoId', 'Video ID', 'Upload Video')],
	additional: [],
};
