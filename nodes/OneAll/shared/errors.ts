import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

import { OneAllCredentialError } from './baseUrl';

// Errors the node made itself: their messages are built from known text only. Anything else that
// comes back from n8n's HTTP helpers may wrap the client's request configuration, keys included.
const ownErrors = new WeakSet<object>();
function own<T extends object>(error: T): T {
	ownErrors.add(error);
	return error;
}
export const isOwnError = (error: unknown): boolean =>
	typeof error === 'object' && error !== null && ownErrors.has(error);

const HINTS: Record<string, string> = {
	'400': 'OneAll could not process the request; the message names the part it refused.',
	'401': "Check the Public Key and Private Key in the OneAll API credential: they are the Site's API keys from OneAll → Site → API Settings, not your dashboard login.",
	'403': "Check the provider's permissions in your OneAll Site (e.g. Twitter Read and Write, Facebook Manage Pages and Publish Pages) and that the identity belongs to this resource's network.",
	'404': 'Check the identity token and the page, group, company, board or playlist ID: OneAll does not know one of them.',
	'409': 'OneAll accepted the request but could not carry it out now, e.g. a duplicate post.',
	'429': "OneAll is rate limiting this Site. Try again later, or space the requests out with the node's Request Options → Batching.",
	'500': 'OneAll had an internal error. Try again later.',
	'502': 'OneAll is down or in maintenance. Try again later.',
	'503': 'OneAll is overloaded. Try again later.',
};

export function hintFor(code: string): string | undefined {
	return HINTS[code] ?? (code.startsWith('5') ? HINTS['500'] : undefined);
}

/** An answer from OneAll that is not a success, with OneAll's own words and a hint. */
export function oneAllError(
	node: INode,
	itemIndex: number,
	httpCode: string,
	message: string,
	extra: JsonObject = {},
): NodeApiError {
	return own(
		new NodeApiError(node, { message, httpCode, ...extra }, { message, description: hintFor(httpCode), httpCode, itemIndex }),
	);
}

export function invalidParameter(
	node: INode,
	itemIndex: number,
	displayName: string,
	name: string,
	problem: string,
): NodeOperationError {
	return own(
		new NodeOperationError(node, `${displayName} (${name}) ${problem} [item ${itemIndex}]`, {
			itemIndex,
			description: 'Nothing was sent to OneAll for this item.',
		}),
	);
}

export function operationError(node: INode, itemIndex: number, message: string, description: string): NodeOperationError {
	return own(new NodeOperationError(node, message, { itemIndex, description }));
}

const NETWORK_MESSAGES: Record<string, string> = {
	ECONNREFUSED: 'the connection was refused',
	ENOTFOUND: 'the host name could not be resolved',
	EAI_AGAIN: 'the host name could not be resolved',
	ECONNRESET: 'the connection was reset',
	ETIMEDOUT: 'the request timed out',
	ECONNABORTED: 'the request timed out',
};

/**
 * Anything else thrown while talking to OneAll. Only the code and a fixed text are kept: a raw HTTP
 * client error carries the request configuration, Authorization header included.
 */
export function transportError(node: INode, itemIndex: number, error: unknown): NodeApiError {
	let raw = (error ?? {}) as { code?: unknown; message?: unknown; cause?: unknown };
	// n8n wraps the HTTP client's error (and whatever the credential threw) in a NodeApiError.
	while (raw.cause && typeof raw.code !== 'string' && !(raw instanceof OneAllCredentialError)) {
		raw = raw.cause as typeof raw;
	}
	if (raw instanceof OneAllCredentialError) {
		return own(
			new NodeApiError(
				node,
				{ message: raw.message },
				{
					message: raw.message,
					description: 'Fix the OneAll API credential. Nothing was sent to OneAll.',
					httpCode: 'none',
					itemIndex,
				},
			),
		);
	}
	const code = typeof raw.code === 'string' ? raw.code : '';
	const text = typeof raw.message === 'string' ? raw.message : '';
	const timedOut = code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout/i.test(text);
	const reason = timedOut
		? 'the request timed out'
		: (NETWORK_MESSAGES[code] ?? (text.replace(/[A-Za-z0-9+/=]{20,}/g, '…') || 'unknown network error'));
	const message = `Could not reach OneAll: ${reason}`;
	return own(new NodeApiError(
		node,
		{ message, code },
		{
			message,
			description: timedOut
				? "OneAll did not answer in time. Raise the node's Request Options → Timeout, or try again later. The post may still have been published: check before running again."
				: 'Check the Site Subdomain (or Base URL) in the OneAll API credential and the network between n8n and OneAll.',
			httpCode: 'none',
			itemIndex,
		},
	));
}
