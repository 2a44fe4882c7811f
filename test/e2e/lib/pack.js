'use strict';
// `npm pack` of the built package, as it would be published: the e2e suite installs this tarball
// into real n8n, and the scanner test lints what is inside it.
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * Packs into `dir`; returns the tarball's path, the files it holds (paths inside `package/`) and
 * npm's own account of it (`info`: size, unpackedSize, entryCount, files with their sizes).
 */
function packPackage(dir) {
	if (!fs.existsSync(require(ROOT).nodePath)) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
	const r = spawnSync('npm', ['pack', '--pack-destination', dir, '--json', '--loglevel=error'], { cwd: ROOT, encoding: 'utf8' });
	if (r.status !== 0) throw new Error(`npm pack failed:\n${r.stdout}\n${r.stderr}`);
	const info = JSON.parse(r.stdout)[0];
	return { tgz: path.join(dir, info.filename), files: info.files.map((f) => f.path), info };
}

module.exports = { packPackage, ROOT };
