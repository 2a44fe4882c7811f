import type { OperationSpec } from '../../shared/spec';
import { addChannelSection } from './addChannelSection';
import { sectionId } from './fields';

// Every key of Add Channel Section may change, the type included; OneAll needs at least one.
const [sectionType] = addChannelSection.fields;
const additional = [{ ...sectionType, required: false }, ...addChannelSection.additional];

export const updateChannelSection: OperationSpec = {
	value: 'updateChannelSection',
	name: 'Update Channel Section',
	action: 'Update a section of a YouTube channel',
	description: 'Change a section of the identity’s channel page; set at least one field',
	api: 'update',
	method: 'PUT',
	path: 'youtube/channel/section/{sectionId}.json',
	object: 'channel.section',
	orderedPerIdentity: true,
	output: 'resultData',
	fields: [sectionId],
	additional,
	oneOf: additional.map((field) => field.name),
};
