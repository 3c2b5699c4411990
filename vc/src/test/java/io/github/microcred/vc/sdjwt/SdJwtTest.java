package io.github.microcred.vc.sdjwt;

import static io.github.microcred.vc.sdjwt.SdJwtFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.VcErrorCode;
import io.github.microcred.vc.VcException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue, present and verify an Open Badges 3.0 credential as SD-JWT VC. */
class SdJwtTest {

  @Test
  void issuedTokenHasTheSdJwtVcShape() throws Exception {
    String sdJwt = issued();
    assertTrue(sdJwt.endsWith("~"));
    assertTrue(SdJwt.looksLikeSdJwt(sdJwt));
    String[] parts = sdJwt.split("~");
    assertEquals(1 + DISCLOSABLE.length, parts.length);
    String[] jws = parts[0].split("\\.");
    JsonNode header = JSON.readTree(unb64(jws[0]));
    assertEquals("dc+sd-jwt", header.get("typ").asText());
    assertEquals("EdDSA", header.get("alg").asText());
    assertEquals(ISSUER.publicKey().didKeyVerificationMethod(), header.get("kid").asText());
    JsonNode payload = JSON.readTree(unb64(jws[1]));
    assertEquals(SdJwt.VCT_OPEN_BADGE, payload.get("vct").asText());
    assertEquals(ISSUER.publicKey().didKey(), payload.get("iss").asText());
    assertEquals("sha-256", payload.get("_sd_alg").asText());
    assertEquals(HOLDER.publicKey().toJwk(), payload.get("cnf").get("jwk"));
    assertEquals(NOW.getEpochSecond(), payload.get("iat").asLong());
    assertEquals(1767225600L, payload.get("nbf").asLong()); // 2026-01-01T00:00:00Z
    assertEquals(1924992000L, payload.get("exp").asLong()); // 2031-01-01T00:00:00Z
    // the disclosable claims are gone from the payload, their digests are in _sd / {"...": digest}
    assertFalse(payload.has("name"));
    assertFalse(payload.get("credentialSubject").has("achievement"));
    assertFalse(payload.get("credentialSubject").has("id"));
    assertEquals(1, payload.get("_sd").size());
    assertEquals(2, payload.get("credentialSubject").get("_sd").size());
    assertTrue(payload.get("credentialSubject").get("result").get(0).has("..."));
    // visible: issuer, type, validity, the subject's type
    assertEquals(badge().get("issuer"), payload.get("issuer"));
    assertEquals(badge().get("validUntil"), payload.get("validUntil"));
  }

  @Test
  void fullPresentationVerifiesAndYieldsTheCredential() throws Exception {
    String presented = SdJwt.present(issued()).withAllRevealed().withKeyBinding(HOLDER, NONCE, AUD)
        .withClock(CLOCK).get();
    SdJwtVerification v = verify(presented);
    assertTrue(v.verified(), v.result().toString());
    assertTrue(v.keyBound());
    ObjectNode claims = v.claims().orElseThrow();
    ObjectNode expected = badge();
    for (String k : List.of("iss", "iat", "nbf", "exp", "vct", "cnf")) {
      assertTrue(claims.has(k), k);
      claims.remove(k);
    }
    assertEquals(expected, claims);
  }

  @Test
  void revealingOneClaimRevealsItsContainersAndNothingElse() throws Exception {
    String presented = presented(issued(), "/credentialSubject/achievement/name");
    SdJwtVerification v = verify(presented);
    assertTrue(v.verified(), v.result().toString());
    assertEquals(1, v.disclosureCount()); // achievement (name is always visible inside it)
    JsonNode subject = v.claims().orElseThrow().get("credentialSubject");
    assertEquals("Data Analysis", subject.get("achievement").get("name").asText());
    assertFalse(subject.get("achievement").has("description"));
    assertFalse(subject.has("id"));
    assertEquals(0, subject.get("result").size());
    assertFalse(v.claims().orElseThrow().has("name"));
  }

