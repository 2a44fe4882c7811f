import { limit, returnAll } from '../../shared/fields';
import { oneRequest } from '../../shared/listings';
import type { OperationSpec } from '../../shared/spec';

export const getManyCompanies: OperationSpec = {
	value: 'getManyCompanies',
	name: 'Get Many Companies',
	action: 'Get many LinkedIn companies',
	description: 'List the LinkedIn company pages the identity administers; returns one item per company, e.g. to post on each',
	api: 'pull',
	method: 'GET',
	path: 'linkedin/companies.json',
	orderedPerIdentity: false,
	output: 'entries',
	listing: oneRequest('companies'),
	fields: [returnAll, limit],
	additional: [],
};
