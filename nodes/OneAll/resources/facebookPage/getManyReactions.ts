import { limit, returnAll } from '../../shared/fields';
import { oneRequest } from '../../shared/listings';
import type { OperationSpec } from '../../shared/spec';
import { pagePathId, pagePostId } from './fields';

export const getManyReactions: OperationSpec = {
	value: 'getManyReactions',
	name: 'Get Many Reactions',
	action: 'Get many reactions to a Facebook page post',
	description: 'Read the reactions (like, love, …) to a post of a Facebook page the identity administers; returns one item per reaction',
	api: 'pull',
	method: 'GET',
	path: 'facebook/page/{pageId}/post/{postId}/reactions.json',
	orderedPerIdentity: false,
	output: 'entries',
	listing: oneRequest('reactions'),
	fields: [pagePathId, pagePostId, returnAll, limit],
	additional: [],
};
