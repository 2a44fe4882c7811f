import { limit, returnAll } from '../../shared/fields';
import { paged } from '../../shared/listings';
import type { OperationSpec } from '../../shared/spec';
import { pagePathId } from './fields';

export const getManyPosts: OperationSpec = {
	value: 'getManyPosts',
	name: 'Get Many Posts',
	action: 'Get many posts of a Facebook page',
	description: 'Read the posts of a Facebook page the identity administers, newest first; returns one item per post',
	api: 'pull',
	method: 'GET',
	path: 'facebook/page/{pageId}/posts.json',
	orderedPerIdentity: false,
	output: 'entries',
	listing: paged('posts', 'num_posts'),
	fields: [pagePathId, returnAll, limit],
	additional: [],
};
