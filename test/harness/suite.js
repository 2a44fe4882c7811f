'use strict';
/* The e2e suite's one report (the n8n line as its scope) and readers over a run as n8n prints or stores it (IRun). */
const { createReport, fail, show, assertEqual, assertMatch, secs } = require('./checks');
const { nodeOutput, nodeError } = require('./run-output');

const { results, say, check, setScope, getScope, close, crashed } = createReport();
const notes = [];
const REGEX_GUARD = /Regular expression execution timed out/;

/**
 * n8n 2.x checks parameter regexes (e.g. the identity token's) in a vm with a 250 ms timeout before
 * it starts a workflow; on a starved CPU that guard can trip. The run then has that error, or no run
 * data, the message only in what the process printed (a batch's: the whole batch's). Only a run that
 * sent nothing is refused this way, so running it again posts nothing twice.
 */
function refusedByRegexGuard(run, sent, printed = run.stdout || '') {
	if (run.ok || sent > 0) return false;
	return REGEX_GUARD.test(run.error ? run.error.message : '') || (!run.result && REGEX_GUARD.test(printed));
}

const runData = (run) => run.result?.data?.resultData?.runData || {};

function outputOf(run, node, outputIndex = 0) {
	const out = nodeOutput(run.result, node, { outputIndex });
	if (out === undefined) fail(`node "${node}" did not run`);
	return out;
}

const pairedIndexes = (items) => items.map((i) => (i.pairedItem && typeof i.pairedItem === 'object' ? i.pairedItem.item : i.pairedItem));

/** How a run ended: `n8n execute`'s run has an exit code and output; a batch's stored run has neither. */
function ending(run) {
	const exit = run.code === undefined ? '' : `, exit ${run.code}${run.signal ? `/${run.signal}` : ''}`;
	const printed = run.result || run.stdout === undefined ? '' : `\n${run.stdout.slice(-800)}\n${(run.stderr || '').slice(-800)}`;
	return `status ${run.status}${exit}: ${run.error ? run.error.message : 'no run data'}${printed}`;
}

function expectSuccess(run) {
	if (run.ok) return run.crashedOnExit ? 'status success (n8n crashed while exiting, after printing the run)' : undefined;
	fail(ending(run));
}

function expectStopped(run, node, { message, itemIndex, hint }) {
	if (run.ok) fail('the workflow succeeded');
	if (!run.result) fail(`no run data: ${ending(run)}`);
	if (run.status !== 'error') fail(`status ${run.status}`);
	const error = run.result.data.resultData.error;
	if (!error) fail('no resultData.error');
	if (typeof message === 'string') assertEqual(error.message, message, 'error message');
	else assertMatch(error.message, message, 'error message');
	if (hint) assertMatch(error.description, hint, 'error description (hint)');
	assertEqual(run.result.data.resultData.lastNodeExecuted, node, 'lastNodeExecuted');
	const nodeErr = nodeError(run.result, node);
	if (!nodeErr) fail(`no error recorded on node "${node}"`);
	assertEqual(nodeErr.message, error.message, 'node error message');
	if (itemIndex !== undefined) assertEqual(error.context && error.context.itemIndex, itemIndex, 'error.context.itemIndex');
	return `"${error.message}"`;
}

/** Every error object of a run: the run's, each node task's, each output item's. */
function errorsOf(run) {
	const rd = run.result?.data?.resultData || {};
	const found = rd.error ? [['resultData.error', rd.error]] : [];
	for (const [node, tasks] of Object.entries(rd.runData || {})) {
		tasks.forEach((task, t) => {
			if (task.error) found.push([`${node}[${t}].error`, task.error]);
			for (const output of task.data?.main || []) {
				for (const item of output || []) if (item && item.error) found.push([`${node} item ${show(item.pairedItem)} .error`, item.error]);
			}
		});
	}
	return found;
}

module.exports = {
	results, notes, refusedByRegexGuard, setScope, getScope, say, check, close, crashed, fail, show, assertEqual, assertMatch, secs,
	runData, outputOf, pairedIndexes, expectSuccess, expectStopped, errorsOf,
};
