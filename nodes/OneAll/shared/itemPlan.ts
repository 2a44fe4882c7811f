import type { DeclarativeRestApiSettings, IHttpRequestOptions } from 'n8n-workflow';

type AnyOptions = IHttpRequestOptions | DeclarativeRestApiSettings.HttpRequestOptions;

/** What preparing one item decided, beyond the request options themselves. */
export interface ItemPlan {
	/** Why nothing may be sent for this item; it becomes the item's outcome as it is. */
	error?: Error;
	/** Posts to one identity are sent one at a time, in input order. */
	identity?: string;
	pictureUrls?: string[];
	/** A DELETE: the identity and path ids, as the output item names what was deleted. */
	deleted?: Record<string, unknown>;
	/** Identity → Get Many: at most `limit` identities (Infinity: all) of these networks (none: all). */
	listing?: { limit: number; providers: string[] };
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
