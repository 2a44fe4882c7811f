import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

import type { OneAllCredentialError } from './baseUrl';

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

const UNREADABLE_SUCCESS =
	"OneAll's answer could not be read. The post may still have been published: check before running again.";

export function hintFor(code: string): string | undefined {
	if (code.startsWith('2')) return UNREADABLE_SUCCESS;
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

export function credentialError(node: INode, itemIndex: number, problem: OneAllCredentialError): NodeApiError {
	return own(
		new NodeApiError(
			node,
			{ message: problem.message },
			{
				message: problem.message,
				description: 'Fix the OneAll API credential. Nothing was sent to OneAll.',
				httpCode: 'none',
				itemIndex,
			},
		),
	);
}

interface Thrown {
	code?: unknown;
	httpCode?: unknown;
	message?: unknown;
	messages?: unknown;
	cause?: unknown;
	isAxiosError?: unknown;
	response?: unknown;
	request?: unknown;
	config?: unknown;
}

/**
 * What can be told from what was thrown, anywhere along its causes: its error codes and texts (n8n
 * keeps the client's in httpCode and messages), and whether it may have come from the HTTP client,
 * i.e. a request may have been sent: an axios error, an answer, request or configuration attached,
 * or any error code. Only an error with none of these is n8n's own refusal before sending (the
 * credential read from a busy database pool, say); when in doubt it is the client's.
 */
function clues(error: unknown): { codes: string[]; texts: string[]; fromHttpClient: boolean } {
	const codes: string[] = [];
	const texts: string[] = [];
	let fromHttpClient = false;
	let current = error as Thrown | undefined;
	for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
		for (const code of [current.code, current.httpCode]) {
			if (typeof code === 'string' && /^[A-Z][A-Z0-9_]+$/.test(code)) codes.push(code);
			if ((typeof code === 'string' && code !== '') || typeof code === 'number') fromHttpClient = true;
		}
		const parts = [current.response, current.request, current.config];
		if (current.isAxiosError === true || parts.some((part) => typeof part === 'object' && part !== null)) fromHttpClient = true;
		if (typeof current.message === 'string') texts.push(current.message);
		if (Array.isArray(current.messages)) texts.push(...current.messages.filter((m) => typeof m === 'string'));
		current = current.cause as Thrown | undefined;
	}
	return { codes, texts, fromHttpClient };
}

/** n8n stopped before the request left: its own words (the innermost message), nothing of a request. */
function notSentError(node: INode, itemIndex: number, texts: string[]): NodeApiError {
	const reason = [...texts].reverse().find((text) => text.trim() !== '') ?? 'unknown reason';
	const message = `n8n did not send the request to OneAll: ${reason}`;
	return own(
		new NodeApiError(
			node,
			{ message },
			{ message, description: 'Nothing was sent to OneAll for this item. The reason is n8n\'s own; run the item again once it is resolved.', httpCode: 'none', itemIndex },
		),
	);
}

/**
 * Anything else thrown while talking to OneAll. Only an error code and fixed texts are kept: a raw
 * HTTP client error carries the request configuration, Authorization header included.
 */
export function transportError(node: INode, itemIndex: number, error: unknown): NodeApiError {
	const { codes, texts, fromHttpClient } = clues(error);
	if (!fromHttpClient) return notSentError(node, itemIndex, texts);
	// Only the HTTP client's own timeout counts: n8n's other waits (a busy database pool while it
	// reads the credential, say) also say "timeout", and nothing was sent to OneAll then.
	const timedOut =
		codes.some((code) => code === 'ECONNABORTED' || code === 'ETIMEDOUT') ||
		texts.some((text) => /^timeout of \d+ms exceeded$|request timed out/i.test(text.trim()));
	const known = codes.find((code) => NETWORK_MESSAGES[code] !== undefined);
	// Node's TLS codes (DEPTH_ZERO_SELF_SIGNED_CERT, CERT_HAS_EXPIRED, …), or its texts where n8n
	// kept no code: the handshake failed, so no request was sent.
	const certificate =
		!timedOut &&
		(codes.find((code) => /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/.test(code)) ??
			(texts.some((text) => /certificate|self[- ]signed|\bSSL\b/i.test(text)) ? 'certificate' : undefined));
	const reason = timedOut
		? 'the request timed out'
		: certificate
			? `the server's certificate is not trusted${certificate === 'certificate' ? '' : ` (${certificate})`}`
			: known
				? NETWORK_MESSAGES[known]
				: `the request failed${codes[0] ? ` (${codes[0]})` : ''}`;
	const message = `Could not reach OneAll: ${reason}`;
	return own(
		new NodeApiError(
			node,
			{ message },
			{
				message,
				description: timedOut
					? "OneAll did not answer in time. Raise the node's Request Options → Timeout, or try again later. The post may still have been published: check before running again."
					: certificate
						? "n8n did not trust the TLS certificate it was shown, so nothing was sent. If a proxy on your network inspects HTTPS, give n8n its certificate authority (NODE_EXTRA_CA_CERTS); if you trust this network, switch on the node's Request Options → Ignore SSL Issues."
						: 'Check the Site Subdomain (or Base URL) in the OneAll API credential and the network between n8n and OneAll. The post may still have been published if the connection broke after it was sent.',
				httpCode: 'none',
				itemIndex,
			},
		),
	);
}
