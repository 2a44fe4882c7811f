/**
 * One list holding every key of the given lists, each list's own order kept (a topological merge,
 * earliest-seen first where the lists leave the order open); undefined when two lists disagree.
 * n8n shows a node's properties in the order they are declared, so properties shared by several
 * operations must be declared in an order that is right for each of them.
 */
export function mergeOrders(lists: string[][]): string[] | undefined {
	const seen: string[] = [];
	const after = new Map<string, Set<string>>();
	const waitingFor = new Map<string, number>();
	for (const list of lists) {
		list.forEach((key, index) => {
			if (!seen.includes(key)) seen.push(key);
			if (!waitingFor.has(key)) waitingFor.set(key, 0);
			const next = list[index + 1];
			if (next !== undefined && !after.get(key)?.has(next)) {
				after.set(key, (after.get(key) ?? new Set()).add(next));
				waitingFor.set(next, (waitingFor.get(next) ?? 0) + 1);
			}
		});
	}
	const merged: string[] = [];
	const ready = seen.filter((key) => waitingFor.get(key) === 0);
	while (ready.length) {
		const key = ready.shift() as string;
		merged.push(key);
		for (const next of after.get(key) ?? []) {
			waitingFor.set(next, (waitingFor.get(next) as number) - 1);
			if (waitingFor.get(next) === 0) ready.push(next);
		}
	}
	return merged.length === seen.length ? merged : undefined;
}
