import { defaultLanguage, description, privacyStatus, title } from '../../shared/fields';
import type { OperationSpec } from '../../shared/spec';

export const createPlaylist: OperationSpec = {
	value: 'createPlaylist',
	name: 'Create Playlist',
	action: 'Create a YouTube playlist',
	description: 'Create a playlist on the identity’s YouTube channel; the answer holds its playlist_id',
	api: 'push',
	method: 'POST',
	path: 'youtube/playlist.json',
	object: 'playlist',
	orderedPerIdentity: true,
	output: 'resultData',
	fields: [title('playlist.title', { required: true, description: 'Title of the video or playlist' })],
	additional: [
		description('playlist.description', { description: 'Description of the playlist' }),
		privacyStatus('playlist.privacy_status'),
		defaultLanguage('playlist.default_language'),
	],
};
