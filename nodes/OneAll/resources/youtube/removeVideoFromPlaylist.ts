import { locator } from '../../shared/fields';
import type { OperationSpec } from '../../shared/spec';
import { playlistId } from './fields';

export const removeVideoFromPlaylist: OperationSpec = {
	value: 'removeVideoFromPlaylist',
	name: 'Remove Video From Playlist',
	action: 'Remove a video from a YouTube playlist',
	description: 'Take a video out of one of the identity’s playlists (the video itself stays). Irreversible: its place in the playlist is lost.',
	api: 'update',
	method: 'DELETE',
	path: 'youtube/playlist/{playlistId}/video/{videoId}.json',
	orderedPerIdentity: true,
	output: 'deletedRecord',
	fields: [
		playlistId,
		locator('videoId', 'Video', 'pathId', 'getYouTubePlaylistVideos', {
			placeholder: 'e.g. dQw4w9WgXcQ',
			description: 'The video to take out of the playlist',
		}),
	],
	additional: [],
};
