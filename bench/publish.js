#!/usr/bin/env node
'use strict';
// `npm run bench:publish`: makes the last `npm run bench` report the published one (bench/results.md).
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { ROOT, CONFIG } = require('./config');

const published = path.join(ROOT, 'bench', 'results.md');
if (!fs.existsSync(CONFIG.out)) {
	process.stderr.write(`No report at ${path.relative(ROOT, CONFIG.out)}: run \`npm run bench\` first.\n`);
	process.exit(1);
}
const text = fs.readFileSync(CONFIG.out, 'utf8');
const commit = (text.match(/ at commit ([0-9a-f]+)/) || [])[1];
const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
if (commit && commit !== head) process.stderr.write(`Note: the report was taken at commit ${commit}; HEAD is ${head}.\n`);
fs.writeFileSync(published, text);
process.stdout.write(`${path.relative(ROOT, CONFIG.out)} → ${path.relative(ROOT, published)}\n`);
