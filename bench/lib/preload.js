'use strict';
/*
 * Loaded into the n8n process (`node --require`) by bench/measure.js; it only observes. On exit it writes
 * to $BENCH_PRELOAD_OUT: peak memory; the process's CPU time every 50 ms (a busy machine disturbs it far
 * less than wall time); a clock pair to place run data times on a --cpu-prof profile; how long n8n's loader
 * took over our modules; the evaluations of each "=…" text, with BENCH_ATTRIBUTE_EXPRESSIONS=1 by who asked.
 */
const fs = require('fs');
const Module = require('module');
const { performance } = require('perf_hooks');

const attribute = process.env.BENCH_ATTRIBUTE_EXPRESSIONS === '1';
const OURS = /[\\/]n8n-nodes-oneall[\\/]dist[\\/](?:nodes[\\/]OneAll[\\/]OneAll\.node|(credentials)[\\/]OneAllApi\.credentials)(?:\.js)?$/;
const clock = { epochMs: Date.now(), monoUs: Number(process.hrtime.bigint() / 1000n) };
const loadInN8n = {}; // { nodeRequireMs, nodeNewMs, credRequireMs, credNewMs }
const counts = { byExpression: {}, byCaller: {} };
const cpuSeries = [];
const cpuTick = () => {
	const u = process.cpuUsage();
	cpuSeries.push([Date.now(), (u.user + u.system) / 1000]);
};
cpuTick();
setInterval(cpuTick, 50).unref();

const originalLoad = Module._load;
Module._load = function (request) {
	const ours = typeof request === 'string' && OURS.exec(request);
	const kind = ours && (ours[1] ? 'cred' : 'node');
	if (!kind || loadInN8n[`${kind}RequireMs`] !== undefined) return originalLoad.apply(this, arguments);
	const t = performance.now();
	const result = originalLoad.apply(this, arguments);
	loadInN8n[`${kind}RequireMs`] = performance.now() - t;
	timeNew(result, `${kind}NewMs`);
	return result;
};

/** Times the first `new` of each class the module exports, into loadInN8n[key]. */
function timeNew(exportsObject, key) {
	for (const [name, C] of Object.entries(exportsObject || {})) {
		if (typeof C !== 'function' || !Object.getOwnPropertyDescriptor(exportsObject, name).writable) continue;
		exportsObject[name] = new Proxy(C, {
			construct(target, args) {
				const t = performance.now();
				const instance = Reflect.construct(target, args);
				loadInN8n[key] ??= performance.now() - t;
				return instance;
			},
		});
	}
}

// Every parameter value n8n resolves goes through this method of n8n-workflow (the copy n8n's own code requires).
const { Expression } = Module.createRequire(process.argv[1])('n8n-workflow');
const resolve = Expression.prototype.resolveSimpleParameterValue;
const bump = (counter, key) => (counter[key] = (counter[key] || 0) + 1);
Expression.prototype.resolveSimpleParameterValue = function (value) {
	if (typeof value === 'string' && value.charAt(0) === '=') {
		const key = value.length > 200 ? `${value.slice(0, 200)}…` : value;
		bump(counts.byExpression, key);
		if (attribute) bump((counts.byCaller[key] ||= {}), callerOf());
	}
	return resolve.apply(this, arguments);
};

// Who asked for an evaluation, read off the call stack: this package's code anywhere on it, or else
// which of RoutingNode's passes over the declared properties (n8n 2.x walks them a second time in
// resolveBaseUrl), and whether through a property's routing; or anything else in n8n.
function callerOf() {
	const limit = Error.stackTraceLimit;
	Error.stackTraceLimit = 80;
	const stack = String(new Error().stack);
	Error.stackTraceLimit = limit;
	if (/[\\/]node_modules[\\/]n8n-nodes-oneall[\\/]/.test(stack)) return 'the node itself';
	const routing = /RoutingNode\.getRequestOptionsFromParameters/.test(stack) ? ", through a property's routing" : '';
	if (/RoutingNode\.resolveBaseUrl/.test(stack)) return `RoutingNode, second pass (resolveBaseUrl)${routing}`;
	if (/RoutingNode\.runNode/.test(stack)) return `RoutingNode, first pass (building the request)${routing}`;
	return 'elsewhere in n8n';
}

process.on('exit', () => {
	cpuTick();
	const status = fs.existsSync('/proc/self/status') ? fs.readFileSync('/proc/self/status', 'utf8') : '';
	const vmHwm = status.match(/^VmHWM:\s+(\d+) kB/m);
	const data = { clock, vmHwmKb: vmHwm ? Number(vmHwm[1]) : null, loadInN8n, cpuSeries, counts };
	fs.writeFileSync(process.env.BENCH_PRELOAD_OUT, JSON.stringify(data));
});
