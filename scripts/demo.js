#!/usr/bin/env node
'use strict';
/*
 * `npm run demo`: examples/rss-to-tweet-with-picture.json in a real n8n 2.x with the packed package,
 * against the local OneAll sandbox and a local RSS feed of three posts. `n8n execute` starts only at a
 * Manual Trigger, so the RSS Feed Trigger becomes Manual Trigger → RSS Read of that feed (same name).
 * Exits 0 only when every tweet carries the picture uploaded for its post.
 */
const fs = require('fs');
const path = require('path');
const http = require('http');
const { createInstance, stopOnSignals } = require('../test/harness/n8n');
const { nodeOutput } = require('../test/harness/run-output');
const { startSandbox } = require('../test/sandbox/server');
const { packToTemp, ROOT } = require('../test/harness/pack');
const { secs } = require('../test/harness/checks');
const { refusedByRegexGuard } = require('../test/harness/suite');

const EXAMPLE = path.join(ROOT, 'examples', 'rss-to-tweet-with-picture.json');

if (!process.env.N8N_E2E_VERBOSE) process.env.N8N_E2E_QUIET = '1';

const POSTS = [
	{ title: 'How we ship every Friday', slug: 'friday-shipping', picture: 'https://example.com/images/friday.png', date: 'Thu, 26 Nov 2026' },
	{ title: 'Release 2.0: what is new', slug: 'release-2-0', picture: 'https://example.com/images/release-2-0.jpg', date: 'Wed, 25 Nov 2026' },
	{ title: 'Our team offsite', slug: 'team-offsite', picture: 'https://example.com/images/offsite.gif', date: 'Tue, 24 Nov 2026' },
];

const out = (s = '') => process.stdout.write(`${s}\n`);
const xml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>Example blog</title>
    <link>https://example.com/blog</link>
    <description>A feed served by scripts/demo.js</description>
${POSTS.map(
	(p) => `    <item>
      <title>${xml(p.title)}</title>
      <link>https://example.com/blog/${p.slug}</link>
      <guid>https://example.com/blog/${p.slug}</guid>
      <pubDate>${p.date} 09:00:00 GMT</pubDate>
      <description>${xml(p.title)}</description>
      <enclosure url="${xml(p.picture)}" type="image/${p.picture.split('.').pop().replace('jpg', 'jpeg')}" length="48213"/>
    </item>`,
).join('\n')}
  </channel>
</rss>
`;

/** Serves RSS at /blog/rss.xml on 127.0.0.1; resolves to its URL. */
async function startFeed() {
	const server = http.createServer((req, res) => {
		if (req.url !== '/blog/rss.xml') return res.writeHead(404).end();
		res.setHeader('Content-Type', 'application/rss+xml; charset=utf-8');
		res.end(RSS);
	});
	await new Promise((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
	return `http://127.0.0.1:${server.address().port}/blog/rss.xml`;
}

/** The example, with its RSS Feed Trigger replaced by Manual Trigger → RSS Read of the local feed. */
function demoWorkflow(example, feedUrl) {
	const trigger = example.nodes.find((n) => n.type === 'n8n-nodes-base.rssFeedReadTrigger');
	const [x, y] = trigger.position;
	const nodes = example.nodes.filter((n) => n !== trigger);
	nodes.push(
		{ parameters: {}, id: 'de000000-0000-4000-8000-000000000001', name: 'Run Demo', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [x - 240, y] },
		{ parameters: { url: feedUrl }, id: 'de000000-0000-4000-8000-000000000002', name: trigger.name, type: 'n8n-nodes-base.rssFeedRead', typeVersion: 1, position: [x, y] },
	);
	const connections = { ...example.connections, 'Run Demo': { main: [[{ node: trigger.name, type: 'main', index: 0 }]] } };
	return { ...example, id: 'oneAllDemoRss002', name: `${example.name} (demo)`, nodes, connections };
}

// However the demo ends, the harness ends n8n and removes its user folder; the servers end with this process.
stopOnSignals(() => out('\nstopped: n8n and everything else the demo started'));

