import type { OperationSpec } from '../../shared/spec';
import { playlistId } from './fields';

export const deletePlaylist: OperationSpec = {
	value: 'deletePlaylist',
	name: 'Delete Playlist',
	action: 'Delete a YouTube playlist',
	description: 'Delete one of the identity’s playlists (its videos stay on YouTube). Irreversible: the playlist cannot be restored.',
	api: 'update',
	method: 'DELETE',
	path: 'youtube/playlist/{playlistId}.json',
	orderedPerIdentity: true,
	output: 'deletedRecord',
	fields: [playlistId],
	additional: [],
};
