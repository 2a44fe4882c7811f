import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
	NodeApiError,
} from 'n8n-workflow';
import { resources } from '../resources';
import { APIS } from '../shared/apis';
import { oneAllGet } from '../shared/transport';
import { exactly, ID_RULES } from '../shared/validate';

const PAGE_SIZE = APIS.identity.pageSize as number;
// The list as opened reads 20 pages (10,000 identities): more would not be browsable anyway.
export const LIST_PAGES = 20;
// Typed text is searched further. OneAll has no server-side search, only pages, so a search
// reads pages until it has seen the whole Site or 50,000 identities.
export const SEARCH_PAGES = 100;
const UUID = exactly(ID_RULES.uuid);

interface Identity {
	identity_token?: string;
	provider?: string;
	displayName?: string;
	preferredUsername?: string;
	profileUrl?: string;
	source?: { key?: string };
}

export function providerOf(resource: unknown): string | undefined {
	return resources.find((candidate) => candidate.value === resource)?.provider;
}

const networkOf = (identity: Identity) => identity.provider ?? identity.source?.key;
const labelOf = (identity: Identity) => identity.displayName || identity.preferredUsername || 'Unnamed identity';
const count = (n: number) => n.toLocaleString('en-US');

function entryOf(identity: Identity): INodeListSearchItems {
	const token = identity.identity_token as string;
	const entry: INodeListSearchItems = { name: `${labelOf(identity)} (${networkOf(identity) ?? 'unknown'}, ${token.slice(0, 8)}…)`, value: token };
	if (identity.profileUrl) entry.url = identity.profileUrl;
	return entry;
}

function matches(identity: Identity, needle: string): boolean {
	return `${labelOf(identity)} ${identity.preferredUsername ?? ''} ${identity.identity_token}`.toLowerCase().includes(needle);
}

/**
 * An entry that is not an identity: it says the list is cut and how to reach the others. Short,
 * because the editor's dropdown cuts longer entries; its empty value picks nothing.
 */
function cutNotice(read: number, total: number, searching: boolean): INodeListSearchItems {
	return {
		name: searching
			? `Searched ${count(read)} of ${count(total)}: paste a full token for the rest`
			: `${count(read)} of ${count(total)} shown: type a name or token to search all`,
		value: '',
	};
}

/** A pasted token is looked up directly, wherever the identity is in the Site's list. */
async function byToken(this: ILoadOptionsFunctions, token: string, provider: string | undefined): Promise<INodeListSearchResult> {
	let data: IDataObject;
	try {
		data = await oneAllGet.call(this, `/identities/${token.toLowerCase()}.json`);
	} catch (caught) {
		// oneAllGet throws only NodeApiErrors, with OneAll's code; 404 is OneAll's "no such identity".
		const error = caught as NodeApiError;
		if (error.httpCode === '404') return { results: [] };
		throw error;
	}
	const identity = (data.identity ?? {}) as Identity;
	const fits = typeof identity.identity_token === 'string' && (provider === undefined || networkOf(identity) === provider);
	return { results: fits ? [entryOf(identity)] : [] };
}

/** The Site's identities of the chosen resource's network, read page by page from /identities.json. */
export async function getIdentities(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const provider = providerOf(this.getCurrentNodeParameter('resource'));
	const needle = (filter ?? '').trim().toLowerCase();
	if (UUID.test(needle)) return await byToken.call(this, needle, provider);

	const maxPages = needle === '' ? LIST_PAGES : SEARCH_PAGES;
	const results: INodeListSearchItems[] = [];
	let read = 0;
	let total = 0;
	for (let page = 1; page <= maxPages; page++) {
		const data = await oneAllGet.call(this, '/identities.json', {
			page,
			entries_per_page: PAGE_SIZE,
			order_direction: 'asc',
		});
		const block = (data.identities ?? {}) as IDataObject;
		const entries = (block.entries ?? []) as Identity[];
		for (const identity of entries) {
			if (typeof identity.identity_token !== 'string') continue;
			if (provider !== undefined && networkOf(identity) !== provider) continue;
			if (needle !== '' && !matches(identity, needle)) continue;
			results.push(entryOf(identity));
		}
		read += entries.length;
		const pagination = (block.pagination ?? {}) as { total_pages?: number; total_entries?: number };
		total = Number(pagination.total_entries) || read;
		if (!pagination.total_pages || page >= pagination.total_pages) return { results };
	}
	// Pages are left: say so first, where it is seen without scrolling.
	return { results: [cutNotice(read, total, needle !== ''), ...results] };
}
