'use strict';
/*
 * Reading what `n8n execute --rawOutput` prints: the run data JSON among log lines, the failure
 * text when there is none, and a node's items or error in a parsed run. NOTES.md has the formats.
 */

// eslint-disable-next-line no-control-regex
const linesOf = (stdout) => stdout.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '').split(/\r?\n/);

/**
 * The run data JSON in the stdout of `n8n execute --rawOutput`, among log lines (NOTES.md): the LAST
 * top-level object (from a line "{" to a line "}") that parses, or undefined.
 */
function parseRunOutput(stdout) {
	const lines = linesOf(stdout);
	const at = (text) => lines.flatMap((l, i) => (l === text ? [i] : []));
	for (const start of at('{').reverse()) {
		for (const end of at('}').filter((e) => e > start)) {
			try {
				return JSON.parse(lines.slice(start, end + 1).join('\n'));
			} catch {
				/* try the next closing brace */
			}
		}
	}
	return undefined;
}

/** The text n8n prints after the last "=====" line on a failure without run data; without such a line, the last line. */
function failureText(stdout) {
	const lines = linesOf(stdout);
	const bar = lines.findLastIndex((l) => /^={10,}$/.test(l));
	const text = lines.slice(bar + 1).filter((l) => l.trim() !== '');
	return bar < 0 ? text[text.length - 1] : text[0];
}

/**
 * runProcess's result of `n8n execute --rawOutput` with the run read from its output. 2.41 sometimes dies
 * with SIGSEGV while exiting, after printing the complete JSON (NOTES.md): such a run is judged by its JSON.
 */
function describeRun(r) {
	const result = parseRunOutput(r.stdout);
	const resultData = result?.data?.resultData;
	const error = resultData?.error || undefined;
	const crashedOnExit = r.signal === 'SIGSEGV' && !!result;
	// Without run data, what the process printed or how it ended is the error.
	const failed = !result && r.code !== 0 && (r.timedOut ? 'timed out' : failureText(r.stdout) || `exit ${r.code} ${r.signal || ''}`.trim());
	return {
		...r,
		ok: (r.code === 0 || crashedOnExit) && result?.status === 'success' && !error,
		crashedOnExit,
		status: result?.status,
		result,
		error: error || (failed ? { message: failed } : undefined),
		lastNodeExecuted: resultData?.lastNodeExecuted,
	};
}

/** A node's task (its run `runIndex`) in a parsed run: { executionTime, data, error, … }. */
function nodeTask(result, nodeName, runIndex = 0) {
	return result?.data?.resultData?.runData?.[nodeName]?.[runIndex];
}

/** Output items of a node in a parsed run: [{ json, ... }] of output `outputIndex` of run `runIndex`. */
function nodeOutput(result, nodeName, { runIndex = 0, outputIndex = 0 } = {}) {
	const task = nodeTask(result, nodeName, runIndex);
	return task && (task.data?.main?.[outputIndex] || []);
}

/** The error recorded on a node's task, if any. */
function nodeError(result, nodeName, { runIndex = 0 } = {}) {
	return nodeTask(result, nodeName, runIndex)?.error;
}

module.exports = { describeRun, nodeTask, nodeOutput, nodeError };
