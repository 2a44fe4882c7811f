'use strict';
// The Markdown report of one bench run (bench/.work/results.md; `npm run bench:publish` publishes it).
const { readSection } = require('./reads');
const { CONFIG, TARGETS, PACKAGE } = require('./config');
const { LABEL } = require('./workloads');
const { fmt, kb, mib, bytes, range } = require('./lib/stats');

const mark = (ok) => (ok === null ? 'reported' : ok ? 'met' : '**missed**');
const loads = (l) => l.map((v) => v.toFixed(2)).join(' / ');

function header(L, x) {
	L.push("# Benchmark: OneAll node next to n8n's HTTP Request node", '');
	L.push(`Written by \`npm run bench\` on ${x.date} UTC at commit ${x.commit}; the whole run took ${x.totalSec.toFixed(0)} s.`, '');
	L.push('| | |', '|---|---|');
	L.push(`| CPU | ${x.machine.cpu}, ${x.machine.cores} cores, ${x.machine.memGiB.toFixed(1)} GiB RAM |`);
	L.push(`| Load average (1/5/15 min) at start / end | ${loads(x.loadStart)} — ${loads(x.loadEnd)} |`);
	L.push(`| n8n | ${x.n8nVersion} on Node ${x.n8nNode} (npm \`node\` package); SQLite; default expression engine; \`n8n execute --rawOutput\`, one process per run |`);
	L.push(`| System Node (bench, sandbox, npm pack) | ${x.machine.systemNode} |`);
	L.push(`| Package | ${PACKAGE.name} ${PACKAGE.version}, installed from its packed tarball into \`.n8n/nodes\`${x.dist.stale ? ' (**dist/ older than some sources**)' : ''} |`);
	L.push('');
	if (Math.max(x.loadStart[0], x.loadEnd[0]) > x.machine.cores) {
		L.push(`With a load average above the ${x.machine.cores} cores, other processes shared the CPU during the runs: ratios of alternating pairs cancel most of it, single figures do not.`);
	}
}

function targets(L, x) {
	L.push('', '## Targets', '');
	L.push("Ratio = OneAll node time / HTTP Request node time (the node's `executionTime`) in the same pair of runs; median (min–max) over the pairs. A target is read on the median. The CPU ratio compares the CPU time n8n used during the node's execution instead (all threads, from bench/lib/preload.js): on a shared machine it moves far less than wall time.", '');
	L.push('| target | ratio of node times | ratio of CPU times | |', '|---|---|---|---|');
	for (const s of x.timed) {
		const w = s.workload;
		const what = w.target === null ? `${w.title}: ratio` : `${w.title}: ratio ≤ ${fmt(w.target, 2)}`;
		L.push(`| ${what} | ${range(s.ratio)} × over ${s.ratio.n} pairs | ${range(s.cpuRatio)} × | ${mark(s.met)} |`);
	}
	const c = x.counted;
	L.push('', '| target | figure | |', '|---|---|---|');
	const byNode = (by) => (by ? by['the node itself'] || 0 : NaN);
	const split = c.byCaller && Object.keys(c.byCaller).length ? ` (${fmt(c.perItem - byNode(c.byCaller), 2)} by n8n's RoutingNode, ${fmt(byNode(c.byCaller), 2)} by the node)` : '';
	const line1 = c.line1 ? `; n8n ${c.line1.version}: ${fmt(c.line1.perItem, 2)}` : '';
	L.push(`| Additional Fields: \`${c.workload.expression}\` evaluated ≤ ${c.workload.limit} times per item | n8n ${x.n8nVersion}: ${fmt(c.perItem, 2)}${split}${line1} | ${mark(c.met)} |`);
	L.push(`| packed tarball ≤ ${bytes(TARGETS.tarballBytes)} bytes | ${bytes(x.tarball.bytes)} bytes | ${mark(x.tarball.bytes <= TARGETS.tarballBytes)} |`);
	L.push(`| cold load of node + credential < ${TARGETS.coldLoadMs} ms | ${fmt(x.cold.n8n.oursMs, 1)} ms | ${mark(x.cold.n8n.oursMs < TARGETS.coldLoadMs)} |`);
}

