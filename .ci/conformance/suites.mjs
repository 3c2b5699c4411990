// Helper of .ci/conformance.sh (Node, no dependencies):
//   node suites.mjs config SUITE MODE SERVER.json OUT.cjs   writes the suite's localConfig.cjs
//        MODE: "claimed" registers the tags microcred claims; "all" adds the suite's other tags (used only for a
//        mocha --dry-run that counts the tests of features microcred does not claim, never against the service)
//   node suites.mjs report SUITE RESULT.json DRY.json KNOWN.tsv TABLE.tsv
//        reads mocha's JSON reports, prints the failures, appends one row to TABLE.tsv and exits 1 when a test of a
//        claimed feature fails and is not listed in KNOWN.tsv
//   node suites.mjs table TABLE.tsv                          prints the per-suite table
import fs from 'node:fs';

// What microcred claims per suite (tags it registers) and what the suite offers that it does not claim yet.
// `issuers(s)` / `verifiers(s)` build the endpoint entries from the server's start line.
export const SUITES = {
  'vc-data-model-2.0-test-suite': {
    claimed: ['vc2.0'],
    unclaimed: [],
    build: (s, tags) => ({
      issuers: [issuer(s, s.ed25519, tags, {supports: {vc: ['2.0']}})],
      verifiers: [verifier(s, '/credentials/verify', tags)],
      vpVerifiers: [verifier(s, '/presentations/verify', tags)]
    })
  },
  // one issuer per cryptosuite (the suites pick issuers by tag): rdfc issuers and issuers configured with a jcs suite
  'vc-di-eddsa-test-suite': {
    claimed: ['eddsa-rdfc-2022', 'eddsa-jcs-2022'],
    unclaimed: [],
    build: (s, tags) => ({
      issuers: [issuer(s, s.ed25519, only(tags, 'eddsa-rdfc-2022'), {supports: {vc: ['1.1', '2.0']}}),
        issuer(s, s.ed25519Jcs, only(tags, 'eddsa-jcs-2022'), {supports: {vc: ['1.1', '2.0']}})]
        .filter(i => i.tags.length),
      verifiers: [verifier(s, '/credentials/verify', tags, {supports: {vc: ['1.1', '2.0']}})]
    })
  },
  'vc-di-ecdsa-test-suite': {
    claimed: ['ecdsa-rdfc-2019', 'ecdsa-jcs-2019', 'ecdsa-sd-2023', 'vcHolder'],
    unclaimed: [],
    build: (s, tags) => ({
      issuers: [
        issuer(s, s.p256, only(tags, 'ecdsa-rdfc-2019'), {supportedEcdsaKeyTypes: ['P-256'], supports: {vc: ['1.1', '2.0']}}),
        issuer(s, s.p384, only(tags, 'ecdsa-rdfc-2019'), {supportedEcdsaKeyTypes: ['P-384'], supports: {vc: ['1.1', '2.0']}}),
        issuer(s, s.p256Jcs, only(tags, 'ecdsa-jcs-2019'), {supportedEcdsaKeyTypes: ['P-256'], supports: {vc: ['1.1', '2.0']}}),
        issuer(s, s.p384Jcs, only(tags, 'ecdsa-jcs-2019'), {supportedEcdsaKeyTypes: ['P-384'], supports: {vc: ['1.1', '2.0']}}),
        // ecdsa-sd-2023: a P-256 issuer configured with the suite answers base proofs (options.mandatoryPointers)
        issuer(s, s.p256Sd, only(tags, 'ecdsa-sd-2023'), {supportedEcdsaKeyTypes: ['P-256'], supports: {vc: ['1.1', '2.0']}})
      ].filter(i => i.tags.length),
      verifiers: [verifier(s, '/credentials/verify', tags.filter(t => t !== 'vcHolder'),
        {supportedEcdsaKeyTypes: ['P-256', 'P-384'], supports: {vc: ['1.1', '2.0']}})],
      // the holder's step: POST /credentials/derive {verifiableCredential, options: {selectivePointers}}
      vcHolders: [verifier(s, '/credentials/derive', only(tags, 'vcHolder'))].filter(i => i.tags.length)
    })
  },
  'vc-bitstring-status-list-test-suite': {
    claimed: ['BitstringStatusList'],
    unclaimed: [],
    build: (s, tags) => ({
      issuers: [issuer(s, s.status, tags)],
      verifiers: [verifier(s, '/credentials/verify', tags)],
      vpVerifiers: [verifier(s, '/presentations/verify', tags)]
    })
  }
};

