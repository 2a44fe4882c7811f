#!/usr/bin/env node
'use strict';
// The installer's Node 24 step run as `npm test` runs it: as a child of npm, which exports the project's
// .npmrc (ignore-scripts=true) as npm_config_* variables, and the `node` package brings its binary in an
// install script. The cache is a fresh temporary folder, so nothing installed before can hide the fault
// (it downloads Node 24 every time, which is why it is not in jest).
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { createReport, assertEqual, assertMatch } = require('../harness/checks');

const ROOT = path.resolve(__dirname, '..', '..');
const INSTALLER = 'test/harness/install-n8n.js';

/** Runs a command as `npm run` runs a script: through npm, in the project folder. */
function underNpm(command, env = {}) {
	return spawnSync('npm', ['exec', '--call', command], {
		cwd: ROOT,
		env: { ...process.env, ...env },
		encoding: 'utf8',
		timeout: 15 * 60 * 1000,
	});
}

const report = createReport();
const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'oneall-node24-cache-'));
try {
	report.check('a script started by npm sees the project setting that skips install scripts', () => {
		const seen = underNpm('node -p process.env.npm_config_ignore_scripts');
		assertEqual(seen.status, 0, 'exit status');
		assertEqual(seen.stdout.trim(), 'true', 'npm_config_ignore_scripts');
	});

	report.check('started by npm with an empty cache, the installer brings a Node 24 binary that runs', () => {
		const started = Date.now();
		const run = underNpm(`node ${INSTALLER} node24`, { XDG_CACHE_HOME: cache });
		assertEqual({ status: run.status, stderr: run.status === 0 ? '' : run.stderr }, { status: 0, stderr: '' }, 'installer');
		const nodeBin = path.join(cache, 'n8n-nodes-oneall', 'node24', 'node_modules', 'node', 'bin', 'node');
		assertEqual(JSON.parse(run.stdout.trim().split('\n').pop()), { line: 'node24', nodeBin }, 'installer answer');
		assertEqual(fs.existsSync(nodeBin), true, `${nodeBin} exists`);
		const version = spawnSync(nodeBin, ['-p', 'process.versions.node'], { encoding: 'utf8' });
		assertEqual(version.status, 0, 'node24 -p status');
		assertMatch(version.stdout.trim(), /^24\.\d+\.\d+$/, 'its version');
		return `v${version.stdout.trim()} in ${((Date.now() - started) / 1000).toFixed(1)} s`;
	});
} finally {
	fs.rmSync(cache, { recursive: true, force: true });
}
report.close();
