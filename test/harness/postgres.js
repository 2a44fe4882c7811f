'use strict';
/*
 * A private PostgreSQL cluster in a temporary folder for queue mode (Debian's server, initdb + pg_ctl as
 * the `postgres` user when run as root): never a system cluster, stopped when the test process ends.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { freePort } = require('./ports');
const { onCleanup } = require('./processes');
const { ensureDebianPackages, which } = require('./debian');

/** Debian keeps the server programs in /usr/lib/postgresql/<major>/bin; the newest is taken. */
function serverBinDir() {
	const root = '/usr/lib/postgresql';
	const majors = fs.existsSync(root) ? fs.readdirSync(root).filter((d) => /^\d+$/.test(d)).sort((a, b) => Number(b) - Number(a)) : [];
	const dir = majors.map((m) => path.join(root, m, 'bin')).find((d) => fs.existsSync(path.join(d, 'initdb')) && fs.existsSync(path.join(d, 'pg_ctl')));
	const initdb = which('initdb');
	return dir || (initdb ? path.dirname(fs.realpathSync(initdb)) : undefined);
}

/** uid/gid of the `postgres` user when this process is root (initdb refuses to run as root). */
function serverUser() {
	if (process.getuid() !== 0) return {};
	const id = (flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }));
	return { uid: id('-u'), gid: id('-g') };
}

/** @param {{ keep?: boolean }} opts  keep: leave the folder (data and log) after stop() */
async function startPostgres({ keep = false } = {}) {
	await ensureDebianPackages([{ pkg: 'postgresql', probe: serverBinDir }]);
	const bin = serverBinDir();
	const user = serverUser();
	// Its own folder directly under the temp dir: the postgres user must be able to reach it.
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oneall-postgres-'));
	const data = path.join(dir, 'data');
	const socketDir = path.join(dir, 'socket');
	const logFile = path.join(dir, 'server.log');
	fs.mkdirSync(socketDir, { recursive: true });
	fs.writeFileSync(logFile, '');
	if (user.uid !== undefined) for (const p of [dir, socketDir, logFile]) fs.chownSync(p, user.uid, user.gid);
	const asServer = (prog, args) =>
		execFileSync(path.join(bin, prog), args, { ...user, cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });

	asServer('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
	const port = await freePort();
	const options = [`-p ${port}`, `-k ${socketDir}`, '-c listen_addresses=127.0.0.1', '-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off', '-c max_connections=200'];
	const removeDir = () => keep || fs.rmSync(dir, { recursive: true, force: true });
	// Immediate shutdown of the postmaster (SIGQUIT) is synchronous enough for an exit handler.
	const unregister = onCleanup(() => {
		try {
			const pid = Number((fs.readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0] || '').trim());
			if (pid) process.kill(pid, 'SIGQUIT');
		} finally {
			removeDir();
		}
	});
	asServer('pg_ctl', ['-D', data, '-o', options.join(' '), '-l', logFile, '-w', '-t', '60', 'start']);
	const version = asServer('postgres', ['--version']).trim();
	const client = (prog, args) =>
		execFileSync(path.join(bin, prog), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', ...args], {
			encoding: 'utf8',
			maxBuffer: 1024 * 1024 * 1024,
			env: { ...process.env, PGCONNECT_TIMEOUT: '10' },
		});

	const pg = {
		version,
		/** Runs SQL with psql (unaligned, tuples only) and returns its output. */
		psql: (sql, database = 'postgres') => client('psql', ['-X', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', database, '-c', sql]),
		/** A role and a database it owns; `env` is what n8n needs to use it. */
		createDatabase(name) {
			const [user, password] = [`${name}_user`, `${name}-db-password`];
			pg.psql(`CREATE ROLE "${user}" LOGIN PASSWORD '${password}'`);
			pg.psql(`CREATE DATABASE "${name}" OWNER "${user}"`);
			const env = { DB_TYPE: 'postgresdb', DB_POSTGRESDB_HOST: '127.0.0.1', DB_POSTGRESDB_PORT: String(port), DB_POSTGRESDB_DATABASE: name };
			return { database: name, env: { ...env, DB_POSTGRESDB_USER: user, DB_POSTGRESDB_PASSWORD: password } };
		},
		/** The whole database as SQL text (every table, every row). */
		dump: (database) => client('pg_dump', ['--no-owner', '-d', database]),
		logs: () => fs.readFileSync(logFile, 'utf8'),
		async stop() {
			unregister();
			try {
				asServer('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '30', 'stop']);
			} finally {
				removeDir();
			}
		},
	};
	return pg;
}

module.exports = { startPostgres };
