import { locator } from '../../shared/fields';

// The company of a publish travels in the body.
export const companyId = locator('companyId', 'Company', 'bodyId', 'getLinkedInCompanies', {
	body: 'post.company',
	placeholder: 'e.g. 2414183',
	description: 'The LinkedIn company page to publish on',
});
