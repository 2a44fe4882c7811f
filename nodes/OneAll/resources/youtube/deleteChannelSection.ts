import type { OperationSpec } from '../../shared/spec';
import { sectionId } from './sectionId';

export const deleteChannelSection: OperationSpec = {
	resource: 'youtube',
	value: 'deleteChannelSection',
	name: 'Delete Channel Section',
	action: 'Delete a section of a YouTube channel',
	description: 'Delete a section of the identity’s channel page. Irreversible: the section cannot be restored.',
	api: 'update',
	method: 'DELETE',
	path: 'youtube/channel/section/{sectionId}.json',
	fields: [sectionId],
	additional: [],
};
