'use strict';
// Numbers and their formatting for the bench report.

/** { min, median, max, n } of the finite values (NaN for none). */
function spread(xs) {
	const a = xs.filter(Number.isFinite).sort((p, q) => p - q);
	const m = Math.floor(a.length / 2);
	const median = !a.length ? NaN : a.length % 2 ? a[m] : (a[m - 1] + a[m]) / 2;
	return { min: a.length ? a[0] : NaN, median, max: a.length ? a[a.length - 1] : NaN, n: a.length };
}
const median = (xs) => spread(xs).median;

const mapValues = (o, f) => Object.fromEntries(Object.entries(o || {}).map(([k, v]) => [k, f(v)]));
const fmt = (x, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
const mib = (kbytes) => (Number.isFinite(kbytes) ? `${(kbytes / 1024).toFixed(0)} MiB` : 'n/a');
const bytes = (n) => (Number.isFinite(n) ? n.toLocaleString('en-US') : 'n/a');
/** "0.97 (0.91–1.04)" */
const range = (s, d = 2) => `${fmt(s.median, d)} (${fmt(s.min, d)}–${fmt(s.max, d)})`;

module.exports = { median, spread, mapValues, fmt, mib, bytes, range };
