#!/usr/bin/env node
'use strict';
/*
 * `npm run bench`: what the OneAll node costs next to n8n's own HTTP Request node, in one run of a
 * real n8n 2.41 (the harness: test/harness) against the local OneAll sandbox (test/sandbox).
 *   bench/workloads.js   the workflows and what must reach the sandbox
 *   bench/measure.js     timed runs, pairs of runs, identical-request check
 *   bench/footprint.js   tarball, description, cold load
 *   bench/profiling.js   CPU profiles where a time target is missed
 *   bench/report.js      the Markdown report
 * Needs a built dist/ (`npm run bench` builds). Writes the report to bench/.work/results.md
 * (untracked); `npm run bench:publish` copies the last report to bench/results.md.
 * Knobs: bench/config.js. Exit code 1 when a run lost, repeated or failed an item.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

if (!process.env.BENCH_VERBOSE) process.env.N8N_E2E_QUIET = '1';

const { createInstance, stopOnSignals } = require('../test/harness/n8n');
const { startSandbox } = require('../test/sandbox/server');
const { ROOT, CONFIG, KEYS, PACKAGE, step, elapsedSec } = require('./config');
const { TIMED, COUNTED, CRED, timedWorkflow, countedWorkflow } = require('./workloads');
const { measuredRun, runPairs } = require('./measure');
const { distInfo, pack, coldLoad, loadInN8n, descriptionSizes } = require('./footprint');
const { profileRun, profileColdLoad } = require('./profiling');
const { renderReport } = require('./report');
const { PULL_SIZES, readWorkflows, runReads } = require('./reads');
const { fmt, range, bytes } = require('./lib/stats');

function machineInfo() {
	return {
		cpu: (fs.readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m) || [])[1] || os.cpus()[0].model,
		cores: os.cpus().length,
		memGiB: os.totalmem() / 1024 ** 3,
		systemNode: process.version,
	};
}

/** The same count in n8n 1.123 (Node 20), whose declarative engine resolves each property once. */
async function countOnLine1(ctx, tarball, counted) {
	const instance = await createInstance({ line: '1', tarball });
	try {
		await instance.importCredentials([{ ...CRED.oneall, type: 'oneAllApi', data: { subdomain: 'sandbox', publicKey: KEYS.publicKey, privateKey: KEYS.privateKey, baseUrl: ctx.sb.url } }]);
		await instance.importWorkflows([counted]);
		const c = await measuredRun({ ...ctx, instance }, { wfId: counted.id, kind: 'oneall', delay: 0, expectItems: CONFIG.countItems, label: `Additional Fields count, n8n ${instance.version}`, attribute: true });
		return { version: instance.version, perItem: c.perItem[COUNTED.expression] || 0, byCaller: c.perItemByCaller[COUNTED.expression] || {}, all: c.perItem, ok: c.ok, problems: c.problems };
	} finally {
		if (!CONFIG.keep) await instance.cleanup().catch(() => {});
	}
}

