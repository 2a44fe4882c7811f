'use strict';
// Where the time goes when a target is missed: one more run of each node under --cpu-prof, only the
// samples inside the node's own execution window counted, and the cold load under a finer profiler.
const fs = require('fs');
const path = require('path');
const { analyse } = require('./lib/profile');
const { postRun } = require('./measure');
const { coldLoad } = require('./footprint');

/** A fresh folder for profiles, and the one profile written into it (undefined if none). */
function profDir(ctx, name) {
	const dir = path.join(ctx.tmpDir, name);
	fs.mkdirSync(dir, { recursive: true });
	const written = () => fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).map((f) => path.join(dir, f))[0];
	return { dir, written };
}

/** One run of workflow `wfId` under the profiler; the analysis of the node's execution window. */
async function profileRun(ctx, { wfId, kind, delay, items }) {
	const { dir, written } = profDir(ctx, `prof-${kind}-${delay}`);
	const nodeArgs = ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=250'];
	const res = await postRun(ctx, { wfId, kind, delay, items, label: `profiled ${kind}`, nodeArgs });
	res.records = undefined;
	if (!written() || !res.preload) return { res, error: 'no profile written (n8n did not exit normally)' };
	// The node's execution window (epoch ms in the run data) on the profile's monotonic clock.
	const fromUs = res.preload.clock.monoUs + (res.startTime - res.preload.clock.epochMs) * 1000;
	return { res, analysis: analyse(written(), { fromUs, toUs: fromUs + res.nodeMs * 1000 }) };
}

/** Five cold-load probes under --cpu-prof, their windows (our require + new) added up. */
async function profileColdLoad(ctx, nodeBin, nodePath, pkgDir) {
	const runs = [];
	for (let i = 0; i < 5; i++) {
		const { dir, written } = profDir(ctx, `prof-cold/${i}`);
		const nodeArgs = ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=50'];
		const [sample] = (await coldLoad(nodeBin, nodePath, pkgDir, ctx.tmpDir, { runs: 1, nodeArgs })).samples;
		if (written()) runs.push(analyse(written(), { fromUs: sample.fromUs, toUs: sample.toUs }));
	}
	if (!runs.length) return null;
	const total = runs.reduce((s, a) => s + a.totalMs, 0);
	const self = new Map();
	for (const a of runs) for (const e of a.selfByCategory) self.set(e.key, (self.get(e.key) || 0) + e.ms);
	const selfByCategory = [...self.entries()].sort((x, y) => y[1] - x[1]).map(([key, ms]) => ({ key, ms: ms / runs.length, pct: (100 * ms) / total }));
	return { runs: runs.length, totalMs: total / runs.length, selfByCategory };
}

module.exports = { profileRun, profileColdLoad };
