import type { ResourceSpec } from '../../shared/spec';
import { getManyCompanies } from './getManyCompanies';
import { getManyPosts } from './getManyPosts';
import { publishPost } from './publishPost';

export const linkedInCompany: ResourceSpec = {
	value: 'linkedInCompany',
	name: 'LinkedIn Company Page',
	provider: 'linkedin',
	notice:
		"Company posts need the permission Manage Company Pages (rw_organization_admin) enabled in your OneAll Site's LinkedIn settings.",
	operations: [publishPost, getManyCompanies, getManyPosts],
};
