'use strict';
// Numbers and their formatting for the bench report.

const finite = (xs) => xs.filter((x) => typeof x === 'number' && Number.isFinite(x));

function median(xs) {
	const a = finite(xs).sort((p, q) => p - q);
	const m = Math.floor(a.length / 2);
	return !a.length ? NaN : a.length % 2 ? a[m] : (a[m - 1] + a[m]) / 2;
}

/** { min, median, max, n } of the finite values. */
function spread(xs) {
	const a = finite(xs);
	return { min: a.length ? Math.min(...a) : NaN, median: median(a), max: a.length ? Math.max(...a) : NaN, n: a.length };
}

const mapValues = (o, f) => Object.fromEntries(Object.entries(o || {}).map(([k, v]) => [k, f(v)]));
const fmt = (x, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
const mib = (kbytes) => (Number.isFinite(kbytes) ? `${(kbytes / 1024).toFixed(0)} MiB` : 'n/a');
const bytes = (n) => (Number.isFinite(n) ? n.toLocaleString('en-US') : 'n/a');
/** "0.97 (0.91–1.04)" */
const range = (s, d = 2) => `${fmt(s.median, d)} (${fmt(s.min, d)}–${fmt(s.max, d)})`;

module.exports = { median, spread, mapValues, fmt, mib, bytes, range };
