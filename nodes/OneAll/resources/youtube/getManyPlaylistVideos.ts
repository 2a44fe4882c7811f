import { limit, returnAll } from '../../shared/fields';
import { oneRequest } from '../../shared/listings';
import type { OperationSpec } from '../../shared/spec';
import { playlistId } from './fields';

export const getManyPlaylistVideos: OperationSpec = {
	value: 'getManyPlaylistVideos',
	name: 'Get Many Playlist Videos',
	action: 'Get many videos of a YouTube playlist',
	description: 'Read the videos of one of the identity’s YouTube playlists, in playlist order; returns one item per video',
	api: 'pull',
	method: 'GET',
	path: 'youtube/playlist/{playlistId}/videos.json',
	orderedPerIdentity: false,
	output: 'entries',
	listing: oneRequest('videos'),
	fields: [playlistId, returnAll, limit],
	additional: [],
};
