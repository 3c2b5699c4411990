// microcred interop harness: the Digital Bazaar JS stack, fully offline.
// Usage: node harness.mjs JOB.json  -> prints a JSON result on stdout.
// JOB = {contextsDir, schemaDir?, now, verify:[{credential}], sign:[{credential, key:{type, publicKeyMultibase,
//        secretKeyMultibase}}], schema:[{schema, document}],
//        sdSign:[{credential, key, mandatoryPointers}], sdDerive:[{credential, selectivePointers}],
//        sdVerify:[{credential}]}   (ecdsa-sd-2023: base proof, derived proof, verification of a derived proof)
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsa} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {cryptosuite as ecdsa} from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import * as ecdsaSd from '@digitalbazaar/ecdsa-sd-2023-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';

const job = JSON.parse(readFileSync(process.argv[2], 'utf8'));

// Pinned contexts: the very files microcred ships, listed in contexts.tsv (URL, file, sha256).
const contexts = new Map();
for (const line of readFileSync(join(job.contextsDir, 'contexts.tsv'), 'utf8').split('\n')) {
  if (!line.trim() || line.startsWith('#')) continue;
  const [url, file] = line.split('\t');
  contexts.set(url, JSON.parse(readFileSync(join(job.contextsDir, file), 'utf8')));
}

function didKeyDocument(did) {
  const mb = did.slice('did:key:'.length);
  const vmId = `${did}#${mb}`;
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: did,
    verificationMethod: [{id: vmId, type: 'Multikey', controller: did, publicKeyMultibase: mb}],
    assertionMethod: [vmId], authentication: [vmId],
    capabilityInvocation: [vmId], capabilityDelegation: [vmId]
  };
}

async function documentLoader(url) {
  if (contexts.has(url)) {
    return {contextUrl: null, documentUrl: url, document: contexts.get(url)};
  }
  if (url.startsWith('did:key:')) {
    const [did, fragment] = url.split('#');
    const doc = didKeyDocument(did);
    if (fragment) {
      const vm = doc.verificationMethod.find(v => v.id === url);
      if (!vm) throw new Error(`unknown verification method ${url}`);
      return {contextUrl: null, documentUrl: url,
        document: {'@context': 'https://w3id.org/security/multikey/v1', ...vm}};
    }
    return {contextUrl: null, documentUrl: url, document: doc};
  }
  throw new Error(`document not pinned (offline loader): ${url}`);
}

const out = {verify: [], sign: [], schema: [], sdSign: [], sdDerive: [], sdVerify: []};
const now = job.now ? new Date(job.now) : new Date();

for (const item of job.verify || []) {
  try {
    const suite = [new DataIntegrityProof({cryptosuite: eddsa}), new DataIntegrityProof({cryptosuite: ecdsa})];
    const r = await vc.verifyCredential({credential: item.credential, suite, documentLoader, now});
    out.verify.push({verified: r.verified === true,
      error: r.verified ? null : String((r.error && (r.error.errors || [r.error]).map(e => e.message).join('; '))
        || JSON.stringify(r.results && r.results.map(x => x.error && x.error.message)))});
  } catch (e) {
    out.verify.push({verified: false, error: String(e && e.message)});
  }
}

for (const item of job.sign || []) {
  try {
    const did = `did:key:${item.key.publicKeyMultibase}`;
    const keyDoc = {id: `${did}#${item.key.publicKeyMultibase}`, controller: did,
      publicKeyMultibase: item.key.publicKeyMultibase, secretKeyMultibase: item.key.secretKeyMultibase,
      type: 'Multikey'};
    const key = item.key.type === 'ED25519' ? await Ed25519Multikey.from(keyDoc) : await EcdsaMultikey.from(keyDoc);
    const suite = new DataIntegrityProof({signer: key.signer(),
      cryptosuite: item.key.type === 'ED25519' ? eddsa : ecdsa});
    out.sign.push(await vc.issue({credential: item.credential, suite, documentLoader}));
  } catch (e) {
    out.sign.push({error: String(e && e.message)});
  }
}

function describe(r) {
  return r.verified ? null : String((r.error && (r.error.errors || [r.error]).map(e => e.message).join('; '))
    || JSON.stringify(r.results && r.results.map(x => x.error && x.error.message)));
}

for (const item of job.sdSign || []) {
  try {
    const did = `did:key:${item.key.publicKeyMultibase}`;
    const key = await EcdsaMultikey.from({id: `${did}#${item.key.publicKeyMultibase}`, controller: did,
      publicKeyMultibase: item.key.publicKeyMultibase, secretKeyMultibase: item.key.secretKeyMultibase,
      type: 'Multikey'});
    const suite = new DataIntegrityProof({signer: key.signer(),
      cryptosuite: ecdsaSd.createSignCryptosuite({mandatoryPointers: item.mandatoryPointers})});
    out.sdSign.push(await vc.issue({credential: item.credential, suite, documentLoader}));
  } catch (e) {
    out.sdSign.push({error: String(e && e.message)});
  }
}

for (const item of job.sdDerive || []) {
  try {
    const suite = new DataIntegrityProof({
      cryptosuite: ecdsaSd.createDiscloseCryptosuite({selectivePointers: item.selectivePointers})});
    out.sdDerive.push(await vc.derive({verifiableCredential: item.credential, suite, documentLoader}));
  } catch (e) {
    out.sdDerive.push({error: String(e && e.message)});
  }
}

for (const item of job.sdVerify || []) {
  try {
    const suite = new DataIntegrityProof({cryptosuite: ecdsaSd.createVerifyCryptosuite()});
    const r = await vc.verifyCredential({credential: item.credential, suite, documentLoader, now});
    out.sdVerify.push({verified: r.verified === true, error: describe(r)});
  } catch (e) {
    out.sdVerify.push({verified: false, error: String(e && e.message)});
  }
}

if ((job.schema || []).length) {
  const ajv = new Ajv2019({strict: false, allErrors: true});
  addFormats(ajv);
  const compiled = new Map();
  for (const item of job.schema) {
    if (!compiled.has(item.schema)) {
      compiled.set(item.schema, ajv.compile(JSON.parse(readFileSync(join(job.schemaDir, item.schema), 'utf8'))));
    }
    const validate = compiled.get(item.schema);
    const valid = validate(item.document);
    out.schema.push({valid, errors: valid ? null : ajv.errorsText(validate.errors)});
  }
}

process.stdout.write(JSON.stringify(out));
