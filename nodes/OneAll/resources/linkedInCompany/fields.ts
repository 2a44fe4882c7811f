import { locator } from '../../shared/fields';

// The company of a publish travels in the body.
export const companyId = locator('companyId', 'Company', 'bodyId', 'getLinkedInCompanies', {
	body: 'post.company',
	placeholder: 'e.g. 2414183',
	description: 'The LinkedIn company page to publish on',
});

// A read names its company in the URL path.
export const companyPathId = locator('companyId', 'Company', 'pathId', 'getLinkedInCompanies', {
	placeholder: 'e.g. 2414183',
	description: 'The LinkedIn company page whose posts are read; the identity must administer it',
});
