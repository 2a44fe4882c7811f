import type { ResourceSpec } from '../../shared/spec';
import { getManyPosts } from './getManyPosts';
import { publishPost } from './publishPost';
import { uploadPicture } from './uploadPicture';
import { uploadVideo } from './uploadVideo';

export const facebook: ResourceSpec = {
	value: 'facebook',
	name: 'Facebook Profile',
	provider: 'facebook',
	notice:
		'Facebook must be fully configured for your OneAll Site, and the user must have granted publishing consent when connecting the account.',
	operations: [publishPost, uploadPicture, uploadVideo, getManyPosts],
};
