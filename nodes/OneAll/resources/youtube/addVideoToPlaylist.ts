import { position } from '../../shared/fields';
import type { OperationSpec } from '../../shared/spec';
import { playlistId } from './fields';

export const addVideoToPlaylist: OperationSpec = {
	value: 'addVideoToPlaylist',
	name: 'Add Video to Playlist',
	action: 'Add a video to a YouTube playlist',
	description: 'Add an existing YouTube video to one of the identity’s playlists',
	api: 'push',
	method: 'POST',
	path: 'youtube/playlist/{playlistId}/video.json',
	object: 'video',
	orderedPerIdentity: true,
	output: 'resultData',
	fields: [
		playlistId,
		{
			name: 'videoId',
			displayName: 'Video ID',
			kind: 'bodyId',
			body: 'video.id',
			required: true,
			placeholder: 'e.g. dQw4w9WgXcQ',
			description: 'The YouTube ID of the video to add',
		},
	],
	additional: [position('video.position', 'Zero-based position of the video in the playlist')],
};
