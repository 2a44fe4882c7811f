'use strict';
/*
 * What the package costs before it runs: packed size, dist/ size, the description n8n sends to the
 * editor (`n8n export:nodes`), and the cold load of the node and credential modules.
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { runProcess } = require('../test/harness/n8n');
const { packPackage } = require('../test/harness/pack');
const { ROOT, CONFIG, PACKAGE } = require('./config');
const { median } = require('./lib/stats');
const { runN8n } = require('./measure');

/** Directory size: bytes and file count. */
function dirSize(dir) {
	let total = 0;
	let files = 0;
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const p = path.join(dir, entry.name);
		if (entry.isDirectory()) {
			const s = dirSize(p);
			total += s.bytes;
			files += s.files;
		} else if (entry.isFile()) {
			total += fs.statSync(p).size;
			files++;
		}
	}
	return { bytes: total, files };
}

function newestMtime(dir, filter) {
	let newest = 0;
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const p = path.join(dir, entry.name);
		if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p, filter));
		else if (filter(p)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
	}
	return newest;
}

/** dist/ must be built; `stale` when a source is newer than the build. */
function distInfo() {
	for (const f of [...PACKAGE.n8n.nodes, ...PACKAGE.n8n.credentials]) {
		if (!fs.existsSync(path.join(ROOT, f))) throw new Error(`${f} is missing: run \`npm run build\` first`);
	}
	const ts = (p) => p.endsWith('.ts');
	const srcNewest = Math.max(newestMtime(path.join(ROOT, 'nodes'), ts), newestMtime(path.join(ROOT, 'credentials'), ts));
	const { distDir } = require('..');
	return { ...dirSize(distDir), stale: srcNewest > newestMtime(distDir, (p) => p.endsWith('.js')) };
}

/** `npm pack` into tmpDir: the tarball users install, its size and largest files. */
function pack(tmpDir) {
	const { tgz: file, info } = packPackage(tmpDir);
	return {
		file,
		bytes: fs.statSync(file).size,
		unpackedSize: info.unpackedSize,
		entryCount: info.entryCount,
		largest: [...info.files].sort((x, y) => y.size - x.size).slice(0, 5),
	};
}

// Runs in a fresh `node -e` process: times require() and `new` of our node and credential, in
// wall time and in CPU time of the main thread. Argument 3: load n8n-workflow first (as n8n has);
// argument 4: call localeCompare once first (ICU's collator already initialised).
const COLD_PROBE = `
const { performance } = require('perf_hooks');
const [nodeFile, credFile, withWorkflowFirst, warmIcu] = process.argv.slice(1);
const cpu = () => { const u = process.threadCpuUsage ? process.threadCpuUsage() : process.cpuUsage(); return (u.user + u.system) / 1000; };
const r = {};
let t = performance.now();
if (withWorkflowFirst === '1') { require('n8n-workflow'); r.workflowMs = performance.now() - t; }
if (warmIcu === '1') 'a'.localeCompare('b');
r.fromUs = Number(process.hrtime.bigint() / 1000n);
const c0 = cpu();
t = performance.now(); const N = require(nodeFile); r.nodeRequireMs = performance.now() - t;
t = performance.now(); const node = new N.OneAll(); r.nodeNewMs = performance.now() - t;
t = performance.now(); const C = require(credFile); r.credRequireMs = performance.now() - t;
t = performance.now(); new C.OneAllApi(); r.credNewMs = performance.now() - t;
r.oursCpuMs = cpu() - c0;
r.toUs = Number(process.hrtime.bigint() / 1000n);
r.oursMs = r.nodeRequireMs + r.nodeNewMs + r.credRequireMs + r.credNewMs;
r.ourModules = Object.keys(require.cache).filter((f) => /[\\\\/]n8n-nodes-oneall[\\\\/]dist[\\\\/]/.test(f)).length;
r.properties = node.description.properties.length;
process.stdout.write(JSON.stringify(r));
`;

