'use strict';
/*
 * The queue-mode cases; the runner (./run.js) starts the cluster and calls them in the order of CASES,
 * each with { report, cluster, sandbox, wfs }. A case posts to the workflows of ./workflows.cases.js
 * through main's webhooks, then checks what the callers got, what the sandbox received (its record is
 * the judge) and what n8n stored.
 */
const path = require('path');

const { sleep, lastExecutionId } = require('../harness/n8n');
const { fail, assertEqual, assertMatch, secs } = require('../harness/checks');
const { GOOD_AUTH, checkNoSecrets, checkLeakScanner } = require('../harness/secrets');
const { pairedIndexes, outputOf } = require('../harness/suite');
const { messageHas, maxOpen } = require('../e2e/matrix/expect');
const { HOOKS } = require('./workflows.cases');
const { posts, tagOf, postRecords, resultsOf, inputOrderProblems, overlapProblems, duplicates, executionsAtOnce } = require('./records');

const SANDBOX_DELAY_MS = 20;

const tweetPath = (identity) => `/push/identities/${identity}/twitter/post.json`;

/** The workflow's executions in n8n's database since `afterId`. */
const executionsOf = (cluster, id, afterId) => cluster.executions().filter((e) => e.workflowId === id && Number(e.id) > afterId);

/** Which worker's log says it started each execution: { executionId: 'worker N' }. */
function workerOfExecutions(cluster) {
	const map = {};
	cluster.workers.forEach((w, i) => {
		for (const m of w.logs().matchAll(/Worker started execution (\d+)/g)) map[m[1]] = `worker ${i + 1}`;
	});
	return map;
}

/** Each of `posts` reached the sandbox once, the items at `faults` answered 500, each identity's in input order. */
function sentOnceWithFaults(recs, posts, faults) {
	assertEqual(recs.length, posts.length, 'requests');
	assertEqual(duplicates(recs), [], 'sent twice');
	const failed = recs.filter((r) => r.status === 500).map((r) => Number(tagOf(r).slice(-3))).sort((a, b) => a - b);
	assertEqual(failed, faults, 'items answered 500');
	assertEqual(inputOrderProblems(recs), [], 'out of input order');
}

