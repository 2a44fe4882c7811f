'use strict';
// What the package costs before it runs: packed size, dist/ size, the description n8n sends to the editor, cold load.
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { runProcess } = require('../test/harness/n8n');
const { packPackage } = require('../test/harness/pack');
const { ROOT, CONFIG, PACKAGE } = require('./config');
const { median, spread } = require('./lib/stats');

const filesUnder = (dir) =>
	fs.readdirSync(dir, { recursive: true }).map((f) => ({ f, s: fs.statSync(path.join(dir, f)) })).filter((e) => e.s.isFile());
const newest = (files, ext) => Math.max(0, ...files.filter((e) => e.f.endsWith(ext)).map((e) => e.s.mtimeMs));

/** dist/'s size; `stale` when a .ts source is newer than the build. */
function distInfo() {
	const dist = filesUnder(require('..').distDir);
	const sources = [...filesUnder(path.join(ROOT, 'nodes')), ...filesUnder(path.join(ROOT, 'credentials'))];
	return { bytes: dist.reduce((n, e) => n + e.s.size, 0), files: dist.length, stale: newest(sources, '.ts') > newest(dist, '.js') };
}

/** `npm pack` into tmpDir: the tarball users install, its size and largest files. */
function pack(tmpDir) {
	const { tgz: file, info } = packPackage(tmpDir);
	const largest = [...info.files].sort((x, y) => y.size - x.size).slice(0, 5);
	return { file, bytes: fs.statSync(file).size, unpackedSize: info.unpackedSize, entryCount: info.entryCount, largest };
}

// Runs in a fresh `node -e` process: times require() and `new` of our node and credential, in wall
// time and in CPU time of the main thread; argument 3: load n8n-workflow first (as n8n has).
const COLD_PROBE = `
const { performance } = require('perf_hooks');
const [nodeFile, credFile, withWorkflowFirst] = process.argv.slice(1);
const cpu = () => { const u = process.threadCpuUsage ? process.threadCpuUsage() : process.cpuUsage(); return (u.user + u.system) / 1000; };
const r = {};
let t = performance.now();
if (withWorkflowFirst === '1') { require('n8n-workflow'); r.workflowMs = performance.now() - t; }
r.fromUs = Number(process.hrtime.bigint() / 1000n);
const c0 = cpu();
t = performance.now(); const N = require(nodeFile); r.nodeRequireMs = performance.now() - t;
t = performance.now(); new N.OneAll(); r.nodeNewMs = performance.now() - t;
t = performance.now(); const C = require(credFile); r.credRequireMs = performance.now() - t;
t = performance.now(); new C.OneAllApi(); r.credNewMs = performance.now() - t;
r.oursCpuMs = cpu() - c0;
r.toUs = Number(process.hrtime.bigint() / 1000n);
r.ourModules = Object.keys(require.cache).filter((f) => /[\\\\/]n8n-nodes-oneall[\\\\/]dist[\\\\/]/.test(f)).length;
process.stdout.write(JSON.stringify(r));
`;

/** Medians of load-time samples ({ nodeRequireMs, nodeNewMs, credRequireMs, credNewMs, … }); `ours`: their sum's spread. */
function loadTimes(samples) {
	for (const s of samples) s.oursMs = s.nodeRequireMs + s.nodeNewMs + s.credRequireMs + s.credNewMs;
	const keys = ['workflowMs', 'nodeRequireMs', 'nodeNewMs', 'credRequireMs', 'credNewMs', 'oursCpuMs'];
	return { runs: samples.length, ...Object.fromEntries(keys.map((k) => [k, median(samples.map((s) => s[k]))])), ours: spread(samples.map((s) => s.oursMs)) };
}

/** Load times over `runs` fresh processes. */
async function coldLoad(nodeBin, nodePath, pkgDir, tmpDir, { workflowFirst = true, runs = CONFIG.coldRuns, nodeArgs = [] } = {}) {
	const files = [path.join(pkgDir, PACKAGE.n8n.nodes[0]), path.join(pkgDir, PACKAGE.n8n.credentials[0])];
	const samples = [];
	for (let i = 0; i < runs; i++) {
		const r = await runProcess(nodeBin, [...nodeArgs, '-e', COLD_PROBE, '--', ...files, workflowFirst ? '1' : '0'], {
			env: { PATH: process.env.PATH, NODE_PATH: nodePath, HOME: process.env.HOME },
			cwd: tmpDir,
			timeoutMs: 60000,
		});
		if (r.code !== 0) throw new Error(`cold-load probe failed (${nodeBin}):\n${r.stderr}`);
		samples.push(JSON.parse(r.stdout));
	}
	return { ...loadTimes(samples), samples, ourModules: samples[0].ourModules };
}

/** n8n's own loader, timed inside every measured run by the preload. */
function loadInN8n(loads) {
	const inN8n = loads.filter((l) => l && l.nodeRequireMs >= 0 && l.credRequireMs >= 0).map((l) => ({ nodeNewMs: 0, credNewMs: 0, ...l }));
	return inN8n.length ? loadTimes(inN8n) : null;
}

/** Sizes of the node type entries `n8n export:nodes` writes (what the editor fetches). */
async function descriptionSizes(ctx) {
	const file = path.join(ctx.tmpDir, 'nodes.json');
	const r = await ctx.instance.run(['export:nodes', `--output=${file}`], { timeoutMs: 180000 });
	if (r.code !== 0 || !fs.existsSync(file)) throw new Error(`n8n export:nodes failed:\n${r.stdout}\n${r.stderr}`);
	// The process has exited: the file is as complete as it will ever be, however n8n ended its stream.
	const all = JSON.parse(fs.readFileSync(file, 'utf8'));
	const size = (entry) => {
		const json = JSON.stringify(entry);
		return { name: entry.name, bytes: Buffer.byteLength(json), gzipBytes: zlib.gzipSync(json).length };
	};
	const main = all.find((e) => e.name === `${PACKAGE.name}.oneAll`);
	return {
		ours: all.filter((e) => e.name.startsWith(`${PACKAGE.name}.`)).map(size),
		http: all.filter((e) => e.name === 'n8n-nodes-base.httpRequest').map(size).sort((a, b) => b.bytes - a.bytes),
		properties: main ? main.properties.length : NaN,
		hasRequestOptions: !!(main && main.properties.some((p) => p.name === 'requestOptions')),
	};
}

module.exports = { distInfo, pack, coldLoad, loadInN8n, descriptionSizes };
