package io.github.microcred.vc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.internal.Base58;
import io.github.microcred.vc.internal.Canonicalizer;
import io.github.microcred.vc.internal.JsonSupport;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** One or more negative tests for each of the ten pitfalls in shared/research/vc.md §c (DI side). */
class SecurityPitfallsTest {
  static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final KeyPair ED = KeyPair.generate(KeyType.ED25519);
  static final KeyPair P256 = KeyPair.generate(KeyType.P256);

  static ObjectNode credential(String issuer) {
    ObjectNode c = TestSupport.JSON.createObjectNode();
    c.putArray("@context").add("https://www.w3.org/ns/credentials/v2")
        .add("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
    c.put("id", "urn:uuid:2b1c3f6e-1111-4c4c-8888-000000000001");
    c.putArray("type").add("VerifiableCredential").add("OpenBadgeCredential");
    ObjectNode iss = c.putObject("issuer");
    iss.put("id", issuer).putArray("type").add("Profile");
    iss.put("name", "Example University");
    c.put("validFrom", "2024-01-01T00:00:00Z");
    c.put("name", "Teamwork");
    ObjectNode s = c.putObject("credentialSubject");
    s.put("id", "did:example:learner").putArray("type").add("AchievementSubject");
    ObjectNode a = s.putObject("achievement");
    a.put("id", "https://example.edu/achievements/1").putArray("type").add("Achievement");
    a.put("name", "Teamwork");
    a.put("description", "Works in teams.");
    a.putObject("criteria").put("narrative", "Team project.");
    return c;
  }

  static ObjectNode signed(KeyPair k, ObjectNode unsigned) throws VcException {
    return Credentials.sign(unsigned, k, Cryptosuite.forKey(k.type())).withCreated(NOW.minusSeconds(60)).get();
  }

  static VerificationResult verify(JsonNode c) {
    return Credentials.verify(c).withClock(CLOCK).get();
  }

  static ObjectNode proof(ObjectNode c) {
    return (ObjectNode) c.get("proof");
  }

  @Test
  void baseline_didKeyIssuerVerifies() throws Exception {
    VerificationResult r = verify(signed(ED, credential(ED.publicKey().didKey())));
    assertTrue(r.verified(), r::toString);
    VerificationResult r2 = verify(signed(P256, credential(P256.publicKey().didKey())));
    assertTrue(r2.verified(), r2::toString);
  }

  // 1. algorithm confusion: the proof cannot choose another algorithm than the key's
  @Test
  void pitfall1_cryptosuiteConfusionFails() throws Exception {
    ObjectNode c = signed(ED, credential(ED.publicKey().didKey()));
    proof(c).put("cryptosuite", "ecdsa-rdfc-2019");
    VerificationResult r = verify(c);
    assertFalse(r.verified());
    assertTrue(r.checks(CheckName.PROOF).get(0).message().contains("cannot be verified with a ED25519 key"),
        r::toString);
    proof(c).put("cryptosuite", "none");
    assertFalse(verify(c).passed(CheckName.PROOF));
    assertThrows(VcException.class, () -> Credentials.sign(credential("did:example:x"), ED,
        Cryptosuite.ECDSA_RDFC_2019).get());
  }

  // 2. key embedded by the presenter: a self-chosen did:key cannot speak for an https issuer
  @Test
  void pitfall2_attackerKeyForForeignIssuerFails() throws Exception {
    KeyPair attacker = KeyPair.generate(KeyType.ED25519);
    ObjectNode c = signed(attacker, credential("https://example.edu/issuers/565049"));
    VerificationResult r = verify(c);
    assertTrue(r.passed(CheckName.PROOF), r::toString); // the signature itself is fine
    assertFalse(r.passed(CheckName.PURPOSE_AND_CONTROLLER), r::toString);
    assertFalse(r.verified());
    // the issuer's real controller document does not list the attacker's key
    KeyPair real = KeyPair.generate(KeyType.ED25519);
    ControllerDocument doc = ControllerDocument.singleKey("https://example.edu/issuers/565049",
        "https://example.edu/issuers/565049#key-1", "Multikey", real.publicKey());
    ObjectNode c2 = Credentials.sign(credential("https://example.edu/issuers/565049"), attacker,
        Cryptosuite.EDDSA_RDFC_2022).withVerificationMethod("https://example.edu/issuers/565049#key-1")
        .withCreated(NOW).get();
    VerificationResult r2 = Credentials.verify(c2).withClock(CLOCK).withControllerDocument(doc).get();
    assertFalse(r2.passed(CheckName.PROOF), r2::toString);
    assertFalse(r2.verified());
    // and the genuine key does verify
    ObjectNode good = Credentials.sign(credential("https://example.edu/issuers/565049"), real,
        Cryptosuite.EDDSA_RDFC_2022).withVerificationMethod("https://example.edu/issuers/565049#key-1")
        .withCreated(NOW).get();
    VerificationResult r3 = Credentials.verify(good).withClock(CLOCK).withControllerDocument(doc).get();
    assertTrue(r3.verified(), r3::toString);
  }

  // 3. context injection: inline contexts and unknown context URLs are refused
  @Test
  void pitfall3_inlineContextRefused() throws Exception {
    ObjectNode c = signed(ED, credential(ED.publicKey().didKey()));
    ((ArrayNode) c.get("@context")).addObject().put("name", "https://evil.example/name");
    VerificationResult r = verify(c);
    assertFalse(r.passed(CheckName.CONTEXTS), r::toString);
    assertTrue(r.checks(CheckName.CONTEXTS).get(0).message().contains("inline context"), r::toString);
    assertFalse(r.verified());
  }

  // 4. remote context fetching: never by default; the URL is named in the failure
  @Test
  void pitfall4_unpinnedContextFailsWithoutNetwork() throws Exception {
    ObjectNode u = credential(ED.publicKey().didKey());
    ((ArrayNode) u.get("@context")).add("https://evil.example/ctx.jsonld");
    VcException e = assertThrows(VcException.class,
        () -> Credentials.sign(u, ED, Cryptosuite.EDDSA_RDFC_2022).get());
    assertEquals(VcErrorCode.CONTEXT_NOT_PINNED, e.code());
    ObjectNode c = signed(ED, credential(ED.publicKey().didKey()));
    ((ArrayNode) c.get("@context")).add("https://evil.example/ctx.jsonld");
    VerificationResult r = verify(c);
    assertFalse(r.passed(CheckName.CONTEXTS));
    assertTrue(r.checks(CheckName.CONTEXTS).get(0).message().contains("https://evil.example/ctx.jsonld"));
  }

  // 5. dropped terms: undefined terms fail (safe mode) instead of being silently unsigned
  @Test
  void pitfall5_undefinedTermFails() throws Exception {
    ObjectNode v1 = TestSupport.JSON.createObjectNode();
    v1.putArray("@context").add("https://www.w3.org/2018/credentials/v1");
    v1.put("id", "urn:uuid:00000000-0000-4000-8000-000000000001");
    v1.putArray("type").add("VerifiableCredential");
    v1.put("issuer", ED.publicKey().didKey());
    v1.put("issuanceDate", "2024-01-01T00:00:00Z");
    v1.putObject("credentialSubject").put("id", "did:example:learner");
    ObjectNode signed = signed(ED, v1);
    assertTrue(verify(signed).verified(), () -> verify(signed).toString());
    // a term added after signing that the v1 context does not define
    ((ObjectNode) signed.get("credentialSubject")).put("degree", "PhD");
    VerificationResult r = verify(signed);
    assertFalse(r.verified());
    assertTrue(r.checks(CheckName.PROOF).get(0).message().contains("CANONICALIZATION_FAILED"), r::toString);
    // and signing refuses it
    ((ObjectNode) v1.get("credentialSubject")).put("degree", "PhD");
    assertEquals(VcErrorCode.CANONICALIZATION_FAILED,
        assertThrows(VcException.class, () -> signed(ED, v1)).code());
    // a relative @type reference (term not defined: OB 3.0.3 without extensions.json) would be dropped: refused
    ObjectNode relType = credential(ED.publicKey().didKey());
    relType.putArray("credentialSchema").addObject().put("id", "https://example.org/schema.json")
        .put("type", "1EdTechJsonSchemaValidator2019");
    VcException rt = assertThrows(VcException.class, () -> signed(ED, relType));
    assertTrue(rt.getMessage().contains("relative IRI"), rt::getMessage);
    ((ArrayNode) relType.get("@context")).add("https://purl.imsglobal.org/spec/ob/v3p0/extensions.json");
    assertTrue(verify(signed(ED, relType)).verified());
    // relative ids would be dropped from the RDF: refused as syntax
    ObjectNode rel = signed(ED, credential(ED.publicKey().didKey()));
    rel.put("id", "relative/credential");
    assertFalse(verify(rel).passed(CheckName.SYNTAX));
  }

  // 6. proof purpose and controller binding
  @Test
  void pitfall6_purposeAndRelationship() throws Exception {
    ObjectNode c = Credentials.sign(credential(ED.publicKey().didKey()), ED, Cryptosuite.EDDSA_RDFC_2022)
        .withProofPurpose("authentication").withCreated(NOW).get();
    VerificationResult r = verify(c);
    assertTrue(r.passed(CheckName.PROOF));
    assertFalse(r.passed(CheckName.PURPOSE_AND_CONTROLLER), r::toString);
    // a key listed only under authentication may not make assertions
    String id = "https://example.edu/issuers/9";
    ControllerDocument authOnly = ControllerDocument.of(id,
        java.util.List.of(new VerificationMethod(id + "#k", "Multikey", id, ED.publicKey())),
        java.util.Map.of("authentication", java.util.Set.of(id + "#k")));
    ObjectNode c2 = Credentials.sign(credential(id), ED, Cryptosuite.EDDSA_RDFC_2022)
        .withVerificationMethod(id + "#k").withCreated(NOW).get();
    VerificationResult r2 = Credentials.verify(c2).withClock(CLOCK).withControllerDocument(authOnly).get();
    assertFalse(r2.passed(CheckName.PURPOSE_AND_CONTROLLER), r2::toString);
    assertTrue(r2.checks(CheckName.PURPOSE_AND_CONTROLLER).get(0).message().contains("not authorised"));
  }

  // 7. time checks with bounded skew
  @Test
  void pitfall7_validityPeriod() throws Exception {
    ObjectNode u = credential(ED.publicKey().didKey());
    u.put("validUntil", "2024-12-31T23:50:00Z");
    ObjectNode expired = signed(ED, u);
    assertFalse(verify(expired).passed(CheckName.VALIDITY_PERIOD));
    assertTrue(verify(expired).passed(CheckName.PROOF));
    // 30 seconds late: inside the default 60 second skew, outside a zero skew
    u.put("validUntil", "2024-12-31T23:59:30Z");
    ObjectNode late = signed(ED, u);
    assertTrue(verify(late).passed(CheckName.VALIDITY_PERIOD));
    VerificationResult strict = Credentials.verify(late).withClock(CLOCK).withMaxClockSkew(Duration.ZERO).get();
    assertFalse(strict.passed(CheckName.VALIDITY_PERIOD), strict::toString);
    // VC 1.1 expirationDate is honoured too
    ObjectNode v1 = late.deepCopy();
    v1.remove("validUntil");
    v1.put("expirationDate", "2024-12-31T23:50:00Z");
    assertFalse(verify(v1).passed(CheckName.VALIDITY_PERIOD));
    assertThrows(IllegalArgumentException.class,
        () -> Credentials.verify(u).withMaxClockSkew(Duration.ofDays(1)));
    ObjectNode future = credential(ED.publicKey().didKey());
    future.put("validFrom", "2025-01-02T00:00:00Z");
    assertFalse(verify(signed(ED, future)).passed(CheckName.VALIDITY_PERIOD));
    ObjectNode badDate = credential(ED.publicKey().didKey());
    badDate.put("validFrom", "yesterday");
    VerificationResult rb = verify(badDate);
    assertFalse(rb.verified());
  }

  // 8. canonicalization DoS: poison blank-node graphs and oversized documents fail fast
  @Test
  void pitfall8_poisonGraphFailsFast() throws Exception {
    ObjectNode doc = TestSupport.JSON.createObjectNode();
    doc.putArray("@context").add("https://www.w3.org/ns/credentials/v2");
    ArrayNode g = doc.putArray("@graph");
    int n = 10;
    for (int i = 0; i < n; i++) {
      ObjectNode node = g.addObject().put("@id", "_:b" + i);
      ArrayNode links = node.putArray("https://example.org/p");
      for (int j = 0; j < n; j++) {
        if (j != i) {
          links.addObject().put("@id", "_:b" + j);
        }
      }
    }
    VcException e = assertThrows(VcException.class, () -> Canonicalizer.canonicalize(
        JsonSupport.toJsonP(doc).asJsonObject(), ContextLoader.pinned(), CanonicalizationLimits.DEFAULT));
    assertEquals(VcErrorCode.LIMIT_EXCEEDED, e.code());
    ObjectNode big = credential(ED.publicKey().didKey());
    big.put("description", "x".repeat(5 << 20));
    assertEquals(VcErrorCode.LIMIT_EXCEEDED,
        assertThrows(VcException.class, () -> signed(ED, big)).code());
    ObjectNode small = signed(ED, credential(ED.publicKey().didKey()));
    VerificationResult r = Credentials.verify(small).withClock(CLOCK)
        .withLimits(new CanonicalizationLimits(100, 10)).get();
    assertFalse(r.verified());
  }

  // 9. crypto encodings: high-s ECDSA is valid (not rejected); wrong lengths and bad multibase fail cleanly
  @Test
  void pitfall9_encodings() throws Exception {
    ObjectNode c = signed(P256, credential(P256.publicKey().didKey()));
    byte[] sig = Base58.decodeMultibase(proof(c).get("proofValue").asText());
    BigInteger n = new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(sig, 32, 64));
    byte[] flipped = sig.clone();
    byte[] ns = org.bouncycastle.util.BigIntegers.asUnsignedByteArray(32, n.subtract(s));
    System.arraycopy(ns, 0, flipped, 32, 32);
    proof(c).put("proofValue", Base58.encodeMultibase(flipped));
    assertTrue(verify(c).verified(), "the other-s form of a valid ECDSA signature is accepted");
    proof(c).put("proofValue", Base58.encodeMultibase(Arrays.copyOf(sig, 63)));
    assertFalse(verify(c).passed(CheckName.PROOF));
    proof(c).put("proofValue", "u" + proof(c).get("proofValue").asText().substring(1));
    VerificationResult r = verify(c);
    assertTrue(r.checks(CheckName.PROOF).get(0).message().contains("multibase"), r::toString);
  }

