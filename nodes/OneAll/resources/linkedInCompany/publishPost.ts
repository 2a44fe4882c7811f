import { locator, message } from '../../shared/fields';
import type { OperationSpec } from '../../shared/spec';
import { linkedInPostAdditional } from '../linkedIn/postFields';

export const publishPost: OperationSpec = {
	resource: 'linkedInCompany',
	value: 'publishPost',
	name: 'Publish Post',
	action: 'Publish a post on a LinkedIn company page',
	description: 'Publish a post on a LinkedIn company page the identity administers',
	path: 'linkedin/company/post.json',
	object: 'post',
	fields: [
		locator('companyId', 'Company', 'bodyId', 'getLinkedInCompanies', {
			body: 'post.company',
			placeholder: 'e.g. 2414183',
			description: 'The LinkedIn company page to publish on',
		}),
		message('post.message'),
	],
	additional: linkedInPostAdditional,
	oneOf: ['message', 'link'],
};
