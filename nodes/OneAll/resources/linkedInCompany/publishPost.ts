import { message } from '../../shared/fields';
import type { OperationSpec } from '../../shared/spec';
import { linkedInPostAdditional } from '../linkedIn/fields';
import { companyId } from './fields';

export const publishPost: OperationSpec = {
	value: 'publishPost',
	name: 'Publish Post',
	action: 'Publish a post on a LinkedIn company page',
	description: 'Publish a post on a LinkedIn company page the identity administers',
	api: 'push',
	method: 'POST',
	path: 'linkedin/company/post.json',
	object: 'post',
	orderedPerIdentity: true,
	output: 'resultData',
	fields: [
		companyId,
		message('post.message'),
	],
	additional: linkedInPostAdditional,
	oneOf: ['message', 'link'],
};
