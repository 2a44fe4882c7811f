import { description } from '../../shared/fields';
import type { OperationSpec } from '../../shared/spec';

export const publishBoard: OperationSpec = {
	value: 'publishBoard',
	name: 'Publish Board',
	action: 'Create a Pinterest board',
	description: 'Create a new board for the identity; the answer holds its board_id',
	api: 'push',
	method: 'POST',
	path: 'pinterest/board.json',
	object: 'board',
	orderedPerIdentity: true,
	output: 'resultData',
	fields: [
		{
			name: 'name',
			displayName: 'Name',
			kind: 'text',
			body: 'board.name',
			required: true,
			placeholder: 'e.g. Spring collection',
			description: 'The name of the new board',
		},
	],
	additional: [description('board.description')],
};
