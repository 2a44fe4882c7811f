import { createPost, description, pictureUrl } from '../../shared/fields';
import type { OperationSpec } from '../../shared/spec';

export const uploadPicture: OperationSpec = {
	value: 'uploadPicture',
	name: 'Upload Picture',
	action: 'Upload a picture to a Facebook profile',
	description: "Upload a picture to the identity's Facebook profile; the answer holds its picture_id",
	api: 'push',
	method: 'POST',
	path: 'facebook/picture.json',
	object: 'picture',
	orderedPerIdentity: true,
	output: 'resultData',
	fields: [pictureUrl('picture.url', { required: true })],
	additional: [description('picture.description', { description: 'Caption of the picture' }), createPost('picture.create_post')],
};
