import type { DeclarativeRestApiSettings, IHttpRequestOptions } from 'n8n-workflow';

type AnyOptions = IHttpRequestOptions | DeclarativeRestApiSettings.HttpRequestOptions;

/** A listing of one item: at most `limit` entries (Infinity: all), kept when their filter value is in `keep` (empty: all). */
export interface Listing {
	limit: number;
	keep: string[];
	/** The page size asked for; undefined when the listing is one request. */
	pageSize: number | undefined;
}

/** What preparing one item decided, beyond the request options themselves. */
export interface ItemPlan {
	/** The API's prefix with the identity filled in: where a picture upload of the same post goes. */
	prefix?: string;
	/** Why nothing may be sent for this item; it becomes the item's outcome as it is. */
	error?: Error;
	/** Set when the operation's requests to this identity are sent one at a time, in input order. */
	identity?: string;
	pictureUrls?: string[];
	/** A DELETE: the identity and path ids, as the output item names what was deleted. */
	deleted?: Record<string, unknown>;
	listing?: Listing;
}

// The plan rides on the item's own request options: n8n hands the object preSend returned to the
// pagination hook of the same item, so nothing is shared between items, runs or tool calls.
const plans = new WeakMap<AnyOptions, ItemPlan>();

export function attachPlan(options: IHttpRequestOptions, plan: ItemPlan): void {
	plans.set(options, plan);
}

export function planOf(options: AnyOptions): ItemPlan | undefined {
	return plans.get(options);
}