// the tags of a run that one issuer serves: its own suite's tag (when the run registers it)
function only(tags, tag) {
  return tags.filter(t => t === tag);
}

function issuer(s, id, tags, extra = {}) {
  return {id, endpoint: s.url + '/credentials/issue', headers: {Authorization: 'Bearer ' + s.token}, tags, ...extra};
}

function verifier(s, path, tags, extra = {}) {
  return {id: 'microcred' + path.replace(/\//g, '-'), endpoint: s.url + path, tags, ...extra};
}

function config(suite, mode, serverFile, out) {
  const def = SUITES[suite];
  if(!def) {
    throw new Error(`unknown suite ${suite}`);
  }
  const s = JSON.parse(fs.readFileSync(serverFile, 'utf8'));
  const tags = mode === 'all' ? [...def.claimed, ...def.unclaimed] : def.claimed;
  const impl = {name: 'microcred', implementation: 'microcred', ...def.build(s, tags)};
  const cfg = {settings: {enableInteropTests: false, testAllImplementations: false}, implementations: [impl]};
  fs.writeFileSync(out, '// written by .ci/conformance.sh\nmodule.exports = ' + JSON.stringify(cfg, null, 2)
    + ';\n');
}

// KNOWN.tsv: suite <TAB> full test title <TAB> reason ('#' comments)
function known(file) {
  const m = new Map();
  for(const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if(!line.trim() || line.startsWith('#')) {
      continue;
    }
    const [suite, title, reason] = line.split('\t');
    m.set(suite + '\t' + title, reason || '(no reason given)');
  }
  return m;
}

function readReport(file) {
  if(!file || !fs.existsSync(file) || fs.statSync(file).size === 0) {
    return null;
  }
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function report(suite, resultFile, dryFile, knownFile, tableFile) {
  const def = SUITES[suite];
  const r = readReport(resultFile);
  const dry = readReport(dryFile);
  const ran = new Set();
  let passed = 0;
  let pending = 0;
  const failed = [];
  if(r) {
    for(const t of r.tests) {
      ran.add(t.fullTitle);
    }
    passed = r.passes.length;
    pending = r.pending.length;
    for(const t of r.failures) {
      failed.push(t);
    }
  }
  // tests the full-tag dry run lists that the claimed run did not run: features microcred does not claim
  const notRegistered = dry ? dry.tests.filter(t => !ran.has(t.fullTitle)).length : 0;
  const k = known(knownFile);
  const fresh = [];
  let knownCount = 0;
  for(const t of failed) {
    const key = suite + '\t' + t.fullTitle;
    const msg = (t.err && t.err.message || '').split('\n')[0].slice(0, 300);
    if(k.has(key)) {
      knownCount++;
      console.log(`  known  ${t.fullTitle}\n         reason: ${k.get(key)}\n         got: ${msg}`);
    } else {
      fresh.push(t);
      console.log(`  FAIL   ${t.fullTitle}\n         ${msg}`);
    }
  }
  for(const [key] of k) {
    const [ks, title] = key.split('\t');
    if(ks === suite && ran.has(title) && !failed.some(t => t.fullTitle === title)) {
      console.log(`  note   listed as a known failure but passes now (remove it from known-failures.tsv): ${title}`);
    }
  }
  const claimed = def.claimed.length ? def.claimed.join(',') : '-';
  const unclaimed = def.unclaimed.length ? def.unclaimed.join(',') : '-';
  fs.appendFileSync(tableFile, [suite, claimed, r ? r.tests.length : 0, passed, failed.length, knownCount, pending,
    notRegistered, unclaimed].join('\t') + '\n');
  return fresh.length;
}

function table(tableFile) {
  const head = ['suite', 'tags registered', 'ran', 'passed', 'failed', 'known', 'pending', 'not registered',
    'tags not registered'];
  const rows = fs.readFileSync(tableFile, 'utf8').trim().split('\n').filter(Boolean).map(l => l.split('\t'));
  const all = [head, ...rows];
  const w = head.map((_, i) => Math.max(...all.map(r => String(r[i] ?? '').length)));
  for(const r of all) {
    console.log('  ' + r.map((c, i) => String(c ?? '').padEnd(w[i])).join('  '));
  }
}

const [cmd, ...args] = process.argv.slice(2);
if(cmd === 'config') {
  config(...args);
} else if(cmd === 'report') {
  process.exitCode = report(...args) > 0 ? 1 : 0;
} else if(cmd === 'table') {
  table(...args);
} else {
  console.error('usage: node suites.mjs config|report|table ...');
  process.exitCode = 2;
}
