#!/usr/bin/env node
'use strict';
/*
 * Ad-hoc experiment behind the profile finding in bench/results.md (not part of `npm run bench`):
 * does the OneAll node's per-item cost come from the same-named properties n8n's declarative engine
 * evaluates for every item? It packs the package, patches a COPY of the built node so its
 * description keeps only what Twitter › Upload Picture shows (as if the other operations' fields had
 * other names), installs that copy in a fresh n8n 2.41.0, and runs 1,000 uploads through it and
 * through the HTTP Request node (OneAll, HTTP, HTTP, OneAll), counting expression evaluations.
 *
 *   node bench/experiment-dedupe.js          patched copy
 *   node bench/experiment-dedupe.js none     unpatched, for comparison at the same machine load
 * The repository's files are not changed.
 */
process.env.N8N_E2E_QUIET = '1';
const fs = require('fs'), os = require('os'), path = require('path');
const { execFileSync } = require('child_process');
const B = require('./run.js');
const { createInstance } = require('../test/e2e/lib/n8n');
const { startSandbox } = require('../test/sandbox/server');
(async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-exp-'));
  B.setTmpDir(tmp);
  const variant = process.argv[2] || 'dedupe';
  execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', tmp, path.resolve(__dirname, '..')], { stdio: 'ignore' });
  const tgz = fs.readdirSync(tmp).find((f) => f.endsWith('.tgz'));
  execFileSync('tar', ['xzf', path.join(tmp, tgz), '-C', tmp]);
  const nodeFile = path.join(tmp, 'package/dist/nodes/OneAll/OneAll.node.js');
  if (variant === 'dedupe') fs.appendFileSync(nodeFile, `
{ const Orig = exports.OneAll;
  exports.OneAll = class OneAll extends Orig { constructor() { super();
    const keep = (p) => { const s = p.displayOptions && p.displayOptions.show; return !s || !s.resource || (s.resource.includes('twitter') && (!s.operation || s.operation.includes('uploadPicture'))); };
    // experiment: only the properties Twitter > Upload Picture shows (as if every other operation's fields had other names)
    this.description.properties = this.description.properties.filter((p) => p.name === 'resource' || p.name === 'operation' || p.name === 'identityToken' || p.name === 'requestOptions' || keep(p));
  } };
}
`);
  execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', tmp], { cwd: path.join(tmp, 'package'), stdio: 'ignore' });
  const patched = fs.readdirSync(tmp).filter((f) => f.endsWith('.tgz')).map((f) => path.join(tmp, f)).sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
  const sb = await startSandbox({ port: 0 });
  const inst = await createInstance({ line: '2', tarball: patched });
  try {
    await inst.importCredentials([
      { ...B.CRED.oneall, type: 'oneAllApi', data: { subdomain: 'sandbox', publicKey: B.KEYS.publicKey, privateKey: B.KEYS.privateKey, baseUrl: sb.url } },
      { ...B.CRED.basic, type: 'httpBasicAuth', data: { user: B.KEYS.publicKey, password: B.KEYS.privateKey } },
    ]);
    await inst.importWorkflows([B.workflow('oneall', sb.url), B.workflow('http', sb.url)]);
    const env = { BENCH_COUNT_EXPRESSIONS: '1' };
    const out = [];
    for (const kind of ['oneall', 'http', 'http', 'oneall']) {
      const r = await B.measuredRun(inst, sb, kind, 0, { env });
      out.push({ kind, msPerItem: r.msPerItem, ok: r.ok, problems: r.problems, expr: r.expressionCounts && r.expressionCounts.expressions / 1000 });
    }
    console.log(JSON.stringify(out, null, 1));
  } finally {
    await inst.cleanup(); await sb.close(); fs.rmSync(tmp, { recursive: true, force: true });
  }
})().catch((e) => { console.error(e); process.exit(1); });
