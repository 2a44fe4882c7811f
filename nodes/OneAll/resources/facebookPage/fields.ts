import { locator } from '../../shared/fields';

// The page of an edit or delete travels in the URL path, not in the body as for a publish.
export const pagePathId = locator('pageId', 'Page', 'pathId', 'getFacebookPages', {
	placeholder: 'e.g. 104729201234567',
	description: 'The Facebook page the post, picture or video is on; the identity must administer it',
});

export const pagePostId = locator('postId', 'Post', 'pathId', 'getFacebookPagePosts', {
	placeholder: 'e.g. 104729201234567_7000000000001',
	description: 'The page post; after Publish Post use {{ $json.post_id }}',
});

export const pageObjectId = (name: 'pictureId' | 'videoId', displayName: string, after: string) => ({
	name,
	displayName,
	kind: 'pathId' as const,
	required: true,
	placeholder: 'e.g. 104729201234567_8000000000001',
	description: `The ${displayName.toLowerCase()}; after ${after} use {{ $json.${name === 'pictureId' ? 'picture_id' : 'video_id'} }}`,
});

// The page of a publish travels in the body.
export const pageId = locator('pageId', 'Page', 'bodyId', 'getFacebookPages', {
	body: 'page.id',
	placeholder: 'e.g. 104729201234567',
	description: 'The Facebook page to publish on; the identity must administer it',
});
