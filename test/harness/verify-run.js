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

/** name: the scenario's number or the case's key (starts every label); dump(): what N8N_E2E_DUMP writes on a failure. */
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
	const printed = (stream) => processes.map((p) => p[stream]).join('\n');
	checkNoSecrets(label, { stdout: printed('stdout'), stderr: printed('stderr') });
}

module.exports = { verifyStoredRun, checkBatchPrinted };