async function main(ctx) {
	const x = { machine: machineInfo(), loadStart: os.loadavg(), date: new Date().toISOString().slice(0, 16).replace('T', ' ') };
	x.commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
	step(`machine: ${x.machine.cpu}, ${x.machine.cores} cores; load average ${x.loadStart.map((v) => v.toFixed(2)).join(' ')}`);

	x.dist = distInfo();
	if (x.dist.stale) step('warning: some .ts source is newer than dist/: the figures are for the last build');
	x.tarball = pack(ctx.tmpDir);
	step(`tarball ${bytes(x.tarball.bytes)} bytes; dist/ ${bytes(x.dist.bytes)} bytes in ${x.dist.files} files`);

	ctx.sb = await startSandbox({ port: 0, publicKey: KEYS.publicKey, privateKey: KEYS.privateKey, pullSizes: PULL_SIZES });
	step('preparing n8n 2.41 (installs it into ~/.cache on the first run)');
	const instance = (ctx.instance = await createInstance({ line: '2', tarball: x.tarball.file }));
	x.n8nVersion = instance.version;
	x.n8nNode = execFileSync(instance.n8n.nodeBin, ['--version'], { encoding: 'utf8' }).trim();
	await instance.importCredentials([
		{ ...CRED.oneall, type: 'oneAllApi', data: { subdomain: 'sandbox', publicKey: KEYS.publicKey, privateKey: KEYS.privateKey, baseUrl: ctx.sb.url } },
		{ ...CRED.basic, type: 'httpBasicAuth', data: { user: KEYS.publicKey, password: KEYS.privateKey } },
	]);
	const ids = {};
	const workflows = [];
	for (const w of TIMED) {
		ids[w.key] = {};
		for (const kind of ['oneall', 'http']) {
			const wf = timedWorkflow(w, kind, ctx.sb.url);
			ids[w.key][kind] = wf.id;
			workflows.push(wf);
		}
	}
	const counted = countedWorkflow();
	workflows.push(counted);
	const reads = readWorkflows(ctx.sb.url);
	for (const r of reads) workflows.push(r.oneall, r.http);
	await instance.importWorkflows(workflows);
	step(`${workflows.length} workflows and 2 credentials imported`);

	x.desc = await descriptionSizes(instance, ctx.tmpDir);
	const pkgDir = path.join(instance.nodesDir, 'node_modules', PACKAGE.name);
	const nodePath = path.join(instance.n8n.dir, 'node_modules');
	x.cold = {
		n8n: await coldLoad(instance.n8n.nodeBin, nodePath, pkgDir, ctx.tmpDir),
		n8nAllCold: await coldLoad(instance.n8n.nodeBin, nodePath, pkgDir, ctx.tmpDir, { workflowFirst: false }),
	};
	step(`cold load with n8n-workflow loaded: ${fmt(x.cold.n8n.oursMs, 1)} ms`);

	// Additional Fields: how often n8n evaluates an expression inside them, per item.
	const c = await measuredRun(ctx, { wfId: counted.id, kind: 'oneall', delay: 0, expectItems: CONFIG.countItems, label: 'Additional Fields count', attribute: true });
	x.counted = { workload: COUNTED, perItem: c.perItem[COUNTED.expression] || 0, byCaller: c.perItemByCaller[COUNTED.expression] || {}, all: c.perItem, ok: c.ok, problems: c.problems };
	x.counted.met = c.ok && x.counted.perItem <= COUNTED.limit;
	step(`Additional Fields: ${COUNTED.expression} evaluated ${fmt(x.counted.perItem, 2)} times per item`);
	if (CONFIG.countOnLine1) x.counted.line1 = await countOnLine1(ctx, x.tarball.file, counted);

	x.timed = [];
	const loads = [c.loadInN8n];
	for (const w of TIMED) {
		const loadAtStart = os.loadavg()[0];
		const s = await runPairs(ctx, w, ids[w.key]);
		s.loadAtStart = loadAtStart;
		x.timed.push(s);
		loads.push(...s.oneall.loadInN8n, ...s.http.loadInN8n);
		step(`${w.title}: ratio ${range(s.ratio)} over ${s.ratio.n} pairs`);
	}
	x.cold.inN8n = loadInN8n(loads);
	x.reads = await runReads(ctx, reads);

	// Where a time target is missed: where the time goes (the first such workload).
	const missed = x.timed.find((s) => s.met === false);
	const chosen = CONFIG.profile === '1' ? missed || x.timed[0] : CONFIG.profile === 'auto' ? missed : null;
	if (chosen) {
		const w = chosen.workload;
		step(`profiling one run of each node: ${w.title}`);
		x.profile = { title: w.title, why: chosen.met === false ? 'time target missed' : 'asked for' };
		for (const kind of ['oneall', 'http']) x.profile[kind] = await profileRun(ctx, { wfId: ids[w.key][kind], kind, delay: w.delay, expectItems: CONFIG.items });
	}
	if (CONFIG.profile === '1' || (CONFIG.profile === 'auto' && !(x.cold.n8n.oursMs < 50))) {
		x.cold.profile = await profileColdLoad(instance.n8n.nodeBin, nodePath, pkgDir, ctx.tmpDir);
	}

	// Further measurements (queue mode, …) come here, each its own module under bench/.

	x.loadEnd = os.loadavg();
	x.totalSec = elapsedSec();
	const report = renderReport(x);
	fs.mkdirSync(path.dirname(CONFIG.out), { recursive: true });
	fs.writeFileSync(CONFIG.out, report);
	process.stdout.write(report);
	step(`wrote ${path.relative(ROOT, CONFIG.out)} (\`npm run bench:publish\` copies it to bench/results.md); bench took ${x.totalSec.toFixed(0)} s`);
	const allOk =
		x.counted.ok &&
		x.timed.every((s) => s.oneall.ok && s.http.ok && s.identity && s.identity.identical === s.identity.compared) &&
		x.reads.every((s) => s.oneall.ok && s.http.ok);
	return allOk ? 0 : 1;
}

if (require.main === module) {
	const ctx = { tmpDir: fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-oneall-bench-')) };
	const removeTemp = () => {
		if (CONFIG.keep) return;
		fs.rmSync(ctx.tmpDir, { recursive: true, force: true });
		if (ctx.instance) fs.rmSync(ctx.instance.folder, { recursive: true, force: true });
	};
	stopOnSignals(removeTemp);
	main(ctx)
		.then((code) => (process.exitCode = code))
		.catch((err) => {
			process.stderr.write(`${err.stack || err}\n`);
			process.exitCode = 1;
		})
		.finally(async () => {
			if (ctx.sb) await ctx.sb.close().catch(() => {});
			if (ctx.instance && !CONFIG.keep) await ctx.instance.cleanup().catch(() => {});
			removeTemp();
		});
}
