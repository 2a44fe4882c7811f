'use strict';
/* Local TCP ports for the servers the tests and scripts start. Only Node built-ins. */
const net = require('net');

/** True when nothing listens on 127.0.0.1:port right now (we could bind it). */
function portFree(port) {
	return new Promise((resolve) => {
		const srv = net.createServer();
		srv.unref();
		srv.once('error', () => resolve(false));
		srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
	});
}

/** A TCP port that is free right now on 127.0.0.1: nothing listens on it, so a connection is refused. */
function freePort() {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

module.exports = { portFree, freePort };
