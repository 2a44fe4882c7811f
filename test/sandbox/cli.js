#!/usr/bin/env node
'use strict';

/**
 * Start the OneAll sandbox from the command line (for a real n8n run, a benchmark, manual tests):
 *
 *   node test/sandbox/cli.js --port 5679 [--host 127.0.0.1] [--delay 50]
 *                            [--public-key K] [--private-key K] [--no-strict-ids]
 *                            [--pull-size <identity_token>:<list>:<count>]...   (e.g. ...:tweets:10000)
 *
 * Prints the URL and keys, then one machine-readable line:
 *   SANDBOX_READY {"url":"http://127.0.0.1:5679","port":5679,"publicKey":"...","privateKey":"..."}
 * Stops on SIGINT / SIGTERM. Control API: /__sandbox/{requests,reset,fault,delay,stats,info,seed,pull-quirk}.
 */

const { startSandbox } = require('./server');

function parseArgs(argv) {
	const opts = {};
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		const eq = a.indexOf('=');
		const name = eq > 0 ? a.slice(0, eq) : a;
		const next = () => (eq > 0 ? a.slice(eq + 1) : argv[++i]);
		switch (name) {
			case '--port':
				opts.port = Number(next());
				break;
			case '--host':
				opts.host = next();
				break;
			case '--delay':
				opts.delayMs = Number(next());
				break;
			case '--public-key':
				opts.publicKey = next();
				break;
			case '--private-key':
				opts.privateKey = next();
				break;
			case '--no-strict-ids':
				opts.strictIds = false;
				break;
			case '--pull-size': {
				// Several may be given; each becomes options.pullSizes[token][list] (pull.js checks the list).
				const m = /^([^:]+):([A-Za-z]+):(\d+)$/.exec(next() || '');
				if (!m) {
					process.stderr.write('--pull-size must be <identity_token>:<list>:<count>\n');
					process.exit(2);
				}
				opts.pullSizes = opts.pullSizes || {};
				opts.pullSizes[m[1]] = { ...opts.pullSizes[m[1]], [m[2]]: Number(m[3]) };
				break;
			}
			case '-h':
			case '--help':
				process.stdout.write(
					'usage: node test/sandbox/cli.js [--port 5679] [--host 127.0.0.1] [--delay ms] [--public-key K] [--private-key K] [--no-strict-ids] [--pull-size token:list:count]\n',
				);
				process.exit(0);
				break;
			default:
				process.stderr.write(`unknown argument: ${a}\n`);
				process.exit(2);
		}
	}
	if (opts.port !== undefined && (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535)) {
		process.stderr.write('--port must be an integer 0-65535\n');
		process.exit(2);
	}
	if (opts.delayMs !== undefined && (!Number.isFinite(opts.delayMs) || opts.delayMs < 0)) {
		process.stderr.write('--delay must be a number >= 0\n');
		process.exit(2);
	}
	return opts;
}

async function main() {
	const opts = parseArgs(process.argv.slice(2));
	if (opts.port === undefined) opts.port = 5679;
	const sb = await startSandbox(opts);
	const named = sb.info().named;
	process.stdout.write(
		[
			`OneAll sandbox listening on ${sb.url}`,
			`  public key : ${sb.publicKey}`,
			`  private key: ${sb.privateKey}`,
			`  delay      : ${opts.delayMs || 0} ms`,
			`  identities : ${sb.info().identities} (named: ${Object.entries(named).map(([k, v]) => `${k}=${v.identity_token}`).join(', ')})`,
			`  control    : ${sb.url}/__sandbox/{requests,reset,fault,delay,stats,info,seed,pull-quirk}`,
			`SANDBOX_READY ${JSON.stringify({ url: sb.url, port: sb.port, publicKey: sb.publicKey, privateKey: sb.privateKey })}`,
			'',
		].join('\n'),
	);
	let stopping = false;
	const stop = async (sig) => {
		if (stopping) return;
		stopping = true;
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
