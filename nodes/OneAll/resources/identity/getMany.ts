import type { OperationSpec } from '../../shared/spec';

export const getMany: OperationSpec = {
	resource: 'identity',
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many identities',
	description: 'List the social accounts connected to the OneAll Site, one item per identity, e.g. to publish to each of them',
	api: 'identity',
	method: 'GET',
	path: 'identities.json',
	identity: false,
	fields: [
		{
			name: 'returnAll',
			displayName: 'Return All',
			kind: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			name: 'limit',
			displayName: 'Limit',
			kind: 'number',
			default: 50,
			minValue: 1,
			description: 'Max number of results to return',
			showIf: { returnAll: [false] },
		},
	],
	additional: [],
	filters: [
		{
			name: 'provider',
			displayName: 'Provider',
			kind: 'multiOptions',
			default: [],
			description: 'Only identities of these networks; none chosen means all, login-only networks included',
			options: [
				{ name: 'Facebook', value: 'facebook' },
				{ name: 'LinkedIn', value: 'linkedin' },
				{ name: 'Pinterest', value: 'pinterest' },
				{ name: 'Twitter', value: 'twitter' },
				{ name: 'YouTube', value: 'youtube' },
			],
		},
	],
};