async function casePosts({ report, cluster, sandbox, wfs }) {
	const { check, say } = report;
	report.setScope('[10 × 100 posts]');
	sandbox.reset();
	// An answer sent at once closes each request before the sandbox reads the next one (one thread): nothing
	// would ever be seen in flight together, so neither the overlap check nor side by side could show.
	sandbox.setDelay(SANDBOX_DELAY_MS);
	const before = await lastExecutionId(cluster);
	const runs = Array.from({ length: 10 }, (_, r) => posts('posts', r, 100));
	const t0 = Date.now();
	const answers = await Promise.all(runs.map((p) => cluster.webhook(HOOKS.posts, { posts: p })));
	const wallMs = Date.now() - t0;
	const requests = sandbox.requests.slice();
	const recs = postRecords(requests, 'posts');
	const f = { executionsPerMinute: (10 * 60000) / wallMs, postsPerSecond: 1000 / (wallMs / 1000), maxInFlight: maxOpen(recs) };
	say(`# 10 executions × 100 posts, each answered after ${SANDBOX_DELAY_MS} ms: ${secs(wallMs)} from the first call to the last answer (${f.executionsPerMinute.toFixed(0)} executions/min, ${f.postsPerSecond.toFixed(0)} posts/s)`);

	check('the 10 webhook calls answered 200 with 100 items each', () => {
		const bad = answers.map((a, r) => [r, a]).filter(([, a]) => a.status !== 200 || !Array.isArray(a.body) || a.body.length !== 100);
		if (bad.length) fail(`${bad.map(([r, a]) => `run ${r}: ${a.status} ${a.text.slice(0, 200)}`).join('; ')}; n8n: ${JSON.stringify(cluster.failures(before))}`);
	});
	check('the sandbox received exactly 1,000 posts, all answered 200, each with the credential\'s Authorization', () => {
		assertEqual(recs.length, 1000, 'posts received');
		assertEqual(requests.length, 1000, 'requests of any kind');
		const bad = recs.filter((r) => r.status !== 200 || r.headers.authorization !== GOOD_AUTH || r.method !== 'POST');
		if (bad.length) fail(`${bad.length} posts not POST/200/authorized, e.g. ${bad[0].method} ${bad[0].status}`);
	});
	check('no post twice: the 1,000 messages sent are exactly the 1,000 of the input', () => {
		assertEqual(duplicates(recs), [], 'posted more than once');
		assertEqual(recs.map((r) => r.json.request.push.post.message).sort(), runs.flat().map((p) => p.message).sort(), 'messages');
	});
	check('each post went to its own identity with the exact body', () => {
		const byMessage = new Map(runs.flat().map((p) => [p.message, p]));
		for (const rec of recs) {
			const post = byMessage.get(rec.json.request.push.post.message);
			if (rec.url !== tweetPath(post.identity)) fail(`${post.message} went to ${rec.url}`);
			assertEqual(rec.json, { request: { push: { post: { message: post.message } } } }, `body of ${post.message}`);
		}
	});
	check('each execution\'s posts to one identity arrived in its input order (10 executions × 5 identities)', () =>
		assertEqual(inputOrderProblems(recs), [], 'out of input order'),
	);
	check('each execution had at most one request in flight per identity, while requests went side by side (2 or more open at once)', () => {
		assertEqual(overlapProblems(recs), [], 'overlapping');
		if (f.maxInFlight < 2) fail(`at most ${f.maxInFlight} request was open at the sandbox at once`);
		return `up to ${f.maxInFlight} requests in flight at the sandbox, up to ${executionsAtOnce(recs)} executions sending at once`;
	});
	check('each webhook answered with its own 100 results in input order (the ids the sandbox gave those posts)', () => {
		answers.forEach((a, r) => assertEqual(a.body, resultsOf(recs, runs[r]), `answer of run ${r}`));
	});
	const rows = executionsOf(cluster, wfs.posts.id, before);
	const byWorker = workerOfExecutions(cluster);
	const spread = {};
	for (const name of rows.map((e) => byWorker[e.id] || 'main or unknown')) spread[name] = (spread[name] || 0) + 1;
	check('n8n recorded 10 successful webhook executions, each run by a worker', () => {
		assertEqual(rows.map((e) => [e.mode, e.status]), Array(10).fill(['webhook', 'success']), '[mode, status] of the executions');
		const notOnWorker = rows.filter((e) => !byWorker[e.id]);
		if (notOnWorker.length) fail(`executions ${notOnWorker.map((e) => e.id).join(', ')} were not started by a worker`);
		return Object.entries(spread).map(([w, n]) => `${w}: ${n}`).join(', ');
	});
}

