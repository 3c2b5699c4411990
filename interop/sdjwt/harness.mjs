// Interop peer for microcred's SD-JWT VC, run by the JUnit test io.github.microcred.vc.sdjwt.SdJwtInteropTest.
//   node harness.mjs verify IN.json OUT.json   verify SD-JWT+KB tokens microcred issued and presented, with the
//                                             OpenWallet Foundation library @sd-jwt/sd-jwt-vc; writes a JSON report
//   node harness.mjs issue IN.json OUT.json    issue the given credential as SD-JWT VC with the library (issuer =
//                                             did:jwk of a fresh key, EdDSA / ES256 / ES384), present it with a KB-JWT
//                                             and write the tokens for microcred to verify
// Signatures use Node's crypto (raw r||s ECDSA, Ed25519), so the library does all SD-JWT processing. No network.
import { readFileSync, writeFileSync } from 'node:fs';
import { createPublicKey, createPrivateKey, generateKeyPairSync, sign, verify, createHash, randomBytes }
  from 'node:crypto';
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';

const [cmd, inFile, outFile] = process.argv.slice(2);
const input = JSON.parse(readFileSync(inFile, 'utf8'));

const hashOf = { EdDSA: null, ES256: 'sha256', ES384: 'sha384' };
const hasher = (data, alg) => {
  if (alg !== 'sha-256') throw new Error(`unsupported _sd_alg ${alg}`);
  return new Uint8Array(createHash('sha256').update(data).digest());
};
const saltGenerator = (n) => randomBytes(n).toString('base64url');
function jwkVerifier(jwk, alg) {
  const key = createPublicKey({ key: jwk, format: 'jwk' });
  return (data, sig) => verify(hashOf[alg], Buffer.from(data), { key, dsaEncoding: 'ieee-p1363' },
    Buffer.from(sig, 'base64url'));
}
function jwkSigner(jwk, alg) {
  const key = createPrivateKey({ key: jwk, format: 'jwk' });
  return (data) => sign(hashOf[alg], Buffer.from(data), { key, dsaEncoding: 'ieee-p1363' }).toString('base64url');
}
const kbVerifier = (data, sig, payload) => {
  const jwk = payload?.cnf?.jwk;
  if (!jwk) throw new Error('no cnf.jwk');
  const alg = jwk.kty === 'OKP' ? 'EdDSA' : jwk.crv === 'P-384' ? 'ES384' : 'ES256';
  return jwkVerifier(jwk, alg)(data, sig);
};

async function verifyAll() {
  const results = [];
  for (const t of input.tokens) {
    try {
      const sdjwt = new SDJwtVcInstance({ hasher, verifier: jwkVerifier(t.issuerJwk, t.alg), kbVerifier });
      const opts = { currentDate: t.now, skewSeconds: 60, ...(t.nonce ? { keyBindingNonce: t.nonce } : {}) };
      const r = await sdjwt.verify(t.token, opts);
      if (t.aud && r.kb?.payload?.aud !== t.aud) throw new Error(`aud ${r.kb?.payload?.aud} is not ${t.aud}`);
      results.push({ name: t.name, verified: true, typ: r.header?.typ, keyBound: !!r.kb, claims: r.payload });
    } catch (e) {
      results.push({ name: t.name, verified: false, error: String(e?.message ?? e) });
    }
  }
  return { results };
}

function keyPair(alg) {
  const { publicKey, privateKey } = alg === 'EdDSA' ? generateKeyPairSync('ed25519')
    : generateKeyPairSync('ec', { namedCurve: alg === 'ES384' ? 'P-384' : 'P-256' });
  return { pub: publicKey.export({ format: 'jwk' }), priv: privateKey.export({ format: 'jwk' }) };
}

async function issueAll() {
  const out = [];
  for (const alg of ['EdDSA', 'ES256', 'ES384']) {
    const issuer = keyPair(alg);
    const holder = keyPair('ES256');
    const did = 'did:jwk:' + Buffer.from(JSON.stringify(issuer.pub)).toString('base64url');
    const sdjwt = new SDJwtVcInstance({ hasher, saltGenerator, signer: jwkSigner(issuer.priv, alg), signAlg: alg,
      kbSigner: jwkSigner(holder.priv, 'ES256'), kbSignAlg: 'ES256' });
    const credential = structuredClone(input.credential);
    credential.issuer.id = did;
    const payload = { ...credential, iss: did, iat: input.now, vct: input.vct, cnf: { jwk: holder.pub } };
    const issued = await sdjwt.issue(payload, input.disclosureFrame, { header: { kid: did + '#0' } });
    const presented = await sdjwt.present(issued, input.presentationFrame,
      { kb: { payload: { iat: input.now, aud: input.aud, nonce: input.nonce } } });
    out.push({ alg, issuer: did, issued, presented });
  }
  return { tokens: out };
}

const report = cmd === 'verify' ? await verifyAll() : cmd === 'issue' ? await issueAll() : null;
if (!report) {
  console.error('usage: node harness.mjs verify|issue IN.json OUT.json');
  process.exit(2);
}
writeFileSync(outFile, JSON.stringify(report, null, 1));
