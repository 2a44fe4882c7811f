'use strict';
/* Local TCP ports for the servers the tests and scripts start. Only Node built-ins. */
const net = require('net');

/** Listens on 127.0.0.1:port (0: any) and lets go at once; resolves to the port. */
function listenOnce(port) {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.once('error', reject);
		srv.listen(port, '127.0.0.1', () => {
			const bound = srv.address().port;
			srv.close(() => resolve(bound));
		});
	});
}

/** True when nothing listens on 127.0.0.1:port right now (we could bind it). */
const portFree = (port) => listenOnce(port).then(() => true, () => false);

/** A TCP port that is free right now on 127.0.0.1: nothing listens on it, so a connection is refused. */
const freePort = () => listenOnce(0);

module.exports = { portFree, freePort };