  @Test
  void arrayElementsAreDisclosedOneByOne() throws Exception {
    SdJwtVerification v = verify(presented(issued(), "/credentialSubject/result/1"));
    assertTrue(v.verified(), v.result().toString());
    JsonNode result = v.claims().orElseThrow().get("credentialSubject").get("result");
    assertEquals(1, result.size());
    assertEquals("Distinction", result.get(0).get("value").asText());
  }

  @Test
  void recursiveDisclosureRevealsTheWholeValue() throws Exception {
    SdJwtVerification v = verify(presented(issued(), "/credentialSubject/achievement"));
    assertTrue(v.verified(), v.result().toString());
    assertEquals(2, v.disclosureCount());
    assertEquals(badge().get("credentialSubject").get("achievement"),
        v.claims().orElseThrow().get("credentialSubject").get("achievement"));
  }

  @Test
  void decoysAreAddedAndIgnored() throws Exception {
    String sdJwt = SdJwt.issue(badge(), ISSUER).withDisclosable(DISCLOSABLE).withDecoys(3)
        .withHolderKey(HOLDER.publicKey()).withClock(CLOCK).get();
    JsonNode payload = JSON.readTree(unb64(sdJwt.split("~")[0].split("\\.")[1]));
    assertEquals(1 + 3, payload.get("_sd").size());
    assertEquals(2 + 3, payload.get("credentialSubject").get("_sd").size());
    assertEquals(2 + 3, payload.get("credentialSubject").get("result").size());
    SdJwtVerification v = verify(presented(sdJwt, "/credentialSubject/result/0", "/name"));
    assertTrue(v.verified(), v.result().toString());
    assertEquals(1, v.claims().orElseThrow().get("credentialSubject").get("result").size());
  }

  @Test
  void withoutKeyBindingTheIssuedTokenVerifiesOnlyWhenAllowed() throws Exception {
    String sdJwt = issued();
    assertTrue(SdJwt.verify(sdJwt).withClock(CLOCK).withoutKeyBinding().get().verified());
    SdJwtVerification required = SdJwt.verify(sdJwt).withClock(CLOCK).get();
    assertTrue(required.rejectedFor(SdJwtRejection.KB_MISSING), required.toString());
  }

  @Test
  void keyBindingWithoutExpectedNonceFailsClosed() throws Exception {
    SdJwtVerification v = SdJwt.verify(presented(issued(), "/name")).withClock(CLOCK).get();
    assertTrue(v.rejectedFor(SdJwtRejection.KB_NONCE_MISMATCH), v.toString());
    assertTrue(v.rejectedFor(SdJwtRejection.KB_AUDIENCE_MISMATCH), v.toString());
  }

  @Test
  void p384IssuerAndEd25519HolderWork() throws Exception {
    KeyPair issuer = KeyPair.generate(KeyType.P384);
    KeyPair holder = KeyPair.generate(KeyType.ED25519);
    ObjectNode b = badge();
    ((ObjectNode) b.get("issuer")).put("id", issuer.publicKey().didKey());
    String sdJwt = SdJwt.issue(b, issuer).withDisclosable("/name").withHolderKey(holder.publicKey()).withClock(CLOCK)
        .get();
    String p = SdJwt.present(sdJwt).withRevealed("/name").withKeyBinding(holder, NONCE, AUD).withClock(CLOCK).get();
    SdJwtVerification v = verify(p);
    assertTrue(v.verified(), v.result().toString());
  }

  @Test
  void issuanceRefusesBadInputWithItsPath() {
    VcException e = assertThrows(VcException.class, () -> SdJwt.issue(badge(), ISSUER).withDisclosable("/validUntil")
        .get());
    assertEquals(VcErrorCode.INVALID_ARGUMENT, e.code());
    assertTrue(e.getMessage().contains("/validUntil"), e.getMessage());
    e = assertThrows(VcException.class, () -> SdJwt.issue(badge(), ISSUER).withDisclosable("/nope").get());
    assertTrue(e.getMessage().contains("nope"), e.getMessage());
    e = assertThrows(VcException.class, () -> SdJwt.issue(badge(), ISSUER).withDisclosable("name").get());
    assertEquals(VcErrorCode.INVALID_ARGUMENT, e.code());
    ObjectNode withSd = badge();
    withSd.putArray("_sd");
    e = assertThrows(VcException.class, () -> SdJwt.issue(withSd, ISSUER).get());
    assertEquals(VcErrorCode.INVALID_DOCUMENT, e.code());
    ObjectNode notOb = badge();
    notOb.putArray("type").add("VerifiableCredential");
    e = assertThrows(VcException.class, () -> SdJwt.issue(notOb, ISSUER).get());
    assertTrue(e.getMessage().startsWith("vct"), e.getMessage());
    KeyPair other = KeyPair.generate(KeyType.ED25519);
    e = assertThrows(VcException.class, () -> SdJwt.issue(badge(), other).get());
    assertTrue(e.getMessage().startsWith("kid"), e.getMessage());
  }

