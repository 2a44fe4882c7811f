import type { OperationSpec } from '../../shared/spec';
import { pageObjectId, pagePathId } from './fields';

export const deletePicture: OperationSpec = {
	value: 'deletePicture',
	name: 'Delete Picture',
	action: 'Delete a picture from a Facebook page',
	description: 'Delete a picture from a Facebook page the identity administers. Irreversible: the picture cannot be restored.',
	api: 'update',
	method: 'DELETE',
	path: 'facebook/page/{pageId}/picture/{pictureId}.json',
	orderedPerIdentity: true,
	output: 'deletedRecord',
	fields: [pagePathId, pageObjectId('pictureId', 'Picture ID', 'Upload Picture')],
	additional: [],
};
