import { description, pictureUrl } from '../../shared/fields';
import type { OperationSpec } from '../../shared/spec';
import { pageId } from './pageId';

export const uploadPicture: OperationSpec = {
	resource: 'facebookPage',
	value: 'uploadPicture',
	name: 'Upload Picture',
	action: 'Upload a picture to a Facebook page',
	description: 'Upload a picture to a Facebook page the identity administers',
	path: 'facebook/page/picture.json',
	object: 'page',
	fields: [pageId, pictureUrl('page.url', { required: true })],
	additional: [description('page.description', { description: 'Caption of the picture' })],
};
