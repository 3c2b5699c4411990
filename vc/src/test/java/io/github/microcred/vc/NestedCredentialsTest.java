package io.github.microcred.vc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.internal.NestedCredentials;
import io.github.microcred.vc.jose.JwtRejection;
import io.github.microcred.vc.jose.JwtTestAccess;
import io.github.microcred.vc.jose.JwtVerification;
import io.github.microcred.vc.jose.VcJwt;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: a CLR (or any credential with {@code credentialSubject.verifiableCredential}) verifies every embedded
 * credential, Data Integrity and enveloped {@code vc+jwt}, with the same options; each result is listed with its
 * path, and a failed one fails the whole.
 */
class NestedCredentialsTest {
  static final Clock VECTOR_TIME = Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"), ZoneOffset.UTC);
  static final Clock NOW = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);
  static final String NESTED_0 = "$.credentialSubject.verifiableCredential[0]";

  static JsonNode clrVector() {
    return TestSupport.vector("clr2-eddsa-rdfc-2022.json");
  }

  static ControllerDocument clrIssuer() throws VcException {
    JsonNode kp = clrVector().get("keyPair");
    return ControllerDocument.singleKey(kp.get("controller").asText(), kp.get("verificationMethodId").asText(),
        "Multikey", DataIntegrityVectorTest.key(clrVector()).publicKey());
  }

  /** Signs a CLR with the 1EdTech vector key, as its issuer would. */
  static ObjectNode signClr(ObjectNode unsigned) throws VcException {
    JsonNode opts = clrVector().get("proofOptions");
    return Credentials.sign(unsigned, DataIntegrityVectorTest.key(clrVector()), Cryptosuite.EDDSA_RDFC_2022)
        .withCreated(Instant.parse(opts.get("created").asText()))
        .withVerificationMethod(opts.get("verificationMethod").asText()).get();
  }

  static VerificationResult verifyClr(JsonNode clr) throws VcException {
    return Credentials.verify(clr).withControllerDocument(clrIssuer()).withClock(VECTOR_TIME).get();
  }

  @Test
  void theClrVectorListsItsVerifiedNestedCredential() throws Exception {
    VerificationResult r = verifyClr(clrVector().get("expected").get("signedCredential"));
    assertTrue(r.verified(), r::toString);
    assertEquals(1, r.nested().size());
    assertEquals(NESTED_0, r.nested().get(0).path());
    assertTrue(r.nested().get(0).result().verified());
    assertTrue(r.nested().get(0).result().passed(CheckName.PROOF));
    assertEquals(NESTED_0, r.checks(CheckName.NESTED_CREDENTIALS).get(0).path());
    assertEquals(NESTED_0, r.toJson().get("nested").get(0).get("path").asText());
    // without the issuer's controller document the nested proof's key cannot be resolved either
    VerificationResult noKey = Credentials.verify(clrVector().get("expected").get("signedCredential"))
        .withClock(VECTOR_TIME).get();
    assertFalse(noKey.verified());
  }

  /**
   * Regression (issue 11): a CLR whose nested credential was altered <em>before</em> the CLR was signed verified,
   * because nested credentials were never checked. The CLR's own proof is good; the nested one is not.
   */
  @Test
  void tamperedNestedClrCredentialFailsTheWholeClrWithItsPath() throws Exception {
    ObjectNode unsigned = clrVector().get("unsignedCredential").deepCopy();
    ObjectNode nested = (ObjectNode) unsigned.get("credentialSubject").get("verifiableCredential").get(0);
    nested.put("name", "Example University Doctorate"); // altered after its issuer signed it
    VerificationResult r = verifyClr(signClr(unsigned));
    assertTrue(r.passed(CheckName.PROOF), "the CLR's own proof covers the altered bytes: " + r);
    assertFalse(r.verified(), r::toString);
    VerificationCheck failed = r.failures().get(0);
    assertEquals(CheckName.NESTED_CREDENTIALS, failed.name());
    assertEquals(NESTED_0, failed.path());
    assertTrue(failed.message().contains("PROOF"), failed.message());
    assertFalse(r.nested().get(0).result().passed(CheckName.PROOF));
  }

  @Test
  void nestedCredentialWithoutAProofFailsTheClr() throws Exception {
    ObjectNode unsigned = clrVector().get("unsignedCredential").deepCopy();
    ((ObjectNode) unsigned.get("credentialSubject").get("verifiableCredential").get(0)).remove("proof");
    VerificationResult r = verifyClr(signClr(unsigned));
    assertFalse(r.verified());
    assertEquals(NESTED_0, r.failures().get(0).path());
    assertTrue(r.failures().get(0).message().contains("must be secured"), r::toString);
  }

  @Test
  void nestedCredentialsAreNotCheckedWhenTheOuterProofFails() throws Exception {
    ObjectNode tampered = clrVector().get("expected").get("signedCredential").deepCopy();
    tampered.put("name", "Forged Transcript");
    VerificationResult r = verifyClr(tampered);
    assertFalse(r.verified());
    assertTrue(r.nested().isEmpty());
    assertTrue(r.checks(CheckName.NESTED_CREDENTIALS).get(0).message().contains("not checked"), r::toString);
  }

  // --- enveloped vc+jwt inside a CLR, with the same options (clock, status)

  final KeyPair badgeIssuer = KeyPair.generate(KeyType.ED25519);
  final String badgeIssuerDid = badgeIssuer.publicKey().didKeyVerificationMethod().split("#")[0];

  ObjectNode enveloped(String jwt) {
    ObjectNode env = JwtTestAccess.JSON.createObjectNode();
    env.put("@context", "https://www.w3.org/ns/credentials/v2");
    env.put("id", NestedCredentials.ENVELOPED_JWT_PREFIX + jwt);
    env.put("type", "EnvelopedVerifiableCredential");
    return env;
  }

  ObjectNode clrHolding(List<ObjectNode> credentials) {
    ObjectNode clr = clrVector().get("unsignedCredential").deepCopy();
    ArrayNode vcs = ((ObjectNode) clr.get("credentialSubject")).putArray("verifiableCredential");
    credentials.forEach(vcs::add);
    return clr;
  }

  @Test
  void envelopedJwtInAClrIsVerifiedWithTheClrsClockAndStatusCheck() throws Exception {
    Clock signed = Clock.fixed(Instant.parse("2023-01-01T00:00:00Z"), ZoneOffset.UTC);
    ObjectNode badge = JwtTestAccess.credential(badgeIssuerDid).put("validFrom", "2020-01-01T00:00:00Z")
        .put("validUntil", "2024-01-01T00:00:00Z");
    String expiredJwt = VcJwt.sign(badge, badgeIssuer).withClock(signed).get();
    ObjectNode withStatus = JwtTestAccess.credential(badgeIssuerDid).put("validFrom", "2020-01-01T00:00:00Z");
    withStatus.putObject("credentialStatus").put("type", "BitstringStatusListEntry");
    String statusJwt = VcJwt.sign(withStatus, badgeIssuer).withClock(signed).get();
    ObjectNode clr = signClr(clrHolding(List.of(enveloped(statusJwt), enveloped(expiredJwt))));

    VerificationResult r = Credentials.verify(clr).withControllerDocument(clrIssuer()).withClock(VECTOR_TIME).get();
    assertFalse(r.verified());
    assertEquals(2, r.nested().size(), r::toString);
    // [0] has a credentialStatus and no status check is configured: fails closed, as it would on its own
    assertFalse(r.nested().get(0).result().passed(CheckName.STATUS), r::toString);
    // [1] expired before the CLR's verification time
    assertEquals("$.credentialSubject.verifiableCredential[1]", r.nested().get(1).path());
    assertFalse(r.nested().get(1).result().passed(CheckName.VALIDITY_PERIOD), r::toString);
    assertTrue(r.failures().get(1).message().contains(JwtRejection.EXPIRED.name()), r::toString);

    // the CLR's status check reaches the nested credential; an earlier clock makes [1] valid
    VerificationResult ok = Credentials.verify(clr).withControllerDocument(clrIssuer())
        .withClock(Clock.fixed(Instant.parse("2023-06-01T00:00:00Z"), ZoneOffset.UTC))
        .withStatus((c, t) -> VerificationCheck.passed(CheckName.STATUS, "$.credentialStatus", "not revoked")).get();
    assertTrue(ok.verified(), ok::toString);
    assertTrue(ok.nested().get(0).result().passed(CheckName.STATUS), ok::toString);
  }

  // --- limits: depth and count, each a named failure with its path

  /** A vc+jwt CLR-like credential that embeds the given JWTs. */
  String jwtHolding(List<String> jwts) throws VcException {
    ObjectNode vc = JwtTestAccess.credential(badgeIssuerDid);
    ArrayNode vcs = ((ObjectNode) vc.get("credentialSubject")).putArray("verifiableCredential");
    jwts.forEach(j -> vcs.add(enveloped(j)));
    return VcJwt.sign(vc, badgeIssuer).withClock(NOW).get();
  }

  @Test
  void nestingDeeperThanTheLimitFailsWithLimitExceeded() throws Exception {
    String jwt = VcJwt.sign(JwtTestAccess.credential(badgeIssuerDid), badgeIssuer).withClock(NOW).get();
    for (int depth = 1; depth <= NestedCredentials.MAX_DEPTH; depth++) {
      jwt = jwtHolding(List.of(jwt));
    }
    JwtVerification atLimit = VcJwt.verify(jwt).withClock(NOW).get();
    assertTrue(atLimit.verified(), atLimit.result().toString());
    JwtVerification deeper = VcJwt.verify(jwtHolding(List.of(jwt))).withClock(NOW).get();
    assertFalse(deeper.verified());
    assertTrue(deeper.rejectedFor(JwtRejection.NESTED_CREDENTIAL));
    VerificationResult innermost = deeper.result();
    while (!innermost.nested().isEmpty()) {
      innermost = innermost.nested().get(0).result();
    }
    VerificationCheck limit = innermost.failures().get(0);
    assertEquals(NESTED_0, limit.path());
    assertTrue(limit.message().startsWith("LIMIT_EXCEEDED"), limit.message());
  }

  @Test
  void moreEmbeddedCredentialsThanTheLimitFailWithLimitExceeded() throws Exception {
    String one = VcJwt.sign(JwtTestAccess.credential(badgeIssuerDid), badgeIssuer).withClock(NOW).get();
    List<String> many = new java.util.ArrayList<>();
    for (int i = 0; i <= NestedCredentials.MAX_COUNT; i++) {
      many.add(one);
    }
    JwtVerification v = VcJwt.verify(jwtHolding(many)).withClock(NOW).get();
    assertFalse(v.verified());
    assertEquals(NestedCredentials.MAX_COUNT, v.result().nested().size());
    VerificationCheck limit = v.result().failures().get(0);
    assertEquals("$.credentialSubject.verifiableCredential[" + NestedCredentials.MAX_COUNT + "]", limit.path());
    assertTrue(limit.message().startsWith("LIMIT_EXCEEDED"), limit.message());
    assertTrue(VcJwt.verify(jwtHolding(many.subList(0, 3))).withClock(NOW).get().verified());
  }
}
