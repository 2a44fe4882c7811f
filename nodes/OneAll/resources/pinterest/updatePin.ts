import { description, link } from '../../shared/fields';
import type { OperationSpec } from '../../shared/spec';
import { pinId } from './fields';

export const updatePin: OperationSpec = {
	value: 'updatePin',
	name: 'Update Pin',
	action: 'Update a Pinterest pin',
	description: 'Change the text or link of a pin, or move it to another board; set at least one field',
	api: 'update',
	method: 'PUT',
	path: 'pinterest/pin/{pinId}.json',
	object: 'pin',
	orderedPerIdentity: true,
	output: 'resultData',
	fields: [pinId],
	additional: [
		{
			name: 'boardName',
			displayName: 'Board Name',
			kind: 'text',
			body: 'pin.board',
			placeholder: 'e.g. Gift Ideas',
			description: 'The NAME (not the ID) of one of the identity’s boards to move the pin to',
		},
		description('pin.description', { description: 'The new text of the pin' }),
		link('pin.link', { description: 'The new URL the pin leads to' }),
	],
	oneOf: ['boardName', 'description', 'link'],
};
