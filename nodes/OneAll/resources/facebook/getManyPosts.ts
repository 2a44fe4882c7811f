import { limit, returnAll } from '../../shared/fields';
import { paged } from '../../shared/listings';
import type { OperationSpec } from '../../shared/spec';

export const getManyPosts: OperationSpec = {
	value: 'getManyPosts',
	name: 'Get Many Posts',
	action: 'Get many posts of a Facebook profile',
	description: 'Read the posts of the identity’s Facebook timeline, newest first; returns one item per post',
	api: 'pull',
	method: 'GET',
	path: 'facebook/posts.json',
	orderedPerIdentity: false,
	output: 'entries',
	listing: paged('posts', 'num_posts'),
	fields: [returnAll, limit],
	additional: [],
	options: [
		{
			name: 'ownPostsOnly',
			displayName: 'Own Posts Only',
			kind: 'boolean',
			default: false,
			query: 'limit_own_posts',
			description: 'Whether to leave out posts that others made on the timeline',
		},
	],
};
