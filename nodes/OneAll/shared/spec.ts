import type { INodePropertyOptions } from 'n8n-workflow';
import type { ApiName } from './apis';

export type { ApiName } from './apis';

/**
 * How a parameter's value is checked and shaped before it is sent.
 * - text: a string; blank counts as unset
 * - url: an absolute http(s) URL
 * - pictureUrl: a url whose extension, when it has one, is a picture format OneAll accepts
 * - pathId: an id that is placed in the URL path, so it must stay one path segment
 * - bodyId: an id that only travels in the JSON body
 * - idList: comma-separated string or array, sent as an array of strings
 * - boolean, number, options: as n8n gives them
 * - multiOptions: a list of option values, as n8n gives them
 */
export type FieldKind =
	| 'text'
	| 'url'
	| 'pictureUrl'
	| 'pathId'
	| 'bodyId'
	| 'idList'
	| 'boolean'
	| 'number'
	| 'options'
	| 'multiOptions';

export interface FieldSpec {
	/** The parameter name; saved workflows store it, so it never changes. */
	name: string;
	displayName: string;
	kind: FieldKind;
	/** Where the value goes inside `request.push` (or `request.update`), e.g. `post.message`. Absent for path-only ids. */
	body?: string;
	/** Must be set for the request to make sense (checked by the node, not by n8n). */
	required?: boolean;
	/**
	 * Whether the editor marks it required; defaults to `required`. Off for a field one declaration
	 * shares with operations where it is optional: n8n evaluates every declaration for every item.
	 */
	markRequired?: boolean;
	description?: string;
	placeholder?: string;
	/** Multi-line editor for long texts. */
	rows?: number;
	options?: INodePropertyOptions[];
	default?: string | number | boolean | string[];
	/** The smallest number accepted (kind number); 0 unless set. */
	minValue?: number;
	/** Shown only while these other parameters of the operation have one of these values. */
	showIf?: Record<string, Array<string | number | boolean>>;
	/** A searchable list for ids: the listSearch method that fills it. */
	listMethod?: string;
	/** The query parameter a listing sends it as; a boolean sends 1 when on and nothing when off. */
	query?: string;
}

export type Provider = 'facebook' | 'linkedin' | 'pinterest' | 'twitter' | 'youtube';
export type Method = 'POST' | 'PUT' | 'DELETE' | 'GET';

/**
 * What an operation's output items are:
 * - resultData: OneAll's `response.result.data`, as it is
 * - deletedRecord: `{ deleted: true, identity_token, <path ids> }`, then what OneAll said
 * - entries: one item per entry of the listing
 * - `{ node }`: the object under that key of the result data (Identity → Get: `identity`)
 */
export type OutputSpec = 'resultData' | 'deletedRecord' | 'entries' | { node: string };

/** How a listing reads its entries: where they are in an answer and how its pages are asked for. */
export interface ListingSpec {
	/** `response.result.data.<key>` holds the entries, as `{ entries: [...] }` or as a list. */
	key: string;
	/**
	 * `pages`: page after page (`page`, 1-based) with this page-size parameter, at most the API's
	 * page size, plus fixed query keys; `single`: one request, whose entries `limit` cuts.
	 */
	paging: { pages: { sizeParam: string; query?: Record<string, string> } } | 'single';
	/** Entries kept only when one of their keys (dotted paths, first found) is among a filter's values. */
	entryFilter?: { filter: string; entryKeys: string[] };
}

export interface OperationSpec {
	/** The operation's parameter value. */
	value: string;
	name: string;
	action: string;
	description: string;
	/** The OneAll API it calls (see apis.ts): its path prefix, body envelope and page size. */
	api: ApiName;
	method: Method;
	/**
	 * After the API's prefix; `{field}` placeholders are path ids (`{identityToken}` the identity,
	 * for the identity API whose prefix names none).
	 */
	path: string;
	/** Another path used while a field (of any collection) is set, e.g. a board's pins. */
	pathWhenSet?: { field: string; path: string };
	/** The object node `customFields` merges into, e.g. `post` or `channel.section`; none without a body. */
	object?: string;
	/** False when the operation names no identity (Identity → Get Many). */
	identity?: false;
	/**
	 * Requests of this operation to one identity are sent one at a time, in input order, behind
	 * that identity's earlier ones (what publishes, edits or deletes); otherwise they only count
	 * against the bound on requests in flight.
	 */
	orderedPerIdentity: boolean;
	output: OutputSpec;
	/** Set for an operation that lists entries (with the fields returnAll and limit). */
	listing?: ListingSpec;
	fields: FieldSpec[];
	additional: FieldSpec[];
	/** At least one of these parameters must be set (OneAll's "message or link" rule). */
	oneOf?: string[];
	/** Not all of these may be set at once (OneAll's "link or attachments" rule). */
	exclusive?: string[];
	/** The `filters` collection. */
	filters?: FieldSpec[];
	/** The `options` collection. */
	options?: FieldSpec[];
	/** Where pictures from `additionalFields.pictureUrls` are uploaded before the post (same API). */
	pictureUpload?: { path: string; object: string; extra?: Record<string, unknown> };
	notice?: string;
}

export interface ResourceSpec {
	value: string;
	name: string;
	/** The network whose identities the resource's identity list offers; none: every identity. */
	provider?: Provider;
	notice?: string;
	operations: OperationSpec[];
}

/** An operation with the resource it belongs to, as the resource's list gives it. */
export interface BoundOperation extends OperationSpec {
	resource: string;
}

export const boundOperations = (resource: ResourceSpec): BoundOperation[] =>
	resource.operations.map((spec) => ({ ...spec, resource: resource.value }));
