'use strict';
// The Markdown report of one bench run (bench/.work/results.md; `npm run bench:publish` publishes it).
const { PULL_PAGE } = require('../test/sandbox/pull');
const { CONFIG, TARGETS, PACKAGE } = require('./config');
const { LABEL } = require('./workloads');
const { fmt, mib, bytes, range } = require('./lib/stats');

const KINDS = ['oneall', 'http'];
const mark = (ok) => (ok === null ? 'reported' : ok ? 'met' : '**missed**');
const loads = (l) => l.map((v) => v.toFixed(2)).join(' / ');
const row = (...cells) => `| ${cells.join(' | ')} |`;
/** An expression as a table cell, the sandbox's port hidden. */
const code = (e) => `\`${e.replace(/\|/g, '\\|').replace(/http:\/\/127\.0\.0\.1:\d+/, '<sandbox>')}\``;
/** The first `n` entries of a profile's list: "key 12.3 %; …". */
const top = (list, n) => list.slice(0, n).map((e) => `${e.key} ${fmt(e.pct, 1)} %`).join('; ');
const problemsOf = (list) => [...new Set(list.flatMap((s) => [...s.oneall.problems, ...s.http.problems]))];

function header(L, x) {
	L.push("# Benchmark: OneAll node next to n8n's HTTP Request node", '');
	L.push(`Written by \`npm run bench\` on ${x.date} UTC at commit ${x.commit}; the whole run took ${x.totalSec.toFixed(0)} s.`, '');
	L.push('| | |', '|---|---|');
	L.push(row('CPU', `${x.machine.cpu}, ${x.machine.cores} cores, ${x.machine.memGiB.toFixed(1)} GiB RAM`));
	L.push(row('Load average (1/5/15 min) at start / end', `${loads(x.loadStart)} — ${loads(x.loadEnd)}`));
	L.push(row('n8n', `${x.n8nVersion} on Node ${x.n8nNode} (npm \`node\` package); SQLite; default expression engine; \`n8n execute --rawOutput\`, one process per run`));
	L.push(row('System Node (bench, sandbox, npm pack)', process.version));
	const stale = x.dist.stale ? ' (**dist/ older than some sources**)' : '';
	L.push(row('Package', `${PACKAGE.name} ${PACKAGE.version}, installed from its packed tarball into \`.n8n/nodes\`${stale}`), '');
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
		L.push(row(w.target === null ? `${w.title}: ratio` : `${w.title}: ratio ≤ ${fmt(w.target)}`, `${range(s.ratio)} × over ${s.ratio.n} pairs`, `${range(s.cpuRatio)} ×`, mark(s.met)));
	}
	const c = x.counted;
	const byNode = c.byCaller['the node itself'] || 0;
	const split = Object.keys(c.byCaller).length ? ` (${fmt(c.perItem - byNode)} by n8n's RoutingNode, ${fmt(byNode)} by the node)` : '';
	const line1 = c.line1 ? `; n8n ${c.line1.version}: ${fmt(c.line1.perItem)}` : '';
	L.push('', '| target | figure | |', '|---|---|---|');
	L.push(row(`Additional Fields: \`${c.workload.expression}\` evaluated ≤ ${c.workload.limit} times per item`, `n8n ${x.n8nVersion}: ${fmt(c.perItem)}${split}${line1}`, mark(c.met)));
	L.push(row(`packed tarball ≤ ${bytes(TARGETS.tarballBytes)} bytes`, `${bytes(x.tarball.bytes)} bytes`, mark(x.tarball.bytes <= TARGETS.tarballBytes)));
	L.push(row(`cold load of node + credential < ${TARGETS.coldLoadMs} ms`, `${fmt(x.cold.n8n.ours.median, 1)} ms`, mark(x.cold.n8n.ours.median < TARGETS.coldLoadMs)));
}

