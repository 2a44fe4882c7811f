'use strict';
// BENCH_PROFILE: where the time goes, read off V8 profiles (node --cpu-prof): self time by package and
// by function, of the samples inside a window (one node's execution, or the cold load of our modules).
const fs = require('fs');
const path = require('path');
const { postRun } = require('./measure');
const { coldLoad } = require('./footprint');

let seq = 0;
/** The node arguments that write profiles into a fresh folder, and the profiles written there. */
function profiler(ctx, intervalUs) {
	const dir = path.join(ctx.tmpDir, `prof-${++seq}`);
	fs.mkdirSync(dir);
	const files = () => fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).map((f) => path.join(dir, f));
	return { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-interval=${intervalUs}`], files };
}

function packageOf({ url, functionName }) {
	if (!url) return /^\(/.test(functionName) ? functionName : 'native'; // "(idle)", "(program)", "(garbage collector)", or a native function
	if (url.startsWith('node:')) return 'Node.js internals';
	return (url.match(/.*node_modules\/((?:@[^/]+\/)?[^/]+)/) || [])[1] || path.basename(url);
}
const functionOf = ({ url, functionName, lineNumber }) =>
	!url ? functionName || '(native)' : `${functionName || '(anonymous)'} ${url.replace(/^.*node_modules\//, '').replace(/^file:\/\//, '')}:${lineNumber + 1}`;

// The 12 largest self times by package and by function, per window, of the samples of `files` inside
// one of the windows ([fromUs, toUs] on the system's monotonic clock, which the profiles use).
function selfTime(files, windows) {
	const maps = { byPackage: new Map(), byFunction: new Map() };
	let total = 0;
	for (const file of files) {
		const prof = JSON.parse(fs.readFileSync(file, 'utf8'));
		const frames = new Map(prof.nodes.map((n) => [n.id, n.callFrame]));
		let t = prof.startTime;
		for (let i = 0; i < prof.samples.length; i++) {
			t += prof.timeDeltas[i];
			const dt = prof.timeDeltas[i + 1] || 0; // a sample stands for the time to the next one
			if (dt <= 0 || !windows.some(([from, to]) => t >= from && t <= to)) continue;
			total += dt;
			const frame = frames.get(prof.samples[i]);
			for (const [key, of] of [['byPackage', packageOf], ['byFunction', functionOf]]) maps[key].set(of(frame), (maps[key].get(of(frame)) || 0) + dt);
		}
	}
	const top = (map) => [...map].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([key, us]) => ({ key, ms: us / 1000 / windows.length, pct: (100 * us) / total }));
	return { windows: windows.length, ms: total / 1000 / windows.length, byPackage: top(maps.byPackage), byFunction: top(maps.byFunction) };
}

/** One more run of timed workload `w`'s workflow of `kind` under the profiler; self time inside the node's execution window. */
async function profileRun(ctx, w, kind, items) {
	const p = profiler(ctx, 250);
	const res = await postRun(ctx, { wfId: w[kind].id, kind, delay: w.delay, items, label: `profiled ${kind}`, nodeArgs: p.nodeArgs });
	if (!p.files().length || !res.preload.clock) return { res, error: 'no profile written (n8n did not exit normally)' };
	// The node's execution window (epoch ms in the run data) on the profile's monotonic clock.
	const fromUs = res.preload.clock.monoUs + (res.startTime - res.preload.clock.epochMs) * 1000;
	return { res, analysis: selfTime(p.files(), [[fromUs, fromUs + res.nodeMs * 1000]]) };
}

/** Five cold-load probes under a finer profiler, their windows (our require + new) together. */
async function profileColdLoad(ctx, nodeBin, nodePath, pkgDir) {
	const p = profiler(ctx, 50);
	const { samples } = await coldLoad(nodeBin, nodePath, pkgDir, ctx.tmpDir, { runs: 5, nodeArgs: p.nodeArgs });
	return p.files().length ? selfTime(p.files(), samples.map((sample) => [sample.fromUs, sample.toUs])) : null;
}

module.exports = { profileRun, profileColdLoad };
