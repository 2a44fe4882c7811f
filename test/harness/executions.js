'use strict';
/*
 * The executions an instance stored in its sqlite database, read the way n8n stores them: with
 * n8n's own sqlite3 driver and its own `flatted` (the run data is flatted text).
 */
const fs = require('fs');
const path = require('path');

/** A module of n8n's own install (its sqlite3 driver, its flatted), as n8n itself resolves it. */
function n8nModule(installDir, name) {
	return require(require.resolve(name, { paths: [path.join(installDir, 'node_modules', 'n8n')] }));
}

/** sqlite keeps n8n's dates as 'YYYY-MM-DD HH:MM:SS.SSS' in UTC. */
const sqliteDate = (v) => (v ? Date.parse(`${String(v).replace(' ', 'T')}Z`) : undefined);

/**
 * Every execution in `dbFile`, oldest first: [{ id, workflowId, status, mode, startedAt, stoppedAt,
 * ms, result }]; `result` has the shape `execute()` gives, and only where run data was stored.
 * @param {string} installDir the n8n install (ensureN8n's `dir`) whose modules read the database
 */
async function readExecutions(installDir, dbFile) {
	if (!fs.existsSync(dbFile)) return [];
	const sqlite3 = n8nModule(installDir, 'sqlite3');
	const { parse } = n8nModule(installDir, 'flatted');
	const db = await new Promise((resolve, reject) => {
		const handle = new sqlite3.Database(dbFile, sqlite3.OPEN_READONLY, (err) => (err ? reject(err) : resolve(handle)));
	});
	try {
		const rows = await new Promise((resolve, reject) =>
			db.all(
				'SELECT e.id, e.workflowId, e.status, e.mode, e.finished, e.startedAt, e.stoppedAt, d.data FROM execution_entity e LEFT JOIN execution_data d ON d.executionId = e.id ORDER BY e.id',
				(err, r) => (err ? reject(err) : resolve(r)),
			),
		);
		return rows.map((r) => {
			const startedAt = sqliteDate(r.startedAt);
			const stoppedAt = sqliteDate(r.stoppedAt);
			const data = r.data ? parse(r.data) : undefined;
			return {
				id: r.id,
				workflowId: r.workflowId,
				status: r.status,
				mode: r.mode,
				startedAt,
				stoppedAt,
				ms: startedAt && stoppedAt ? stoppedAt - startedAt : undefined,
				result: data && data.resultData ? { data, status: r.status, mode: r.mode, finished: !!r.finished, startedAt: r.startedAt, stoppedAt: r.stoppedAt } : undefined,
			};
		});
	} finally {
		await new Promise((resolve) => db.close(() => resolve()));
	}
}

module.exports = { readExecutions };