function timePerItem(L, x) {
	L.push('', '## Time per item', '');
	L.push('"node" is the node\'s own `executionTime` in n8n\'s run data; "wall" is the whole `n8n execute` process (start-up, loading ~500 node types, the run, saving it, printing it), mostly fixed cost. The sandbox gives the rest, counted as each request arrives: requests in flight at once (the most unanswered, this one included), whether each identity\'s requests arrived in input order, and overlaps (requests that arrived while an earlier one to the same identity was still unanswered).', '');
	L.push('| workload | node | ms / item (median) | each run | CPU ms / item (median) | wall (median) | identities | in flight (max) | per identity: in order / overlaps | peak RSS (median) | load avg at start |');
	L.push('|---|---|---|---|---|---|---|---|---|---|---|');
	for (const s of x.timed) {
		for (const kind of KINDS) {
			const { runs, ...k } = s[kind];
			const most = (key) => Math.max(...runs.map((r) => r[key]));
			const seen = [runs[0].identities, most('maxInFlight'), `${runs.every((r) => r.inOrder) ? 'yes' : 'no'} / ${most('overlaps')}`];
			const each = runs.map((r) => fmt(r.msPerItem, 3)).join(', ');
			L.push(row(s.workload.title, LABEL[kind], fmt(k.msPerItem, 3), each, fmt(k.cpuMsPerItem, 3), `${fmt(k.wallMs / 1000, 1)} s`, ...seen, mib(k.peakKb), s.loadAtStart.toFixed(2)));
		}
	}
	L.push('', '| workload | ratio OneAll / HTTP Request, node time, each pair (in run order) | min | median | max | CPU time, each pair |', '|---|---|---|---|---|---|');
	for (const s of x.timed) {
		const each = (list) => list.map((r) => fmt(r)).join(', ');
		L.push(row(s.workload.title, each(s.ratios), fmt(s.ratio.min), `**${fmt(s.ratio.median)}**`, fmt(s.ratio.max), each(s.cpuRatios)));
	}
	const problems = problemsOf(x.timed);
	if (problems.length) L.push('', `Problems seen (such runs are left out of the ratios): ${problems.join('; ')}`);
}

function reading(L, { reads }) {
	L.push('', '## Reading a long list', '');
	L.push(`Twitter → Get Many Tweets, Return All, next to the HTTP Request node with its own pagination (page \`{{ $pageCount + 1 }}\`, done when a page has fewer than ${PULL_PAGE.max} tweets), the same identity and pages of ${PULL_PAGE.max}, the largest the sandbox allows; both send the same requests (the same pages and query parameters, in another order). The OneAll node gives one item per tweet, HTTP Request one item per page. Ratio = OneAll / HTTP Request in the same pair of runs, median (min–max); target ≤ 1.00 for node time and for peak RSS.`);
	L.push('', '| tweets | pages | node | node time (median) | ms / entry | peak RSS (median) | items out | ratio of node times | ratio of peak RSS | |', '|---|---|---|---|---|---|---|---|---|---|');
	for (const s of reads) {
		for (const kind of KINDS) {
			const k = s[kind];
			const ratios = kind === 'oneall' ? [`${range(s.time)} ×`, `${range(s.rss)} ×`, mark(s.met)] : ['', '', ''];
			L.push(row(s.size, s.pages, LABEL[kind], `${fmt(k.nodeMs, 0)} ms`, fmt(k.msPerEntry, 4), mib(k.peakKb), k.runs[0].items, ...ratios));
		}
	}
	const problems = problemsOf(reads);
	if (problems.length) L.push('', `Problems: ${problems.join('; ')}`);
}

