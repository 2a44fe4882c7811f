'use strict';
/*
 * Where the time goes when a target is missed: one more run of each node under --cpu-prof, only the
 * samples inside the node's own execution window counted (bench/lib/profile.js), and the cold load
 * of our modules under a fine-grained profiler.
 */
const fs = require('fs');
const path = require('path');
const { analyse } = require('./lib/profile');
const { measuredRun } = require('./measure');
const { coldLoad } = require('./footprint');

/** One run of workflow `wfId` under the profiler; the analysis of the node's execution window. */
async function profileRun(ctx, { wfId, kind, delay, expectItems }) {
	const dir = path.join(ctx.tmpDir, `prof-${kind}-${delay}`);
	fs.mkdirSync(dir, { recursive: true });
	const res = await measuredRun(ctx, {
		wfId,
		kind,
		delay,
		expectItems,
		label: `profiled ${kind}`,
		nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=250'],
	});
	res.records = undefined;
	const files = fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
	if (!files.length || !res.preload) return { res, error: 'no profile written (n8n did not exit normally)' };
	// Place the node's execution window (epoch ms in the run data) on the profile's monotonic clock.
	const { epochMs, monoUs } = res.preload.clock;
	const fromUs = monoUs + (res.startTime - epochMs) * 1000;
	const analysis = analyse(path.join(dir, files[0]), { fromUs, toUs: fromUs + res.nodeMs * 1000 });
	return { res, analysis };
}

/** Five cold-load probes under --cpu-prof, their windows (our require + new) added up. */
async function profileColdLoad(nodeBin, nodePath, pkgDir, tmpDir) {
	const dir = path.join(tmpDir, 'prof-cold');
	const runs = [];
	for (let i = 0; i < 5; i++) {
		const sub = path.join(dir, String(i));
		fs.mkdirSync(sub, { recursive: true });
		const c = await coldLoad(nodeBin, nodePath, pkgDir, tmpDir, { runs: 1, nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${sub}`, '--cpu-prof-interval=50'] });
		const file = fs.readdirSync(sub).find((f) => f.endsWith('.cpuprofile'));
		if (file) runs.push(analyse(path.join(sub, file), { fromUs: c.samples[0].fromUs, toUs: c.samples[0].toUs }));
	}
	if (!runs.length) return null;
	const total = runs.reduce((s, a) => s + a.totalMs, 0);
	const merge = (key) => {
		const m = new Map();
		for (const a of runs) for (const e of a[key]) m.set(e.key, (m.get(e.key) || 0) + e.ms);
		return [...m.entries()].sort((x, y) => y[1] - x[1]).map(([k, ms]) => ({ key: k, ms: ms / runs.length, pct: (100 * ms) / total }));
	};
	return { runs: runs.length, totalMs: total / runs.length, selfByCategory: merge('selfByCategory'), topSelf: merge('topSelf').slice(0, 12), topInclusive: merge('topInclusive') };
}

module.exports = { profileRun, profileColdLoad };
