import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { getManyPosts as facebookPagePosts } from '../resources/facebookPage/getManyPosts';
import { getManyGroups } from '../resources/facebookGroup/getManyGroups';
import { getManyPages } from '../resources/facebookPage/getManyPages';
import { getManyCompanies } from '../resources/linkedInCompany/getManyCompanies';
import { getManyBoards } from '../resources/pinterest/getManyBoards';
import { getManyPins } from '../resources/pinterest/getManyPins';
import { getManyTweets } from '../resources/twitter/getManyTweets';
import { getManyPlaylists } from '../resources/youtube/getManyPlaylists';
import { getManyPlaylistVideos } from '../resources/youtube/getManyPlaylistVideos';
import { APIS } from '../shared/apis';
import type { OperationSpec } from '../shared/spec';
import { oneAllGet } from '../shared/transport';
import { checkIdentityToken, checkPathId } from '../shared/validate';

// The Pull API's result shapes are not documented: find the first list in the answer and read an
// id and a name from each entry under the names OneAll uses elsewhere.
function firstList(value: unknown, depth = 0): IDataObject[] {
	if (Array.isArray(value)) return value.filter((entry) => typeof entry === 'object' && entry !== null);
	if (typeof value !== 'object' || value === null || depth > 4) return [];
	const record = value as IDataObject;
	for (const key of ['entries', ...Object.keys(record)]) {
		const found = firstList(record[key], depth + 1);
		if (found.length) return found;
	}
	return [];
}

function idOf(entry: IDataObject, idKeys: string[]): string | undefined {
	for (const key of [...idKeys, 'id', ...Object.keys(entry).filter((k) => k.endsWith('_id'))]) {
		const value = entry[key];
		if (typeof value === 'string' || typeof value === 'number') return String(value);
	}
	return undefined;
}

// `{pageId}` or `{playlistId}` in a path: a list inside a page or playlist chosen above it.
const PARENTS: Record<string, string> = { pageId: 'Page', playlistId: 'Playlist' };

/** A list of the editor filled by a read operation's first page, as large as OneAll pages go. */
function pullList(read: OperationSpec, what: string, idKeys: string[]) {
	const paging = read.listing?.paging;
	const qs = typeof paging === 'object' ? { page: 1, [paging.pages.sizeParam]: APIS.pull.pageSize as number } : {};
	return async function (this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		const raw = this.getCurrentNodeParameter('identityToken', { extractValue: true });
		let token: string;
		try {
			token = checkIdentityToken(raw);
		} catch {
			throw new NodeOperationError(this.getNode(), `Choose the Identity first: its ${what} are listed here`);
		}
		const sub = read.path.replace(/\{(\w+)\}/g, (_match, name: string) => {
			try {
				return encodeURIComponent(checkPathId(this.getCurrentNodeParameter(name, { extractValue: true })));
			} catch {
				throw new NodeOperationError(this.getNode(), `Choose the ${PARENTS[name] ?? name} first: its ${what} are listed here`);
			}
		});
		const data = await oneAllGet.call(this, `${APIS.pull.prefix.replace('{identityToken}', encodeURIComponent(token))}${sub}`, qs);
		const needle = (filter ?? '').trim().toLowerCase();
		const results = firstList(data)
			.map((entry) => {
				const value = idOf(entry, idKeys);
				const name = [entry.name, entry.title, entry.displayName, entry.message, entry.description].find((x) => typeof x === 'string' && x !== '');
				const url = [entry.url, entry.link, entry.profile_url].find((x) => typeof x === 'string' && x !== '');
				return { name: `${(name as string | undefined) ?? value}`, value, url: url as string | undefined };
			})
			.filter((entry) => entry.value !== undefined)
			.filter((entry) => needle === '' || `${entry.name} ${entry.value}`.toLowerCase().includes(needle))
			.map(({ name, value, url }) => (url ? { name, value: value as string, url } : { name, value: value as string }));
		return { results };
	};
}

export const getFacebookPages = pullList(getManyPages, 'Facebook pages', ['page_id']);
export const getFacebookGroups = pullList(getManyGroups, 'Facebook groups', ['group_id']);
export const getLinkedInCompanies = pullList(getManyCompanies, 'LinkedIn companies', ['company_id']);
export const getPinterestBoards = pullList(getManyBoards, 'Pinterest boards', ['board_id']);
export const getYouTubePlaylists = pullList(getManyPlaylists, 'YouTube playlists', ['playlist_id']);
export const getTwitterTweets = pullList(getManyTweets, 'tweets', ['post_id', 'tweet_id']);
export const getFacebookPagePosts = pullList(facebookPagePosts, 'posts', ['post_id']);
export const getPinterestPins = pullList(getManyPins, 'pins', ['pin_id']);
export const getYouTubePlaylistVideos = pullList(getManyPlaylistVideos, 'videos', ['video_id']);
