'use strict';
/*
 * The one way the harness starts and ends processes. n8n runs as a detached process group (its task
 * runner is a child in the same group), so a group is always ended as a whole. The groups still
 * running and the stops that services registered (a database started with pg_ctl is not a child at
 * all) all run when this process exits.
 */
const { spawn } = require('child_process');
const { log } = require('./log');

const liveGroups = new Set();
const cleanups = new Set();

/** Sends `signal` to the process group led by `pid`; a group that is already gone is fine. */
function killGroup(pid, signal = 'SIGKILL') {
	try {
		process.kill(-pid, signal);
	} catch {
		/* gone */
	}
}

function killLiveEditors() {
	for (const child of liveGroups) killGroup(child.pid, 'SIGKILL');
	liveGroups.clear();
	for (const fn of [...cleanups]) {
		cleanups.delete(fn);
		try {
			fn();
		} catch {
			/* best effort while exiting */
		}
	}
}

/** Registers a synchronous stop for something that is not a child; returns the function that unregisters it. */
function onCleanup(fn) {
	cleanups.add(fn);
	return () => cleanups.delete(fn);
}

/**
 * Spawns a detached, tracked process group and keeps its output: { child, output(), stdout(), stderr(),
 * exited(), exit, closed } (`exit` when the process ends, `closed` once its output is complete).
 */
function spawnLogged(bin, args, opts = {}) {
	const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, ...opts });
	// Tracked until it closes (a child that fails to spawn never emits 'exit').
	liveGroups.add(child);
	child.on('close', () => liveGroups.delete(child));
	const out = { stdout: '', stderr: '', both: '' };
	for (const stream of ['stdout', 'stderr']) {
		child[stream].on('data', (c) => {
			out[stream] += c;
			out.both += c;
		});
	}
	let exited = null;
	const exit = new Promise((resolve) => child.on('exit', (code, signal) => resolve((exited = { code, signal }))));
	const closed = new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
	return { child, output: () => out.both, stdout: () => out.stdout, stderr: () => out.stderr, exited: () => exited, exit, closed };
}

/** SIGTERM to a spawnLogged group, SIGKILL after timeoutMs; resolves with { code, signal }. */
function stopGroup(proc, timeoutMs = 5000) {
	if (proc.exited()) return Promise.resolve(proc.exited());
	killGroup(proc.child.pid, 'SIGTERM');
	const killer = setTimeout(() => killGroup(proc.child.pid, 'SIGKILL'), timeoutMs);
	return proc.exit.finally(() => clearTimeout(killer));
}

/** Runs a process in its own process group; resolves (also on a non-zero exit) to { code, signal, stdout, stderr, ms, timedOut }. */
async function runProcess(bin, args, { env, cwd, timeoutMs = 180000, label } = {}) {
	const started = Date.now();
	const proc = spawnLogged(bin, args, { cwd, env });
	let timedOut = false;
	const timer = setTimeout(() => {
		timedOut = true;
		killGroup(proc.child.pid, 'SIGKILL');
	}, timeoutMs);
	const failed = new Promise((resolve, reject) => proc.child.on('error', reject));
	const { code, signal } = await Promise.race([proc.closed, failed]).finally(() => clearTimeout(timer));
	// 2.x's JS task runner is a child in the same group: nothing of the run outlives it.
	killGroup(proc.child.pid, 'SIGKILL');
	const ms = Date.now() - started;
	if (label) log(`${label}: exit ${code}${signal ? ` (${signal})` : ''} in ${(ms / 1000).toFixed(1)}s`);
	return { code, signal, stdout: proc.stdout(), stderr: proc.stderr(), ms, timedOut };
}

// Last resort: however this process ends, no n8n it started outlives it.
process.on('exit', killLiveEditors);

/**
 * For a script with no signal handling of its own: on SIGINT, SIGTERM or SIGHUP, end the n8n processes
 * this harness started, run `andThen`, and end as the signal would have.
 */
function stopOnSignals(andThen = () => {}) {
	for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
		process.once(sig, () => {
			killLiveEditors();
			andThen();
			process.kill(process.pid, sig); // the listener is gone (once): the default action ends the process
		});
	}
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Polls `ready` (a throw counts as not yet) until it returns something truthy, and resolves to that. A
 * spawnLogged `proc` that exits first, or is not ready within timeoutMs (then killed), throws with its output.
 */
async function waitFor(what, ready, { proc, timeoutMs, everyMs = 250 }) {
	const t0 = Date.now();
	for (;;) {
		if (proc.exited()) throw new Error(`${what} exited early (${JSON.stringify(proc.exited())}):\n${proc.output()}`);
		const value = await Promise.resolve().then(ready).catch(() => undefined);
		if (value) {
			log(`${what}: ready after ${((Date.now() - t0) / 1000).toFixed(1)}s`);
			return value;
		}
		if (Date.now() - t0 > timeoutMs) {
			killGroup(proc.child.pid);
			throw new Error(`${what} was not ready within ${timeoutMs} ms:\n${proc.output()}`);
		}
		await sleep(everyMs);
	}
}

module.exports = { sleep, waitFor, killGroup, onCleanup, spawnLogged, stopGroup, runProcess, stopOnSignals };
