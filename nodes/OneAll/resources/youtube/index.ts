import type { ResourceSpec } from '../../shared/spec';
import { getManyChannels } from './getManyChannels';
import { getManyPlaylists } from './getManyPlaylists';
import { getManyPlaylistVideos } from './getManyPlaylistVideos';
import { getManyVideos } from './getManyVideos';
import { addChannelSection } from './addChannelSection';
import { addVideoToPlaylist } from './addVideoToPlaylist';
import { createPlaylist } from './createPlaylist';
import { deleteChannelSection } from './deleteChannelSection';
import { deletePlaylist } from './deletePlaylist';
import { removeVideoFromPlaylist } from './removeVideoFromPlaylist';
import { updateChannelSection } from './updateChannelSection';
import { updatePlaylist } from './updatePlaylist';
import { uploadVideo } from './uploadVideo';

export const youtube: ResourceSpec = {
	value: 'youtube',
	name: 'YouTube',
	provider: 'youtube',
	notice:
		"YouTube must be fully configured for your OneAll Site. Uploads need the permission Upload Videos; playlists and channel sections need Manage Videos, Manage Account and Account Access.",
	operations: [
		uploadVideo,
		addVideoToPlaylist,
		createPlaylist,
		addChannelSection,
		updatePlaylist,
		deletePlaylist,
		removeVideoFromPlaylist,
		updateChannelSection,
		deleteChannelSection,
		getManyChannels,
		getManyPlaylists,
		getManyPlaylistVideos,
		getManyVideos,
	],
};
