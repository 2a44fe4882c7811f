import type { OperationSpec } from '../../shared/spec';
import { pinId } from './fields';

export const deletePin: OperationSpec = {
	value: 'deletePin',
	name: 'Delete Pin',
	action: 'Delete a Pinterest pin',
	description: 'Delete a pin of the identity. Irreversible: the pin cannot be restored.',
	api: 'update',
	method: 'DELETE',
	path: 'pinterest/pin/{pinId}.json',
	orderedPerIdentity: true,
	output: 'deletedRecord',
	fields: [pinId],
	additional: [],
};
