import { limit, returnAll } from '../../shared/fields';
import { oneRequest } from '../../shared/listings';
import type { OperationSpec } from '../../shared/spec';

export const getManyChannels: OperationSpec = {
	value: 'getManyChannels',
	name: 'Get Many Channels',
	action: 'Get many YouTube channels',
	description: 'List the identity’s YouTube channels; returns one item per channel',
	api: 'pull',
	method: 'GET',
	path: 'youtube/channels.json',
	orderedPerIdentity: false,
	output: 'entries',
	listing: oneRequest('channels'),
	fields: [returnAll, limit],
	additional: [],
};