async function caseChainAndFaults({ report, cluster, sandbox, wfs }) {
	const { check } = report;
	report.setScope('[chain + faults]');
	sandbox.reset();
	const before = await lastExecutionId(cluster);
	const chainRuns = [posts('chain', 0, 20, { pictures: true }), posts('chain', 1, 20, { pictures: true })];
	const errFaults = [7, 17, 23, 50, 64, 99];
	const errPosts = posts('errout', 0, 100, { faults: errFaults });
	const stopFaults = [12, 31];
	const stopPosts = posts('stop', 0, 50, { faults: stopFaults });
	// All at once: four executions of three workflows share the two workers.
	const calls = [[HOOKS.chain, chainRuns[0]], [HOOKS.chain, chainRuns[1]], [HOOKS.errorOutput, errPosts], [HOOKS.stop, stopPosts]];
	const [chain0, chain1, errAnswer, stopAnswer] = await Promise.all(calls.map(([hook, p]) => cluster.webhook(hook, { posts: p })));
	const requests = sandbox.requests.slice();
	const pictures = requests.filter((r) => r.pathname.endsWith('/twitter/picture.json'));
	const tweets = postRecords(requests, 'chain');
	const pictureOf = new Map(pictures.map((r) => [tagOf(r), r]));
	check('chain: 40 pictures uploaded and 40 tweets published, each once, all answered 200', () => {
		assertEqual([pictures.length, tweets.length], [40, 40], '[pictures, tweets]');
		const urls = new Set(pictures.map((r) => r.json.request.push.picture.url));
		assertEqual(urls.size, 40, 'distinct picture URLs');
		assertEqual(duplicates(tweets), [], 'tweets sent twice');
		const bad = [...pictures, ...tweets].filter((r) => r.status !== 200);
		if (bad.length) fail(`${bad.length} not answered 200`);
	});
	check('chain: every tweet carries the id OneAll returned for its own picture, and nothing else', () => {
		for (const t of tweets) {
			if (!pictureOf.has(tagOf(t))) fail(`no picture for ${tagOf(t)}`);
			assertEqual(t.json.request.push.post.attachments, [pictureOf.get(tagOf(t)).result.picture_id], `attachments of ${tagOf(t)}`);
			const post = chainRuns.flat().find((p) => p.message === t.json.request.push.post.message);
			if (!post || t.url !== tweetPath(post.identity)) fail(`${tagOf(t)} went to ${t.url}`);
		}
		return `${tweets.length} tweets`;
	});
	check('chain: each picture was uploaded before its tweet, and each webhook answered its 20 tweets in input order', () => {
		for (const t of tweets) if (pictureOf.get(tagOf(t)).seq > t.seq) fail(`${tagOf(t)}: tweet before picture`);
		[chain0, chain1].forEach((a, r) => {
			if (a.status !== 200) fail(`run ${r}: HTTP ${a.status} ${a.text.slice(0, 200)}`);
			assertEqual(a.body, resultsOf(tweets, chainRuns[r]), `answer of chain run ${r}`);
		});
	});

	const errRecs = postRecords(requests, 'errout');
	const errRows = executionsOf(cluster, wfs.errorOutput.id, before);
	check(`error output: all 100 items sent exactly once, the ${errFaults.length} faults answered 500, each identity's in input order`, () =>
		sentOnceWithFaults(errRecs, errPosts, errFaults),
	);
	check('error output: the webhook answered all 100 items, the 94 results then the 6 errors with OneAll\'s message', () => {
		if (errAnswer.status !== 200) fail(`HTTP ${errAnswer.status}: ${errAnswer.text.slice(0, 300)}`);
		const okItems = resultsOf(errRecs, errPosts.filter((_, i) => !errFaults.includes(i)));
		assertEqual(errAnswer.body.slice(0, okItems.length), okItems, 'answer: the results');
		const errors = errAnswer.body.slice(okItems.length);
		assertEqual(errors.map((e) => Object.keys(e)), errFaults.map(() => ['error']), 'answer: the error items');
		for (const e of errors) assertMatch(e.error, messageHas('500'), 'answer: error');
	});
	check('error output: n8n stored 94 items on the success output and 6 on the error output, each with its pairedItem', () => {
		assertEqual(errRows.map((e) => e.status), ['success'], 'execution status');
		const data = cluster.executionData(errRows[0].id);
		const good = outputOf({ result: { data } }, 'Publish Tweet', 0);
		const bad = outputOf({ result: { data } }, 'Publish Tweet', 1);
		assertEqual(pairedIndexes(good), errPosts.map((_, i) => i).filter((i) => !errFaults.includes(i)), 'success pairedItem');
		assertEqual(pairedIndexes(bad), errFaults, 'error pairedItem');
		for (const item of bad) assertMatch(item.json.error, messageHas('500'), 'json.error');
	});

	const stopRecs = postRecords(requests, 'stop');
	const stopRows = executionsOf(cluster, wfs.stop.id, before);
	check('stop mode: the execution failed with the first failing item\'s error (item 12, OneAll\'s 500)', () => {
		assertEqual(stopRows.map((e) => e.status), ['error'], 'execution status');
		const data = cluster.executionData(stopRows[0].id);
		const error = data.resultData.error || fail('no resultData.error');
		assertMatch(error.message, messageHas('500'), 'error message');
		assertEqual(error.context && error.context.itemIndex, stopFaults[0], 'error.context.itemIndex');
		assertEqual(data.resultData.lastNodeExecuted, 'Publish Tweet', 'lastNodeExecuted');
		return `"${error.message}" [item ${error.context.itemIndex}]`;
	});
	check('stop mode: the webhook said so (HTTP 500, "Workflow execution failed" or the error)', () => {
		if (stopAnswer.status < 500) fail(`HTTP ${stopAnswer.status}: ${stopAnswer.text.slice(0, 300)}`);
		assertMatch(stopAnswer.text, /Workflow execution failed|Error in workflow|OneAll error 500/, 'body');
		return `HTTP ${stopAnswer.status} ${stopAnswer.text.slice(0, 120)}`;
	});
	check('stop mode: every item was sent exactly once, both faults answered 500, each identity\'s in input order', () =>
		sentOnceWithFaults(stopRecs, stopPosts, stopFaults),
	);
}

