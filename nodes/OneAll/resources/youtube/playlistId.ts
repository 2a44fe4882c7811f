import { locator } from '../../shared/fields';

export const playlistId = locator('playlistId', 'Playlist', 'pathId', 'getYouTubePlaylists', {
	placeholder: 'e.g. PLBCF2DAC6FFB574DE',
	description: 'The playlist to add the video to',
});