  @Test
  void endorsementsInsideTheCredentialAreVerifiedAsNestedCredentials() throws Exception {
    KeyPair endorser = KeyPair.generate(KeyType.ED25519);
    ObjectNode e = new io.github.microcred.vc.ob3.EndorsementCredential("urn:uuid:6a1c2b3e-0000-4000-8000-000000000001",
        "Endorsement", io.github.microcred.vc.ob3.Profile.of(endorser.publicKey().didKey(), "Endorser"),
        "2024-01-01T00:00:00Z", "https://example.edu/achievements/data-analysis", java.util.Optional.of("Rigorous"))
        .toJson();
    ObjectNode signedE = io.github.microcred.vc.Credentials.sign(e, endorser,
        io.github.microcred.vc.Cryptosuite.EDDSA_RDFC_2022).withCreated(java.time.Instant.parse("2025-01-01T00:00:00Z"))
        .get();
    ObjectNode b = badge();
    ((ObjectNode) b.get("credentialSubject").get("achievement")).putArray("endorsement").add(signedE);
    SdJwtVerification ok = verify(presented(SdJwt.issue(b, ISSUER).withDisclosable(DISCLOSABLE)
        .withHolderKey(HOLDER.publicKey()).withClock(CLOCK).get(), "/credentialSubject/achievement"));
    assertTrue(ok.verified(), ok.result().toString());
    assertEquals(List.of("$.credentialSubject.achievement.endorsement[0]"),
        ok.result().nested().stream().map(io.github.microcred.vc.VerificationResult.Nested::path).toList());
    // an endorsement altered after its endorser signed it: the SD-JWT covers the bytes, the endorsement's proof fails
    ((ObjectNode) signedE.get("credentialSubject")).put("endorsementComment", "The best in the world");
    ObjectNode t = badge();
    ((ObjectNode) t.get("credentialSubject").get("achievement")).putArray("endorsement").add(signedE);
    SdJwtVerification bad = verify(presented(SdJwt.issue(t, ISSUER).withDisclosable(DISCLOSABLE)
        .withHolderKey(HOLDER.publicKey()).withClock(CLOCK).get(), "/credentialSubject/achievement"));
    assertEquals(List.of(SdJwtRejection.NESTED_CREDENTIAL), bad.rejections(), bad.result().toString());
  }

  @Test
  void rsaKeysAreRefusedWithATypedError() {
    VcException e = assertThrows(VcException.class, () -> SdJwt.issue(badge(), KeyPair.generate(KeyType.RSA)).get());
    assertEquals(VcErrorCode.UNSUPPORTED_KEY, e.code());
    e = assertThrows(VcException.class, () -> SdJwt.issue(badge(), ISSUER)
        .withHolderKey(KeyPair.generate(KeyType.RSA).publicKey()).get());
    assertEquals(VcErrorCode.UNSUPPORTED_KEY, e.code());
  }

  @Test
  void presentationRefusesUnknownPointersAndForeignHolderKeys() throws Exception {
    String sdJwt = issued();
    VcException e = assertThrows(VcException.class, () -> SdJwt.present(sdJwt).withRevealed("/credentialSubject/x")
        .get());
    assertEquals(VcErrorCode.INVALID_ARGUMENT, e.code());
    e = assertThrows(VcException.class, () -> SdJwt.present(sdJwt).withRevealed("/name")
        .withKeyBinding(KeyPair.generate(KeyType.P256), NONCE, AUD).get());
    assertTrue(e.getMessage().contains("cnf"), e.getMessage());
  }
}
