'use strict';
/*
 * Debian packages a suite needs from the machine (Redis, PostgreSQL for queue mode): installed with
 * apt-get when missing, so the suite runs on a fresh machine as CI does.
 */
const { spawnSync } = require('child_process');
const { runProcess } = require('./processes');

let updated = false;

/** The absolute path of a program on PATH, or undefined. */
const which = (name) => spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim() || undefined;

async function aptGet(args) {
	const r = await runProcess('apt-get', args, { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, timeoutMs: 20 * 60000 });
	if (r.code !== 0) throw new Error(`apt-get ${args.join(' ')} exited with ${r.code}:\n${(r.stdout + r.stderr).slice(-3000)}`);
}

/** Installs the packages whose probe returns nothing (`apt-get update` at most once per process). */
async function ensureDebianPackages(wanted) {
	const missing = wanted.filter((w) => !w.probe()).map((w) => w.pkg);
	if (!missing.length) return;
	if (process.getuid() !== 0) {
		throw new Error(`missing Debian packages ${missing.join(', ')}; run as root or install them: apt-get install -y --no-install-recommends ${missing.join(' ')}`);
	}
	if (!updated) await aptGet(['update']);
	updated = true;
	await aptGet(['install', '-y', '--no-install-recommends', ...missing]);
	const still = wanted.filter((w) => !w.probe()).map((w) => w.pkg);
	if (still.length) throw new Error(`apt-get installed ${still.join(', ')} but the programs are still not found`);
}

module.exports = { ensureDebianPackages, which };
