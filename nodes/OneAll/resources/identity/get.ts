import type { OperationSpec } from '../../shared/spec';

export const get: OperationSpec = {
	value: 'get',
	name: 'Get',
	action: 'Get an identity',
	description: 'Read one identity of the OneAll Site: its network, name, profile and tokens',
	api: 'identity',
	method: 'GET',
	path: 'identities/{identityToken}.json',
	orderedPerIdentity: false,
	output: { node: 'identity' },
	fields: [],
	additional: [],
};
