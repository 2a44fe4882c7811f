// GitHub's CI must run what .ci/run runs: the commands of one are the commands of the other.
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');

test('.github/workflows/ci.yml runs the commands of .ci/run, in the same order', () => {
	const script = fs
		.readFileSync(path.join(ROOT, '.ci', 'run'), 'utf8')
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => /^npm /.test(line));
	const workflow = [...fs.readFileSync(path.join(ROOT, '.github', 'workflows', 'ci.yml'), 'utf8').matchAll(/^\s+run: (.+)$/gm)].map(
		(m) => m[1].trim(),
	);
	expect(script).toEqual(['npm ci', 'npm run lint', 'npm test']);
	expect(workflow).toEqual(script);
});
