'use strict';
/*
 * A self-signed certificate for 127.0.0.1 (openssl, into a temporary folder), for the sandbox's
 * HTTPS port: what a client meets behind a TLS-inspecting proxy, or at a server it was not told to
 * trust. Made once per process.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

let made = null;

function selfSignedCert() {
	if (made) return made;
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oneall-sandbox-tls-'));
	try {
		const [key, cert] = ['key.pem', 'cert.pem'].map((name) => path.join(dir, name));
		execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
		made = { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
	return made;
}

module.exports = { selfSignedCert };
