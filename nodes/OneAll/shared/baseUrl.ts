import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

// One DNS label: no dot, slash, "@", colon or space can reach the host part of the URL.
const SUBDOMAIN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
const PASTED_HOST = /^(?:https?:\/\/)?([^./]+)\.api\.oneall\.com\/?$/i;

export class OneAllCredentialError extends Error {
	name = 'OneAllCredentialError';
}

export function parseUrl(raw: string): URL | undefined {
	try {
		return new URL(raw);
	} catch {
		return undefined;
	}
}

/** Accepts "mysite" and a pasted "mysite.api.oneall.com" (or its https URL); refuses all else. */
export function normaliseSubdomain(raw: unknown): string {
	const value = typeof raw === 'string' ? raw.trim() : '';
	if (value === '') {
		throw new OneAllCredentialError('The OneAll credential has no Site Subdomain');
	}
	const pasted = PASTED_HOST.exec(value);
	const candidate = pasted ? pasted[1] : value;
	if (!SUBDOMAIN.test(candidate)) {
		throw new OneAllCredentialError(
			`The Site Subdomain "${value}" is not valid: use only the subdomain of your OneAll Site ` +
				'(letters, digits and hyphens, e.g. "mysite" for https://mysite.api.oneall.com)',
		);
	}
	return candidate.toLowerCase();
}

/** The base URL override must be a bare origin, so no path or userinfo can redirect the keys. */
export function normaliseBaseUrlOverride(raw: string): string {
	const url = parseUrl(raw);
	if (!url) throw new OneAllCredentialError(`The Base URL "${raw}" is not a valid URL`);
	const problem =
		url.protocol !== 'http:' && url.protocol !== 'https:'
			? 'it must start with http:// or https://'
			: url.username !== '' || url.password !== ''
				? 'it must not contain a user name or password'
				: url.pathname !== '/' || url.search !== '' || url.hash !== '' || /[?#]/.test(raw)
					? 'it must not have a path, query or fragment'
					: /\s/.test(raw)
						? 'it must not contain spaces'
						: undefined;
	if (problem) {
		throw new OneAllCredentialError(`The Base URL "${raw}" is not allowed: ${problem}`);
	}
	return url.origin;
}

export function resolveBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const override = typeof credentials.baseUrl === 'string' ? credentials.baseUrl.trim() : '';
	if (override !== '') {
		return normaliseBaseUrlOverride(override);
	}
	return `https://${normaliseSubdomain(credentials.subdomain)}.api.oneall.com`;
}
