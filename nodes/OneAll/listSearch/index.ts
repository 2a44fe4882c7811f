import { getIdentities } from './getIdentities';
import {
	getFacebookGroups,
	getFacebookPages,
	getLinkedInCompanies,
	getPinterestBoards,
	getYouTubePlaylists,
} from './pullLists';

export const listSearch = {
	getIdentities,
	getFacebookGroups,
	getFacebookPages,
	getLinkedInCompanies,
	getPinterestBoards,
	getYouTubePlaylists,
};
