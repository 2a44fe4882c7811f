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

function writeJson(file, data) {
	fs.writeFileSync(file, JSON.stringify(data, null, 2) + '\n');
}

/**
 * Makes the user folder: a fresh one in the OS temp dir, or `userFolder` (kept across runs, made
 * when missing; only its work folder is removed).
 * @returns {{ folder, n8nDir, nodesDir, persistent, file(name), release() }}
 *   file(name): a new path in the work folder; release(): unregisters and removes what is not kept
 */
function makeUserFolder({ line, userFolder, keep }) {
	const persistent = !!userFolder;
	const folder = persistent ? path.resolve(userFolder) : fs.mkdtempSync(path.join(os.tmpdir(), `n8n-e2e-${line}-`));
	const n8nDir = path.join(folder, '.n8n');
	const nodesDir = path.join(n8nDir, 'nodes');
	const workDir = path.join(folder, 'work');
	// The files written for imports (credential data among them) never outlive a run.
	if (persistent) fs.rmSync(workDir, { recursive: true, force: true });
	fs.mkdirSync(nodesDir, { recursive: true });
	fs.mkdirSync(workDir, { recursive: true });
	// An interruption while n8n or the package is still being set up must not leave the folder.
	const removeFolder = () => {
		if (persistent) fs.rmSync(workDir, { recursive: true, force: true });
		else if (!keep && !process.env.N8N_E2E_KEEP) fs.rmSync(folder, { recursive: true, force: true });
	};
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
			if (!persistent && (keep || process.env.N8N_E2E_KEEP)) log(`keeping ${folder}`);
			removeFolder();
		},
	};
}

/**
 * npm install <tarball> in <folder>/.n8n/nodes (no peers, no scripts, no network needed).
 * @returns {Promise<string[]>} the names of the packages installed there
 */
async function installPackage(nodesDir, tgz) {
	const abs = path.resolve(tgz);
	if (!fs.existsSync(abs)) throw new Error(`tarball not found: ${abs}`);
	const pkgJson = path.join(nodesDir, 'package.json');
	if (!fs.existsSync(pkgJson)) {
		// What n8n itself writes there before its first community package install.
		writeJson(pkgJson, { name: 'installed-nodes', private: true, dependencies: {} });
	}
	const r = await runProcess(
		process.env.N8N_E2E_NPM || 'npm',
		[
			'install',
			abs,
			'--no-audit',
			'--no-fund',
			'--legacy-peer-deps', // never pull the n8n-workflow peer into .n8n/nodes
			'--ignore-scripts',
			'--no-package-lock',
			'--loglevel=error',
		],
		{ env: { ...process.env }, cwd: nodesDir, timeoutMs: 120000, label: 'npm install <tarball>' },
	);
	if (r.code !== 0) throw new Error(`npm install ${abs} failed:\n${r.stdout}\n${r.stderr}`);
	const installed = JSON.parse(fs.readFileSync(pkgJson, 'utf8')).dependencies || {};
	return Object.keys(installed);
}

module.exports = { makeUserFolder, installPackage, writeJson };
