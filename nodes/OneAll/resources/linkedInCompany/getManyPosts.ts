import { limit, returnAll } from '../../shared/fields';
import { paged } from '../../shared/listings';
import type { OperationSpec } from '../../shared/spec';
import { companyPathId } from './fields';

export const getManyPosts: OperationSpec = {
	value: 'getManyPosts',
	name: 'Get Many Posts',
	action: 'Get many posts of a LinkedIn company',
	description: 'Read the posts of a LinkedIn company page the identity administers, newest first; returns one item per post',
	api: 'pull',
	method: 'GET',
	path: 'linkedin/company/{companyId}/posts.json',
	orderedPerIdentity: false,
	output: 'entries',
	listing: paged('posts', 'num_posts'),
	fields: [companyPathId, returnAll, limit],
	additional: [],
};
