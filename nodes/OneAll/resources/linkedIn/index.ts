import type { ResourceSpec } from '../../shared/spec';
import { getManyPosts } from './getManyPosts';
import { publishPost } from './publishPost';

export const linkedIn: ResourceSpec = {
	value: 'linkedIn',
	name: 'LinkedIn Profile',
	provider: 'linkedin',
	notice: 'LinkedIn must be fully configured for your OneAll Site, with posting permission granted by the user.',
	operations: [publishPost, getManyPosts],
};
