import { parseUrl } from './baseUrl';
import type { FieldSpec } from './spec';

/**
 * The rules for ids, each written once: the node checks trimmed values with `exactly(rule)`, and
 * the editor's "By ID" fields show the same rule around optional spaces with `inEditor(rule)`.
 */
export const ID_RULES = {
	uuid: '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}',
	// One path segment of safe characters: nothing that can add a segment, a query or an encoded
	// slash; no ".." and not dots alone, which URL parsing would fold away and so shorten the path.
	pathId: '(?!\\.+\\s*$)(?!.*\\.\\.)[A-Za-z0-9_.:@~=+-]+',
};
export const exactly = (rule: string) => new RegExp(`^${rule}$`);
export const inEditor = (rule: string) => `^\\s*${rule}\\s*$`;
const UUID = exactly(ID_RULES.uuid);
const PATH_ID = exactly(ID_RULES.pathId);
const PICTURE_EXTENSIONS = ['jpeg', 'jpg', 'bmp', 'png', 'gif', 'tif', 'tiff'];

/** A problem with one parameter's value; the caller adds the item. */
export class InvalidValue extends Error {}

const isBlank = (value: unknown) =>
	value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

const asText = (value: unknown, what: string): string => {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	throw new InvalidValue(`must be ${what}, not ${describe(value)}`);
};

export function describe(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'an object';
	if (typeof value === 'string') return `"${value.length > 80 ? `${value.slice(0, 80)}…` : value}"`;
	return `${typeof value} ${String(value)}`;
}

export function checkUrl(raw: unknown, picture: boolean): string {
	const value = asText(raw, 'a URL').trim();
	const url = /\s/.test(value) ? undefined : parseUrl(value);
	if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') {
		throw new InvalidValue(`must be an absolute http:// or https:// URL without spaces, not ${describe(value)}`);
	}
	if (picture) {
		const lastSegment = url.pathname.split('/').pop() ?? '';
		const dot = lastSegment.lastIndexOf('.');
		const extension = dot > 0 ? lastSegment.slice(dot + 1).toLowerCase() : '';
		if (extension !== '' && !PICTURE_EXTENSIONS.includes(extension)) {
			throw new InvalidValue(
				`must point to a JPEG, BMP, PNG, GIF or TIFF picture; ".${extension}" is not one of ${PICTURE_EXTENSIONS.join(', ')}`,
			);
		}
	}
	return value;
}

export function checkIdentityToken(raw: unknown): string {
	const value = typeof raw === 'string' ? raw.trim() : raw;
	if (isBlank(value)) throw new InvalidValue('is empty: choose an identity from the list or enter its token');
	if (typeof value !== 'string' || !UUID.test(value)) {
		throw new InvalidValue(
			`must be a OneAll identity token (a UUID such as 923843ec-1749-4cc1-988f-d6963f3b1baa), not ${describe(value)}`,
		);
	}
	return value.toLowerCase();
}

export function checkPathId(raw: unknown): string {
	const value = asText(raw, 'an ID').trim();
	if (value === '') throw new InvalidValue('is empty');
	if (!PATH_ID.test(value)) {
		throw new InvalidValue(
			`must be a single ID made of letters, digits and - _ . : @ ~ = + (no "/", "?", "#", "%", ".." or spaces), not ${describe(value)}`,
		);
	}
	return value;
}

export function toIdList(raw: unknown): string[] {
	const entries = typeof raw === 'string' ? raw.split(',') : Array.isArray(raw) ? raw : undefined;
	if (entries === undefined) throw new InvalidValue(`must be a comma-separated list or an array, not ${describe(raw)}`);
	return entries.map((entry, index) => {
		const text = typeof entry === 'number' && Number.isFinite(entry) ? String(entry) : entry;
		if (typeof text !== 'string') {
			throw new InvalidValue(`has entry ${index + 1} that is ${describe(entry)}; each entry must be a text ID`);
		}
		if (text.trim() === '') throw new InvalidValue(`has an empty entry (number ${index + 1})`);
		return text.trim();
	});
}

/**
 * The value as OneAll gets it, or undefined when it is unset and so left out of the body.
 * Throws InvalidValue for a value that is set but wrong.
 */
export function normalise(field: FieldSpec, raw: unknown): unknown {
	if (isBlank(raw) || (Array.isArray(raw) && raw.length === 0)) return undefined;
	switch (field.kind) {
		case 'text':
			return asText(raw, 'text');
		case 'url':
			return checkUrl(raw, false);
		case 'pictureUrl':
			return checkUrl(raw, true);
		case 'pathId':
			return checkPathId(raw);
		case 'bodyId':
			return asText(raw, 'an ID').trim();
		case 'idList':
			return toIdList(raw);
		case 'boolean':
			if (typeof raw === 'boolean') return raw;
			if (raw === 'true' || raw === 'false') return raw === 'true';
			throw new InvalidValue(`must be true or false, not ${describe(raw)}`);
		case 'number': {
			const number = typeof raw === 'string' ? Number(raw.trim()) : raw;
			const min = field.minValue ?? 0;
			if (typeof number !== 'number' || !Number.isInteger(number) || number < min) {
				throw new InvalidValue(`must be a whole number of ${min} or more, not ${describe(raw)}`);
			}
			return number;
		}
		case 'options': {
			const allowed = (field.options ?? []).map((option) => option.value);
			if (!allowed.includes(raw as string)) {
				throw new InvalidValue(`must be one of ${allowed.join(', ')}, not ${describe(raw)}`);
			}
			return raw;
		}
		case 'multiOptions': {
			const allowed = (field.options ?? []).map((option) => option.value);
			const list = Array.isArray(raw) ? raw : toIdList(raw);
			const wrong = list.find((value) => !allowed.includes(value as string));
			if (wrong !== undefined) throw new InvalidValue(`must list only ${allowed.join(', ')}, not ${describe(wrong)}`);
			return list;
		}
	}
}

function parseJson(text: string): { value: unknown } | { error: string } {
	try {
		return { value: JSON.parse(text) };
	} catch (error) {
		return { error: (error as Error).message };
	}
}

/** `customFields` holds extra keys of the operation's object node: a plain JSON object. */
export function parseCustomFields(raw: unknown, object: string): Record<string, unknown> | undefined {
	let value = raw;
	if (typeof value === 'string') {
		if (value.trim() === '') return undefined;
		const parsed = parseJson(value);
		if ('error' in parsed) throw new InvalidValue(`is not valid JSON (${parsed.error})`);
		value = parsed.value;
	}
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'object' || Array.isArray(value)) {
		throw new InvalidValue(`must be a JSON object of extra "${object}" keys, not ${describe(value)}`);
	}
	const record = value as Record<string, unknown>;
	if ('request' in record || 'push' in record) {
		throw new InvalidValue(
			`holds the keys of the "${object}" node itself, e.g. {"some_key": "value"}, not the whole {"request": {"push": …}} envelope`,
		);
	}
	return record;
}
