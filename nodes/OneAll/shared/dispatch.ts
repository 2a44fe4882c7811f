import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	INodeExecutionData,
} from 'n8n-workflow';
import { OneAllCredentialError, resolveBaseUrl } from './baseUrl';
import { credentialError, isOwnError, oneAllError, operationError, transportError } from './errors';
import { inIdentityOrder } from './identityQueue';
import { planOf } from './itemPlan';
import { memoryOf, requestKey } from './retryMemory';
import { APIS } from './apis';
import type { ItemPlan, Listing } from './itemPlan';
import type { BoundOperation, ListingSpec, OperationSpec } from './spec';

type Request = DeclarativeRestApiSettings.ResultOptions;

/**
 * A failed request, as the user should read it. n8n wraps whatever the credential's authenticate
 * throws, so a credential problem is told by checking the credential again, only once a request
 * has failed; anything else is rebuilt from error codes alone (see transportError).
 */
async function explain(context: IExecutePaginationFunctions, caught: unknown): Promise<Error> {
	const itemIndex = context.getItemIndex();
	if (isOwnError(caught)) return caught as NodeApiError;
	try {
		resolveBaseUrl(await context.getCredentials('oneAllApi'));
	} catch (problem) {
		if (problem instanceof OneAllCredentialError) return credentialError(context.getNode(), itemIndex, problem);
	}
	return transportError(context.getNode(), itemIndex, caught);
}

/** What this node run already published, and the key of the post being sent (see retryMemory). */
interface Remembered {
	memory: ReturnType<typeof memoryOf>;
	postKey: string;
}

/** The object node of the post's body that its attachments go into. */
const postObject = (spec: OperationSpec, request: Request): IDataObject =>
	(request.options.body as { request: Record<string, IDataObject> }).request[APIS[spec.api].envelope as string][spec.object as string] as IDataObject;

async function uploadPictures(
	context: IExecutePaginationFunctions,
	spec: OperationSpec,
	request: Request,
	urls: string[],
	prefix: string,
	{ memory, postKey }: Remembered,
): Promise<string[]> {
	const upload = spec.pictureUpload as NonNullable<OperationSpec['pictureUpload']>;
	const envelope = APIS[spec.api].envelope as string;
	const target = postObject(spec, request);
	const ids: string[] = [];
	for (const url of urls) {
		// A group or page upload names its group or page the same way the post does.
		const object: IDataObject = upload.object === spec.object && target.id !== undefined ? { id: target.id } : {};
		Object.assign(object, { url }, upload.extra ?? {});
		const uploading = {
			...request,
			options: { ...request.options, url: `${prefix}${upload.path}`, body: { request: { [envelope]: { [upload.object]: object } } } },
		};
		// A picture an earlier try of this same post uploaded is attached again, not uploaded again;
		// its place in the list is part of the key, so a URL listed twice is still uploaded twice.
		const key = `${postKey}\u0000${requestKey(context.getItemIndex(), uploading.options)}#${ids.length}`;
		let answer = memory?.get(key)?.[0];
		try {
			if (!answer) {
				[answer] = await context.makeRoutingRequest(uploading);
				if (answer) memory?.set(key, [answer]);
			}
		} catch (caught) {
			// Say it was the picture step: OneAll's message alone reads as if the post had failed.
			const inner = (await explain(context, caught)) as NodeApiError;
			throw oneAllError(
				context.getNode(),
				context.getItemIndex(),
				String(inner.httpCode ?? 'none'),
				`Uploading picture ${ids.length + 1} of ${urls.length} (${url}) failed, so nothing was posted: ${inner.message}`,
			);
		}
		const id = answer?.json?.picture_id;
		if (typeof id !== 'string' && typeof id !== 'number') {
			throw operationError(
				context.getNode(),
				context.getItemIndex(),
				`OneAll uploaded the picture ${url} but returned no picture_id`,
				'Nothing was posted for this item.',
			);
		}
		ids.push(String(id));
	}
	return ids;
}

async function send(
	context: IExecutePaginationFunctions,
	spec: OperationSpec,
	request: Request,
	plan: ItemPlan,
	remembered: Remembered,
): Promise<INodeExecutionData[]> {
	const pictureUrls = plan.pictureUrls ?? [];
	try {
		if (pictureUrls.length) {
			const ids = await uploadPictures(context, spec, request, pictureUrls, plan.prefix as string, remembered);
			const target = postObject(spec, request);
			target.attachments = [...((target.attachments as string[] | undefined) ?? []), ...ids];
		}
		return await context.makeRoutingRequest(request);
	} catch (caught) {
		throw await explain(context, caught);
	}
}

/** The value at a dotted path of an entry. */
const valueAt = (entry: IDataObject, path: string): unknown =>
	path.split('.').reduce<unknown>((node, key) => (node as IDataObject | undefined)?.[key], entry);

