import { locator } from '../../shared/fields';

export const pinId = locator('pinId', 'Pin', 'pathId', 'getPinterestPins', {
	placeholder: 'e.g. 549755813888101',
	description: 'The pin; after Publish Pin use {{ $json.pin_id }}',
});

export const boardId = locator('boardId', 'Board', 'pathId', 'getPinterestBoards', {
	placeholder: 'e.g. 549755885175',
	description: 'The board to pin on',
});

// Get Many Pins reads one board's pins while this filter is set, else all of the identity's.
export const boardFilter = locator('boardId', 'Board', 'pathId', 'getPinterestBoards', {
	required: false,
	placeholder: 'e.g. 549755885175',
	description: 'Only the pins of this board',
});
