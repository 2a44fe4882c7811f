#!/usr/bin/env node
'use strict';
// `npm run bench:publish`: makes the last `npm run bench` report the published one (bench/results.md).
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { ROOT, REPORT, PUBLISHED } = require('./config');

const from = process.env.BENCH_OUT ? path.resolve(ROOT, process.env.BENCH_OUT) : REPORT;
if (!fs.existsSync(from)) {
	process.stderr.write(`No report at ${path.relative(ROOT, from)}: run \`npm run bench\` first.\n`);
	process.exit(1);
}
const text = fs.readFileSync(from, 'utf8');
const commit = (text.match(/ at commit ([0-9a-f]+)/) || [])[1];
const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
if (commit && commit !== head) process.stderr.write(`Note: the report was taken at commit ${commit}; HEAD is ${head}.\n`);
fs.writeFileSync(PUBLISHED, text);
process.stdout.write(`${path.relative(ROOT, from)} → ${path.relative(ROOT, PUBLISHED)}\n`);