async function main() {
	const t0 = Date.now();
	const { tgz } = packToTemp('demo');
	const sandbox = await startSandbox({ port: 0 });
	const feedUrl = await startFeed();

	out('OneAll demo: example workflow 2, "RSS item → Twitter picture → tweet", in a real n8n');
	out(`  OneAll sandbox  ${sandbox.url}   (local stand-in for https://<site>.api.oneall.com)`);
	out(`  RSS feed        ${feedUrl}   (${POSTS.length} blog posts with a picture each)`);
	out(`  package         ${path.basename(tgz)}, installed into a fresh n8n user folder's .n8n/nodes`);
	out('  n8n 2.x         the first run installs it into ~/.cache/n8n-nodes-oneall (several minutes, once)');

	const tn = Date.now();
	const n8n = await createInstance({ line: '2', tarball: tgz });
	out(`  n8n ${n8n.version} ready, package installed (${secs(Date.now() - tn)})`);

	const example = JSON.parse(fs.readFileSync(EXAMPLE, 'utf8'));
	const { id, name } = example.nodes.find((n) => n.credentials).credentials.oneAllApi;
	const data = { subdomain: 'sandbox', publicKey: sandbox.publicKey, privateKey: sandbox.privateKey, baseUrl: sandbox.url };
	await n8n.importCredentials([{ id, name, type: 'oneAllApi', data }]);
	const workflow = demoWorkflow(example, feedUrl);
	await n8n.importWorkflow(workflow);
	out(`  imported the credential "${name}" (Base URL ${sandbox.url}) and the workflow\n`);
	out('Executing the workflow (n8n execute)…');
	sandbox.reset();
	let run = await n8n.execute(workflow.id);
	if (refusedByRegexGuard(run, sandbox.requests.length)) {
		out('  (n8n refused to start it: "Regular expression execution timed out" on a busy CPU; running it again)');
		run = await n8n.execute(workflow.id);
	}
	const requests = sandbox.requests.slice();
	if (!run.result) {
		throw new Error(`n8n printed no run (exit ${run.code}${run.signal ? `/${run.signal}` : ''}):\n${run.stdout.slice(-3000)}\n${run.stderr.slice(-2000)}`);
	}
	out(`  ${run.ok ? 'succeeded' : `FAILED: ${run.error && run.error.message}`} in ${secs(run.ms)}\n`);

	out('Items n8n produced:');
	for (const node of ['New Blog Post', 'Upload Picture', 'Publish Tweet']) {
		const items = nodeOutput(run.result, node) || [];
		out(`  ${node} (${items.length} item${items.length === 1 ? '' : 's'})`);
		for (const { json, pairedItem } of items) {
			const shown = JSON.stringify(node === 'New Blog Post' ? { title: json.title, link: json.link, enclosure: json.enclosure } : json);
			const paired = pairedItem && node !== 'New Blog Post' ? `  ← item ${pairedItem.item}` : '';
			out(`    ${shown.length > 150 ? `${shown.slice(0, 149)}…` : shown}${paired}`);
		}
	}

	out(`\nWhat the OneAll sandbox received (${requests.length} requests):`);
	for (const r of requests) {
		const auth = r.headers.authorization === sandbox.authHeader ? "HTTP Basic with the credential's keys" : 'NOT the credential (wrong)';
		out(`  ${r.method} ${r.url} → ${r.status}\n    Authorization: ${auth}\n    body: ${r.body}`);
	}

	const uploads = requests.filter((r) => r.pathname.endsWith('/twitter/picture.json'));
	const tweets = requests.filter((r) => r.pathname.endsWith('/twitter/post.json'));
	const pictures = nodeOutput(run.result, 'Upload Picture') || [];
	const problems = [];
	if (!run.ok) problems.push('the workflow did not succeed');
	if (tweets.length !== POSTS.length) problems.push(`${tweets.length} tweets arrived, expected ${POSTS.length}`);
	out('\nThe tweets, as the sandbox received them:');
	tweets.forEach((t, i) => {
		const post = t.json && t.json.request.push.post;
		const expected = pictures[i] && String(pictures[i].json.picture_id);
		const uploaded = uploads[i] && uploads[i].json.request.push.picture.url;
		const ok = post && Array.isArray(post.attachments) && post.attachments.length === 1 && post.attachments[0] === expected;
		if (!ok) problems.push(`tweet ${i} does not carry the picture uploaded for its post`);
		out(`  ${ok ? '✓' : '✗'} "${post ? post.message : '?'}"`);
		out(`      attachments ${JSON.stringify(post && post.attachments)} = picture_id of ${uploaded}`);
	});
	out('');
	if (problems.length) {
		out(`Demo FAILED: ${problems.join('; ')}`);
		if (!run.ok) out(run.stdout.slice(-3000));
		process.exitCode = 1;
	} else {
		out(`Demo OK: ${tweets.length} tweets published through n8n ${n8n.version}, each with its post's picture attached (${secs(Date.now() - t0)} in all).`);
	}
}

main()
	.catch((err) => {
		out(`Demo FAILED: ${err.stack || err}`);
		process.exitCode = 1;
	})
	.then(() => process.stdout.write('', () => process.exit())); // once the output is out (pipes are asynchronous on macOS)
