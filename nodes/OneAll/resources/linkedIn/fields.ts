import { description, link, pictureUrl, title } from '../../shared/fields';
import type { FieldSpec } from '../../shared/spec';

// LinkedIn's link preview: the same keys for a profile post and a company post.
export const linkedInPostAdditional: FieldSpec[] = [
	link('post.link'),
	title('post.title', { description: 'Title of the link preview' }),
	description('post.description', { description: 'Description of the link preview' }),
	pictureUrl('post.picture', { description: 'Picture of the link preview: public URL of a JPEG, BMP, PNG, GIF or TIFF' }),
];
