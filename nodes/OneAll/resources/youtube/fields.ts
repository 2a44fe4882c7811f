import { locator } from '../../shared/fields';
import type { FieldSpec } from '../../shared/spec';

// One definition for every playlist operation, so the editor keeps the choice across them.
export const playlistId = locator('playlistId', 'Playlist', 'pathId', 'getYouTubePlaylists', {
	placeholder: 'e.g. PLBCF2DAC6FFB574DE',
	description: 'One of the identity’s playlists; after Create Playlist use {{ $json.playlist_id }}',
});

// OneAll's Pull API lists no channel sections, so the id is entered (or mapped) by hand.
export const sectionId: FieldSpec = {
	name: 'sectionId',
	displayName: 'Section ID',
	kind: 'pathId',
	required: true,
	placeholder: 'e.g. UCsbxChannel.section1',
	description: 'The channel section; after Add Channel Section use {{ $json.section_id }}',
};
