'use strict';
/*
 * A private Redis for n8n's queue mode: Debian's redis-server (installed when missing), on a free
 * port of 127.0.0.1, no persistence, in its own process group (stopped when the test process ends).
 * `monitor()` records every command any client sends (job data, pub/sub messages between main and
 * workers), `snapshot()` writes the whole keyspace: together, everything n8n put through or left in Redis.
 */
const fs = require('fs');
const net = require('net');
const { once } = require('events');
const { execFileSync } = require('child_process');
const { freePort } = require('./ports');
const { spawnLogged, stopGroup, sleep, waitFor } = require('./processes');
const { ensureDebianPackages, which } = require('./debian');

/** @param {{ dir: string, timeoutMs?: number }} opts  dir: where the server may write (nothing is persisted) */
async function startRedis({ dir, timeoutMs = 30000 }) {
	await ensureDebianPackages([{ pkg: 'redis-server', probe: () => which('redis-server') && which('redis-cli') }]);
	const port = await freePort();
	fs.mkdirSync(dir, { recursive: true });
	// Strings are written as they are (--rdbcompression no), so a scan of a snapshot cannot miss a compressed secret.
	const args = ['--port', port, '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--dir', dir, '--rdbcompression', 'no'];
	const server = spawnLogged(which('redis-server'), args.map(String));
	const cli = (...a) => execFileSync(which('redis-cli'), ['-h', '127.0.0.1', '-p', String(port), ...a], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
	await waitFor('redis-server', () => cli('ping').trim() === 'PONG', { proc: server, timeoutMs, everyMs: 100 });
	const monitors = [];
	return {
		host: '127.0.0.1',
		port,
		version: cli('info', 'server').match(/redis_version:(\S+)/)?.[1],
		logs: () => server.output(),
		/**
		 * Starts recording every command Redis receives (a raw MONITOR connection: redis-cli buffers
		 * its output when it is not a terminal); returns () => the text recorded so far.
		 */
		async monitor() {
			const socket = net.connect(port, '127.0.0.1');
			monitors.push(socket);
			let text = '';
			socket.setEncoding('utf8');
			socket.on('data', (c) => (text += c));
			await once(socket, 'connect');
			socket.on('error', () => {});
			socket.write('MONITOR\r\n');
			for (const t = Date.now(); !text.startsWith('+OK') && Date.now() - t < 5000; ) await sleep(20);
			return () => text;
		},
		/** Writes the whole keyspace as an RDB file and returns its bytes as latin1 text. */
		snapshot(file) {
			cli('--rdb', file);
			return fs.readFileSync(file).toString('latin1');
		},
		async stop() {
			for (const m of monitors) m.destroy();
			await stopGroup(server);
		},
	};
}

module.exports = { startRedis };
