import type { ResourceSpec } from '../shared/spec';
import { facebook } from './facebook';
import { facebookGroup } from './facebookGroup';
import { facebookPage } from './facebookPage';
import { identity } from './identity';
import { linkedIn } from './linkedIn';
import { linkedInCompany } from './linkedInCompany';
import { pinterest } from './pinterest';
import { twitter } from './twitter';
import { youtube } from './youtube';

export const resources: ResourceSpec[] = [
	facebook,
	facebookGroup,
	facebookPage,
	identity,
	linkedIn,
	linkedInCompany,
	pinterest,
	twitter,
	youtube,
];