  // 10. status fails closed
  @Test
  void pitfall10_statusFailsClosed() throws Exception {
    ObjectNode u = credential(ED.publicKey().didKey());
    u.putObject("credentialStatus").put("id", "https://example.edu/status/1#94567")
        .put("type", "BitstringStatusListEntry").put("statusPurpose", "revocation")
        .put("statusListIndex", "94567").put("statusListCredential", "https://example.edu/status/1");
    u.withArray("@context").add("https://www.w3.org/ns/credentials/status/v1");
    ObjectNode c = signed(ED, u);
    VerificationResult r = verify(c);
    assertFalse(r.passed(CheckName.STATUS), r::toString);
    assertFalse(r.verified());
    VerificationResult ok = Credentials.verify(c).withClock(CLOCK)
        .withStatus((cred, now) -> VerificationCheck.passed(CheckName.STATUS, "$.credentialStatus", "not revoked"))
        .get();
    assertTrue(ok.verified(), ok::toString);
    VerificationResult revoked = Credentials.verify(c).withClock(CLOCK)
        .withStatus((cred, now) -> VerificationCheck.failed(CheckName.STATUS, "$.credentialStatus", VerificationCode.REVOKED, "revoked"))
        .get();
    assertFalse(revoked.verified());
  }

  @Test
  void neverThrowsOnGarbage() {
    for (String s : new String[] {"", "[]", "{", "null", "{\"a\":1,\"a\":2}", "{\"@context\":5}",
        "{\"proof\":[1,2]}"}) {
      VerificationResult r = Credentials.verify(s).get();
      assertFalse(r.verified(), s);
      assertFalse(r.passed(CheckName.SYNTAX), s);
    }
  }

  @Test
  void proofSetVectorVerifiesEachProof() {
    JsonNode set = TestSupport.json("vectors/proof-set-chain/signedProofSet2.json");
    VerificationResult r = Credentials.verify(set).withClock(CLOCK).get();
    assertEquals(2, r.checks(CheckName.PROOF).size());
    assertTrue(r.passed(CheckName.PROOF), r::toString);
  }

  @Test
  void proofSetsVerifyIndependently() throws Exception {
    ObjectNode one = signed(ED, credential(ED.publicKey().didKey()));
    ObjectNode two = Credentials.sign(one, ED, Cryptosuite.EDDSA_RDFC_2022).withCreated(NOW).get();
    assertEquals(2, two.get("proof").size());
    VerificationResult r = verify(two);
    assertTrue(r.verified(), r::toString);
    ((ObjectNode) two.get("proof").get(1)).put("created", "2024-06-01T00:00:00Z");
    VerificationResult r2 = verify(two);
    assertEquals(VerificationCheck.Outcome.PASSED, r2.checks(CheckName.PROOF).get(0).outcome());
    assertEquals(VerificationCheck.Outcome.FAILED, r2.checks(CheckName.PROOF).get(1).outcome());
    assertFalse(r2.verified());
  }
}
