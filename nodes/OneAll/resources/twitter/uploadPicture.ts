import { description, pictureUrl } from '../../shared/fields';
import type { OperationSpec } from '../../shared/spec';

export const uploadPicture: OperationSpec = {
	value: 'uploadPicture',
	name: 'Upload Picture',
	action: 'Upload a picture to Twitter',
	description: 'Upload a picture to attach to a tweet; the answer holds its picture_id',
	api: 'push',
	method: 'POST',
	path: 'twitter/picture.json',
	object: 'picture',
	orderedPerIdentity: true,
	output: 'resultData',
	fields: [pictureUrl('picture.url', { required: true })],
	additional: [description('picture.description', { description: 'Description of the picture' })],
	notice:
		'Twitter removes an uploaded picture after 24 hours unless a tweet attaches it: chain Publish Tweet with Attachment IDs {{ $json.picture_id }}.',
};
