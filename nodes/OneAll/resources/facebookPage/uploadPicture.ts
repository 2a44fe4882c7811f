import { description, pictureUrl } from '../../shared/fields';
import type { OperationSpec } from '../../shared/spec';
import { pageId } from './fields';

export const uploadPicture: OperationSpec = {
	value: 'uploadPicture',
	name: 'Upload Picture',
	action: 'Upload a picture to a Facebook page',
	description: 'Upload a picture to a Facebook page the identity administers',
	api: 'push',
	method: 'POST',
	path: 'facebook/page/picture.json',
	object: 'page',
	orderedPerIdentity: true,
	output: 'resultData',
	fields: [pageId, pictureUrl('page.url', { required: true })],
	additional: [description('page.description', { description: 'Caption of the picture' })],
};
