import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { resources } from '../resources';
import { oneAllGet } from '../shared/transport';

const PAGE_SIZE = 500;
// 20 pages of 500: a Site with more identities should pick by token.
const MAX_PAGES = 20;

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

/** The Site's identities of the chosen resource's network, across all pages of /identities.json. */
export async function getIdentities(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const provider = providerOf(this.getCurrentNodeParameter('resource'));
	const identities: Identity[] = [];
	for (let page = 1; page <= MAX_PAGES; page++) {
		const data = await oneAllGet.call(this, '/identities.json', {
			page,
			entries_per_page: PAGE_SIZE,
			order_direction: 'asc',
		});
		const block = (data.identities ?? {}) as IDataObject;
		identities.push(...((block.entries ?? []) as Identity[]));
		const pagination = (block.pagination ?? {}) as { total_pages?: number };
		if (!pagination.total_pages || page >= pagination.total_pages) break;
	}
	const needle = (filter ?? '').trim().toLowerCase();
	const results = identities
		.filter((identity) => typeof identity.identity_token === 'string')
		.filter((identity) => {
			const network = identity.provider ?? identity.source?.key;
			return provider === undefined || network === provider;
		})
		.map((identity) => {
			const token = identity.identity_token as string;
			const label = identity.displayName || identity.preferredUsername || 'Unnamed identity';
			const network = identity.provider ?? identity.source?.key ?? 'unknown';
			return {
				name: `${label} (${network}, ${token.slice(0, 8)}…)`,
				value: token,
				url: identity.profileUrl,
				haystack: `${label} ${identity.preferredUsername ?? ''} ${token}`.toLowerCase(),
			};
		})
		.filter((entry) => needle === '' || entry.haystack.includes(needle))
		.map(({ name, value, url }) => (url ? { name, value, url } : { name, value }));
	return { results };
}
