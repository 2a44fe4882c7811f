import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { invalidParameter } from './errors';
import { attachPlan } from './itemPlan';
import type { ItemPlan, Listing } from './itemPlan';
import { APIS, sendsBody } from './apis';
import type { BoundOperation, FieldSpec, ListingSpec, OperationSpec } from './spec';
import {
	InvalidValue,
	checkIdentityToken,
	checkUrl,
	normalise,
	parseCustomFields,
	toIdList,
} from './validate';

// OneAll's SDK waits 30 s; videos are queued, not uploaded, so a minute is ample.
export const DEFAULT_TIMEOUT_MS = 60_000;

const getPath = (root: IDataObject, path: string): unknown =>
	path.split('.').reduce<unknown>((node, key) => (node as IDataObject | undefined)?.[key], root);

function setPath(root: IDataObject, path: string, value: unknown): void {
	const keys = path.split('.');
	const last = keys.pop() as string;
	let node = root;
	for (const key of keys) {
		if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
		node = node[key] as IDataObject;
	}
	node[last] = value as IDataObject;
}

/** A field as an error names it; `collection` is where the user set it. */
type FieldRef = Pick<FieldSpec, 'displayName' | 'name'> & { collection?: 'additionalFields' | 'filters' | 'options' };

class ItemProblem extends Error {
	constructor(
		readonly field: FieldRef,
		problem: string,
		readonly value?: unknown,
	) {
		super(problem);
	}
}

function attempt<T>(run: () => T): { value: T } | { error: unknown } {
	try {
		return { value: run() };
	} catch (error) {
		return { error };
	}
}

function check<T>(field: FieldRef, raw: unknown, run: () => T): T {
	const outcome = attempt(run);
	if ('value' in outcome) return outcome.value;
	if (outcome.error instanceof InvalidValue) throw new ItemProblem(field, outcome.error.message, raw);
	throw outcome.error;
}

const IDENTITY: FieldRef = { displayName: 'Identity', name: 'identityToken' };
const CUSTOM_FIELDS: FieldRef = { displayName: 'Custom Fields', name: 'customFields', collection: 'additionalFields' };
const PICTURE_URLS: FieldRef = { displayName: 'Picture URLs to Upload and Attach', name: 'pictureUrls', collection: 'additionalFields' };


