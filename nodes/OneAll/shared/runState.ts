import type { IExecuteSingleFunctions, NodeOperationError } from 'n8n-workflow';
import type { OneAllCredentialError } from './baseUrl';

interface Deferred {
	promise: Promise<void>;
	resolve: () => void;
}

const deferred = (): Deferred => {
	let resolve = () => {};
	const promise = new Promise<void>((done) => (resolve = done));
	return { promise, resolve };
};

export interface ItemPlan {
	error?: NodeOperationError;
	pictureUrls?: string[];
}

/**
 * What the items of one run of the node share. n8n's declarative engine prepares every item and
 * then starts all their requests at once; this state lets the node send them one after the other,
 * in input order, and stop before sending anything more once an item has failed.
 */
export interface RunState {
	total: number | undefined;
	plans: Map<number, ItemPlan>;
	allPrepared: Deferred;
	done: Map<number, Deferred>;
	stopped: boolean;
	credentialCheck?: Promise<OneAllCredentialError | undefined>;
}

const runs = new WeakMap<object, RunState>();

function inputCount(context: IExecuteSingleFunctions): number | undefined {
	const data = context.getExecuteData()?.data as Record<string, unknown[][] | undefined> | undefined;
	const items = data?.main?.[0] ?? data?.ai_tool?.[0];
	return Array.isArray(items) ? items.length : undefined;
}

export function runStateOf(context: IExecuteSingleFunctions): RunState {
	// The execute data object is shared by all items of one run and by no other run.
	const key = context.getExecuteData() as unknown as object;
	let state = runs.get(key);
	if (!state) {
		state = { total: inputCount(context), plans: new Map(), allPrepared: deferred(), done: new Map(), stopped: false };
		runs.set(key, state);
	}
	return state;
}

export function recordPlan(state: RunState, itemIndex: number, plan: ItemPlan): void {
	state.plans.set(itemIndex, plan);
	if (state.total === undefined || state.plans.size >= state.total) state.allPrepared.resolve();
}

export function doneSignal(state: RunState, itemIndex: number): Deferred {
	let signal = state.done.get(itemIndex);
	if (!signal) {
		signal = deferred();
		state.done.set(itemIndex, signal);
	}
	return signal;
}
