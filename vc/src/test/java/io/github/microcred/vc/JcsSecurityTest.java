package io.github.microcred.vc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.internal.Base58;
import io.github.microcred.vc.internal.DataIntegrity;
import io.github.microcred.vc.internal.Jcs;
import io.github.microcred.vc.internal.JsonSupport;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The jcs suites as an attacker tests them: they sign JSON, so every way to make a verifier read JSON other than the
 * signed text must fail (duplicate keys, trailing content, contexts added after signing, numbers beyond double
 * precision, a stripped proof {@code @context}), while what JCS ignores (member order, whitespace) still verifies.
 */
class JcsSecurityTest {
  static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

  static Stream<KeyType> keys() {
    return Stream.of(KeyType.ED25519, KeyType.P256, KeyType.P384);
  }

  static Cryptosuite jcs(KeyType t) {
    return t == KeyType.ED25519 ? Cryptosuite.EDDSA_JCS_2022 : Cryptosuite.ECDSA_JCS_2019;
  }

  static ObjectNode unsigned(KeyPair k) {
    ObjectNode c = TestSupport.JSON.createObjectNode();
    c.putArray("@context").add(VerifyOperation.VC2).add("https://www.w3.org/ns/credentials/examples/v2");
    c.put("id", "urn:uuid:3f1c2d9e-1111-4a8b-9c3d-000000000001");
    c.putArray("type").add("VerifiableCredential").add("ExampleCredential");
    c.put("issuer", k.publicKey().didKey());
    c.put("validFrom", "2024-01-01T00:00:00Z");
    c.put("validUntil", "2024-12-01T00:00:00Z"); // expired at NOW
    c.putObject("credentialSubject").put("id", "did:example:learner").put("credits", 2.5);
    return c;
  }

  static VerificationResult verify(String json) {
    return Credentials.verify(json).withClock(Clock.fixed(NOW.minusSeconds(86_400 * 60), ZoneOffset.UTC)).get();
  }

  static ObjectNode sign(KeyPair k, ObjectNode u) throws VcException {
    return Credentials.sign(u, k, jcs(k.type())).withCreated(NOW.minusSeconds(86_400 * 90)).get();
  }

  @ParameterizedTest
  @MethodSource("keys")
  void signedByItsIssuerVerifiesAndOrderAndWhitespaceDoNotMatter(KeyType t) throws Exception {
    KeyPair k = KeyPair.generate(t);
    ObjectNode signed = sign(k, unsigned(k));
    assertEquals(jcs(t).id(), signed.get("proof").get("cryptosuite").asText());
    assertEquals(signed.get("@context"), signed.get("proof").get("@context"));
    VerificationResult r = verify(signed.toString());
    assertTrue(r.verified(), r::toString);
    // members reversed and spaced out: the same canonical JSON, the same signature
    String spaced = signed.toPrettyString().replace("\" : ", "\"  :\t ");
    ObjectNode reversed = TestSupport.JSON.createObjectNode();
    java.util.List<String> names = new java.util.ArrayList<>();
    signed.fieldNames().forEachRemaining(names::add);
    java.util.Collections.reverse(names);
    names.forEach(n -> reversed.set(n, signed.get(n)));
    assertTrue(verify(spaced).verified(), () -> verify(spaced).toString());
    assertTrue(verify(reversed.toString()).verified(), () -> verify(reversed.toString()).toString());
    // decisions still come from the signed data: at NOW the credential has expired
    VerificationResult later = Credentials.verify(signed).withClock(Clock.fixed(NOW, ZoneOffset.UTC)).get();
    assertFalse(later.passed(CheckName.VALIDITY_PERIOD), later::toString);
    assertTrue(later.passed(CheckName.PROOF), later::toString);
  }

  @ParameterizedTest
  @MethodSource("keys")
  void duplicateKeysAndTrailingContentAreRefused(KeyType t) throws Exception {
    KeyPair k = KeyPair.generate(t);
    String text = sign(k, unsigned(k)).toString();
    // a lenient reader keeps the last "validUntil", another the first: the strict reader keeps neither
    String dup = text.replaceFirst("\"validUntil\":", "\"validUntil\":\"2099-01-01T00:00:00Z\",\"validUntil\":");
    VerificationResult r = verify(dup);
    assertFalse(r.verified());
    assertFalse(r.passed(CheckName.SYNTAX), r::toString);
    assertTrue(r.checks(CheckName.SYNTAX).get(0).message().contains("duplicate"), r::toString);
    VerificationResult trailing = verify(text + "{\"validUntil\":\"2099-01-01T00:00:00Z\"}");
    assertFalse(trailing.verified());
    assertFalse(trailing.passed(CheckName.SYNTAX), trailing::toString);
  }

