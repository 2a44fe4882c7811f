import { limit, returnAll } from '../../shared/fields';
import { paged } from '../../shared/listings';
import type { OperationSpec } from '../../shared/spec';
import { groupPathId } from './fields';

export const getManyPosts: OperationSpec = {
	value: 'getManyPosts',
	name: 'Get Many Posts',
	action: 'Get many posts of a Facebook group',
	description: 'Read the posts of a Facebook group the identity is a member of, newest first; returns one item per post',
	api: 'pull',
	method: 'GET',
	path: 'facebook/group/{groupId}/posts.json',
	orderedPerIdentity: false,
	output: 'entries',
	listing: paged('posts', 'num_posts'),
	fields: [groupPathId, returnAll, limit],
	additional: [],
};
