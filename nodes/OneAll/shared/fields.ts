import type { FieldSpec } from './spec';

// Field builders shared by the operations, so a "Message" or "Picture URL" reads the same everywhere.

type Extra = Partial<FieldSpec>;

export const message = (body: string, extra: Extra = {}): FieldSpec => ({
	name: 'message',
	displayName: 'Message',
	kind: 'text',
	body,
	rows: 4,
	placeholder: 'e.g. New on the blog: how we ship every Friday',
	description: 'The text of the post or tweet. A tweet needs one; a Facebook or LinkedIn post needs a Message or a Link.',
	...extra,
});

export const link = (body: string, extra: Extra = {}): FieldSpec => ({
	name: 'link',
	displayName: 'Link',
	kind: 'url',
	body,
	placeholder: 'e.g. https://example.com/blog/friday-shipping',
	description: 'A URL to share with the post',
	...extra,
});

export const description = (body: string, extra: Extra = {}): FieldSpec => ({
	name: 'description',
	displayName: 'Description',
	kind: 'text',
	body,
	rows: 3,
	description: 'A description or caption',
	...extra,
});

export const title = (body: string, extra: Extra = {}): FieldSpec => ({
	name: 'title',
	displayName: 'Title',
	kind: 'text',
	body,
	placeholder: 'e.g. Friday release notes',
	...extra,
});

export const pictureUrl = (body: string, extra: Extra = {}): FieldSpec => ({
	name: 'pictureUrl',
	displayName: 'Picture URL',
	kind: 'pictureUrl',
	body,
	placeholder: 'e.g. https://example.com/images/cover.png',
	description:
		'Public URL of the picture that OneAll downloads: JPEG, BMP, PNG, GIF or TIFF, at most 5 MB',
	...extra,
});

export const videoUrl = (body: string, extra: Extra = {}): FieldSpec => ({
	name: 'videoUrl',
	displayName: 'Video URL',
	kind: 'url',
	body,
	placeholder: 'e.g. https://example.com/videos/launch.mp4',
	description: 'Public URL of the video file that OneAll downloads and uploads',
	...extra,
});

export const attachmentIds = (body: string, extra: Extra = {}): FieldSpec => ({
	name: 'attachmentIds',
	displayName: 'Attachment IDs',
	kind: 'idList',
	body,
	placeholder: 'e.g. 910890718352281600, 910890718352281601',
	description:
		'Picture IDs returned by an Upload Picture operation, comma-separated or an array from an expression such as {{ $json.picture_id }}',
	...extra,
});

export const pictureUrls: FieldSpec = {
	name: 'pictureUrls',
	displayName: 'Picture URLs to Upload and Attach',
	kind: 'idList',
	placeholder: 'e.g. https://example.com/a.png, https://example.com/b.jpg',
	description:
		'Pictures to upload first and attach to this post, in order: comma-separated URLs or an array from an expression. Saves a separate Upload Picture step.',
};

export const createPost = (body: string): FieldSpec => ({
	name: 'createPost',
	displayName: 'Create Post',
	kind: 'boolean',
	body,
	default: true,
	description:
		'Whether OneAll also publishes a timeline post showing the upload. Turn off to only upload and attach the returned ID to a post later.',
});

export const callbackUrl = (body: string): FieldSpec => ({
	name: 'callbackUrl',
	displayName: 'Callback URL',
	kind: 'url',
	body,
	placeholder: 'e.g. https://n8n.example.com/webhook/oneall-video',
	description:
		'OneAll processes videos in the background and POSTs the final result to this URL when done; the Production URL of an n8n Webhook node works',
});

export const privacyStatus = (body: string): FieldSpec => ({
	name: 'privacyStatus',
	displayName: 'Privacy Status',
	kind: 'options',
	body,
	default: 'public',
	options: [
		{ name: 'Public', value: 'public' },
		{ name: 'Unlisted', value: 'unlisted' },
		{ name: 'Private', value: 'private' },
	],
});

export const defaultLanguage = (body: string): FieldSpec => ({
	name: 'defaultLanguage',
	displayName: 'Default Language',
	kind: 'text',
	body,
	placeholder: 'e.g. en',
	description: 'Language code of the title and description',
});

export const position = (body: string, description: string): FieldSpec => ({
	name: 'position',
	displayName: 'Position',
	kind: 'number',
	body,
	default: 0,
	description,
});

export const locator = (
	name: string,
	displayName: string,
	kind: 'pathId' | 'bodyId',
	listMethod: string,
	extra: Extra = {},
): FieldSpec => ({ name, displayName, kind, listMethod, required: true, ...extra });

// A listing's two fields, the same for every listing.
export const returnAll: FieldSpec = {
	name: 'returnAll',
	displayName: 'Return All',
	kind: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
};

export const limit: FieldSpec = {
	name: 'limit',
	displayName: 'Limit',
	kind: 'number',
	default: 50,
	minValue: 1,
	description: 'Max number of results to return',
	showIf: { returnAll: [false] },
};