/** Median load times over `runs` fresh processes. */
async function coldLoad(nodeBin, nodePath, pkgDir, tmpDir, { workflowFirst = true, warmIcu = false, runs = CONFIG.coldRuns, nodeArgs = [] } = {}) {
	const nodeFile = path.join(pkgDir, PACKAGE.n8n.nodes[0]);
	const credFile = path.join(pkgDir, PACKAGE.n8n.credentials[0]);
	const samples = [];
	for (let i = 0; i < runs; i++) {
		const r = await runProcess(nodeBin, [...nodeArgs, '-e', COLD_PROBE, '--', nodeFile, credFile, workflowFirst ? '1' : '0', warmIcu ? '1' : '0'], {
			env: { PATH: process.env.PATH, NODE_PATH: nodePath, HOME: process.env.HOME },
			cwd: tmpDir,
			timeoutMs: 60000,
		});
		if (r.code !== 0) throw new Error(`cold-load probe failed (${nodeBin}):\n${r.stderr}`);
		samples.push(JSON.parse(r.stdout));
	}
	const pick = (k) => median(samples.map((s) => s[k]));
	return {
		runs,
		samples,
		workflowMs: workflowFirst ? pick('workflowMs') : undefined,
		nodeRequireMs: pick('nodeRequireMs'),
		nodeNewMs: pick('nodeNewMs'),
		credRequireMs: pick('credRequireMs'),
		credNewMs: pick('credNewMs'),
		oursMs: pick('oursMs'),
		oursCpuMs: pick('oursCpuMs'),
		minOursMs: Math.min(...samples.map((s) => s.oursMs)),
		maxOursMs: Math.max(...samples.map((s) => s.oursMs)),
		ourModules: samples[0].ourModules,
		properties: samples[0].properties,
	};
}

/** n8n's own loader timed inside every measured run by the preload (medians over the runs). */
function loadInN8n(loads) {
	const inN8n = loads.filter((l) => l && l.node && l.credential);
	if (!inN8n.length) return null;
	const sum = (l) => l.node.requireMs + (l.node.newMs || 0) + l.credential.requireMs + (l.credential.newMs || 0);
	return {
		runs: inN8n.length,
		nodeRequireMs: median(inN8n.map((l) => l.node.requireMs)),
		nodeNewMs: median(inN8n.map((l) => l.node.newMs)),
		credRequireMs: median(inN8n.map((l) => l.credential.requireMs)),
		credNewMs: median(inN8n.map((l) => l.credential.newMs)),
		oursMs: median(inN8n.map(sum)),
		minOursMs: Math.min(...inN8n.map(sum)),
		maxOursMs: Math.max(...inN8n.map(sum)),
	};
}

/** Sizes of the node type entries `n8n export:nodes` writes (what the editor fetches). */
async function descriptionSizes(instance, tmpDir) {
	const file = path.join(tmpDir, 'nodes.json');
	const r = await runN8n(instance, tmpDir, ['export:nodes', `--output=${file}`], { timeoutMs: 180000 });
	if (r.code !== 0 || !fs.existsSync(file)) throw new Error(`n8n export:nodes failed:\n${r.stdout}\n${r.stderr}`);
	// The command ends the stream without waiting for it; give the file a moment to be complete.
	let all;
	for (let i = 0; i < 20 && !all; i++) {
		try {
			all = JSON.parse(fs.readFileSync(file, 'utf8'));
		} catch {
			await new Promise((res) => setTimeout(res, 250));
		}
	}
	if (!all) throw new Error('n8n export:nodes wrote no valid JSON');
	const size = (entry) => {
		const json = JSON.stringify(entry);
		return { name: entry.name, version: entry.version, bytes: Buffer.byteLength(json), gzipBytes: zlib.gzipSync(json).length };
	};
	const ours = all.filter((e) => e.name.startsWith(`${PACKAGE.name}.`)).map(size);
	const http = all.filter((e) => e.name === 'n8n-nodes-base.httpRequest').map(size).sort((a, b) => b.bytes - a.bytes);
	const main = all.find((e) => e.name === `${PACKAGE.name}.oneAll`);
	return {
		ours,
		http,
		properties: main ? main.properties.length : NaN,
		hasRequestOptions: !!(main && main.properties.some((p) => p.name === 'requestOptions')),
	};
}

module.exports = { distInfo, pack, coldLoad, loadInN8n, descriptionSizes };
