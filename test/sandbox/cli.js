#!/usr/bin/env node
'use strict';

/**
 * The sandbox as a process, for a real n8n run, a benchmark or manual tests (usage: README.md):
 * prints the URL and keys, then `SANDBOX_READY {url, port, publicKey, privateKey}`; stops on SIGINT / SIGTERM.
 */

const { parseArgs } = require('node:util');
const { startSandbox } = require('./server');

const USAGE =
	'usage: node test/sandbox/cli.js [--port 5679] [--host 127.0.0.1] [--delay ms] [--public-key K] [--private-key K] [--no-strict-ids] [--pull-size token:list:count]\n';

function fail(message) {
	process.stderr.write(`${message}\n`);
	process.exit(2);
}

function readOptions(argv) {
	const options = { 'pull-size': { type: 'string', multiple: true }, 'no-strict-ids': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } };
	for (const name of ['port', 'host', 'delay', 'public-key', 'private-key']) options[name] = { type: 'string' };
	let values;
	try {
		({ values } = parseArgs({ args: argv, options }));
	} catch (err) {
		fail(err.message);
	}
	if (values.help) {
		process.stdout.write(USAGE);
		process.exit(0);
	}
	const opts = { port: Number(values.port ?? 5679), host: values.host, publicKey: values['public-key'], privateKey: values['private-key'] };
	if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) fail('--port must be an integer 0-65535');
	if (values.delay !== undefined) opts.delayMs = Number(values.delay);
	if (opts.delayMs !== undefined && (!Number.isFinite(opts.delayMs) || opts.delayMs < 0)) fail('--delay must be a number >= 0');
	if (values['no-strict-ids']) opts.strictIds = false;
	// Each --pull-size becomes options.pullSizes[token][list] (pull.js checks the list).
	for (const size of values['pull-size'] || []) {
		const m = /^([^:]+):([A-Za-z]+):(\d+)$/.exec(size);
		if (!m) fail('--pull-size must be <identity_token>:<list>:<count>');
		opts.pullSizes = opts.pullSizes || {};
		opts.pullSizes[m[1]] = { ...opts.pullSizes[m[1]], [m[2]]: Number(m[3]) };
	}
	return opts;
}

async function main() {
	const opts = readOptions(process.argv.slice(2));
	const sb = await startSandbox(opts);
	const { named, identities } = sb.info();
	const control = `${sb.url}/__sandbox/{requests,reset,fault,delay,stats,info,seed,pull-quirk}`;
	process.stdout.write(
		[
			`OneAll sandbox listening on ${sb.url}`,
			`  public key : ${sb.publicKey}`,
			`  private key: ${sb.privateKey}`,
			`  delay      : ${opts.delayMs || 0} ms`,
			`  identities : ${identities} (named: ${Object.entries(named).map(([k, v]) => `${k}=${v.identity_token}`).join(', ')})`,
			`  control    : ${control}`,
			`SANDBOX_READY ${JSON.stringify({ url: sb.url, port: sb.port, publicKey: sb.publicKey, privateKey: sb.privateKey })}`,
			'',
		].join('\n'),
	);
	// A second signal waits for the same close() (it returns one promise); the first to resume exits.
	const stop = async (sig) => {
		await sb.close();
		process.stdout.write(`OneAll sandbox stopped (${sig})\n`);
		process.exit(0);
	};
	process.on('SIGINT', () => stop('SIGINT'));
	process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err) => {
	process.stderr.write(`sandbox failed to start: ${err.message}\n`);
	process.exit(1);
});
