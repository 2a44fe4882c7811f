import type { ResourceSpec } from '../../shared/spec';
import { getManyGroups } from './getManyGroups';
import { getManyPosts } from './getManyPosts';
import { publishPost } from './publishPost';
import { uploadPicture } from './uploadPicture';
import { uploadVideo } from './uploadVideo';

export const facebookGroup: ResourceSpec = {
	value: 'facebookGroup',
	name: 'Facebook Group',
	provider: 'facebook',
	notice:
		'Group publishing needs Facebook fully configured for your OneAll Site and the identity to be a member of the group. OneAll has not published the body of these endpoints in full: if a post is refused, the message names the node it expected.',
	operations: [publishPost, uploadPicture, uploadVideo, getManyGroups, getManyPosts],
};
