import { message } from '../../shared/fields';
import type { OperationSpec } from '../../shared/spec';
import { linkedInPostAdditional } from './fields';

export const publishPost: OperationSpec = {
	value: 'publishPost',
	name: 'Publish Post',
	action: 'Publish a post on a LinkedIn profile',
	description: "Publish a post on the identity's LinkedIn profile",
	api: 'push',
	method: 'POST',
	path: 'linkedin/post.json',
	object: 'post',
	orderedPerIdentity: true,
	output: 'resultData',
	fields: [message('post.message')],
	additional: linkedInPostAdditional,
	oneOf: ['message', 'link'],
};
