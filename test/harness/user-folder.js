'use strict';
/*
 * An instance's n8n user folder: <folder>/.n8n (database, config, community nodes) and
 * <folder>/work (the files written for imports), and the packed package installed into .n8n/nodes
 * the way a user does it by hand.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { log } = require('./log');
const { onCleanup, runProcess } = require('./processes');

const writeJson = (file, data) => fs.writeFileSync(file, JSON.stringify(data, null, 2) + '\n');

/**
 * A fresh user folder in the OS temp dir, or `userFolder` (kept across runs, made when missing; only
 * its work folder is removed). file(name): a new path in the work folder; release(): removes what is not kept.
 */
function makeUserFolder({ line, userFolder, keep }) {
	const persistent = !!userFolder;
	const folder = persistent ? path.resolve(userFolder) : fs.mkdtempSync(path.join(os.tmpdir(), `n8n-e2e-${line}-`));
	const n8nDir = path.join(folder, '.n8n');
	const nodesDir = path.join(n8nDir, 'nodes');
	const workDir = path.join(folder, 'work');
	const kept = keep || process.env.N8N_E2E_KEEP;
	// The files written for imports (credential data among them) never outlive a run.
	const removeFolder = () => (persistent || !kept) && fs.rmSync(persistent ? workDir : folder, { recursive: true, force: true });
	if (persistent) removeFolder();
	fs.mkdirSync(nodesDir, { recursive: true });
	fs.mkdirSync(workDir, { recursive: true });
	// An interruption while n8n or the package is still being set up must not leave the folder.
	const forget = onCleanup(removeFolder);
	let seq = 0;
	return {
		folder,
		n8nDir,
		nodesDir,
		persistent,
		file: (name) => path.join(workDir, `${++seq}-${name}`),
		release() {
			forget();
			if (!persistent && kept) log(`keeping ${folder}`);
			removeFolder();
		},
	};
}

/** npm install <tarball> in <folder>/.n8n/nodes (no peers, no scripts, no network needed). */
async function installPackage(nodesDir, tgz) {
	const abs = path.resolve(tgz);
	if (!fs.existsSync(abs)) throw new Error(`tarball not found: ${abs}`);
	const pkgJson = path.join(nodesDir, 'package.json');
	// What n8n itself writes there before its first community package install.
	if (!fs.existsSync(pkgJson)) writeJson(pkgJson, { name: 'installed-nodes', private: true, dependencies: {} });
	// --legacy-peer-deps: never pull the n8n-workflow peer into .n8n/nodes.
	const args = ['install', abs, '--no-audit', '--no-fund', '--legacy-peer-deps', '--ignore-scripts', '--no-package-lock', '--loglevel=error'];
	const r = await runProcess('npm', args, { env: process.env, cwd: nodesDir, timeoutMs: 120000, label: 'npm install <tarball>' });
	if (r.code !== 0) throw new Error(`npm install ${abs} failed:\n${r.stdout}\n${r.stderr}`);
}

module.exports = { makeUserFolder, installPackage, writeJson };
