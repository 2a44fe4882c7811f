import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { invalidParameter } from './errors';
import { attachPlan } from './itemPlan';
import type { ItemPlan } from './itemPlan';
import type { FieldSpec, OperationSpec } from './spec';
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

type FieldRef = Pick<FieldSpec, 'displayName' | 'name'> & { inCollection?: boolean };

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
const CUSTOM_FIELDS: FieldRef = { displayName: 'Custom Fields', name: 'customFields', inCollection: true };
const PICTURE_URLS: FieldRef = { displayName: 'Picture URLs to Upload and Attach', name: 'pictureUrls', inCollection: true };

/**
 * Validates one item and builds OneAll's exact body from the operation's own fields: unset keys
 * left out, lists as arrays of strings, custom fields merged into the object node.
 */
function buildRequest(
	context: IExecuteSingleFunctions,
	spec: OperationSpec,
	options: IHttpRequestOptions,
): ItemPlan {
	const rawToken = context.getNodeParameter('identityToken', '', { extractValue: true });
	const token = check(IDENTITY, rawToken, () => checkIdentityToken(rawToken));
	let url = spec.path.replace(/\{(\w+)\}/g, (_match, name: string) => {
		const field = spec.fields.find((candidate) => candidate.name === name) as FieldSpec;
		const raw = context.getNodeParameter(name, '', { extractValue: true });
		const value = check(field, raw, () => normalise(field, raw));
		if (value === undefined) throw new ItemProblem(field, 'is empty', raw);
		return encodeURIComponent(value as string);
	});
	url = `/push/identities/${encodeURIComponent(token)}/${url}`;

	const push: IDataObject = {};
	const set = new Set<string>();
	const additional = context.getNodeParameter('additionalFields', {}) as IDataObject;
	const fields = [
		...spec.fields.map((field) => ({ field: field as FieldRef & FieldSpec, raw: () => context.getNodeParameter(field.name, '', { extractValue: true }) })),
		...spec.additional.map((field) => ({ field: { ...field, inCollection: true }, raw: () => additional[field.name] })),
	];
	for (const { field, raw } of fields) {
		if (field.body === undefined) continue;
		const given = raw();
		const value = check(field, given, () => normalise(field, given));
		if (value !== undefined) {
			setPath(push, field.body, value);
			set.add(field.name);
		} else if (field.required) throw new ItemProblem(field, 'is empty', given);
	}
	if (spec.oneOf && !spec.oneOf.some((name) => set.has(name))) {
		const named = spec.oneOf.map((name) =>
			[...spec.fields, ...spec.additional].find((field) => field.name === name),
		) as FieldSpec[];
		const first = named[0];
		throw new ItemProblem(
			first,
			`is empty: a post needs ${named.map((f) => `${f.displayName} (${f.name})`).join(' or ')}`,
			context.getNodeParameter(first.name, '', { extractValue: true }),
		);
	}
	const custom = check(CUSTOM_FIELDS, additional.customFields, () => parseCustomFields(additional.customFields, spec.object));
	const objectNode = (getPath(push, spec.object) ?? {}) as IDataObject;
	setPath(push, spec.object, { ...objectNode, ...(custom ?? {}) });

	const pictureUrls = spec.pictureUpload
		? check(PICTURE_URLS, additional.pictureUrls, () => {
				const raw = additional.pictureUrls ?? '';
				const list = raw === '' || (Array.isArray(raw) && raw.length === 0) ? [] : toIdList(raw);
				return list.map((entry, index) => {
					const outcome = attempt(() => checkUrl(entry, true));
					if ('value' in outcome) return outcome.value;
					throw new InvalidValue(`has entry ${index + 1} that ${(outcome.error as Error).message}`);
				});
			})
		: [];

	options.url = url;
	options.body = { request: { push } };
	const requestOptions = context.getNodeParameter('requestOptions', {}) as { timeout?: number };
	if (!requestOptions.timeout) options.timeout = DEFAULT_TIMEOUT_MS;
	return { identity: token, pictureUrls };
}

/** The expression the user wrote for a field, if the field's value came from one. */
function expressionOf(context: IExecuteSingleFunctions, field: FieldRef): string | undefined {
	const parameters = context.getNode().parameters;
	const container = field.inCollection ? (parameters.additionalFields as IDataObject | undefined) : parameters;
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
export function preparePush(spec: OperationSpec) {
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
