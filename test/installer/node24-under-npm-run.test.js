// The installer's Node 24 step, run the way `npm test` and `npm run demo` run it: as a child of npm,
// which exports the project's .npmrc (ignore-scripts=true) as npm_config_* variables. The `node`
// package brings its binary in an install script, so an installer that lets those variables reach
// its own `npm install` ends with no binary. The cache is a fresh temporary folder, so nothing a
// developer installed before can hide the fault; only the npm registry is used.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const INSTALLER = 'test/e2e/lib/install-n8n.js';

let cache;
beforeAll(() => {
	cache = fs.mkdtempSync(path.join(os.tmpdir(), 'oneall-node24-cache-'));
});
afterAll(() => {
	fs.rmSync(cache, { recursive: true, force: true });
});

/** Runs a command as `npm run` runs a script: through npm, in the project folder. */
function underNpm(command, env = {}) {
	return spawnSync('npm', ['exec', '--call', command], {
		cwd: ROOT,
		env: { ...process.env, ...env },
		encoding: 'utf8',
		timeout: 15 * 60 * 1000,
	});
}

test('a script started by npm sees the project setting that skips install scripts', () => {
	const seen = underNpm('node -p process.env.npm_config_ignore_scripts');
	expect(seen.status).toBe(0);
	expect(seen.stdout.trim()).toBe('true');
});

test('started by npm with an empty cache, the installer brings a Node 24 binary that runs', () => {
	const run = underNpm(`node ${INSTALLER} node24`, { XDG_CACHE_HOME: cache });
	expect({ status: run.status, stderr: run.status === 0 ? '' : run.stderr }).toEqual({ status: 0, stderr: '' });
	const nodeBin = path.join(cache, 'n8n-nodes-oneall', 'node24', 'node_modules', 'node', 'bin', 'node');
	expect(JSON.parse(run.stdout.trim().split('\n').pop())).toEqual({ line: 'node24', nodeBin });
	expect(fs.existsSync(nodeBin)).toBe(true);
	const version = spawnSync(nodeBin, ['-p', 'process.versions.node'], { encoding: 'utf8' });
	expect(version.status).toBe(0);
	expect(version.stdout.trim()).toMatch(/^24\.\d+\.\d+$/);
}, 15 * 60 * 1000);
