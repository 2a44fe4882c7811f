import { locator } from '../../shared/fields';

export const pageId = locator('pageId', 'Page', 'bodyId', 'getFacebookPages', {
	body: 'page.id',
	placeholder: 'e.g. 104729201234567',
	description: 'The Facebook page to publish on; the identity must administer it',
});
