'use strict';
/*
 * Reads a V8 .cpuprofile (node --cpu-prof) and tells where the time went inside a time window
 * (the window of one node's execution, placed with the clock pair from preload.js).
 * Only Node built-ins.
 */
const fs = require('fs');

/** Which part of the system a stack frame belongs to. */
function categoryOf(frame) {
	const url = frame.url || '';
	const fn = frame.functionName || '';
	if (!url) {
		if (fn === '(idle)') return 'idle (waiting for I/O)';
		if (fn === '(garbage collector)') return 'garbage collector';
		if (fn === '(program)') return 'V8 / native (program)';
		if (fn === '(root)') return 'root';
		return 'native';
	}
	if (/\/node_modules\/n8n-nodes-oneall\//.test(url)) return 'our node (n8n-nodes-oneall)';
	if (url.includes('/n8n-core/dist/execution-engine/routing-node')) return 'n8n RoutingNode (declarative engine)';
	if (url.includes('/n8n-nodes-base/dist/nodes/HttpRequest/')) return 'HTTP Request node';
	if (url.includes('/n8n-core/dist/execution-engine/node-execution-context/utils/request-helper')) return 'n8n-core request helpers';
	if (url.includes('/n8n-core/')) return 'n8n-core (other)';
	if (url.includes('/n8n-workflow/dist/expression') || url.includes('/n8n-workflow/dist/workflow-data-proxy') || url.includes('/@n8n/expression-runtime/') || url.includes('/isolated-vm/') || url.includes('/@n8n/tournament/') || url.includes('/tournament/'))
		return 'expressions (n8n-workflow / runtime)';
	if (url.includes('/n8n-workflow/')) return 'n8n-workflow (other)';
	if (url.includes('/axios/') || url.includes('/follow-redirects/') || url.includes('/form-data/') || url.includes('/proxy-from-env/')) return 'axios (HTTP client)';
	if (url.startsWith('node:')) return 'Node.js internals';
	if (url.includes('/bench/lib/preload.js')) return 'bench preload (load timer, expression counter)';
	const m = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/g);
	if (m) return `package ${m[m.length - 1].replace('node_modules/', '')}`;
	return 'other';
}

function shortUrl(url) {
	if (!url) return '';
	const i = url.lastIndexOf('node_modules/');
	return (i >= 0 ? url.slice(i + 'node_modules/'.length) : url).replace(/^file:\/\//, '');
}

/**
 * @param {string} file   .cpuprofile path
 * @param {{fromUs?: number, toUs?: number}} window  monotonic µs (same clock as profile timestamps)
 */
function analyse(file, window = {}) {
	const prof = JSON.parse(fs.readFileSync(file, 'utf8'));
	const byId = new Map();
	const parent = new Map();
	for (const n of prof.nodes) {
		byId.set(n.id, n);
		for (const c of n.children || []) parent.set(c, n.id);
	}
	// Sample times: startTime + cumulative timeDeltas; each sample counts the time to the next one.
	const times = [];
	let t = prof.startTime;
	for (let i = 0; i < prof.samples.length; i++) {
		t += prof.timeDeltas[i] || 0;
		times.push(t);
	}
	const from = window.fromUs ?? -Infinity;
	const to = window.toUs ?? Infinity;

	const selfByCat = new Map();
	const inclByCat = new Map();
	const selfByFn = new Map();
	const otherUrls = new Map();
	const inclByFn = new Map();
	let total = 0;
	const add = (map, key, us) => map.set(key, (map.get(key) || 0) + us);
	const stackCache = new Map();
	const stackOf = (id) => {
		let s = stackCache.get(id);
		if (!s) {
			s = [];
			for (let cur = id; cur !== undefined; cur = parent.get(cur)) s.push(byId.get(cur));
			stackCache.set(id, s);
		}
		return s;
	};
	for (let i = 0; i < prof.samples.length; i++) {
		if (times[i] < from || times[i] > to) continue;
		const dt = i + 1 < prof.samples.length ? times[i + 1] - times[i] : 0;
		if (dt <= 0) continue;
		total += dt;
		const stack = stackOf(prof.samples[i]);
		const leaf = stack[0];
		const leafCat = categoryOf(leaf.callFrame);
		add(selfByCat, leafCat, dt);
		if (leafCat === 'other') add(otherUrls, leaf.callFrame.url.slice(0, 80), dt);
		const fnKey = `${leaf.callFrame.functionName || '(anonymous)'} ${shortUrl(leaf.callFrame.url)}:${leaf.callFrame.lineNumber + 1}`;
		add(selfByFn, fnKey, dt);
		const cats = new Set();
		const fns = new Set();
		for (const n of stack) {
			cats.add(categoryOf(n.callFrame));
			if (n.callFrame.url) fns.add(`${n.callFrame.functionName || '(anonymous)'} ${shortUrl(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`);
		}
		for (const c of cats) add(inclByCat, c, dt);
		for (const f of fns) add(inclByFn, f, dt);
	}
	const sorted = (map) => [...map.entries()].sort((a, b) => b[1] - a[1]).map(([k, us]) => ({ key: k, ms: us / 1000, pct: total ? (100 * us) / total : 0 }));
	return {
		totalMs: total / 1000,
		profileStartUs: prof.startTime,
		profileEndUs: prof.endTime,
		selfByCategory: sorted(selfByCat),
		inclusiveByCategory: sorted(inclByCat),
		topSelf: sorted(selfByFn).slice(0, 20),
		topInclusive: sorted(inclByFn),
		otherUrls: sorted(otherUrls).slice(0, 5),
	};
}

module.exports = { analyse, categoryOf };
