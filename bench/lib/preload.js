'use strict';
/*
 * Loaded into the n8n process (`node --require`) by bench/measure.js; it only observes. On exit it
 * writes to $BENCH_PRELOAD_OUT: peak memory (vmHwmKb); the process's CPU time, all threads, every
 * 50 ms (cpuSeries: a node's CPU can be read off it, which a busy machine disturbs far less than wall
 * time); a clock pair to place run data times on a --cpu-prof profile; how long n8n's own loader took
 * to require and `new` our node and credential (loadInN8n); and the calls of
 * Expression.prototype.resolveSimpleParameterValue per "=…" text, through which every parameter value
 * n8n resolves goes (counts.byExpression), with BENCH_ATTRIBUTE_EXPRESSIONS=1 also by who asked (byCaller).
 */
const fs = require('fs');
const Module = require('module');
const { performance } = require('perf_hooks');

const out = process.env.BENCH_PRELOAD_OUT;
if (out) {
	const clock = { epochMs: Date.now(), monoUs: Number(process.hrtime.bigint() / 1000n) };
	const ours = {}; // 'node' | 'credential' → { requireMs, newMs }
	const counts = { byExpression: {}, byCaller: {} };
	const attribute = process.env.BENCH_ATTRIBUTE_EXPRESSIONS === '1';
	const OURS = /[\\/]node_modules[\\/]n8n-nodes-oneall[\\/]dist[\\/](nodes[\\/]OneAll[\\/]OneAll\.node|credentials[\\/]OneAllApi\.credentials)\.js$/;
	const cpuSeries = [];
	const cpuTick = () => {
		const u = process.cpuUsage();
		cpuSeries.push([Date.now(), (u.user + u.system) / 1000]);
	};
	cpuTick();
	setInterval(cpuTick, 50).unref();
	let patchedExpression = false;
	let depth = 0; // our node may require our credential: time only the outermost load

	/** 'node' or 'credential' when this request is n8n's first load of our node or credential file. */
	const oursOf = (request, parent, isMain) => {
		if (depth > 0 || typeof request !== 'string' || !request.includes('n8n-nodes-oneall')) return null;
		try {
			const m = OURS.exec(Module._resolveFilename(request, parent, isMain));
			const kind = m && (m[1].startsWith('credentials') ? 'credential' : 'node');
			return kind && !ours[kind] ? kind : null;
		} catch {
			return null; // n8n's loader reports it
		}
	};
	const originalLoad = Module._load;
	Module._load = function (request, parent, isMain) {
		const kind = oursOf(request, parent, isMain);
		if (!kind) {
			const result = originalLoad.apply(this, arguments);
			if (!patchedExpression && result && typeof result === 'object') patchExpression(result);
			return result;
		}
		depth++;
		const t = performance.now();
		try {
			const result = originalLoad.apply(this, arguments);
			ours[kind] = { requireMs: performance.now() - t, newMs: null };
			wrapConstructors(result, ours[kind]);
			return result;
		} finally {
			depth--;
		}
	};

	function wrapConstructors(exportsObject, record) {
		for (const key of Object.keys(exportsObject || {})) {
			const C = exportsObject[key];
			const desc = Object.getOwnPropertyDescriptor(exportsObject, key);
			if (typeof C !== 'function' || !desc.writable) continue;
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
			if (typeof value === 'string' && value.charAt(0) === '=') {
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

	process.on('exit', () => {
		cpuTick();
		const status = fs.existsSync('/proc/self/status') ? fs.readFileSync('/proc/self/status', 'utf8') : '';
		const vmHwm = status.match(/^VmHWM:\s+(\d+) kB/m);
		const data = { clock, vmHwmKb: vmHwm ? Number(vmHwm[1]) : null, loadInN8n: ours, cpuSeries, counts };
		fs.writeFileSync(out, JSON.stringify(data));
	});
}
