import type { FieldSpec } from '../../shared/spec';

// OneAll's Pull API lists no channel sections, so the id is entered (or mapped) by hand.
export const sectionId: FieldSpec = {
	name: 'sectionId',
	displayName: 'Section ID',
	kind: 'pathId',
	required: true,
	placeholder: 'e.g. UCsbxChannel.section1',
	description: 'The channel section; after Add Channel Section use {{ $json.section_id }}',
};
