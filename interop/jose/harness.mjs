// Interop peer for microcred, run by the JUnit test io.github.microcred.vc.jose.JoseInteropTest.
//   node harness.mjs verify IN.json   verify vc+jwt tokens signed by microcred with npm `jose`, and decode status
//                                     lists with the independent decoder below; prints a JSON report
//   node harness.mjs sign OUT.json    generate EdDSA / ES256 / ES384 / RS256 keys, sign vc+jwt credentials whose
//                                     issuer is the did:jwk of the key, and one RS256 OB 3.0 JWT ({vc, iss, jti,
//                                     sub, nbf}, typ JWT), for microcred to verify
// No network. Written for this project; see README.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import * as jose from 'jose';

const [cmd, file] = process.argv.slice(2);

// --- independent Bitstring Status List decoder (W3C Recommendation, section "Bitstring Expansion")
function decodeStatusList(encodedList, statusSize = 1) {
  if (!encodedList.startsWith('u')) throw new Error('encodedList must be multibase base64url (u prefix)');
  const bytes = gunzipSync(Buffer.from(encodedList.slice(1), 'base64url'));
  if (bytes.length * 8 < 131072) throw new Error(`list too short: ${bytes.length * 8} bits`);
  return {
    bits: bytes.length * 8,
    status(index) {
      let v = 0;
      for (let i = 0; i < statusSize; i++) {
        const bit = index * statusSize + i;
        v = (v << 1) | ((bytes[bit >> 3] >> (7 - (bit & 7))) & 1); // index 0 = left-most bit of byte 0
      }
      return v;
    },
    nonZero() {
      const out = [];
      for (let i = 0; i < (bytes.length * 8) / statusSize; i++) if (this.status(i) !== 0) out.push(i);
      return out;
    },
  };
}

async function verify(input) {
  const results = [];
  for (const t of input.tokens) {
    try {
      const key = await jose.importJWK(t.publicJwk, t.alg);
      const { payload, protectedHeader } = await jose.jwtVerify(t.jwt, key, {
        algorithms: [t.alg],
        typ: t.typ ?? 'vc+jwt',
        issuer: t.issuer,
      });
      results.push({ name: t.name, verified: true, typ: protectedHeader.typ, cty: protectedHeader.cty,
        kid: protectedHeader.kid, header: Object.keys(protectedHeader).sort(),
        issuer: payload.issuer ?? payload.vc?.issuer, subject: payload.credentialSubject ?? payload.vc?.credentialSubject,
        claims: Object.keys(payload).sort() });
    } catch (e) {
      results.push({ name: t.name, verified: false, error: `${e.code ?? ''} ${e.message}` });
    }
  }
  const lists = [];
  for (const l of input.statusLists ?? []) {
    const list = decodeStatusList(l.encodedList, l.statusSize ?? 1);
    lists.push({ name: l.name, bits: list.bits, nonZero: list.nonZero(),
      values: Object.fromEntries((l.probe ?? []).map((i) => [i, list.status(i)])) });
  }
  return { results, lists };
}

async function sign() {
  const out = [];
  for (const [alg, crv] of [['EdDSA', 'Ed25519'], ['ES256', 'P-256'], ['ES384', 'P-384'], ['RS256', null]]) {
    const { publicKey, privateKey } = await jose.generateKeyPair(alg, { ...(crv ? { crv } : {}), extractable: true });
    const jwk = await jose.exportJWK(publicKey);
    const pub = jwk.kty === 'RSA' ? { kty: 'RSA', n: jwk.n, e: jwk.e }
      : { kty: jwk.kty, crv: jwk.crv, x: jwk.x, ...(jwk.y ? { y: jwk.y } : {}) };
    const did = 'did:jwk:' + Buffer.from(JSON.stringify(pub)).toString('base64url');
    const credential = {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: 'urn:uuid:0b3a57a2-5d8c-4b2b-9f1c-interop-' + alg.toLowerCase(),
      type: ['VerifiableCredential'],
      issuer: did,
      validFrom: '2026-01-01T00:00:00Z',
      credentialSubject: { id: 'did:example:learner', achievement: 'signed by npm jose' },
    };
    const jwt = await new jose.CompactSign(new TextEncoder().encode(JSON.stringify({ ...credential, iss: did })))
      .setProtectedHeader({ alg, typ: 'vc+jwt', cty: 'vc', kid: did + '#0' })
      .sign(privateKey);
    const tampered = jwt.split('.');
    tampered[1] = Buffer.from(JSON.stringify({ ...credential, iss: did, validFrom: '2020-01-01T00:00:00Z' }))
      .toString('base64url');
    out.push({ alg, issuer: did, jwt, tampered: tampered.join('.') });
    if (alg === 'RS256') {
      // the OB 3.0 JWT proof format: the credential in the vc claim, registered claims from it, typ JWT
      const vc = { ...credential, '@context': ['https://www.w3.org/ns/credentials/v2',
        'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'], type: ['VerifiableCredential',
        'OpenBadgeCredential'] };
      const claims = { vc, iss: did, jti: vc.id, sub: vc.credentialSubject.id,
        nbf: Date.parse(vc.validFrom) / 1000 };
      const ob3 = await new jose.SignJWT(claims).setProtectedHeader({ alg, typ: 'JWT', kid: did + '#0' })
        .sign(privateKey);
      const t = ob3.split('.');
      t[1] = Buffer.from(JSON.stringify({ ...claims, sub: 'did:example:mallory' })).toString('base64url');
      out.push({ alg, profile: 'ob3', issuer: did, jwt: ob3, tampered: t.join('.') });
    }
  }
  return out;
}

if (cmd === 'verify') {
  console.log(JSON.stringify(await verify(JSON.parse(readFileSync(file, 'utf8')))));
} else if (cmd === 'sign') {
  writeFileSync(file, JSON.stringify(await sign(), null, 1));
  console.log(JSON.stringify({ written: file }));
} else {
  console.error('usage: node harness.mjs verify IN.json | sign OUT.json');
  process.exit(2);
}
