import type { DeclarativeRestApiSettings, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

/**
 * What this node run already published, so that Retry On Fail (n8n runs the whole node again with
 * the same execute data) does not publish it twice. It only remembers successes, keyed on the
 * item and its exact request, and nothing ever waits on it: when n8n hands a new execute data
 * object to the next attempt, the memory is simply empty and the items are sent again.
 */
const memories = new WeakMap<object, Map<string, INodeExecutionData[]>>();

export function requestKey(itemIndex: number, options: DeclarativeRestApiSettings.HttpRequestOptions): string {
	return JSON.stringify([itemIndex, options.method ?? 'GET', options.url, options.qs ?? {}, options.body ?? null]);
}

export function memoryOf(context: IExecuteSingleFunctions): Map<string, INodeExecutionData[]> | undefined {
	let key: unknown;
	try {
		key = context.getExecuteData();
	} catch {
		return undefined;
	}
	if (typeof key !== 'object' || key === null) return undefined;
	let memory = memories.get(key);
	if (!memory) {
		memory = new Map();
		memories.set(key, memory);
	}
	return memory;
}
