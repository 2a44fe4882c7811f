'use strict';
/*
 * The code that proves the product must stay small enough for a newcomer to read: the support code
 * (harness, sandbox, runners, jest kit, bench, scripts: every .js under test/, bench/ and scripts/)
 * is at most twice the product (the .ts under nodes/ and credentials/). Tests are not support code:
 * jest's `*.test.js` and the `*.cases.js` files of the other suites (each case's workflow or action
 * and its checks, nothing that runs them). Lines as `wc -l` counts them.
 */
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const SKIP = new Set(['node_modules', '.work', 'dist']);
const MAX_RATIO = 2;

function filesUnder(dir, keep) {
	return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
		const rel = path.join(dir, e.name);
		if (e.isDirectory()) return SKIP.has(e.name) ? [] : filesUnder(rel, keep);
		return keep(e.name) ? [rel] : [];
	});
}

const lines = (files) => files.reduce((sum, f) => sum + (fs.readFileSync(path.join(ROOT, f), 'utf8').match(/\n/g) || []).length, 0);
const isSupport = (name) => name.endsWith('.js') && !name.endsWith('.test.js') && !name.endsWith('.cases.js');

test(`the support code is at most ${MAX_RATIO} times the product`, () => {
	const product = lines(['nodes', 'credentials'].flatMap((d) => filesUnder(d, (name) => name.endsWith('.ts'))));
	const support = lines(['test', 'bench', 'scripts'].flatMap((d) => filesUnder(d, isSupport)));
	const ratio = support / product;
	console.log(`support ${support} lines, product ${product} lines: ${ratio.toFixed(2)}×`);
	expect(ratio).toBeLessThanOrEqual(MAX_RATIO);
});
