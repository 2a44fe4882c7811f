import type { ResourceSpec } from '../../shared/spec';
import { getManyTweets } from './getManyTweets';
import { deleteTweet } from './deleteTweet';
import { publishTweet } from './publishTweet';
import { uploadPicture } from './uploadPicture';
import { uploadVideo } from './uploadVideo';

export const twitter: ResourceSpec = {
	value: 'twitter',
	name: 'Twitter',
	provider: 'twitter',
	notice:
		"Your Twitter app's Permissions must be set to Read and Write, and Twitter fully configured for your OneAll Site.",
	operations: [publishTweet, uploadPicture, uploadVideo, deleteTweet, getManyTweets],
};
