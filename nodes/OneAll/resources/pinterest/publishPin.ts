import { description, link, pictureUrl } from '../../shared/fields';
import type { OperationSpec } from '../../shared/spec';
import { boardId } from './fields';

export const publishPin: OperationSpec = {
	value: 'publishPin',
	name: 'Publish Pin',
	action: 'Publish a pin on a Pinterest board',
	description: 'Pin a picture on one of the identity’s Pinterest boards',
	api: 'push',
	method: 'POST',
	path: 'pinterest/board/{boardId}/pin.json',
	object: 'pin',
	orderedPerIdentity: true,
	output: 'resultData',
	fields: [
		boardId,
		pictureUrl('pin.picture', { required: true }),
		description('pin.description', { required: true, description: 'The text of the pin' }),
	],
	additional: [link('pin.link', { description: 'The URL the pin leads to' })],
};