function timePerItem(L, x) {
	L.push('', '## Time per item', '');
	L.push('"node" is the node\'s own `executionTime` in n8n\'s run data; "wall" is the whole `n8n execute` process (start-up, loading ~500 node types, the run, saving it, printing it), mostly fixed cost. The sandbox gives the rest, counted as each request arrives: requests in flight at once (the most unanswered, this one included), whether each identity\'s requests arrived in input order, and overlaps (requests that arrived while an earlier one to the same identity was still unanswered).', '');
	L.push('| workload | node | ms / item (median) | each run | CPU ms / item (median) | wall (median) | identities | in flight (max) | per identity: in order / overlaps | peak RSS (median) | load avg at start |');
	L.push('|---|---|---|---|---|---|---|---|---|---|---|');
	for (const s of x.timed) {
		for (const kind of ['oneall', 'http']) {
			const k = s[kind];
			L.push(`| ${s.workload.title} | ${LABEL[kind]} | ${fmt(k.msPerItem, 3)} | ${k.msPerItemAll.map((v) => fmt(v, 3)).join(', ')} | ${fmt(k.cpuMsPerItem, 3)} | ${fmt(k.wallMs / 1000, 1)} s | ${k.identities} | ${k.maxInFlight} | ${k.inOrder ? 'yes' : 'no'} / ${k.overlaps} | ${mib(k.peakKb)} | ${s.loadAtStart.toFixed(2)} |`);
		}
	}
	L.push('', '| workload | ratio OneAll / HTTP Request, node time, each pair (in run order) | min | median | max | CPU time, each pair |', '|---|---|---|---|---|---|');
	for (const s of x.timed) L.push(`| ${s.workload.title} | ${s.ratios.map((r) => fmt(r, 2)).join(', ')} | ${fmt(s.ratio.min, 2)} | **${fmt(s.ratio.median, 2)}** | ${fmt(s.ratio.max, 2)} | ${s.cpuRatios.map((r) => fmt(r, 2)).join(', ')} |`);
	const problems = x.timed.flatMap((s) => [...s.oneall.problems, ...s.http.problems]);
	if (problems.length) L.push('', `Problems seen (such runs are left out of the ratios): ${[...new Set(problems)].join('; ')}`);
}

function evaluations(L, x) {
	L.push('', '## Expression evaluations per item', '');
	L.push("Counted inside n8n by bench/lib/preload.js: every parameter value n8n resolves goes through `Expression.resolveSimpleParameterValue`; the preload counts the calls per expression text over the whole run and divides by the items.", '');
	const c = x.counted;
	L.push(`**Additional Fields**: ${c.workload.title}, one run: \`${c.workload.expression}\` was evaluated **${fmt(c.perItem, 2)} times per item** (target ≤ ${c.workload.limit}); the run ${c.ok ? 'sent every post' : `had problems: ${c.problems.join('; ')}`}.`, '');
	if (c.line1) L.push(`The same workflow in n8n ${c.line1.version}: **${fmt(c.line1.perItem, 2)}** per item${c.line1.ok ? '' : ` (problems: ${c.line1.problems.join('; ')})`}.`, '');
	L.push(
		"Where they come from: n8n's declarative engine (RoutingNode) resolves the value of every declared property of the node for every item, whether the property is shown for the operation or not; n8n 2.41 does it twice (once to build the request, once more in `resolveBaseUrl`, which walks all properties again to tell whether the base URL is the node's own), 1.123 once. The node's preSend then reads each field it sends once (`getNodeParameter`). So a field declared once costs 2 + 1 = 3 evaluations per item in 2.41 and 1 + 1 = 2 in 1.123, and a field declared k times costs 2k + 1 in 2.41. The HTTP Request node reads each parameter once.",
		'',
	);
	const callers = [[x.n8nVersion, c.byCaller], ...(c.line1 ? [[c.line1.version, c.line1.byCaller]] : [])];
	if (callers.some(([, by]) => by && Object.keys(by).length)) {
		L.push(
			`Who asked for each evaluation of \`${c.workload.expression}\`, read off the call stack inside n8n (bench/lib/preload.js). A value the node sends must be read by it once; RoutingNode's passes come before the node's code runs and are the same for any declared property holding an expression, so on n8n 2.41 a sent value cannot cost fewer than 3. Declaring it through a property's \`routing\` instead of reading it in preSend would cost more: RoutingNode then also calls \`getNodeParameter\` for it in each pass (4 in 2.41).`,
			'',
		);
		L.push('| n8n | asked by | evaluations per item |', '|---|---|---|');
		for (const [version, by] of callers) {
			for (const [who, n] of Object.entries(by || {}).sort()) L.push(`| ${version} | ${who} | ${fmt(n, 2)} |`);
		}
		L.push('');
	}
	L.push('| workload | node | expression | evaluations per item |', '|---|---|---|---|');
	L.push(...Object.entries(c.all).map(([e, n]) => `| ${c.workload.title} | ${LABEL.oneall} | \`${e.replace(/\|/g, '\\|')}\` | ${fmt(n, 2)} |`));
	for (const s of x.timed) {
		for (const kind of ['oneall', 'http']) {
			for (const [e, n] of Object.entries(s[kind].perItem)) {
				if (e.includes('"posts"')) continue; // Edit Fields' raw JSON: once per run
				L.push(`| ${s.workload.title} | ${LABEL[kind]} | \`${e.replace(/\|/g, '\\|').replace(/http:\/\/127\.0\.0\.1:\d+/, '<sandbox>')}\` | ${fmt(n, 2)} |`);
			}
		}
	}
}

