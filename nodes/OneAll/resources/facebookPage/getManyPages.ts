import { limit, returnAll } from '../../shared/fields';
import { paged } from '../../shared/listings';
import type { OperationSpec } from '../../shared/spec';

export const getManyPages: OperationSpec = {
	value: 'getManyPages',
	name: 'Get Many Pages',
	action: 'Get many Facebook pages',
	description: 'List the Facebook pages the identity administers; returns one item per page (with its page_id), e.g. to post on each',
	api: 'pull',
	method: 'GET',
	path: 'facebook/pages.json',
	orderedPerIdentity: false,
	output: 'entries',
	listing: paged('pages', 'num_pages'),
	fields: [returnAll, limit],
	additional: [],
};
