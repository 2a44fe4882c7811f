// Every name a file under test/, bench/ or scripts/ destructures from one of this repository's modules
// must be exported by it: a demo script once took a name the harness no longer exported, unnoticed,
// since only a full run reaches such a line. Each module required that way is loaded here (they are
// the libraries; the runners that start things are required by nobody).
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');

function jsFiles(dir) {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const file = path.join(dir, e.name);
		if (e.isDirectory()) return e.name === 'node_modules' ? [] : jsFiles(file);
		return e.name.endsWith('.js') ? [file] : [];
	});
}

// `const { a, b: c } = require('./x')` or `= require(path.join(ROOT, 'test', 'x.js'))` (ROOT: the repository).
const DESTRUCTURED = /const\s*\{([^}]*)\}\s*=\s*require\(\s*(?:'(\.[^']*)'|path\.join\(\s*ROOT\s*,([^)]*)\))\s*\)/g;

/** [file, module path, names] for each destructured local require of the file. */
function importsOf(file) {
	return [...fs.readFileSync(file, 'utf8').matchAll(DESTRUCTURED)].map(([, list, relative, joined]) => {
		const segments = joined && joined.split(',').map((s) => s.trim().replace(/^'|'$/g, ''));
		const spec = relative ? path.resolve(path.dirname(file), relative) : path.join(ROOT, ...segments);
		const names = list.split(',').map((n) => n.split(':')[0].trim()).filter((n) => n && !n.startsWith('...'));
		return [path.relative(ROOT, file), require.resolve(spec), names];
	});
}

const files = ['test', 'bench', 'scripts'].flatMap((dir) => jsFiles(path.join(ROOT, dir))).filter((f) => f !== __filename);
const imports = files.flatMap(importsOf);
const modules = [...new Set(imports.map(([, mod]) => mod))];

test('the destructured requires are found (the scan itself works)', () => {
	expect(imports.length).toBeGreaterThan(100);
	expect(imports).toContainEqual(['scripts/demo.js', require.resolve(path.join(ROOT, 'test/harness/n8n.js')), ['createInstance', 'stopOnSignals']]);
});

test.each(modules.map((mod) => [path.relative(ROOT, mod)]))('%s exports every name its users destructure', (mod) => {
	const exported = require(path.join(ROOT, mod));
	const users = imports.filter(([, m]) => m === path.join(ROOT, mod));
	const missing = users.flatMap(([file, , names]) => names.filter((n) => !(n in exported)).map((n) => `${file}: ${n}`));
	expect(missing).toEqual([]);
});
