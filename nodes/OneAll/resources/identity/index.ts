import type { ResourceSpec } from '../../shared/spec';
import { get } from './get';
import { getMany } from './getMany';

export const identity: ResourceSpec = {
	value: 'identity',
	name: 'Identity',
	notice: 'Identities are the social accounts your users connected to the OneAll Site, of every network.',
	operations: [getMany, get],
};