async function caseWorkerKilled({ report, cluster, sandbox, wfs }) {
	const { check, say } = report;
	report.setScope('[worker killed]');
	sandbox.reset();
	// Slow answers, so the run is still going when the worker dies: 20 posts per identity × 150 ms.
	sandbox.setDelay(150);
	const before = await lastExecutionId(cluster);
	const input = posts('kill', 0, 100);
	const answer = cluster.webhook(HOOKS.posts, { posts: input }).then(
		(a) => ({ ...a, at: Date.now() }),
		(e) => ({ status: 'no answer', text: e.message, at: Date.now() }),
	);
	let victim;
	let sentBeforeKill;
	// Once 30 posts are out and the execution shows on one worker, that worker dies.
	for (const t0 = Date.now(); !victim && Date.now() - t0 < 120000; ) {
		await sleep(20);
		sentBeforeKill = postRecords(sandbox.requests, 'kill').length;
		const running = sentBeforeKill >= 30 ? executionsOf(cluster, wfs.posts.id, before) : [];
		const name = running.length === 1 && workerOfExecutions(cluster)[running[0].id];
		victim = name && cluster.workers[Number(name.split(' ')[1]) - 1];
	}
	if (victim) await victim.kill('SIGKILL');
	const killedAt = Date.now();
	check('a worker was SIGKILLed in the middle of a 100-post execution', () => {
		if (!victim) fail('the execution was not seen running on a worker');
		if (!(sentBeforeKill > 0 && sentBeforeKill < 100)) fail(`${sentBeforeKill} posts had been sent`);
		return `worker pid ${victim.pid} killed after ${sentBeforeKill} posts had reached the sandbox`;
	});
	if (!victim) return;
	const execution = () => executionsOf(cluster, wfs.posts.id, before)[0];
	// What n8n does next: wait for the webhook call to end and the execution to leave "running".
	let settledAt;
	while (!settledAt && Date.now() - killedAt < 240000) {
		const e = execution();
		const done = await Promise.race([answer.then(() => true), sleep(500).then(() => false)]);
		if (done && e && !['new', 'running'].includes(e.status)) settledAt = Date.now();
	}
	await sleep(3000); // anything still arriving for this execution would show now
	sandbox.setDelay(0);
	const recs = postRecords(sandbox.requests, 'kill');
	const a = await Promise.race([answer, sleep(1000).then(() => ({ status: 'still waiting', text: '' }))]);
	const e = execution();
	const twice = duplicates(recs);
	const reRun = new RegExp(`Worker started execution ${e && e.id}\\b`).test(cluster.workers.find((w) => w !== victim).logs());
	const stored = e && cluster.executionData(e.id);
	const distinct = recs.length - twice.length;
	const after = (t) => (t ? `${((t - killedAt) / 1000).toFixed(0)} s` : undefined);
	const webhook = `${a.status}${a.text ? ` ${a.text.slice(0, 120)}` : ''}`;
	say(`# after the kill: n8n marked the execution "${e?.status}" ${settledAt ? `${after(settledAt)} later` : '(not within 240 s)'}; the webhook caller got ${webhook} after ${after(a.at) ?? '—'}; re-run on the other worker: ${reRun ? 'yes' : 'no'}`);
	say(`# n8n stored for it: error "${stored?.resultData.error?.message}", run data of ${Object.keys(stored?.resultData.runData || {}).join(', ') || 'no node'}`);
	say(`# sandbox: ${recs.length} posts received for this execution (${distinct} distinct, ${twice.length} twice, ${recs.filter((r) => r.startedAt > killedAt).length} after the kill), ${100 - distinct} never sent`);
	check('n8n did not re-run the execution: no post reached the sandbox twice', () => {
		if (reRun) fail('the surviving worker started the execution again');
		if (twice.length) fail(`${twice.length} posts twice: ${twice.slice(0, 3).join(', ')}`);
		return `${distinct} of 100 posts sent once, ${100 - distinct} never`;
	});
	check('n8n ended the execution as failed (not success, not left running) and answered the webhook caller', () => {
		if (!e) fail('no execution row');
		if (['success', 'new', 'running'].includes(e.status)) fail(`status "${e.status}"`);
		if (typeof a.status !== 'number') fail(`webhook: ${a.status}`);
		return `status "${e.status}", webhook HTTP ${a.status}`;
	});
	sandbox.reset();
	const next = posts('after', 0, 10);
	const res = await cluster.webhook(HOOKS.posts, { posts: next });
	check('the surviving worker keeps serving: a new 10-post execution answers 200 with 10 results, the sandbox got each post once', () => {
		if (res.status !== 200 || !Array.isArray(res.body) || res.body.length !== 10) fail(`HTTP ${res.status} ${res.text.slice(0, 200)}`);
		const got = postRecords(sandbox.requests, 'after');
		assertEqual(got.map((r) => r.json.request.push.post.message).sort(), next.map((p) => p.message).sort(), 'posts');
	});
}

