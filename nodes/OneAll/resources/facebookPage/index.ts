import type { ResourceSpec } from '../../shared/spec';
import { getManyPages } from './getManyPages';
import { getManyPosts } from './getManyPosts';
import { getManyReactions } from './getManyReactions';
import { deletePicture } from './deletePicture';
import { deletePost } from './deletePost';
import { deleteVideo } from './deleteVideo';
import { publishPost } from './publishPost';
import { uploadPicture } from './uploadPicture';
import { updatePost } from './updatePost';
import { uploadVideo } from './uploadVideo';

export const facebookPage: ResourceSpec = {
	value: 'facebookPage',
	name: 'Facebook Page',
	provider: 'facebook',
	notice:
		"Page publishing needs the permissions Manage Pages and Publish Pages enabled in your OneAll Site's Facebook settings, and granted by the user.",
	operations: [publishPost, uploadPicture, uploadVideo, updatePost, deletePost, deletePicture, deleteVideo, getManyPages, getManyPosts, getManyReactions],
};