const joinOr = (names: string[]) => (names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`);
const label = (field: Pick<FieldSpec, 'displayName' | 'name'>) => `${field.displayName} (${field.name})`;
/** `pageId` → `page_id`: the name OneAll's answers give the same id. */
const answerName = (name: string) => name.replace(/Id$/, '_id');

/** The collection a field lives in, if any, by the operation's own lists. */
function collectionOf(spec: OperationSpec, field: FieldSpec): 'filters' | 'options' | undefined {
	if (spec.filters?.includes(field)) return 'filters';
	if (spec.options?.includes(field)) return 'options';
	return undefined;
}

/** Every field of the operation that is not in Additional Fields, with where its value is read. */
const ownFields = (spec: OperationSpec) => [...spec.fields, ...(spec.filters ?? []), ...(spec.options ?? [])];

/** A field's raw value, a resource locator's value taken out of it. */
function rawValue(context: IExecuteSingleFunctions, spec: OperationSpec, field: FieldSpec): unknown {
	const collection = collectionOf(spec, field);
	if (!collection) return context.getNodeParameter(field.name, '', { extractValue: true });
	const raw = (context.getNodeParameter(collection, {}) as IDataObject)[field.name];
	return typeof raw === 'object' && raw !== null && '__rl' in raw ? (raw as IDataObject).value : raw;
}

const refOf = (spec: OperationSpec, field: FieldSpec): FieldRef & FieldSpec => ({ ...field, collection: collectionOf(spec, field) });

/** The operation's path, or its other path while the field that selects it is set. */
function pathTemplate(context: IExecuteSingleFunctions, spec: OperationSpec): string {
	const when = spec.pathWhenSet;
	if (!when) return spec.path;
	const field = ownFields(spec).find((candidate) => candidate.name === when.field) as FieldSpec;
	const raw = rawValue(context, spec, field);
	return check(refOf(spec, field), raw, () => normalise(field, raw)) === undefined ? spec.path : when.path;
}

/** The API's prefix and the path after it, each `{field}` a validated, encoded path id. */
function pathOf(context: IExecuteSingleFunctions, spec: OperationSpec, template: string, token: string | undefined, ids: IDataObject): string {
	return template.replace(/\{(\w+)\}/g, (_match, name: string) => {
		if (name === 'identityToken') return encodeURIComponent(token as string);
		const field = ownFields(spec).find((candidate) => candidate.name === name) as FieldSpec;
		const raw = rawValue(context, spec, field);
		const value = check(refOf(spec, field), raw, () => normalise(field, raw));
		if (value === undefined) throw new ItemProblem(refOf(spec, field), 'is empty', raw);
		ids[answerName(name)] = value as string;
		return encodeURIComponent(value as string);
	});
}

/** OneAll's exact body node from the operation's own fields: unset keys left out, custom fields merged last. */
function bodyOf(context: IExecuteSingleFunctions, spec: OperationSpec, additional: IDataObject): IDataObject {
	const node: IDataObject = {};
	const set = new Set<string>();
	const fields = [
		...spec.fields.map((field) => ({ field: field as FieldRef & FieldSpec, raw: () => context.getNodeParameter(field.name, '', { extractValue: true }) })),
		...spec.additional.map((field) => ({ field: { ...field, collection: 'additionalFields' as const }, raw: () => additional[field.name] })),
	];
	for (const { field, raw } of fields) {
		if (field.body === undefined) continue;
		const given = raw();
		const value = check(field, given, () => normalise(field, given));
		if (value !== undefined) {
			setPath(node, field.body, value);
			set.add(field.name);
		} else if (field.required) throw new ItemProblem(field, 'is empty', given);
	}
	const byName = (name: string) => fields.find(({ field }) => field.name === name) as (typeof fields)[number];
	if (spec.oneOf && !spec.oneOf.some((name) => set.has(name))) {
		const [first] = spec.oneOf.map(byName);
		const names = joinOr(spec.oneOf.map((name) => label(byName(name).field)));
		// A publish reads "a post needs A or B"; an edit has nothing to change without one of them.
		const problem = spec.api === 'push' ? `is empty: a post needs ${names}` : `is empty: set ${names}`;
		throw new ItemProblem(first.field, problem, first.raw());
	}
	if (spec.exclusive && spec.exclusive.every((name) => set.has(name))) {
		const [first, ...others] = spec.exclusive.map(byName);
		throw new ItemProblem(
			first.field,
			`cannot be used together with ${joinOr(others.map(({ field }) => label(field)))}: OneAll takes one or the other`,
			first.raw(),
		);
	}
	const object = spec.object as string;
	const custom = check(CUSTOM_FIELDS, additional.customFields, () => parseCustomFields(additional.customFields, object));
	const objectNode = (getPath(node, object) ?? {}) as IDataObject;
	setPath(node, object, { ...objectNode, ...(custom ?? {}) });
	return node;
}

/**
 * A listing: how many entries, which values its entry filter keeps, and its first request's query
 * (the page and page size when it is paged, then the query keys of its fields). An unpaged or
 * unfiltered listing asks for no more than it needs.
 */
function listingOf(context: IExecuteSingleFunctions, spec: OperationSpec, listing: ListingSpec, options: IHttpRequestOptions): Listing {
	const returnAll = context.getNodeParameter('returnAll', false) === true;
	const limitField = spec.fields.find((field) => field.name === 'limit') as FieldSpec;
	const rawLimit = context.getNodeParameter('limit', limitField.default);
	const limit = returnAll ? Infinity : (check(limitField, rawLimit, () => normalise(limitField, rawLimit)) as number);
	let keep: string[] = [];
	if (listing.entryFilter) {
		const field = ownFields(spec).find((candidate) => candidate.name === listing.entryFilter?.filter) as FieldSpec;
		const raw = rawValue(context, spec, field);
		keep = (check(refOf(spec, field), raw, () => normalise(field, raw)) ?? []) as string[];
	}
	const query: IDataObject = {};
	for (const field of ownFields(spec).filter((candidate) => candidate.query !== undefined)) {
		const raw = rawValue(context, spec, field);
		const value = check(refOf(spec, field), raw, () => normalise(field, raw));
		if (value === true) query[field.query as string] = 1;
		else if (value !== undefined && value !== false) query[field.query as string] = value as string;
	}
	if (listing.paging === 'single') {
		options.qs = query;
		return { limit, keep, pageSize: undefined };
	}
	const { sizeParam, query: fixed } = listing.paging.pages;
	const most = APIS[spec.api].pageSize as number;
	const pageSize = returnAll || keep.length ? most : Math.min(limit, most);
	options.qs = { page: 1, [sizeParam]: pageSize, ...fixed, ...query };
	return { limit, keep, pageSize };
}

/**
 * Validates one item and builds its request: the API's path prefix with the validated path ids,
 * and for a POST or PUT OneAll's exact body under `request.push` or `request.update`; a DELETE
 * or GET carries no body.
 */
function buildRequest(
	context: IExecuteSingleFunctions,
	spec: OperationSpec,
	options: IHttpRequestOptions,
): ItemPlan {
	const { api, method } = spec;
	let token: string | undefined;
	if (spec.identity !== false) {
		const rawToken = context.getNodeParameter('identityToken', '', { extractValue: true });
		token = check(IDENTITY, rawToken, () => checkIdentityToken(rawToken));
	}
	const ids: IDataObject = {};
	const prefix = pathOf(context, spec, APIS[api].prefix, token, ids);
	options.url = `${prefix}${pathOf(context, spec, pathTemplate(context, spec), token, ids)}`;
	options.method = method;
	const plan: ItemPlan = { prefix };
	if (sendsBody(api, method)) {
		const additional = context.getNodeParameter('additionalFields', {}) as IDataObject;
		options.body = { request: { [APIS[api].envelope as string]: bodyOf(context, spec, additional) } };
		if (spec.pictureUpload) plan.pictureUrls = pictureUrlsOf(additional);
	} else {
		delete options.body;
		options.headers = Object.fromEntries(Object.entries(options.headers ?? {}).filter(([name]) => name.toLowerCase() !== 'content-type'));
	}
	if (spec.output === 'deletedRecord') plan.deleted = { identity_token: token, ...ids };
	if (spec.listing) plan.listing = listingOf(context, spec, spec.listing, options);
	if (spec.orderedPerIdentity) plan.identity = token;
	const requestOptions = context.getNodeParameter('requestOptions', {}) as { timeout?: number };
	if (!requestOptions.timeout) options.timeout = DEFAULT_TIMEOUT_MS;
	return plan;
}

function pictureUrlsOf(additional: IDataObject): string[] {
	return check(PICTURE_URLS, additional.pictureUrls, () => {
		const raw = additional.pictureUrls ?? '';
		const list = raw === '' || (Array.isArray(raw) && raw.length === 0) ? [] : toIdList(raw);
		return list.map((entry, index) => {
			const outcome = attempt(() => checkUrl(entry, true));
			if ('value' in outcome) return outcome.value;
			throw new InvalidValue(`has entry ${index + 1} that ${(outcome.error as Error).message}`);
		});
	});
}

/** The expression the user wrote for a field, if the field's value came from one. */
function expressionOf(context: IExecuteSingleFunctions, field: FieldRef): string | undefined {
	const parameters = context.getNode().parameters;
	const container = field.collection ? (parameters[field.collection] as IDataObject | undefined) : parameters;
	let raw = container?.[field.name];
	if (typeof raw === 'object' && raw !== null && '__rl' in raw) raw = (raw as IDataObject).value;
	return typeof raw === 'string' && raw.startsWith('=') ? raw.slice(1).trim() : undefined;
}

function shown(value: unknown): string {
	if (value === undefined) return 'undefined';
	const text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
	return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}

/**
 * The problem as the user should read it. A value that came from an expression is quoted with what
 * the expression gave: n8n turns some failures inside an expression (a TypeError, say) into an
 * empty value, and "is empty" alone would send the user to the wrong place.
 */
function problemText(context: IExecuteSingleFunctions, problem: ItemProblem): string {
	const expression = expressionOf(context, problem.field);
	return expression === undefined ? problem.message : `${problem.message}: its expression ${expression} gave ${shown(problem.value)}`;
}

/**
 * The preSend step of every operation. It never throws and never waits: what it found wrong is
 * kept with the item's request and becomes that item's outcome in the dispatcher, where the user's
 * On Error setting is applied. Errors n8n raises itself (an expression that references a missing
 * node, say) are kept as they are.
 */
export function prepareRequest(spec: BoundOperation) {
	return async function (
		this: IExecuteSingleFunctions,
		options: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		try {
			attachPlan(options, buildRequest(this, spec, options));
		} catch (error) {
			attachPlan(options, {
				error:
					error instanceof ItemProblem
						? invalidParameter(this.getNode(), this.getItemIndex(), error.field.displayName, error.field.name, problemText(this, error))
						: (error as Error),
			});
		}
		return options;
	};
}
