'use strict';
/*
 * Loaded into the n8n process with `node --require bench/lib/preload.js` by bench/measure.js. It only
 * observes; when the process exits it writes to $BENCH_PRELOAD_OUT:
 *   - VmHWM / VmRSS from /proc/self/status (peak and final resident memory, kB);
 *   - the process's CPU time (all threads, so isolated-vm's expression evaluation too) every 50 ms,
 *     as [epoch ms, CPU ms] pairs: the CPU a node's execution window used can be read off it, a
 *     figure that other processes on a busy machine disturb far less than wall time;
 *   - a pair of clock readings (Date.now() and the monotonic clock V8's CPU profiler uses), so that
 *     n8n's run data times (epoch ms) can be placed on a --cpu-prof profile's time line;
 *   - how long n8n's own loader took to require and instantiate this package's node and credential
 *     (timed around Module._load and the exported classes' constructors);
 *   - with BENCH_COUNT_EXPRESSIONS=1: how many expressions n8n evaluated (calls of
 *     Expression.prototype.resolveSimpleParameterValue with an "=..." string), in all and for each
 *     expression text: every parameter value n8n resolves, declarative nodes' included, goes through
 *     that method, so the count per text is how often n8n evaluated that parameter;
 *   - with BENCH_ATTRIBUTE_EXPRESSIONS=1 as well: for each expression text, which code asked for
 *     each evaluation (read off the call stack, see callerOf), so a count can be split between
 *     n8n's declarative engine and the node itself.
 */
const fs = require('fs');
const Module = require('module');
const { performance } = require('perf_hooks');

const out = process.env.BENCH_PRELOAD_OUT;
if (out) {
	const clock = { epochMs: Date.now(), monoUs: Number(process.hrtime.bigint() / 1000n) };
	const ours = {}; // file kind → { requireMs, newMs }
	const counts = { expressions: 0, simpleValues: 0, byExpression: {}, byCaller: {} };
	const countExpressions = process.env.BENCH_COUNT_EXPRESSIONS === '1';
	const attribute = countExpressions && process.env.BENCH_ATTRIBUTE_EXPRESSIONS === '1';
	const OURS = /[\\/]node_modules[\\/]n8n-nodes-oneall[\\/]dist[\\/](nodes[\\/]OneAll[\\/]OneAll\.node|credentials[\\/]OneAllApi\.credentials)\.js$/;
	const cpuSeries = [];
	const cpuTick = () => {
		const u = process.cpuUsage();
		cpuSeries.push([Date.now(), (u.user + u.system) / 1000]);
	};
	cpuTick();
	setInterval(cpuTick, 50).unref();
	let patchedExpression = false;
	let depth = 0;

	const originalLoad = Module._load;
	Module._load = function (request, parent, isMain) {
		let filename = null;
		if (depth === 0 && typeof request === 'string' && request.includes('n8n-nodes-oneall')) {
			try {
				filename = Module._resolveFilename(request, parent, isMain);
			} catch {
				filename = null;
			}
			if (filename && !OURS.test(filename)) filename = null;
		}
		if (!filename) {
			const result = originalLoad.apply(this, arguments);
			if (countExpressions && !patchedExpression && result && typeof result === 'object') patchExpression(result);
			return result;
		}
		const kind = /credentials/.test(filename) ? 'credential' : 'node';
		const first = !ours[kind];
		depth++;
		const t = performance.now();
		let result;
		try {
			result = originalLoad.apply(this, arguments);
		} finally {
			depth--;
		}
		if (first) {
			ours[kind] = { requireMs: performance.now() - t, newMs: null };
			wrapConstructors(result, ours[kind]);
		}
		return result;
	};

	function wrapConstructors(exportsObject, record) {
		if (!exportsObject || typeof exportsObject !== 'object') return;
		for (const key of Object.keys(exportsObject)) {
			const C = exportsObject[key];
			const desc = Object.getOwnPropertyDescriptor(exportsObject, key);
			if (typeof C !== 'function' || !desc || !desc.writable) continue;
			exportsObject[key] = new Proxy(C, {
				construct(target, args, newTarget) {
					const t = performance.now();
					const instance = Reflect.construct(target, args, newTarget === exportsObject[key] ? target : newTarget);
					if (record.newMs === null) record.newMs = performance.now() - t;
					return instance;
				},
			});
		}
	}

	function patchExpression(mod) {
		let E;
		try {
			E = mod.Expression;
		} catch {
			return;
		}
		if (typeof E !== 'function' || !E.prototype || typeof E.prototype.resolveSimpleParameterValue !== 'function') return;
		patchedExpression = true;
		const original = E.prototype.resolveSimpleParameterValue;
		E.prototype.resolveSimpleParameterValue = function (value) {
			counts.simpleValues++;
			if (typeof value === 'string' && value.charAt(0) === '=') {
				counts.expressions++;
				const key = value.length > 200 ? `${value.slice(0, 200)}…` : value;
				counts.byExpression[key] = (counts.byExpression[key] || 0) + 1;
				if (attribute) {
					const callers = (counts.byCaller[key] = counts.byCaller[key] || {});
					const caller = callerOf();
					callers[caller] = (callers[caller] || 0) + 1;
				}
			}
			return original.apply(this, arguments);
		};
	}

	/**
	 * Who asked for an evaluation, read off the call stack: this package's code anywhere on it, or
	 * else which of RoutingNode's passes over the declared properties (n8n 2.x walks them a second
	 * time in resolveBaseUrl), and whether through a property's routing; or anything else in n8n.
	 */
	function callerOf() {
		const limit = Error.stackTraceLimit;
		Error.stackTraceLimit = 80;
		const holder = {};
		Error.captureStackTrace(holder, callerOf);
		Error.stackTraceLimit = limit;
		const stack = String(holder.stack);
		if (/[\\/]node_modules[\\/]n8n-nodes-oneall[\\/]/.test(stack)) return 'the node itself';
		const routing = /RoutingNode\.getRequestOptionsFromParameters/.test(stack) ? ", through a property's routing" : '';
		if (/RoutingNode\.resolveBaseUrl/.test(stack)) return `RoutingNode, second pass (resolveBaseUrl)${routing}`;
		if (/RoutingNode\.runNode/.test(stack)) return `RoutingNode, first pass (building the request)${routing}`;
		return 'elsewhere in n8n';
	}

	let written = false;
	const write = () => {
		if (written) return;
		written = true;
		cpuTick();
		let status = '';
		try {
			status = fs.readFileSync('/proc/self/status', 'utf8');
		} catch {
			/* not Linux */
		}
		const kb = (key) => {
			const m = status.match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm'));
			return m ? Number(m[1]) : null;
		};
		try {
			fs.writeFileSync(
				out,
				JSON.stringify({
					pid: process.pid,
					clock,
					vmHwmKb: kb('VmHWM'),
					vmRssKb: kb('VmRSS'),
					loadInN8n: ours,
					cpuSeries,
					counts: countExpressions ? counts : undefined,
				}),
			);
		} catch {
			/* nothing to do */
		}
	};
	process.on('exit', write);
}
