'use strict';
/*
 * Checks that print one line each and a closing `N passed, M failed`, for the scripts that drive a
 * real n8n (they run outside jest: n8n needs Node 24 and minutes of setup). Only Node built-ins.
 *
 *   const report = createReport();
 *   report.check('label', () => { assertEqual(a, b, 'what'); return 'detail'; });
 *   report.close();   // prints failures and the closing line; sets process.exitCode
 */
const util = require('util');

function fail(msg) {
	throw new Error(msg);
}

function show(v) {
	return util.inspect(v, { depth: 6, breakLength: Infinity, maxStringLength: 200, maxArrayLength: 30 });
}

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

/**
 * Where any of the secrets ({ name: value }) or an "authorization" JSON key appears in the texts
 * ({ where: text }). Returns ["<secret name> in <where>", …].
 */
function findLeaks(secrets, texts) {
	const leaks = [];
	for (const [where, text] of Object.entries(texts)) {
		if (typeof text !== 'string') continue;
		for (const [what, secret] of Object.entries(secrets)) if (text.includes(secret)) leaks.push(`${what} in ${where}`);
		if (/"authorization"\s*:/i.test(text)) leaks.push(`an "authorization" header in ${where}`);
	}
	return leaks;
}

function createReport({ out = process.stdout } = {}) {
	const results = { passed: 0, failed: 0, failures: [] };
	let scope = '';
	const say = (line = '') => out.write(`${line}\n`);
	return {
		results,
		say,
		setScope(s) {
			scope = s;
		},
		/** Runs one check: fn throws (or returns false) on failure; a returned string is shown as detail. */
		check(label, fn) {
			let detail;
			let ok;
			try {
				const r = fn();
				ok = r !== false;
				if (typeof r === 'string') detail = r;
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
		close() {
			if (results.failures.length) {
				say('# failed checks:');
				for (const f of results.failures) say(`#   ${f}`);
			}
			say(`${results.passed} passed, ${results.failed} failed`);
			process.exitCode = results.failed > 0 ? 1 : 0;
		},
	};
}

/** A duration for a report line: `12.3 s`. */
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;

module.exports = { createReport, fail, show, assertEqual, assertMatch, findLeaks, secs };
