#!/usr/bin/env node
'use strict';
/*
 * `npm run bench`: what the OneAll node costs next to n8n's own HTTP Request node, in a real n8n 2.41
 * against the local OneAll sandbox; the report: bench/report.js, the knobs: bench/config.js. Exit code 1
 * when a run lost, repeated or failed an item.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { ROOT, CONFIG, TARGETS, KEYS, PACKAGE, step, elapsedSec } = require('./config');
const { createInstance, stopOnSignals, onCleanup } = require('../test/harness/n8n');
const { startSandbox } = require('../test/sandbox/server');
const { COUNTED, CRED, PULL_SIZES, workloads, countedWorkflow } = require('./workloads');
const { postRun, timedPairs, readPairs } = require('./measure');
const { distInfo, pack, coldLoad, loadInN8n, descriptionSizes } = require('./footprint');
const { profileRun, profileColdLoad } = require('./profile');
const { renderReport } = require('./report');
const { fmt, bytes } = require('./lib/stats');

/** An n8n of `line` with our package and the two credentials (OneAll, Basic auth with the same keys). */
async function n8nWith(ctx, line) {
	const instance = await createInstance({ line, tarball: ctx.tarball, keep: CONFIG.keep });
	await instance.importCredentials([
		{ ...CRED.oneall, type: 'oneAllApi', data: { subdomain: 'sandbox', ...KEYS, baseUrl: ctx.sb.url } },
		{ ...CRED.basic, type: 'httpBasicAuth', data: { user: KEYS.publicKey, password: KEYS.privateKey } },
	]);
	return instance;
}

/** How often n8n evaluated the Additional Fields expression per item, in all and by who asked, on `instance`. */
async function countRun(ctx, instance, counted) {
	const c = await postRun({ ...ctx, instance }, { wfId: counted.id, kind: 'oneall', delay: 0, items: CONFIG.countItems, label: `Additional Fields count, n8n ${instance.version}`, attribute: true });
	const perItem = c.perItem[COUNTED.expression] || 0;
	step(`Additional Fields: ${COUNTED.expression} evaluated ${fmt(perItem)} times per item`);
	return { version: instance.version, perItem, byCaller: c.perItemByCaller[COUNTED.expression] || {}, all: c.perItem, ok: c.ok, problems: c.problems, loadInN8n: c.loadInN8n };
}

async function main(ctx) {
	const x = { loadStart: os.loadavg(), date: new Date().toISOString().slice(0, 16).replace('T', ' ') };
	x.machine = { cpu: os.cpus()[0].model.trim(), cores: os.cpus().length, memGiB: os.totalmem() / 1024 ** 3 };
	x.commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
	step(`machine: ${x.machine.cpu}, ${x.machine.cores} cores; load average ${x.loadStart.map((v) => v.toFixed(2)).join(' ')}`);

	x.dist = distInfo();
	if (x.dist.stale) step('warning: some .ts source is newer than dist/: the figures are for the last build');
	x.tarball = pack(ctx.tmpDir);
	ctx.tarball = x.tarball.file;
	step(`tarball ${bytes(x.tarball.bytes)} bytes; dist/ ${bytes(x.dist.bytes)} bytes in ${x.dist.files} files`);

	ctx.sb = await startSandbox({ port: 0, ...KEYS, pullSizes: PULL_SIZES });
	step('preparing n8n 2.41 (installs it into ~/.cache on the first run)');
	const instance = (ctx.instance = await n8nWith(ctx, '2'));
	x.n8nVersion = instance.version;
	x.n8nNode = execFileSync(instance.n8n.nodeBin, ['--version'], { encoding: 'utf8' }).trim();
	const counted = countedWorkflow();
	const { timed, reads } = workloads(ctx.sb.url);
	const workflows = [counted, ...[...timed, ...reads].flatMap((w) => [w.oneall, w.http])];
	await instance.importWorkflows(workflows);
	step(`${workflows.length} workflows and 2 credentials imported`);

	x.desc = await descriptionSizes(ctx);
	const cold = [instance.n8n.nodeBin, path.join(instance.n8n.dir, 'node_modules'), path.join(instance.nodesDir, 'node_modules', PACKAGE.name)];
	x.cold = { n8n: await coldLoad(...cold, ctx.tmpDir), n8nAllCold: await coldLoad(...cold, ctx.tmpDir, { workflowFirst: false }) };
	step(`cold load with n8n-workflow loaded: ${fmt(x.cold.n8n.ours.median, 1)} ms`);

	x.counted = { workload: COUNTED, ...(await countRun(ctx, instance, counted)) };
	x.counted.met = x.counted.ok && x.counted.perItem <= COUNTED.limit;
	if (CONFIG.countOnLine1) {
		// n8n 1.123 (Node 20), whose declarative engine resolves each property once
		const line1 = await n8nWith(ctx, '1');
		await line1.importWorkflows([counted]);
		x.counted.line1 = await countRun(ctx, line1, counted);
		await line1.cleanup();
	}

	x.timed = [];
	for (const w of timed) x.timed.push(await timedPairs(ctx, w));
	x.cold.inN8n = loadInN8n([x.counted, ...x.timed.flatMap((s) => [...s.oneall.runs, ...s.http.runs])].map((r) => r.loadInN8n));
	x.reads = [];
	for (const r of reads) x.reads.push(await readPairs(ctx, r));

	// Where a time target is missed (the first such workload), or with BENCH_PROFILE=1: where the time goes.
	const missed = x.timed.find((s) => s.met === false);
	const chosen = CONFIG.profile === '1' ? missed || x.timed[0] : CONFIG.profile === 'auto' ? missed : null;
	if (chosen) {
		const w = chosen.workload;
		step(`profiling one run of each node: ${w.title}`);
		x.profile = { title: w.title, why: chosen.met === false ? 'time target missed' : 'asked for' };
		for (const kind of ['oneall', 'http']) x.profile[kind] = await profileRun(ctx, w, kind, CONFIG.items);
	}
	if (CONFIG.profile === '1' || (CONFIG.profile === 'auto' && !(x.cold.n8n.ours.median < TARGETS.coldLoadMs))) x.cold.profile = await profileColdLoad(ctx, ...cold);

	x.loadEnd = os.loadavg();
	x.totalSec = elapsedSec();
	const report = renderReport(x);
	fs.mkdirSync(path.dirname(CONFIG.out), { recursive: true });
	fs.writeFileSync(CONFIG.out, report);
	process.stdout.write(report);
	step(`wrote ${path.relative(ROOT, CONFIG.out)} (\`npm run bench:publish\` copies it to bench/results.md); bench took ${x.totalSec.toFixed(0)} s`);
	const runsOk = (list) => list.every((s) => s.oneall.ok && s.http.ok);
	const sameRequests = x.timed.every((s) => s.identity.identical === s.identity.compared);
	return x.counted.ok && runsOk(x.timed) && sameRequests && runsOk(x.reads) ? 0 : 1;
}

const ctx = { tmpDir: fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-oneall-bench-')) };
if (!CONFIG.keep) onCleanup(() => fs.rmSync(ctx.tmpDir, { recursive: true, force: true }));
stopOnSignals();
main(ctx)
	.catch((err) => {
		process.stderr.write(`${err.stack || err}\n`);
		return 1;
	})
	// Once stdout and stderr are out (pipes are asynchronous on macOS), the process ends, and with it
	// the sandbox and what the harness started.
	.then((code) => process.stdout.write('', () => process.stderr.write('', () => process.exit(code))));
