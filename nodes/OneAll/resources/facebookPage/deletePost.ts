import type { OperationSpec } from '../../shared/spec';
import { pagePathId, pagePostId } from './fields';

export const deletePost: OperationSpec = {
	value: 'deletePost',
	name: 'Delete Post',
	action: 'Delete a post from a Facebook page',
	description: 'Delete a post from a Facebook page the identity administers. Irreversible: the post cannot be restored.',
	api: 'update',
	method: 'DELETE',
	path: 'facebook/page/{pageId}/post/{postId}.json',
	orderedPerIdentity: true,
	output: 'deletedRecord',
	fields: [pagePathId, pagePostId],
	additional: [],
};
