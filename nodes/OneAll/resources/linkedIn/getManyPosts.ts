import { limit, returnAll } from '../../shared/fields';
import { paged } from '../../shared/listings';
import type { OperationSpec } from '../../shared/spec';

export const getManyPosts: OperationSpec = {
	value: 'getManyPosts',
	name: 'Get Many Posts',
	action: 'Get many posts of a LinkedIn profile',
	description: 'Read the identity’s own LinkedIn posts, newest first; returns one item per post',
	api: 'pull',
	method: 'GET',
	path: 'linkedin/user/posts.json',
	orderedPerIdentity: false,
	output: 'entries',
	listing: paged('posts', 'num_posts'),
	fields: [returnAll, limit],
	additional: [],
};
