import { title } from '../../shared/fields';
import type { OperationSpec } from '../../shared/spec';
import { createPlaylist } from './createPlaylist';
import { playlistId } from './fields';

export const updatePlaylist: OperationSpec = {
	value: 'updatePlaylist',
	name: 'Update Playlist',
	action: 'Update a YouTube playlist',
	description: 'Change the title, description, privacy or language of one of the identity’s playlists',
	api: 'update',
	method: 'PUT',
	path: 'youtube/playlist/{playlistId}.json',
	object: 'playlist',
	orderedPerIdentity: true,
	output: 'resultData',
	fields: [playlistId, title('playlist.title', { required: true, description: 'Title of the video or playlist' })],
	additional: createPlaylist.additional,
};