function identical(L, x) {
	L.push('', '### Identical requests', '');
	for (const s of x.timed) {
		const id = s.identity;
		if (!id) continue;
		L.push(`- ${s.workload.title}, first pair, matched by item: **${id.identical} of ${id.compared}** identical in method, URL, body and all ${id.headerNames.length} headers (${id.headerNames.join(', ')}).${id.diffs.length ? ` Differences: ${id.diffs.map(([k, v]) => `${k}: OneAll ${v.replace(' vs ', ' / HTTP Request ')}`).join('; ')}.` : ''}`);
	}
	const sample = x.timed.find((s) => s.identity && s.identity.sample);
	if (sample) L.push('', `Example: \`${sample.identity.sample.method} ${sample.identity.sample.url}\` with body \`${sample.identity.sample.body}\`.`);
}

function footprint(L, x) {
	const { tarball, dist, desc, cold } = x;
	L.push('', '## Footprint', '', '| | |', '|---|---|');
	L.push(`| packed tarball (\`npm pack\`) | ${bytes(tarball.bytes)} bytes (${kb(tarball.bytes)}), ${tarball.entryCount} files, unpacked ${bytes(tarball.unpackedSize)} bytes |`);
	L.push(`| largest files in it | ${tarball.largest.map((f) => `${f.path} ${bytes(f.size)}`).join('; ')} |`);
	L.push(`| \`dist/\` | ${bytes(dist.bytes)} bytes in ${dist.files} files |`);
	for (const d of desc.ours) L.push(`| description n8n sends to the editor: \`${d.name}\` | ${bytes(d.bytes)} bytes of JSON (gzip ${bytes(d.gzipBytes)}) |`);
	L.push(`| … both entries together | ${bytes(desc.ours.reduce((s, d) => s + d.bytes, 0))} bytes (${desc.properties} properties in \`oneAll\`, incl. n8n's \`requestOptions\`: ${desc.hasRequestOptions ? 'yes' : 'no'}) |`);
	if (desc.http.length) L.push(`| for comparison: \`n8n-nodes-base.httpRequest\` | ${desc.http.map((d) => bytes(d.bytes)).join(' + ')} bytes (${desc.http.length} version entries) |`);
	L.push('', 'Description sizes are `JSON.stringify` of the entries `n8n export:nodes` writes: the same post-processed types (loader options, AI-tool variant `…Tool`) that the editor fetches as `/types/nodes.json`.');
	L.push('', '### Cold load of the built modules', '');
	L.push(`Fresh \`node -e\` process per sample, median of ${cold.n8n.runs}: \`require()\` of the module plus \`new\` of its class, which is what n8n's loader does, on the files of the installed package (${cold.n8n.ourModules} modules of ours); wall time, and CPU time of the main thread (less disturbed by other processes on a busy machine).`, '');
	L.push('| runtime | before our modules | node: require + new | credential: require + new | ours together, wall (min–max) | ours, CPU |', '|---|---|---|---|---|---|');
	const row = (label, c, before) =>
		L.push(`| ${label} | ${before} | ${fmt(c.nodeRequireMs, 1)} + ${fmt(c.nodeNewMs, 1)} ms | ${fmt(c.credRequireMs, 1)} + ${fmt(c.credNewMs, 1)} ms | **${fmt(c.oursMs, 1)} ms** (${fmt(c.minOursMs, 1)}–${fmt(c.maxOursMs, 1)}) | ${c.oursCpuMs === undefined ? '—' : `${fmt(c.oursCpuMs, 1)} ms`} |`);
	const rt = `Node ${x.n8nNode} + n8n ${x.n8nVersion}'s modules`;
	row(rt, cold.n8n, `n8n-workflow loaded (as in n8n; its own cold load ${fmt(cold.n8n.workflowMs, 0)} ms)`);
	row(rt, cold.n8nAllCold, "nothing: n8n-workflow's cold load counted in the node's require");
	if (cold.inN8n) row(`inside \`n8n execute\` (timed by bench/lib/preload.js around n8n's own loader, median of ${cold.inN8n.runs} runs)`, cold.inN8n, 'what n8n had loaded at start-up');
	L.push('', 'The target is read on the first row: n8n has loaded n8n-workflow long before it loads any community node.');
	if (cold.profile) {
		const cp = cold.profile;
		L.push('', `**Cold-load profile** (${cp.runs} probes under \`--cpu-prof --cpu-prof-interval=50\`, ${fmt(cp.totalMs, 1)} ms each on average): ${cp.selfByCategory.slice(0, 6).map((c) => `${c.key} ${fmt(c.pct, 1)} %`).join('; ')}.`);
	}
}

