import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { invalidParameter } from './errors';
import { recordPlan, runStateOf } from './runState';
import type { ItemPlan } from './runState';
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

class ItemProblem extends Error {
	constructor(
		readonly field: Pick<FieldSpec, 'displayName' | 'name'>,
		problem: string,
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

function check<T>(field: Pick<FieldSpec, 'displayName' | 'name'>, run: () => T): T {
	const outcome = attempt(run);
	if ('value' in outcome) return outcome.value;
	if (outcome.error instanceof InvalidValue) throw new ItemProblem(field, outcome.error.message);
	throw outcome.error;
}

const IDENTITY = { displayName: 'Identity', name: 'identityToken' };
const CUSTOM_FIELDS = { displayName: 'Custom Fields', name: 'customFields' };
const PICTURE_URLS = { displayName: 'Picture URLs to Upload and Attach', name: 'pictureUrls' };

/**
 * Validates one item and turns the body n8n built from the fields' routing into OneAll's exact
 * body: unset keys left out, lists as arrays of strings, custom fields merged into the object node.
 */
function buildRequest(
	context: IExecuteSingleFunctions,
	spec: OperationSpec,
	options: IHttpRequestOptions,
): ItemPlan {
	const token = check(IDENTITY, () =>
		checkIdentityToken(context.getNodeParameter('identityToken', '', { extractValue: true })),
	);
	let url = spec.path.replace(/\{(\w+)\}/g, (_match, name: string) => {
		const field = spec.fields.find((candidate) => candidate.name === name) as FieldSpec;
		const raw = context.getNodeParameter(name, '', { extractValue: true });
		const value = check(field, () => normalise(field, raw));
		if (value === undefined) throw new ItemProblem(field, 'is empty');
		return encodeURIComponent(value as string);
	});
	url = `/push/identities/${encodeURIComponent(token)}/${url}`;

	const push: IDataObject = {};
	const set = new Set<string>();
	const additional = context.getNodeParameter('additionalFields', {}) as IDataObject;
	const fields = [
		...spec.fields.map((field) => ({ field, raw: () => context.getNodeParameter(field.name, '', { extractValue: true }) })),
		...spec.additional.map((field) => ({ field, raw: () => additional[field.name] })),
	];
	for (const { field, raw } of fields) {
		if (field.body === undefined) continue;
		const value = check(field, () => normalise(field, raw()));
		if (value !== undefined) {
			setPath(push, field.body, value);
			set.add(field.name);
		} else if (field.required) throw new ItemProblem(field, 'is empty');
	}
	if (spec.oneOf && !spec.oneOf.some((name) => set.has(name))) {
		const fields = spec.oneOf.map((name) =>
			[...spec.fields, ...spec.additional].find((field) => field.name === name),
		) as FieldSpec[];
		throw new ItemProblem(fields[0], `is empty: a post needs ${fields.map((f) => `${f.displayName} (${f.name})`).join(' or ')}`);
	}
	const custom = check(CUSTOM_FIELDS, () => parseCustomFields(additional.customFields, spec.object));
	const objectNode = (getPath(push, spec.object) ?? {}) as IDataObject;
	setPath(push, spec.object, { ...objectNode, ...(custom ?? {}) });

	const pictureUrls = spec.pictureUpload
		? check(PICTURE_URLS, () => {
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
	return { pictureUrls };
}

/** The preSend step of every operation: never throws, so the dispatcher decides what is sent. */
export function preparePush(spec: OperationSpec) {
	return async function (
		this: IExecuteSingleFunctions,
		options: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const state = runStateOf(this);
		const itemIndex = this.getItemIndex();
		try {
			recordPlan(state, itemIndex, buildRequest(this, spec, options));
		} catch (error) {
			const problem =
				error instanceof ItemProblem
					? invalidParameter(this.getNode(), itemIndex, error.field.displayName, error.field.name, error.message)
					: invalidParameter(this.getNode(), itemIndex, 'A parameter', 'unknown', (error as Error).message);
			recordPlan(state, itemIndex, { error: problem });
		}
		return options;
	};
}
