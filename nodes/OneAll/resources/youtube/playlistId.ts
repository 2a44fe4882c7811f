import { locator } from '../../shared/fields';

// One definition for every playlist operation, so the editor keeps the choice across them.
export const playlistId = locator('playlistId', 'Playlist', 'pathId', 'getYouTubePlaylists', {
	placeholder: 'e.g. PLBCF2DAC6FFB574DE',
	description: 'One of the identity’s playlists; after Create Playlist use {{ $json.playlist_id }}',
});
