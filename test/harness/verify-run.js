'use strict';
/*
 * What every run read back from n8n's database gets besides its own checks, for the e2e scenarios
 * and the settings matrix alike: its verify (a crash is a failed check), no key in the stored run,
 * no request details in its errors, and with N8N_E2E_DUMP a failing run written to the temp dir.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { results, check, say, fail, errorsOf } = require('./suite');
const { checkNoSecrets, checkNoRequestDetails } = require('./secrets');

/**
 * @param {string} name the scenario's number or the case's key, which starts every label
 * @param {Function} verify the run's own checks
 * @param {Function} dump what to write when a check of this run failed and N8N_E2E_DUMP is set
 */
function verifyStoredRun({ name, line, run, verify, dump }) {
	const before = results.failed;
	try {
		verify();
	} catch (err) {
		check(`${name}: verification crashed`, () => fail(err.stack));
	}
	checkNoSecrets(`${name}: no key and no Base64 Authorization in n8n's stored run (run data, errors)`, {
		run: JSON.stringify(run.result),
		error: JSON.stringify(run.error),
	});
	if (errorsOf(run).length) checkNoRequestDetails(`${name}: the errors carry no request details (config, headers, auth…)`, run);
	if (results.failed > before && process.env.N8N_E2E_DUMP) {
		const f = path.join(os.tmpdir(), `oneall-e2e-${line}-${name.replace('/', '-')}.json`);
		fs.writeFileSync(f, JSON.stringify(dump(), null, 1));
		say(`# dumped to ${f}`);
	}
}

/** No key in what the execute-batch processes printed (the runs' own output is in the database). */
function checkBatchPrinted(label, processes) {
	checkNoSecrets(label, {
		stdout: processes.map((p) => p.stdout).join('\n'),
		stderr: processes.map((p) => p.stderr).join('\n'),
	});
}

module.exports = { verifyStoredRun, checkBatchPrinted };
