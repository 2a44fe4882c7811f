import type { INodePropertyOptions } from 'n8n-workflow';

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
}

export type Provider = 'facebook' | 'linkedin' | 'pinterest' | 'twitter' | 'youtube';

/**
 * Which OneAll API an operation calls, which sets the path prefix and the body's envelope key:
 * push → POST /push/identities/{t}/…, {"request":{"push":…}}; update → PUT or DELETE
 * /update/identities/{t}/…, {"request":{"update":…}} (PUT only); identity → GET /…, no body.
 */
export type Api = 'push' | 'update' | 'identity';
export type Method = 'POST' | 'PUT' | 'DELETE' | 'GET';

export interface OperationSpec {
	resource: string;
	/** The operation's parameter value. */
	value: string;
	name: string;
	action: string;
	description: string;
	/** Default push. */
	api?: Api;
	/** Default POST. A DELETE or GET sends no body and has no additionalFields. */
	method?: Method;
	/**
	 * After `/push/identities/{identityToken}/` or `/update/identities/{identityToken}/`, or after
	 * `/` for the identity API; `{field}` placeholders are path ids.
	 */
	path: string;
	/** The object node `customFields` merges into, e.g. `post` or `channel.section`; none without a body. */
	object?: string;
	/** False when the operation names no identity (Identity → Get Many). */
	identity?: false;
	fields: FieldSpec[];
	additional: FieldSpec[];
	/** At least one of these parameters must be set (OneAll's "message or link" rule). */
	oneOf?: string[];
	/** Not all of these may be set at once (OneAll's "link or attachments" rule). */
	exclusive?: string[];
	/** The `filters` collection of a listing (Identity → Get Many). */
	filters?: FieldSpec[];
	/** Where pictures from `additionalFields.pictureUrls` are uploaded before the post. */
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
