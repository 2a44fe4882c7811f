import { locator } from '../../shared/fields';

export const groupId = locator('groupId', 'Group', 'bodyId', 'getFacebookGroups', {
	body: 'group.id',
	placeholder: 'e.g. 1234567890123456',
	description: 'The Facebook group to publish in; the identity must be a member',
});

// A read names its group in the URL path.
export const groupPathId = locator('groupId', 'Group', 'pathId', 'getFacebookGroups', {
	placeholder: 'e.g. 1234567890123456',
	description: 'The Facebook group whose posts are read; the identity must be a member',
});