function evaluations(L, x) {
	L.push('', '## Expression evaluations per item', '');
	L.push("Counted inside n8n by bench/lib/preload.js: every parameter value n8n resolves goes through `Expression.resolveSimpleParameterValue`; the preload counts the calls per expression text over the whole run and divides by the items.", '');
	const c = x.counted;
	L.push(`**Additional Fields**: ${c.workload.title}, one run: \`${c.workload.expression}\` was evaluated **${fmt(c.perItem)} times per item** (target ≤ ${c.workload.limit}); the run ${c.ok ? 'sent every post' : `had problems: ${c.problems.join('; ')}`}.`, '');
	if (c.line1) L.push(`The same workflow in n8n ${c.line1.version}: **${fmt(c.line1.perItem)}** per item${c.line1.ok ? '' : ` (problems: ${c.line1.problems.join('; ')})`}.`, '');
	L.push("Where they come from: n8n's declarative engine (RoutingNode) resolves the value of every declared property of the node for every item, whether the property is shown for the operation or not; n8n 2.41 does it twice (once to build the request, once more in `resolveBaseUrl`, which walks all properties again to tell whether the base URL is the node's own), 1.123 once. The node's preSend then reads each field it sends once (`getNodeParameter`). So a field declared once costs 2 + 1 = 3 evaluations per item in 2.41 and 1 + 1 = 2 in 1.123, and a field declared k times costs 2k + 1 in 2.41. The HTTP Request node reads each parameter once.", '');
	const callers = [[x.n8nVersion, c.byCaller], ...(c.line1 ? [[c.line1.version, c.line1.byCaller]] : [])];
	if (callers.some(([, by]) => Object.keys(by).length)) {
		L.push(`Who asked for each evaluation of \`${c.workload.expression}\`, read off the call stack inside n8n (bench/lib/preload.js). A value the node sends must be read by it once; RoutingNode's passes come before the node's code runs and are the same for any declared property holding an expression, so on n8n 2.41 a sent value cannot cost fewer than 3. Declaring it through a property's \`routing\` instead of reading it in preSend would cost more: RoutingNode then also calls \`getNodeParameter\` for it in each pass (4 in 2.41).`, '');
		L.push('| n8n | asked by | evaluations per item |', '|---|---|---|');
		for (const [version, by] of callers) for (const [who, n] of Object.entries(by).sort()) L.push(row(version, who, fmt(n)));
		L.push('');
	}
	L.push('| workload | node | expression | evaluations per item |', '|---|---|---|---|');
	const counted = [[c.workload.title, 'oneall', c.all], ...x.timed.flatMap((s) => KINDS.map((kind) => [s.workload.title, kind, s[kind].runs[0].perItem]))];
	for (const [title, kind, perItem] of counted) for (const [e, n] of Object.entries(perItem)) L.push(row(title, LABEL[kind], code(e), fmt(n)));
}

function identical(L, x) {
	L.push('', '### Identical requests', '');
	for (const { identity: id, workload } of x.timed) {
		const diffs = id.diffs.length ? ` Differences: ${id.diffs.map(([k, v]) => `${k}: OneAll ${v.replace(' vs ', ' / HTTP Request ')}`).join('; ')}.` : '';
		L.push(`- ${workload.title}, first pair, matched by item: **${id.identical} of ${id.compared}** identical in method, URL, body and all ${id.headerNames.length} headers (${id.headerNames.join(', ')}).${diffs}`);
	}
	const sample = x.timed.map((s) => s.identity.sample).find(Boolean);
	if (sample) L.push('', `Example: \`${sample.method} ${sample.url}\` with body \`${sample.body}\`.`);
}

