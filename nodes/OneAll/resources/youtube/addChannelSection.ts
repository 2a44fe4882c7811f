import { defaultLanguage, position, title } from '../../shared/fields';
import type { OperationSpec } from '../../shared/spec';

const idList = (name: string, displayName: string, body: string, description: string) => ({
	name,
	displayName,
	kind: 'idList' as const,
	body,
	description,
});

export const addChannelSection: OperationSpec = {
	value: 'addChannelSection',
	name: 'Add Channel Section',
	action: 'Add a section to a YouTube channel',
	description: 'Add a section (a shelf of playlists, channels or uploads) to the identity’s channel page',
	api: 'push',
	method: 'POST',
	path: 'youtube/channel/section.json',
	object: 'channel.section',
	orderedPerIdentity: true,
	output: 'resultData',
	fields: [
		{
			name: 'sectionType',
			displayName: 'Section Type',
			kind: 'options',
			body: 'channel.section.type',
			required: true,
			default: 'singlePlaylist',
			description: "YouTube's channel section type",
			options: [
				{ name: 'All Playlists', value: 'allPlaylists' },
				{ name: 'Completed Events', value: 'completedEvents' },
				{ name: 'Live Events', value: 'liveEvents' },
				{ name: 'Multiple Channels', value: 'multipleChannels' },
				{ name: 'Multiple Playlists', value: 'multiplePlaylists' },
				{ name: 'Popular Uploads', value: 'popularUploads' },
				{ name: 'Recent Uploads', value: 'recentUploads' },
				{ name: 'Single Playlist', value: 'singlePlaylist' },
				{ name: 'Subscriptions', value: 'subscriptions' },
				{ name: 'Upcoming Events', value: 'upcomingEvents' },
			],
		},
	],
	additional: [
		{
			name: 'style',
			displayName: 'Style',
			kind: 'options',
			body: 'channel.section.style',
			default: 'horizontalRow',
			options: [
				{ name: 'Horizontal Row', value: 'horizontalRow' },
				{ name: 'Vertical List', value: 'verticalList' },
			],
		},
		title('channel.section.title', { description: 'Title of the section (for multiple playlists or channels)' }),
		position('channel.section.position', 'Zero-based position of the section on the channel page'),
		defaultLanguage('channel.section.defaultLanguage'),
		idList('playlistIds', 'Playlist IDs', 'channel.section.playlists', 'Playlists shown in the section, comma-separated or an array'),
		idList('channelIds', 'Channel IDs', 'channel.section.channels', 'Channels shown in the section, comma-separated or an array'),
	],
};
