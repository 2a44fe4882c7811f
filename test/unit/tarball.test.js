// The packed package stays small: n8n downloads it on every community-node install. The limit is
// the budget the package was given; the size comes from npm's own dry-run pack of the built dist.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..', '..');
const LIMIT_BYTES = 45437;

test(`npm pack gives a tarball under ${LIMIT_BYTES} bytes, holding dist and nothing from src or test`, () => {
	expect(fs.existsSync(require('../..').nodePath)).toBe(true);
	const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--loglevel=error'], { cwd: ROOT, encoding: 'utf8' });
	const [info] = JSON.parse(out);
	expect(info.size).toBeGreaterThan(10000);
	expect(info.size).toBeLessThan(LIMIT_BYTES);
	const stray = info.files.map((f) => f.path).filter((p) => !/^(dist\/|package\.json$|README\.md$|LICENSE$)/.test(p));
	expect(stray).toEqual([]);
});
