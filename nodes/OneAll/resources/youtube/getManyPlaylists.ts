import { limit, returnAll } from '../../shared/fields';
import { oneRequest } from '../../shared/listings';
import type { OperationSpec } from '../../shared/spec';

export const getManyPlaylists: OperationSpec = {
	value: 'getManyPlaylists',
	name: 'Get Many Playlists',
	action: 'Get many YouTube playlists',
	description: 'List the identity’s YouTube playlists; returns one item per playlist',
	api: 'pull',
	method: 'GET',
	path: 'youtube/playlists.json',
	orderedPerIdentity: false,
	output: 'entries',
	listing: oneRequest('playlists'),
	fields: [returnAll, limit],
	additional: [],
};