function caseSecrets({ report, cluster }) {
	const { check } = report;
	report.setScope('[secrets]');
	checkLeakScanner(check);
	checkNoSecrets('no key and no Authorization value in the logs of main and both workers (the killed one included)', cluster.logs(), { check });
	const dump = cluster.pg.dump(cluster.db.database);
	const where = 'a full dump of n8n\'s PostgreSQL database (execution data, credentials, everything) and the server\'s log';
	checkNoSecrets(`none in the database: ${where}`, { 'database dump': dump, 'PostgreSQL log': cluster.pg.logs() }, {
		check,
		also: () => dump.includes('posts r00 i000') || fail('the dump does not hold the execution data (control text missing)'),
	});
	const traffic = cluster.redisTraffic();
	const texts = {
		'Redis commands': traffic,
		'Redis keyspace': cluster.redis.snapshot(path.join(cluster.dir, 'redis.rdb')),
		'Redis log': cluster.redis.logs(),
	};
	checkNoSecrets('none in Redis: every command main and the workers sent it (MONITOR) and the whole keyspace at the end (RDB)', texts, {
		check,
		also: () => /"bull:jobs:/.test(traffic) || fail('the MONITOR record has no queue traffic (control)'),
	});
}

/** In the order they run: the kill case ends a worker, and the secrets case reads every log, the killed worker's included. */
const CASES = [casePosts, caseChainAndFaults, caseWorkerKilled, caseSecrets];

module.exports = { CASES, casePosts, caseChainAndFaults, caseWorkerKilled, caseSecrets };
