import type { OperationSpec } from '../../shared/spec';

export const get: OperationSpec = {
	resource: 'identity',
	value: 'get',
	name: 'Get',
	action: 'Get an identity',
	description: 'Read one identity of the OneAll Site: its network, name, profile and tokens',
	api: 'identity',
	method: 'GET',
	path: 'identities/{identityToken}.json',
	fields: [],
	additional: [],
};
