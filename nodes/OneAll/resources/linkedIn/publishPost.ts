import { message } from '../../shared/fields';
import type { OperationSpec } from '../../shared/spec';
import { linkedInPostAdditional } from './postFields';

export const publishPost: OperationSpec = {
	resource: 'linkedIn',
	value: 'publishPost',
	name: 'Publish Post',
	action: 'Publish a post on a LinkedIn profile',
	description: "Publish a post on the identity's LinkedIn profile",
	path: 'linkedin/post.json',
	object: 'post',
	fields: [message('post.message')],
	additional: linkedInPostAdditional,
	oneOf: ['message', 'link'],
};