function footprint(L, x) {
	const { tarball, dist, desc, cold } = x;
	L.push('', '## Footprint', '', '| | |', '|---|---|');
	L.push(row('packed tarball (`npm pack`)', `${bytes(tarball.bytes)} bytes (${(tarball.bytes / 1024).toFixed(1)} KiB), ${tarball.entryCount} files, unpacked ${bytes(tarball.unpackedSize)} bytes`));
	L.push(row('largest files in it', tarball.largest.map((f) => `${f.path} ${bytes(f.size)}`).join('; ')));
	L.push(row('`dist/`', `${bytes(dist.bytes)} bytes in ${dist.files} files`));
	for (const d of desc.ours) L.push(row(`description n8n sends to the editor: \`${d.name}\``, `${bytes(d.bytes)} bytes of JSON (gzip ${bytes(d.gzipBytes)})`));
	const both = bytes(desc.ours.reduce((s, d) => s + d.bytes, 0));
	L.push(row('… both entries together', `${both} bytes (${desc.properties} properties in \`oneAll\`, incl. n8n's \`requestOptions\`: ${desc.hasRequestOptions ? 'yes' : 'no'})`));
	if (desc.http.length) L.push(row('for comparison: `n8n-nodes-base.httpRequest`', `${desc.http.map((d) => bytes(d.bytes)).join(' + ')} bytes (${desc.http.length} version entries)`));
	L.push('', 'Description sizes are `JSON.stringify` of the entries `n8n export:nodes` writes: the same post-processed types (loader options, AI-tool variant `…Tool`) that the editor fetches as `/types/nodes.json`.');
	L.push('', '### Cold load of the built modules', '');
	L.push(`Fresh \`node -e\` process per sample, median of ${cold.n8n.runs}: \`require()\` of the module plus \`new\` of its class, which is what n8n's loader does, on the files of the installed package (${cold.n8n.ourModules} modules of ours); wall time, and CPU time of the main thread (less disturbed by other processes on a busy machine).`, '');
	L.push('| runtime | before our modules | node: require + new | credential: require + new | ours together, wall (min–max) | ours, CPU |', '|---|---|---|---|---|---|');
	const times = (label, c, before) => {
		const ours = `**${fmt(c.ours.median, 1)} ms** (${fmt(c.ours.min, 1)}–${fmt(c.ours.max, 1)})`;
		const cpu = Number.isFinite(c.oursCpuMs) ? `${fmt(c.oursCpuMs, 1)} ms` : '—';
		L.push(row(label, before, `${fmt(c.nodeRequireMs, 1)} + ${fmt(c.nodeNewMs, 1)} ms`, `${fmt(c.credRequireMs, 1)} + ${fmt(c.credNewMs, 1)} ms`, ours, cpu));
	};
	const rt = `Node ${x.n8nNode} + n8n ${x.n8nVersion}'s modules`;
	times(rt, cold.n8n, `n8n-workflow loaded (as in n8n; its own cold load ${fmt(cold.n8n.workflowMs, 0)} ms)`);
	times(rt, cold.n8nAllCold, "nothing: n8n-workflow's cold load counted in the node's require");
	if (cold.inN8n) times(`inside \`n8n execute\` (timed by bench/lib/preload.js around n8n's own loader, median of ${cold.inN8n.runs} runs)`, cold.inN8n, 'what n8n had loaded at start-up');
	L.push('', 'The target is read on the first row: n8n has loaded n8n-workflow long before it loads any community node.');
	if (cold.profile) {
		const cp = cold.profile;
		L.push('', `**Cold-load profile** (${cp.windows} probes under \`--cpu-prof --cpu-prof-interval=50\`, ${fmt(cp.ms, 1)} ms each on average), self time by package: ${top(cp.byPackage, 6)}; by function: ${top(cp.byFunction, 6)}.`);
	}
}

function profile(L, { profile: p }) {
	if (!p) return;
	L.push('', `## Profile (${p.why})`, '');
	L.push(`One more run of each node of "${p.title}" under \`node --cpu-prof --cpu-prof-interval=250\`; only the samples inside the node's own execution window are counted, each as self time of the function it was in.`);
	for (const kind of KINDS) {
		const { res, analysis: a, error } = p[kind];
		L.push('');
		if (!a) {
			L.push(`**${LABEL[kind]}**: ${error}`);
			continue;
		}
		const ev = Object.entries(res.perItem).map(([e, n]) => `${code(e)} ${fmt(n, 1)}`);
		L.push(`**${LABEL[kind]}**: window ${fmt(res.nodeMs, 0)} ms (${fmt(res.msPerItem, 3)} ms/item under the profiler); expression evaluations per item: ${ev.join(', ')}.`, '');
		L.push(`Self time by package: ${top(a.byPackage, 8)}.`, '', '| function (self time) | ms | % |', '|---|---|---|');
		for (const f of a.byFunction) L.push(row(code(f.key), fmt(f.ms, 0), fmt(f.pct, 1)));
	}
}

/** The whole report as Markdown. */
function renderReport(x) {
	const L = [];
	for (const section of [header, targets, timePerItem, reading, evaluations, identical, footprint, profile]) section(L, x);
	const knobs = `BENCH_ITEMS=${CONFIG.items}, BENCH_FANOUT_PAIRS=${CONFIG.fanOutPairs}, BENCH_ONE_PAIRS=${CONFIG.onePairs}, BENCH_SLOW_PAIRS=${CONFIG.slowPairs}`;
	L.push('', `Knobs of this run: ${knobs}, BENCH_COUNT_ITEMS=${CONFIG.countItems}, BENCH_COLD_RUNS=${CONFIG.coldRuns}, BENCH_PROFILE=${CONFIG.profile} (see bench/config.js).`, '');
	return L.join('\n');
}

module.exports = { renderReport };