function profile(L, x) {
	const p = x.profile;
	if (!p) return;
	L.push('', `## Profile (${p.why})`, '');
	L.push(`One more run of each node of "${p.title}" under \`node --cpu-prof --cpu-prof-interval=250\`; only the samples inside the node's own execution window are counted. "self" = the sampled function itself; "on stack" = anywhere in the call stack (synchronous part only).`);
	for (const kind of ['oneall', 'http']) {
		const q = p[kind];
		L.push('');
		if (!q.analysis) {
			L.push(`**${LABEL[kind]}**: ${q.error}`);
			continue;
		}
		const a = q.analysis;
		const ev = Object.entries(q.res.perItem).filter(([e]) => !e.includes('"posts"'));
		L.push(`**${LABEL[kind]}**: window ${fmt(q.res.nodeMs, 0)} ms (${fmt(q.res.msPerItem, 3)} ms/item under the profiler); expression evaluations per item: ${ev.map(([e, n]) => `\`${e.replace(/http:\/\/127\.0\.0\.1:\d+/, '<sandbox>')}\` ${fmt(n, 1)}`).join(', ')}.`, '');
		L.push('| where (self time) | ms | % |', '|---|---|---|');
		for (const c of a.selfByCategory.slice(0, 10)) L.push(`| ${c.key} | ${fmt(c.ms, 0)} | ${fmt(c.pct, 1)} |`);
		L.push('', `On stack: ${a.inclusiveByCategory.filter((c) => !/^(root|idle|V8|garbage)/.test(c.key)).slice(0, 8).map((c) => `${c.key} ${fmt(c.pct, 1)} %`).join('; ')}.`);
		L.push('', `Top functions (self): ${a.topSelf.slice(0, 8).map((f) => `\`${f.key}\` ${fmt(f.pct, 1)} %`).join('; ')}.`);
		if (kind === 'oneall') {
			const ours = a.topInclusive.filter((f) => f.key.includes(' n8n-nodes-oneall/dist/')).slice(0, 6);
			const routing = a.topInclusive.filter((f) => f.key.includes('routing-node')).slice(0, 6);
			L.push('', `Our functions (on stack): ${ours.map((f) => `\`${f.key}\` ${fmt(f.pct, 1)} %`).join('; ')}.`);
			L.push('', `n8n's RoutingNode (on stack): ${routing.map((f) => `\`${f.key}\` ${fmt(f.pct, 1)} %`).join('; ')}.`);
		}
	}
}

/** The whole report as Markdown. */
function renderReport(x) {
	const L = [];
	header(L, x);
	targets(L, x);
	timePerItem(L, x);
	readSection(L, x.reads);
	evaluations(L, x);
	identical(L, x);
	footprint(L, x);
	profile(L, x);
	L.push('', `Knobs of this run: BENCH_ITEMS=${CONFIG.items}, BENCH_FANOUT_PAIRS=${CONFIG.fanOutPairs}, BENCH_ONE_PAIRS=${CONFIG.onePairs}, BENCH_SLOW_PAIRS=${CONFIG.slowPairs}, BENCH_COUNT_ITEMS=${CONFIG.countItems}, BENCH_COLD_RUNS=${CONFIG.coldRuns}, BENCH_PROFILE=${CONFIG.profile} (see bench/config.js).`, '');
	return L.join('\n');
}

module.exports = { renderReport };
