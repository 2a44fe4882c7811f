import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INode,
	INodeExecutionData,
} from 'n8n-workflow';
import { oneAllError } from './errors';

interface Envelope {
	response?: {
		request?: { status?: { flag?: string; code?: number | string; info?: string } };
		result?: { data?: unknown };
	};
}

const excerpt = (text: string) => {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat === '' ? '(empty body)' : `"${flat.length > 200 ? `${flat.slice(0, 200)}…` : flat}"`;
};

/**
 * Turns OneAll's answer into the output item (`response.result.data`, as it is), or throws an
 * error carrying OneAll's status code and info. Requests are sent with HTTP status errors ignored,
 * so every answer, good or bad, arrives here and is judged in one place.
 */
export function readOneAllAnswer(node: INode, itemIndex: number, response: IN8nHttpFullResponse): IDataObject {
	const status = response.statusCode;
	let body: unknown = response.body;
	if (Buffer.isBuffer(body)) body = body.toString('utf8');
	if (typeof body === 'string') {
		try {
			body = JSON.parse(body);
		} catch {
			throw oneAllError(
				node,
				itemIndex,
				String(status),
				`OneAll answered HTTP ${status} with a body that is not JSON: ${excerpt(body as string)}`,
			);
		}
	}
	const envelope = (body ?? {}) as Envelope;
	const requestStatus = envelope.response?.request?.status;
	if (typeof envelope.response !== 'object' || envelope.response === null) {
		throw oneAllError(
			node,
			itemIndex,
			String(status),
			`OneAll answered HTTP ${status} with JSON that is not a OneAll response: ${excerpt(JSON.stringify(body))}`,
		);
	}
	if (status < 200 || status > 299 || requestStatus?.flag === 'error') {
		const code = String(requestStatus?.code ?? status);
		const info = requestStatus?.info ?? 'no details given';
		throw oneAllError(node, itemIndex, code, `OneAll error ${code}: ${info}`, { info });
	}
	const data = envelope.response.result?.data;
	return typeof data === 'object' && data !== null && !Array.isArray(data)
		? (data as IDataObject)
		: { data: (data ?? null) as IDataObject };
}

export async function outputResultData(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	return [{ json: readOneAllAnswer(this.getNode(), this.getItemIndex(), response) }];
}