/** A page's entries: `{ entries: [...] }` under the listing's key, or a list there. */
function entriesOf(answer: INodeExecutionData[], spec: ListingSpec): { entries: IDataObject[]; totalPages: number } {
	const block = answer[0]?.json?.[spec.key];
	const list = Array.isArray(block) ? block : (block as IDataObject | undefined)?.entries;
	const entries = (Array.isArray(list) ? list : []).map((entry) =>
		typeof entry === 'object' && entry !== null && !Array.isArray(entry) ? (entry as IDataObject) : { value: entry as IDataObject },
	);
	const totalPages = Number(((block as IDataObject | undefined)?.pagination as IDataObject | undefined)?.total_pages);
	return { entries, totalPages };
}

/**
 * A listing's entries, page after page. It always ends: at the limit, at the last page OneAll
 * names, at an empty or short page, or with an error when a page repeats the one before (a list
 * that ignores the page asked for would otherwise be read for ever).
 */
async function readListing(
	context: IExecutePaginationFunctions,
	spec: ListingSpec,
	request: Request,
	listing: Listing,
): Promise<INodeExecutionData[]> {
	const found: INodeExecutionData[] = [];
	const filter = spec.entryFilter;
	let previous: string | undefined;
	for (let page = 1; found.length < listing.limit; page++) {
		let answer: INodeExecutionData[];
		const qs = listing.pageSize === undefined ? request.options.qs : { ...request.options.qs, page };
		try {
			answer = await context.makeRoutingRequest({ ...request, options: { ...request.options, qs } });
		} catch (caught) {
			throw await explain(context, caught);
		}
		const { entries, totalPages } = entriesOf(answer, spec);
		const text = JSON.stringify(entries);
		if (entries.length && text === previous) {
			throw operationError(
				context.getNode(),
				context.getItemIndex(),
				`OneAll answered page ${page} with the same entries as page ${page - 1}, so the listing stopped [item ${context.getItemIndex()}]`,
				`This list may not be paged by OneAll: turn Return All off and set a Limit of at most ${listing.pageSize}.`,
			);
		}
		previous = text;
		for (const entry of entries) {
			const value = filter && filter.entryKeys.map((key) => valueAt(entry, key)).find((candidate) => candidate !== undefined);
			if (!listing.keep.length || listing.keep.includes(value as string)) found.push({ json: entry });
		}
		if (listing.pageSize === undefined || !entries.length || entries.length < listing.pageSize || page >= totalPages) break;
	}
	return found.slice(0, listing.limit);
}

/** The output items of an answer, as the operation's output says. */
function shape(spec: OperationSpec, plan: ItemPlan, items: INodeExecutionData[]): INodeExecutionData[] {
	const output = spec.output;
	if (output === 'deletedRecord') {
		const ours = { deleted: true, ...plan.deleted } as IDataObject;
		return items.map((item) => {
			const theirs = Object.entries(item.json).filter(([key, value]) => !(key in ours) && !(key === 'data' && value === null));
			return { ...item, json: { ...ours, ...Object.fromEntries(theirs) } };
		});
	}
	if (typeof output === 'object') return items.map((item) => ({ ...item, json: (item.json[output.node] ?? item.json) as IDataObject }));
	return items;
}

/**
 * Sends one item's request and gives the item its one outcome. Hooked in as the operations'
 * pagination function because that is the only point of n8n's declarative engine that wraps a
 * whole request: it orders posts per identity, uploads pictures before the post that attaches
 * them, remembers what a Retry On Fail must not publish again, and turns a failure into an error
 * item (with its pairedItem) when the user chose to continue.
 */
export function dispatchRequest(spec: BoundOperation) {
	return async function (this: IExecutePaginationFunctions, request: Request): Promise<INodeExecutionData[]> {
		const itemIndex = this.getItemIndex();
		const pairedItem = { item: itemIndex };
		try {
			const plan = planOf(request.options);
			if (!plan) {
				throw operationError(this.getNode(), itemIndex, 'The request was not prepared', 'Nothing was sent to OneAll for this item.');
			}
			if (plan.error) throw plan.error;
			const memory = memoryOf(this);
			const key = requestKey(itemIndex, request.options);
			const earlier = memory?.get(key);
			if (earlier) return earlier;
			const listing = plan.listing;
			const answer = await inIdentityOrder(plan.identity, async () =>
				listing ? await readListing(this, spec.listing as ListingSpec, request, listing) : await send(this, spec, request, plan, { memory, postKey: key }),
			);
			const items = shape(spec, plan, answer).map((item) => ({ ...item, pairedItem }));
			memory?.set(key, items);
			return items;
		} catch (error) {
			// n8n's own errors (an expression it could not resolve, say) keep their message and hint.
			const failure =
				error instanceof NodeApiError || error instanceof NodeOperationError
					? error
					: new NodeOperationError(this.getNode(), error as Error, { itemIndex });
			if (this.continueOnFail()) return [{ json: { error: failure.message }, error: failure, pairedItem }];
			throw failure;
		}
	};
}
