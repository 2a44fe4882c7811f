'use strict';
/*
 * Checks that print one line each and a closing `N passed, M failed`, for the runners that drive a
 * real n8n outside jest:  report.check('label', () => { assertEqual(a, b, 'what'); return 'detail'; });
 */
const util = require('util');

function fail(msg) {
	throw new Error(msg);
}

const show = (v) => util.inspect(v, { depth: 6, breakLength: Infinity, maxStringLength: 200, maxArrayLength: 30 });

function assertEqual(actual, expected, what = 'value') {
	if (!util.isDeepStrictEqual(actual, expected)) fail(`${what}: expected ${show(expected)}, got ${show(actual)}`);
}

function assertMatch(actual, re, what = 'value') {
	if (typeof actual !== 'string' || !re.test(actual)) fail(`${what}: expected ${re}, got ${show(actual)}`);
}

function oneLine(s) {
	const flat = String(s).replace(/\s+/g, ' ').trim();
	return flat.length > 600 ? `${flat.slice(0, 600)}…` : flat;
}

function createReport() {
	const results = { passed: 0, failed: 0, failures: [] };
	let scope = '';
	const say = (line = '') => process.stdout.write(`${line}\n`);
	/** Prints the failures again and the closing line; sets process.exitCode. */
	function close() {
		if (results.failures.length) {
			say('# failed checks:');
			for (const f of results.failures) say(`#   ${f}`);
		}
		say(`${results.passed} passed, ${results.failed} failed`);
		process.exitCode = results.failed > 0 ? 1 : 0;
	}
	/** For `main().catch(crashed)`: the crash counts as a failed check, then the closing line and exit 1. */
	function crashed(err) {
		say(`FAIL runner crashed: ${err.stack || err}`);
		results.failed++;
		close();
		process.exit(1);
	}
	return {
		results,
		say,
		/** The prefix of every check line from now on. */
		setScope(s) {
			scope = s;
		},
		getScope: () => scope,
		/** Runs one check: fn throws (or returns false) on failure; a returned string is shown as detail. */
		check(label, fn) {
			let detail;
			let ok;
			try {
				const r = fn();
				ok = r !== false;
				detail = typeof r === 'string' ? r : undefined;
			} catch (err) {
				ok = false;
				detail = err && err.message ? err.message : String(err);
			}
			const line = `${ok ? 'ok  ' : 'FAIL'}${scope ? ` ${scope}` : ''} ${label}${detail ? ` — ${oneLine(detail)}` : ''}`;
			say(line);
			if (ok) results.passed++;
			else {
				results.failed++;
				results.failures.push(line);
			}
			return ok;
		},
		close,
		crashed,
	};
}

/** A duration for a report line: `12.3 s`. */
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;

module.exports = { createReport, fail, show, assertEqual, assertMatch, secs };
