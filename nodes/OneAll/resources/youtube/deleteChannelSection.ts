import type { OperationSpec } from '../../shared/spec';
import { sectionId } from './fields';

export const deleteChannelSection: OperationSpec = {
	value: 'deleteChannelSection',
	name: 'Delete Channel Section',
	action: 'Delete a section of a YouTube channel',
	description: 'Delete a section of the identity’s channel page. Irreversible: the section cannot be restored.',
	api: 'update',
	method: 'DELETE',
	path: 'youtube/channel/section/{sectionId}.json',
	orderedPerIdentity: true,
	output: 'deletedRecord',
	fields: [sectionId],
	additional: [],
};
