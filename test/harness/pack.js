'use strict';
// `npm pack` of the built package, as it would be published: what the suites install into real n8n and the scanner lints.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { onCleanup } = require('./processes');
const { assertEqual } = require('./checks');

const ROOT = path.resolve(__dirname, '..', '..');
const PACKAGE = require(path.join(ROOT, 'package.json'));

/**
 * Packs into `dir`; returns the tarball's path, the files it holds (paths inside `package/`) and
 * npm's own account of it (`info`: size, unpackedSize, entryCount, files with their sizes).
 */
function packPackage(dir) {
	if (!fs.existsSync(require(ROOT).nodePath)) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
	const r = spawnSync('npm', ['pack', '--pack-destination', dir, '--json', '--loglevel=error'], { cwd: ROOT, encoding: 'utf8' });
	if (r.status !== 0) throw new Error(`npm pack failed:\n${r.stdout}\n${r.stderr}`);
	const info = JSON.parse(r.stdout)[0];
	return { dir, tgz: path.join(dir, info.filename), files: info.files.map((f) => f.path), info };
}

/** packPackage into a temp folder that goes when this process ends, however it ends; with a report's `check`, checked (tarballProblems). */
function packToTemp(name, check) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), `oneall-${name}-pack-`));
	onCleanup(() => fs.rmSync(dir, { recursive: true, force: true }));
	const packed = packPackage(dir);
	check?.(`npm pack → ${path.basename(packed.tgz)} (${packed.files.length} files, dist only)`, () => {
		assertEqual(tarballProblems(packed), [], 'tarball problems');
		return `${packed.info.size} bytes`;
	});
	return packed;
}

/**
 * What is wrong with a packed tarball (an empty list when nothing is): it must be on disk as npm
 * counted it, hold what n8n loads (package.json, the node and credential of its n8n section) and
 * nothing but dist/, package.json, README.md and LICENSE.
 */
function tarballProblems({ tgz, files, info }) {
	const problems = [];
	const size = fs.existsSync(tgz) ? fs.statSync(tgz).size : 0;
	if (size !== info.size) problems.push(`${tgz}: ${size} bytes on disk, npm pack counted ${info.size}`);
	const needed = ['package.json', ...PACKAGE.n8n.nodes, ...PACKAGE.n8n.credentials];
	const missing = needed.filter((file) => !files.includes(file));
	if (missing.length) problems.push(`files n8n loads that the tarball lacks: ${missing.join(', ')}`);
	const stray = files.filter((f) => !/^(dist\/|package\.json$|README\.md$|LICENSE$)/.test(f));
	if (stray.length) problems.push(`unexpected files in the tarball: ${stray.join(', ')}`);
	return problems;
}

module.exports = { packPackage, packToTemp, tarballProblems, ROOT, PACKAGE };
