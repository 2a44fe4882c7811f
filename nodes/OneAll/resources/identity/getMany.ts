import { limit, returnAll } from '../../shared/fields';
import type { OperationSpec } from '../../shared/spec';

export const getMany: OperationSpec = {
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many identities',
	description: 'List the social accounts connected to the OneAll Site, one item per identity, e.g. to publish to each of them',
	api: 'identity',
	method: 'GET',
	path: 'identities.json',
	identity: false,
	orderedPerIdentity: false,
	output: 'entries',
	listing: {
		key: 'identities',
		paging: { pages: { sizeParam: 'entries_per_page', query: { order_direction: 'asc' } } },
		// OneAll documents no provider filter, so each page is filtered here.
		entryFilter: { filter: 'provider', entryKeys: ['provider', 'source.key'] },
	},
	fields: [returnAll, limit],
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
