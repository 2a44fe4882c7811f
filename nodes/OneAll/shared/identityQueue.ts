/**
 * Posts to one identity go out one at a time, in the order they arrive; different identities go
 * out side by side, at most MAX_IN_FLIGHT requests at once in this process. An item only ever
 * waits for work that has already started (its identity's earlier posts, or a free slot), and
 * every request ends within its timeout, so no wait can last for ever.
 */
export const MAX_IN_FLIGHT = 50;

let inFlight = 0;
const waitingForSlot: Array<() => void> = [];
const lastOfIdentity = new Map<string, Promise<unknown>>();

async function takeSlot(): Promise<void> {
	if (inFlight < MAX_IN_FLIGHT) {
		inFlight++;
		return;
	}
	await new Promise<void>((resolve) => waitingForSlot.push(resolve));
}

function releaseSlot(): void {
	const next = waitingForSlot.shift();
	if (next) next();
	else inFlight--;
}

async function bounded<T>(work: () => Promise<T>): Promise<T> {
	await takeSlot();
	try {
		return await work();
	} finally {
		releaseSlot();
	}
}

/** Runs `work` after every earlier piece of work queued for `identity` has ended, well or not. */
export function inIdentityOrder<T>(identity: string | undefined, work: () => Promise<T>): Promise<T> {
	if (identity === undefined) return bounded(work);
	const before = lastOfIdentity.get(identity) ?? Promise.resolve();
	const mine = before.then(() => bounded(work));
	const ended = mine.then(
		() => undefined,
		() => undefined,
	);
	lastOfIdentity.set(identity, ended);
	void ended.then(() => {
		if (lastOfIdentity.get(identity) === ended) lastOfIdentity.delete(identity);
	});
	return mine;
}
