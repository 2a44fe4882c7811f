import { limit, returnAll } from '../../shared/fields';
import { oneRequest } from '../../shared/listings';
import type { OperationSpec } from '../../shared/spec';

export const getManyGroups: OperationSpec = {
	value: 'getManyGroups',
	name: 'Get Many Groups',
	action: 'Get many Facebook groups',
	description: 'List the Facebook groups the identity is a member of; returns one item per group, e.g. to post in each',
	api: 'pull',
	method: 'GET',
	path: 'facebook/groups.json',
	orderedPerIdentity: false,
	output: 'entries',
	listing: oneRequest('groups'),
	fields: [returnAll, limit],
	additional: [],
};
