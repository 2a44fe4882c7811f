import { description, link, locator, pictureUrl } from '../../shared/fields';
import type { OperationSpec } from '../../shared/spec';

export const publishPin: OperationSpec = {
	resource: 'pinterest',
	value: 'publishPin',
	name: 'Publish Pin',
	action: 'Publish a pin on a Pinterest board',
	description: 'Pin a picture on one of the identity’s Pinterest boards',
	path: 'pinterest/board/{boardId}/pin.json',
	object: 'pin',
	fields: [
		locator('boardId', 'Board', 'pathId', 'getPinterestBoards', {
			placeholder: 'e.g. 549755885175',
			description: 'The board to pin on',
		}),
		pictureUrl('pin.picture', { required: true }),
		description('pin.description', { required: true, description: 'The text of the pin' }),
	],
	additional: [link('pin.link', { description: 'The URL the pin leads to' })],
};
