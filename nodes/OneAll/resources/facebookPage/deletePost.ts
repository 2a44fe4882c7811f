import type { OperationSpec } from '../../shared/spec';
import { pagePathId, pagePostId } from './pagePathId';

export const deletePost: OperationSpec = {
	resource: 'facebookPage',
	value: 'deletePost',
	name: 'Delete Post',
	action: 'Delete a post from a Facebook page',
	description: 'Delete a post from a Facebook page the identity administers. Irreversible: the post cannot be restored.',
	api: 'update',
	method: 'DELETE',
	path: 'facebook/page/{pageId}/post/{postId}.json',
	fields: [pagePathId, pagePostId],
	additional: [],
};
