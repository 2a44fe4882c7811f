import { limit, returnAll } from '../../shared/fields';
import { oneRequest } from '../../shared/listings';
import type { OperationSpec } from '../../shared/spec';

export const getManyBoards: OperationSpec = {
	value: 'getManyBoards',
	name: 'Get Many Boards',
	action: 'Get many Pinterest boards',
	description: 'List the identity’s Pinterest boards; returns one item per board',
	api: 'pull',
	method: 'GET',
	path: 'pinterest/boards.json',
	orderedPerIdentity: false,
	output: 'entries',
	listing: oneRequest('boards'),
	fields: [returnAll, limit],
	additional: [],
};