  @ParameterizedTest
  @MethodSource("keys")
  void aContextAddedAfterSigningIsRefused(KeyType t) throws Exception {
    KeyPair k = KeyPair.generate(t);
    ObjectNode signed = sign(k, unsigned(k));
    // the specs let the document's @context merely start with the proof's; an appended context (pinned here)
    // could redefine unprotected terms of the signed JSON without touching the signed bytes
    ObjectNode appended = signed.deepCopy();
    ((ArrayNode) appended.get("@context")).add("https://w3id.org/security/data-integrity/v2");
    VerificationResult r = verify(appended.toString());
    assertFalse(r.verified());
    assertFalse(r.passed(CheckName.PROOF), r::toString);
    assertTrue(r.checks(CheckName.PROOF).get(0).message().contains("must equal the document's @context"),
        r::toString);
    // the proof's @context removed: the signed proof configuration changes
    ObjectNode stripped = signed.deepCopy();
    ((ObjectNode) stripped.get("proof")).remove("@context");
    VerificationResult s = verify(stripped.toString());
    assertFalse(s.passed(CheckName.PROOF), s::toString);
    // a proof @context that is not the document's is not compact form either
    ObjectNode other = signed.deepCopy();
    ((ObjectNode) other.get("proof")).putArray("@context").add(VerifyOperation.VC2);
    VerificationResult o = verify(other.toString());
    assertFalse(o.passed(CheckName.PROOF), o::toString);
    assertFalse(o.passed(CheckName.COMPACT_FORM), o::toString);
  }

  /**
   * Another implementation signs a number beyond double precision as its nearest double (RFC 8785 as written); the
   * attacker then changes the digits the double cannot hold. The signature still matches the lossy canonical text,
   * but the document now says something else: microcred refuses to verify (and to sign) such a number.
   */
  @ParameterizedTest
  @MethodSource("keys")
  void numbersBeyondDoublePrecisionCannotBeSwapped(KeyType t) throws Exception {
    KeyPair k = KeyPair.generate(t);
    ObjectNode u = unsigned(k);
    ((ObjectNode) u.get("credentialSubject")).put("studentNumber", new java.math.BigInteger("12345678901234567891"));
    VcException e = assertThrows(VcException.class, () -> sign(k, u));
    assertEquals(VcErrorCode.INVALID_DOCUMENT, e.code());
    assertTrue(e.getMessage().contains("$.credentialSubject.studentNumber"), e::getMessage);
    // a lenient signer's proof, computed by hand over RFC 8785's nearest-double reading
    ObjectNode proof = TestSupport.JSON.createObjectNode().put("type", "DataIntegrityProof")
        .put("cryptosuite", jcs(t).id()).put("created", NOW.minusSeconds(86_400 * 90).toString())
        .put("verificationMethod", k.publicKey().didKeyVerificationMethod()).put("proofPurpose", "assertionMethod");
    proof.set("@context", u.get("@context"));
    String alg = t == KeyType.P384 ? "SHA-384" : "SHA-256";
    JsonObject doc = JsonSupport.toJsonP(u).asJsonObject();
    byte[] data = concat(digest(alg, Jcs.canonicalize(JsonSupport.toJsonP(proof))), digest(alg, Jcs.canonicalize(doc)));
    ObjectNode signed = u.deepCopy();
    signed.set("proof", proof.deepCopy().put("proofValue", Base58.encodeMultibase(k.sign(data))));
    String swapped = signed.toString().replace("12345678901234567891", "12345678901234567892");
    for (String text : new String[] {signed.toString(), swapped}) {
      VerificationResult r = verify(text);
      assertFalse(r.verified(), r::toString);
      assertFalse(r.passed(CheckName.PROOF), r::toString);
      assertTrue(r.checks(CheckName.PROOF).get(0).message().contains("cannot be signed exactly"), r::toString);
    }
    // the same number written within double precision signs and verifies
    ((ObjectNode) u.get("credentialSubject")).put("studentNumber", 1234567890123456L);
    assertTrue(verify(sign(k, u).toString()).verified());
    assertTrue(DataIntegrity.rdfcHash(t).equals(alg));
  }

  static byte[] digest(String alg, String text) throws Exception {
    return MessageDigest.getInstance(alg).digest(text.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
