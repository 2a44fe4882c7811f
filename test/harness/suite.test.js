'use strict';
// When a runner may run a workflow again: only when n8n refused to start it (its regex guard tripped)
// and nothing reached the sandbox, so that nothing is ever posted twice.
const { refusedByRegexGuard } = require('./suite');

const GUARD = 'Regular expression execution timed out';
const stored = (message) => ({ ok: false, status: 'error', result: { data: { resultData: { error: { message } } } }, error: { message } });

test.each([
	['a run that succeeded', { ok: true, result: {} }, 0, GUARD, false],
	['the guard in the stored run, nothing sent', stored(GUARD), 0, '', true],
	['the guard in the stored run, but a request was sent', stored(GUARD), 1, '', false],
	['no run data, the guard only in what the batch printed', { ok: false, status: 'not-run' }, 0, `… ${GUARD} …`, true],
	['another error in the stored run, the guard printed for another workflow of the batch', stored('OneAll error 500: …'), 0, GUARD, false],
	['no run data and no guard printed', { ok: false, error: { message: 'exit 1' } }, 0, 'Error: boom', false],
])('%s', (_title, run, sent, printed, expected) => {
	expect(refusedByRegexGuard(run, sent, printed)).toBe(expected);
});

test("an `n8n execute` run is judged by its own output when no printed text is given", () => {
	expect(refusedByRegexGuard({ ok: false, code: 1, stdout: `Error: ${GUARD}` }, 0)).toBe(true);
	expect(refusedByRegexGuard({ ok: false, code: 1, stdout: 'Error: something else' }, 0)).toBe(false);
});
