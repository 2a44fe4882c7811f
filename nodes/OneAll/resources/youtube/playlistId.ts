import { locator } from '../../shared/fields';

const playlistLocator = (description: string) =>
	locator('playlistId', 'Playlist', 'pathId', 'getYouTubePlaylists', {
		placeholder: 'e.g. PLBCF2DAC6FFB574DE',
		description,
	});

export const playlistId = playlistLocator('The playlist to add the video to');

export const ownPlaylistId = playlistLocator(
	'The playlist; after Create Playlist use {{ $json.playlist_id }}',
);
