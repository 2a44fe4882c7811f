import type { OperationSpec } from '../../shared/spec';
import { pinId } from './pinId';

export const deletePin: OperationSpec = {
	resource: 'pinterest',
	value: 'deletePin',
	name: 'Delete Pin',
	action: 'Delete a Pinterest pin',
	description: 'Delete a pin of the identity. Irreversible: the pin cannot be restored.',
	api: 'update',
	method: 'DELETE',
	path: 'pinterest/pin/{pinId}.json',
	fields: [pinId],
	additional: [],
};
