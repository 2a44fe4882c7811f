import { limit, returnAll } from '../../shared/fields';
import { oneRequest } from '../../shared/listings';
import type { OperationSpec } from '../../shared/spec';

export const getManyVideos: OperationSpec = {
	value: 'getManyVideos',
	name: 'Get Many Videos',
	action: 'Get many YouTube videos',
	description: 'Read the videos the identity uploaded to YouTube; returns one item per video',
	api: 'pull',
	method: 'GET',
	path: 'youtube/videos.json',
	orderedPerIdentity: false,
	output: 'entries',
	listing: oneRequest('videos'),
	fields: [returnAll, limit],
	additional: [],
};
