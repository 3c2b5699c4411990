package io.github.microcred.vc.jose;

import static io.github.microcred.vc.jose.JwtTestSupport.credential;
import static io.github.microcred.vc.jose.JwtTestSupport.part;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.CheckName;
import io.github.microcred.vc.ControllerDocument;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.VerificationCheck;
import io.github.microcred.vc.VerificationCode;
import io.github.microcred.vc.testing.Peers;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class VcJwtTest {
  static final Clock NOW = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void signsAndVerifiesWithEveryAlgorithm(KeyType type) throws Exception {
    KeyPair key = KeyPair.generate(type);
    String issuer = key.publicKey().didKeyVerificationMethod().split("#")[0];
    ObjectNode vc = credential(issuer);
    String jwt = VcJwt.sign(vc, key).withClock(NOW).get();
    ObjectNode header = part(jwt, 0);
    assertEquals(VcJwt.algorithm(type), header.get("alg").asText());
    assertEquals("vc+jwt", header.get("typ").asText());
    assertEquals("vc", header.get("cty").asText());
    assertEquals(key.publicKey().didKeyVerificationMethod(), header.get("kid").asText());
    ObjectNode payload = part(jwt, 1);
    assertEquals(issuer, payload.get("iss").asText());
    payload.remove("iss");
    payload.remove("iat");
    assertEquals(vc, payload, "the payload is the credential itself");

    JwtVerification v = VcJwt.verify(jwt).withClock(NOW).get();
    assertTrue(v.verified(), v.result().toString());
    assertFalse(v.legacy());
    assertTrue(v.result().passed(CheckName.PROOF));
    assertTrue(v.result().passed(CheckName.PURPOSE_AND_CONTROLLER));
    assertEquals("Ada", v.document().orElseThrow().get("credentialSubject").get("name").asText());
  }

  @Test
  void didJwkIssuerGetsKidHashZero() throws Exception {
    KeyPair key = KeyPair.generate(KeyType.P256);
    String issuer = key.publicKey().didJwk();
    String jwt = VcJwt.sign(credential(issuer), key).withClock(NOW).get();
    assertEquals(issuer + "#0", part(jwt, 0).get("kid").asText());
    assertTrue(VcJwt.verify(jwt).withClock(NOW).get().verified());
  }

  @Test
  void verifiesTheSpecExampleCredentialWithAnHttpsIssuerAndItsControllerDocument() throws Exception {
    JsonNode examples = JwtTestSupport.JSON.readTree(Peers.vectors()
        .resolve("w3c-vc-jose-cose/examples.json").toFile()).get("examples");
    ObjectNode vc = (ObjectNode) examples.get(0).get("json");
    String issuer = vc.get("issuer").isObject() ? vc.get("issuer").get("id").asText() : vc.get("issuer").asText();
    KeyPair key = KeyPair.generate(KeyType.P384);
    ControllerDocument doc = ControllerDocument.singleKey(issuer, issuer + "#key-1", "JsonWebKey", key.publicKey());
    String jwt = VcJwt.sign(vc, key).withKeyId(issuer + "#key-1").withClock(NOW).get();
    JwtVerification v = VcJwt.verify(jwt).withClock(Clock.fixed(Instant.parse("2010-01-02T00:00:00Z"),
        ZoneOffset.UTC)).withControllerDocument(doc).get();
    assertTrue(v.rejections().isEmpty() || v.rejections().equals(java.util.List.of(JwtRejection.NOT_YET_VALID))
        || v.rejections().equals(java.util.List.of(JwtRejection.EXPIRED)), v.toString());
    assertTrue(v.result().passed(CheckName.PROOF), v.result().toString());
    // without the controller document the https issuer cannot be resolved offline: not verified, with a reason
    JwtVerification unresolved = VcJwt.verify(jwt).withClock(NOW).get();
    assertEquals(JwtRejection.KEY_UNRESOLVED, unresolved.rejections().get(0));
  }

  @Test
  void readsLegacyVcJwt11AndReportsIt() throws Exception {
    KeyPair key = KeyPair.generate(KeyType.ED25519);
    String issuer = key.publicKey().didKeyVerificationMethod().split("#")[0];
    ObjectNode vc = JwtTestSupport.JSON.createObjectNode();
    vc.putArray("@context").add("https://www.w3.org/2018/credentials/v1");
    vc.putArray("type").add("VerifiableCredential");
    vc.putObject("credentialSubject").put("degree", "BSc");
    ObjectNode payload = JwtTestSupport.JSON.createObjectNode();
    payload.set("vc", vc);
    payload.put("iss", issuer).put("sub", "did:example:learner").put("jti", "urn:uuid:1")
        .put("nbf", Instant.parse("2026-01-01T00:00:00Z").getEpochSecond())
        .put("exp", Instant.parse("2027-01-01T00:00:00Z").getEpochSecond());
    ObjectNode header = JwtTestSupport.JSON.createObjectNode().put("alg", "EdDSA").put("typ", "JWT")
        .put("kid", key.publicKey().didKeyVerificationMethod());
    String jwt = JwtTestSupport.forge(header, payload, key);
    JwtVerification v = VcJwt.verify(jwt).withClock(NOW).get();
    assertTrue(v.verified(), v.result().toString());
    assertTrue(v.legacy());
    ObjectNode doc = v.document().orElseThrow();
    assertEquals(issuer, doc.get("issuer").asText());
    assertEquals("did:example:learner", doc.get("credentialSubject").get("id").asText());
    assertEquals("urn:uuid:1", doc.get("id").asText());
    assertEquals("2027-01-01T00:00:00Z", doc.get("expirationDate").asText());
    assertTrue(v.result().checks(CheckName.SYNTAX).get(0).message().contains("legacy"));
    JwtVerification later = VcJwt.verify(jwt)
        .withClock(Clock.fixed(Instant.parse("2027-02-01T00:00:00Z"), ZoneOffset.UTC)).get();
    assertTrue(later.rejectedFor(JwtRejection.EXPIRED), later.toString());
  }

  @Test
  void statusFailsClosedAndPassesWhenTheCheckerPasses() throws Exception {
    KeyPair key = KeyPair.generate(KeyType.ED25519);
    String issuer = key.publicKey().didKeyVerificationMethod().split("#")[0];
    ObjectNode vc = credential(issuer);
    vc.putObject("credentialStatus").put("type", "BitstringStatusListEntry");
    String jwt = VcJwt.sign(vc, key).withClock(NOW).get();
    JwtVerification none = VcJwt.verify(jwt).withClock(NOW).get();
    assertEquals(java.util.List.of(JwtRejection.STATUS), none.rejections());
    JwtVerification ok = VcJwt.verify(jwt).withClock(NOW)
        .withStatus((c, t) -> VerificationCheck.passed(CheckName.STATUS, "credentialStatus", "not revoked")).get();
    assertTrue(ok.verified(), ok.result().toString());
    JwtVerification revoked = VcJwt.verify(jwt).withClock(NOW)
        .withStatus((c, t) -> VerificationCheck.failed(CheckName.STATUS, "credentialStatus", VerificationCode.REVOKED, "revoked")).get();
    assertEquals(java.util.List.of(JwtRejection.STATUS), revoked.rejections());
  }

  @Test
  void allowListNarrowsButNeverWidens() throws Exception {
    KeyPair key = KeyPair.generate(KeyType.P256);
    String issuer = key.publicKey().didKeyVerificationMethod().split("#")[0];
    String jwt = VcJwt.sign(credential(issuer), key).withClock(NOW).get();
    JwtVerification v = VcJwt.verify(jwt).withClock(NOW).withAllowedAlgorithms(Set.of("EdDSA")).get();
    assertEquals(java.util.List.of(JwtRejection.ALG_NOT_ALLOWED), v.rejections());
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> VcJwt.verify(jwt).withAllowedAlgorithms(Set.of("HS256")));
  }
}
