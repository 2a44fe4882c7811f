// n8n's community package scanner lints two things before it accepts a package: the source its
// provenance points at (nodes/, credentials/, package.json) and the compiled files in the published
// tarball. Both legs run here with the scanner's own configuration, on the tarball `npm pack`
// makes from the build (npm test builds first), and once on a tampered copy to show they can fail.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { packPackage, ROOT } = require('../harness/pack');

const SCANNER = path.join(__dirname, 'scannerLint.mjs');
let work;
let unpacked;
let files;

beforeAll(() => {
	work = fs.mkdtempSync(path.join(os.tmpdir(), 'oneall-scan-'));
	const packed = packPackage(work);
	files = packed.files;
	unpacked = path.join(work, 'unpacked');
	fs.mkdirSync(unpacked);
	const tar = spawnSync('tar', ['-xzf', packed.tgz, '-C', unpacked, '--strip-components=1'], { encoding: 'utf8' });
	if (tar.status !== 0) throw new Error(`tar failed: ${tar.stderr}`);
});
afterAll(() => {
	fs.rmSync(work, { recursive: true, force: true });
});

function scan(sourceDir, packageDir) {
	// The scanner makes a temporary folder when it is loaded; keep it inside ours.
	const tmp = fs.mkdtempSync(path.join(work, 'tmp-'));
	// Jest sets NODE_ENV=test, which makes eslint-plugin-n8n-nodes-base apply its rules to any file
	// name (its own test mode); the scanner runs without it.
	const { NODE_ENV, ...env } = process.env;
	const r = spawnSync(process.execPath, [SCANNER, sourceDir, packageDir], {
		cwd: ROOT,
		env: { ...env, TMPDIR: tmp },
		encoding: 'utf8',
	});
	if (r.status !== 0) throw new Error(`scanner lint failed to run:\n${r.stdout}\n${r.stderr}`);
	return JSON.parse(r.stdout);
}

test('the tarball holds the compiled node and credential the scanner lints', () => {
	expect(files).toEqual(
		expect.arrayContaining(['package.json', 'dist/nodes/OneAll/OneAll.node.js', 'dist/credentials/OneAllApi.credentials.js']),
	);
});

test('both lint legs of the scanner pass: the sources and the packed dist/', () => {
	const result = scan(ROOT, unpacked);
	// `message` is set on failure and also when a leg found no file to lint.
	expect(result).toEqual({
		source: { passed: true },
		dist: { passed: true },
	});
}, 120000);

test('a compiled file the scanner refuses makes the dist leg fail', () => {
	const tampered = path.join(work, 'tampered');
	fs.cpSync(unpacked, tampered, { recursive: true });
	fs.appendFileSync(path.join(tampered, 'dist', 'nodes', 'OneAll', 'OneAll.node.js'), '\nconsole.log("loaded");\n');
	const result = scan(ROOT, tampered);
	expect(result.source).toEqual({ passed: true });
	expect(result.dist.passed).toBe(false);
	expect(result.dist.message).toBe('ESLint violations found');
	expect(result.dist.details).toMatch(/OneAll\.node\.js[\s\S]*no-console/);
}, 120000);
