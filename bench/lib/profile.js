'use strict';
// Where the time went inside a time window of a V8 .cpuprofile (node --cpu-prof): the window of one
// node's execution, placed with the clock pair from preload.js.
const fs = require('fs');

// Which part of the system a frame's script belongs to: the first pattern that matches.
const CATEGORIES = [
	[/\/node_modules\/n8n-nodes-oneall\//, 'our node (n8n-nodes-oneall)'],
	[/\/n8n-core\/dist\/execution-engine\/routing-node/, 'n8n RoutingNode (declarative engine)'],
	[/\/n8n-nodes-base\/dist\/nodes\/HttpRequest\//, 'HTTP Request node'],
	[/\/n8n-core\/dist\/execution-engine\/node-execution-context\/utils\/request-helper/, 'n8n-core request helpers'],
	[/\/n8n-core\//, 'n8n-core (other)'],
	[/\/n8n-workflow\/dist\/(expression|workflow-data-proxy)|\/@n8n\/expression-runtime\/|\/isolated-vm\/|\/tournament\//, 'expressions (n8n-workflow / runtime)'],
	[/\/n8n-workflow\//, 'n8n-workflow (other)'],
	[/\/(axios|follow-redirects|form-data|proxy-from-env)\//, 'axios (HTTP client)'],
	[/^node:/, 'Node.js internals'],
	[/\/bench\/lib\/preload\.js/, 'bench preload (load timer, expression counter)'],
];
const NATIVE = { '(idle)': 'idle (waiting for I/O)', '(garbage collector)': 'garbage collector', '(program)': 'V8 / native (program)', '(root)': 'root' };

function categoryOf({ url, functionName }) {
	if (!url) return NATIVE[functionName] || 'native';
	const known = CATEGORIES.find(([re]) => re.test(url));
	if (known) return known[1];
	const m = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/g);
	return m ? `package ${m[m.length - 1].replace('node_modules/', '')}` : 'other';
}

const fnKey = ({ url, functionName, lineNumber }) => {
	const i = url.lastIndexOf('node_modules/');
	return `${functionName || '(anonymous)'} ${(i >= 0 ? url.slice(i + 13) : url).replace(/^file:\/\//, '')}:${lineNumber + 1}`;
};

/** Self and on-stack time by category and by function, of the samples between fromUs and toUs (the profile's clock). */
function analyse(file, { fromUs = -Infinity, toUs = Infinity } = {}) {
	const prof = JSON.parse(fs.readFileSync(file, 'utf8'));
	const byId = new Map(prof.nodes.map((n) => [n.id, n]));
	const parent = new Map();
	for (const n of prof.nodes) for (const c of n.children || []) parent.set(c, n.id);
	const maps = { selfByCategory: new Map(), inclusiveByCategory: new Map(), topSelf: new Map(), topInclusive: new Map() };
	const add = (map, key, us) => maps[map].set(key, (maps[map].get(key) || 0) + us);
	let total = 0;
	// Each sample counts the time to the next one.
	let t = prof.startTime + (prof.timeDeltas[0] || 0);
	for (let i = 0; i < prof.samples.length; i++) {
		const next = t + (prof.timeDeltas[i + 1] || 0);
		const dt = i + 1 < prof.samples.length ? next - t : 0;
		const inWindow = t >= fromUs && t <= toUs && dt > 0;
		t = next;
		if (!inWindow) continue;
		total += dt;
		const stack = [];
		for (let cur = prof.samples[i]; cur !== undefined; cur = parent.get(cur)) stack.push(byId.get(cur).callFrame);
		add('selfByCategory', categoryOf(stack[0]), dt);
		add('topSelf', fnKey(stack[0]), dt);
		for (const c of new Set(stack.map(categoryOf))) add('inclusiveByCategory', c, dt);
		for (const f of new Set(stack.filter((fr) => fr.url).map(fnKey))) add('topInclusive', f, dt);
	}
	const sorted = (map) => [...map.entries()].sort((a, b) => b[1] - a[1]).map(([key, us]) => ({ key, ms: us / 1000, pct: total ? (100 * us) / total : 0 }));
	return { totalMs: total / 1000, ...Object.fromEntries(Object.entries(maps).map(([k, m]) => [k, sorted(m)])) };
}

module.exports = { analyse };
