import { getIdentities } from './getIdentities';
import {
	getFacebookGroups,
	getFacebookPagePosts,
	getFacebookPages,
	getLinkedInCompanies,
	getPinterestBoards,
	getPinterestPins,
	getTwitterTweets,
	getYouTubePlaylists,
	getYouTubePlaylistVideos,
} from './pullLists';

export const listSearch = {
	getIdentities,
	getFacebookGroups,
	getFacebookPages,
	getLinkedInCompanies,
	getPinterestBoards,
	getYouTubePlaylists,
	getTwitterTweets,
	getFacebookPagePosts,
	getPinterestPins,
	getYouTubePlaylistVideos,
};
