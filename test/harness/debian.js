'use strict';
/*
 * Debian packages a test needs from the machine (Redis, PostgreSQL for queue mode): installed with
 * apt-get when missing, so the suite runs on a fresh machine as CI does. `apt-get update` runs at
 * most once per process. Only Node built-ins are used.
 *
 *   await ensureDebianPackages([{ pkg: 'redis-server', probe: () => which('redis-server') }]);
 */
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');

let updated = false;

/** The absolute path of a program on PATH (or among `extraDirs`), or undefined. */
function which(name, extraDirs = []) {
	const dirs = [...(process.env.PATH || '').split(path.delimiter), ...extraDirs].filter(Boolean);
	for (const dir of dirs) {
		const file = path.join(dir, name);
		try {
			fs.accessSync(file, fs.constants.X_OK);
			if (fs.statSync(file).isFile()) return file;
		} catch {
			/* not here */
		}
	}
	return undefined;
}

function aptGet(args) {
	return new Promise((resolve, reject) => {
		const child = spawn('apt-get', args, {
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let out = '';
		child.stdout.on('data', (c) => (out += c));
		child.stderr.on('data', (c) => (out += c));
		child.on('error', reject);
		child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`apt-get ${args.join(' ')} exited with ${code}:\n${out.slice(-3000)}`))));
	});
}

/**
 * Installs the packages whose probe returns nothing. Returns the names it installed.
 * @param {{ pkg: string, probe: () => unknown }[]} wanted
 */
async function ensureDebianPackages(wanted) {
	const missing = wanted.filter((w) => !w.probe()).map((w) => w.pkg);
	if (!missing.length) return [];
	if (typeof process.getuid === 'function' && process.getuid() !== 0) {
		throw new Error(`missing Debian packages ${missing.join(', ')}; run as root or install them: apt-get install -y --no-install-recommends ${missing.join(' ')}`);
	}
	if (!updated) {
		await aptGet(['update']);
		updated = true;
	}
	await aptGet(['install', '-y', '--no-install-recommends', ...missing]);
	const still = wanted.filter((w) => missing.includes(w.pkg) && !w.probe()).map((w) => w.pkg);
	if (still.length) throw new Error(`apt-get installed ${still.join(', ')} but the programs are still not found`);
	return missing;
}

module.exports = { ensureDebianPackages, which };
