import { limit, returnAll } from '../../shared/fields';
import { oneRequest } from '../../shared/listings';
import type { OperationSpec } from '../../shared/spec';
import { boardFilter } from './fields';

export const getManyPins: OperationSpec = {
	value: 'getManyPins',
	name: 'Get Many Pins',
	action: 'Get many Pinterest pins',
	description: 'Read the identity’s Pinterest pins, of all boards or of one; returns one item per pin',
	api: 'pull',
	method: 'GET',
	path: 'pinterest/pins.json',
	orderedPerIdentity: false,
	output: 'entries',
	listing: oneRequest('pins'),
	fields: [returnAll, limit],
	additional: [],
	pathWhenSet: { field: 'boardId', path: 'pinterest/board/{boardId}/pins.json' },
	filters: [boardFilter],
};
