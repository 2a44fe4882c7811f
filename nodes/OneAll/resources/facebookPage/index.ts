import type { ResourceSpec } from '../../shared/spec';
import { publishPost } from './publishPost';
import { uploadPicture } from './uploadPicture';
import { uploadVideo } from './uploadVideo';

export const facebookPage: ResourceSpec = {
	value: 'facebookPage',
	name: 'Facebook Page',
	provider: 'facebook',
	notice:
		"Page publishing needs the permissions Manage Pages and Publish Pages enabled in your OneAll Site's Facebook settings, and granted by the user.",
	operations: [publishPost, uploadPicture, uploadVideo],
};
