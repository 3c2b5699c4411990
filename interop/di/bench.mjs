// The JavaScript reference stack's Data Integrity speed on microcred's benchmark document, for the row beside
// microcred's in the README (issue 15). Usage: node bench.mjs JOB.json  -> prints a report on stdout.
// JOB = {contextsDir, credential, key:{type, publicKeyMultibase, secretKeyMultibase}, now, rounds, block}, written
// by `DataIntegrityInterleaved ... --js-job FILE` (the same OB3 credential and key as the Java run).
// Interleaved like DataIntegrityInterleaved: each round times a block of every operation in turn, the order
// rotating; reported: minimum and median per call, ratios of minimums and median per-round ratios against the raw
// node:crypto signature of a hash-sized message (the JS baseline, measured in the same process).
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import crypto from 'node:crypto';
import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsa} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {cryptosuite as ecdsa} from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';

const job = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const contexts = new Map();
for (const line of readFileSync(join(job.contextsDir, 'contexts.tsv'), 'utf8').split('\n')) {
  if (!line.trim() || line.startsWith('#')) continue;
  const [url, file] = line.split('\t');
  contexts.set(url, JSON.parse(readFileSync(join(job.contextsDir, file), 'utf8')));
}

const did = `did:key:${job.key.publicKeyMultibase}`;
const vmId = `${did}#${job.key.publicKeyMultibase}`;
const vm = {id: vmId, type: 'Multikey', controller: did, publicKeyMultibase: job.key.publicKeyMultibase};

async function documentLoader(url) {
  if (contexts.has(url)) return {contextUrl: null, documentUrl: url, document: contexts.get(url)};
  if (url === vmId) {
    return {contextUrl: null, documentUrl: url, document: {'@context': 'https://w3id.org/security/multikey/v1', ...vm}};
  }
  if (url === did) {
    return {contextUrl: null, documentUrl: url, document: {
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'], id: did,
      verificationMethod: [vm], assertionMethod: [vmId], authentication: [vmId]}};
  }
  throw new Error(`document not pinned (offline loader): ${url}`);
}

const ed = job.key.type === 'ED25519';
const key = ed ? await Ed25519Multikey.from({...vm, secretKeyMultibase: job.key.secretKeyMultibase})
  : await EcdsaMultikey.from({...vm, secretKeyMultibase: job.key.secretKeyMultibase});
const cryptosuite = ed ? eddsa : ecdsa;
const now = new Date(job.now);
const verifySuite = () => new DataIntegrityProof({cryptosuite});

async function sign() {
  const suite = new DataIntegrityProof({signer: key.signer(), cryptosuite, date: now});
  return vc.issue({credential: structuredClone(job.credential), suite, documentLoader});
}
async function verify(signed) {
  const r = await vc.verifyCredential({credential: signed, suite: verifySuite(), documentLoader, now});
  return r.verified === true;
}
const signed = await sign();
if (!(await verify(signed))) throw new Error('the JS stack does not verify its own signature of the document');

// raw baseline: node:crypto over a hash-sized message, the same key
const message = crypto.randomBytes(ed ? 64 : job.key.type === 'P384' ? 96 : 64);
const pair = ed ? crypto.generateKeyPairSync('ed25519')
  : crypto.generateKeyPairSync('ec', {namedCurve: job.key.type === 'P384' ? 'P-384' : 'P-256'});
const hash = ed ? null : job.key.type === 'P384' ? 'sha384' : 'sha256';
const rawSig = crypto.sign(hash, message, pair.privateKey);

const ops = {
  jsSignAndVerify: async () => verify(await sign()),
  jsVerify: async () => verify(signed),
  rawSignAndVerify: async () => crypto.verify(hash, message, pair.publicKey, crypto.sign(hash, message, pair.privateKey)),
  rawVerify: async () => crypto.verify(hash, message, pair.publicKey, rawSig),
};
const names = Object.keys(ops);
const rounds = job.rounds || 15;
const block = job.block || 30;
const times = Object.fromEntries(names.map(n => [n, []]));
for (let round = -3; round < rounds; round++) {
  for (let k = 0; k < names.length; k++) {
    const name = names[(((k + round) % names.length) + names.length) % names.length];
    const calls = name.startsWith('js') ? Math.max(1, Math.floor(block / 4)) : block;
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < calls; i++) {
      if (!(await ops[name]())) throw new Error(`${name} did not verify`);
    }
    const per = Number(process.hrtime.bigint() - t0) / calls;
    if (round >= 0) times[name].push(per);
  }
}
const min = a => Math.min(...a);
const median = a => { const s = [...a].sort((x, y) => x - y); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
console.log(`JS reference stack (node ${process.version}, @digitalbazaar/vc + ${ed ? 'eddsa' : 'ecdsa'}-rdfc cryptosuite), ${job.key.type}, interleaved: ${rounds} rounds of ${block} calls (JS stack ${Math.max(1, Math.floor(block / 4))})`);
console.log(`  ${'operation'.padEnd(26)} ${'min us'.padStart(12)} ${'median us'.padStart(12)}`);
for (const n of names) console.log(`  ${n.padEnd(26)} ${(min(times[n]) / 1e3).toFixed(1).padStart(12)} ${(median(times[n]) / 1e3).toFixed(1).padStart(12)}`);
for (const [a, b] of [['jsSignAndVerify', 'rawSignAndVerify'], ['jsVerify', 'rawVerify']]) {
  const per = times[a].map((x, i) => x / times[b][i]);
  console.log(`  ${(a + ' / ' + b).padEnd(40)} ${(min(times[a]) / min(times[b])).toFixed(2).padStart(10)} x ${median(per).toFixed(2).padStart(14)} x`);
}
