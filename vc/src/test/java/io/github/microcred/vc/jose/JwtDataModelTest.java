package io.github.microcred.vc.jose;

import static io.github.microcred.vc.jose.JwtTestSupport.b64;
import static io.github.microcred.vc.jose.JwtTestSupport.credential;
import static io.github.microcred.vc.jose.JwtTestSupport.forge;
import static io.github.microcred.vc.jose.JwtTestSupport.header;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.CheckName;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 11: a {@code vc+jwt} / {@code vp+jwt} payload passes the same VC 2.0 data-model checks as a Data Integrity
 * credential, is read strictly, and is bounded in size. Each token here is signed by the issuer's own key, so the
 * signature is never the reason for a rejection.
 */
class JwtDataModelTest {
  static final Clock NOW = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);
  static final KeyPair ISSUER = KeyPair.generate(KeyType.ED25519);
  static final String ISSUER_DID = ISSUER.publicKey().didKeyVerificationMethod().split("#")[0];
  static final String KID = ISSUER.publicKey().didKeyVerificationMethod();

  static JwtVerification verifyIssuerSigned(ObjectNode payload) {
    return VcJwt.verify(forge(header("EdDSA", KID), payload, ISSUER)).withClock(NOW).get();
  }

  static Arguments model(String name, UnaryOperator<ObjectNode> change, CheckName check, String path) {
    return Arguments.of(name, change, check, path);
  }

  static Stream<Arguments> notTheDataModel() {
    List<Arguments> l = new ArrayList<>();
    l.add(model("no @context", vc -> {
      vc.remove("@context");
      return vc;
    }, CheckName.CONTEXTS, "$.@context"));
    l.add(model("no VerifiableCredential type", vc -> {
      vc.putArray("type").add("OpenBadgeCredential");
      return vc;
    }, CheckName.SYNTAX, "$.type"));
    l.add(model("type not a string", vc -> {
      vc.putArray("type").add("VerifiableCredential").add(3);
      return vc;
    }, CheckName.SYNTAX, "$.type"));
    l.add(model("VC 2.0 context not first", vc -> {
      vc.putArray("@context").add("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json")
          .add("https://www.w3.org/ns/credentials/v2");
      return vc;
    }, CheckName.CONTEXTS, "$.@context[0]"));
    l.add(model("VC 1.1 context in a vc+jwt", vc -> {
      vc.putArray("@context").add("https://www.w3.org/2018/credentials/v1");
      return vc;
    }, CheckName.CONTEXTS, "$.@context[0]"));
    l.add(model("inline context redefining a pinned term", vc -> {
      ((com.fasterxml.jackson.databind.node.ArrayNode) vc.get("@context")).addObject().put("validUntil", "@id");
      return vc;
    }, CheckName.CONTEXTS, "$.@context[2].validUntil"));
    l.add(model("unpinned context", vc -> {
      ((com.fasterxml.jackson.databind.node.ArrayNode) vc.get("@context")).add("https://evil.example/ctx");
      return vc;
    }, CheckName.CONTEXTS, "$.@context[2]"));
    l.add(model("no credentialSubject", vc -> {
      vc.remove("credentialSubject");
      return vc;
    }, CheckName.SYNTAX, "$.credentialSubject"));
    l.add(model("credentialSubject a string", vc -> {
      vc.put("credentialSubject", "did:example:learner");
      return vc;
    }, CheckName.SYNTAX, "$.credentialSubject"));
    l.add(model("issuer object without id", vc -> {
      vc.putObject("issuer").put("name", "Example");
      vc.put("iss", ISSUER_DID);
      return vc;
    }, CheckName.SYNTAX, "$.issuer"));
    l.add(model("id not an IRI", vc -> {
      vc.put("id", "not an iri");
      return vc;
    }, CheckName.SYNTAX, "$.id"));
    l.add(model("vc claim beside the credential", vc -> {
      vc.set("vc", credential(ISSUER_DID));
      return vc;
    }, CheckName.SYNTAX, "payload.vc"));
    return l.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notTheDataModel")
  void issuerSignedPayloadOutsideTheDataModelIsRejected(String name, UnaryOperator<ObjectNode> change,
      CheckName check, String path) {
    JwtVerification v = verifyIssuerSigned(change.apply(credential(ISSUER_DID)));
    assertFalse(v.verified(), name);
    assertEquals(List.of(JwtRejection.DATA_MODEL), v.rejections(), name + ": " + v.result());
    assertEquals(check, v.result().failures().get(0).name(), name);
    assertEquals(path, v.result().failures().get(0).path(), name);
  }

  /** Regression (issue 11): an issuer-signed vc+jwt whose payload had no @context verified. */
  @Test
  void issuerSignedJwtWithoutContextIsNotVerified() {
    ObjectNode vc = credential(ISSUER_DID);
    vc.remove("@context");
    JwtVerification v = verifyIssuerSigned(vc);
    assertFalse(v.verified());
    assertTrue(v.rejectedFor(JwtRejection.DATA_MODEL), v.toString());
    assertTrue(v.result().failures().get(0).message().contains("@context is missing"), v.result().toString());
  }

  /** Regression (issue 11): an issuer-signed vc+jwt whose type lacked VerifiableCredential verified. */
  @Test
  void issuerSignedJwtWithoutVerifiableCredentialTypeIsNotVerified() {
    ObjectNode vc = credential(ISSUER_DID);
    vc.put("type", "OpenBadgeCredential");
    JwtVerification v = verifyIssuerSigned(vc);
    assertFalse(v.verified());
    assertTrue(v.rejectedFor(JwtRejection.DATA_MODEL), v.toString());
    assertTrue(v.result().failures().get(0).message().contains("VerifiableCredential"), v.result().toString());
  }

  /** The unchanged credential verifies: the cases above fail for their change only. */
  @Test
  void theWellFormedCredentialVerifies() {
    JwtVerification v = verifyIssuerSigned(credential(ISSUER_DID));
    assertTrue(v.verified(), v.result().toString());
  }

  static String signRaw(String headerJson, String payloadJson) {
    String input = b64(headerJson) + "." + b64(payloadJson);
    return input + "." + b64(ISSUER.sign(input.getBytes(StandardCharsets.US_ASCII)));
  }

  /** Regression (issue 11): with duplicate keys the last one won, so the reader saw another validUntil. */
  @Test
  void duplicateKeysInTheSignedPayloadAreRefused() {
    String body = credential(ISSUER_DID).put("validUntil", "2026-05-01T00:00:00Z").toString();
    // the same key again at the end: a lenient reader keeps the later, unexpired value
    String payload = body.substring(0, body.length() - 1) + ",\"validUntil\":\"2099-01-01T00:00:00Z\"}";
    JwtVerification v = VcJwt.verify(signRaw(header("EdDSA", KID).toString(), payload)).withClock(NOW).get();
    assertFalse(v.verified());
    assertEquals(List.of(JwtRejection.MALFORMED), v.rejections(), v.result().toString());
    assertTrue(v.result().failures().get(0).message().contains("validUntil"), v.result().toString());
    assertEquals("payload", v.result().failures().get(0).path());
  }

  @Test
  void duplicateKeysInTheHeaderAreRefused() {
    String h = header("EdDSA", KID).toString();
    String dup = h.substring(0, h.length() - 1) + ",\"alg\":\"EdDSA\"}";
    JwtVerification v = VcJwt.verify(signRaw(dup, credential(ISSUER_DID).toString())).withClock(NOW).get();
    assertEquals(List.of(JwtRejection.MALFORMED), v.rejections(), v.result().toString());
    assertEquals("header", v.result().failures().get(0).path());
  }

  @Test
  void trailingContentAfterThePayloadIsRefused() {
    JwtVerification v = VcJwt.verify(signRaw(header("EdDSA", KID).toString(),
        credential(ISSUER_DID).toString() + " {\"validUntil\":\"2020-01-01T00:00:00Z\"}")).withClock(NOW).get();
    assertEquals(List.of(JwtRejection.MALFORMED), v.rejections(), v.result().toString());
  }

  @Test
  void invalidUtf8InThePayloadIsRefused() {
    byte[] json = credential(ISSUER_DID).toString().replace("Ada", "A\u00e9a").getBytes(StandardCharsets.UTF_8);
    byte[] broken = new byte[json.length];
    System.arraycopy(json, 0, broken, 0, json.length);
    for (int i = 0; i < broken.length; i++) {
      if (broken[i] == (byte) 0xC3) {
        broken[i + 1] = (byte) 0x28; // a lead byte not followed by a continuation byte
      }
    }
    String input = b64(header("EdDSA", KID).toString()) + "." + b64(broken);
    String token = input + "." + b64(ISSUER.sign(input.getBytes(StandardCharsets.US_ASCII)));
    JwtVerification v = VcJwt.verify(token).withClock(NOW).get();
    assertEquals(List.of(JwtRejection.MALFORMED), v.rejections(), v.result().toString());
  }

  /** Regression (issue 11): an 8 MB payload was decoded and parsed; now the size is refused before decoding. */
  @Test
  void oversizedTokensAreRefusedBeforeDecoding() {
    StringBuilder big = new StringBuilder(b64(header("EdDSA", KID).toString())).append('.');
    big.append("A".repeat(8 << 20)).append(".sig");
    JwtVerification v = VcJwt.verify(big.toString()).withClock(NOW).get();
    assertEquals(List.of(JwtRejection.TOO_LARGE), v.rejections(), v.result().toString());
    assertEquals("$", v.result().failures().get(0).path());

    // a payload just over the document limit, inside the token limit
    String payload = "A".repeat((JwtVerifyOperation.MAX_PAYLOAD_BYTES / 3 + 2) * 4);
    JwtVerification p = VcJwt.verify(b64(header("EdDSA", KID).toString()) + "." + payload + ".c2ln")
        .withClock(NOW).get();
    assertEquals(List.of(JwtRejection.TOO_LARGE), p.rejections(), p.result().toString());
    assertEquals("payload", p.result().failures().get(0).path());

    ObjectNode fat = header("EdDSA", KID).put("x-pad", "p".repeat(JwtVerifyOperation.MAX_HEADER_BYTES));
    JwtVerification h = VcJwt.verify(forge(fat, credential(ISSUER_DID), ISSUER)).withClock(NOW).get();
    assertEquals(List.of(JwtRejection.TOO_LARGE), h.rejections(), h.result().toString());
    assertEquals("header", h.result().failures().get(0).path());
  }

  @Test
  void subMustBeTheIdOfACredentialSubject() {
    ObjectNode matching = credential(ISSUER_DID).put("sub", "did:example:learner");
    assertTrue(verifyIssuerSigned(matching).verified());
    ObjectNode other = credential(ISSUER_DID).put("sub", "did:example:someone-else");
    JwtVerification v = verifyIssuerSigned(other);
    assertEquals(List.of(JwtRejection.CLAIM_CONFLICT), v.rejections(), v.result().toString());
    assertEquals("payload.sub", v.result().failures().get(0).path());
    ObjectNode noSubjectId = credential(ISSUER_DID).put("sub", "did:example:learner");
    ((ObjectNode) noSubjectId.get("credentialSubject")).remove("id");
    assertEquals(List.of(JwtRejection.CLAIM_CONFLICT), verifyIssuerSigned(noSubjectId).rejections());
    ObjectNode twoSubjects = credential(ISSUER_DID).put("sub", "did:example:second");
    twoSubjects.putArray("credentialSubject").add(credential(ISSUER_DID).get("credentialSubject"))
        .addObject().put("id", "did:example:second");
    assertTrue(verifyIssuerSigned(twoSubjects).verified(), "sub may name any of the subjects");
  }

  @Test
  void jtiMustNotContradictTheId() {
    assertTrue(verifyIssuerSigned(credential(ISSUER_DID).put("jti", "urn:uuid:6a9c92a9-2530-4e2b-9776-530467e9bbe0"))
        .verified());
    JwtVerification v = verifyIssuerSigned(credential(ISSUER_DID).put("jti", "urn:uuid:other"));
    assertEquals(List.of(JwtRejection.CLAIM_CONFLICT), v.rejections(), v.result().toString());
    assertEquals("payload.jti", v.result().failures().get(0).path());
  }

  @Test
  void legacyTokenWhoseSubContradictsTheSubjectIsRejected() {
    ObjectNode vc = JwtTestSupport.JSON.createObjectNode();
    vc.putArray("@context").add("https://www.w3.org/2018/credentials/v1");
    vc.putArray("type").add("VerifiableCredential");
    vc.putObject("credentialSubject").put("id", "did:example:learner").put("degree", "BSc");
    ObjectNode payload = JwtTestSupport.JSON.createObjectNode();
    payload.set("vc", vc);
    // nbf stands for the VC 1.1 issuanceDate (VC-JWT 1.1); without either the token is not a VC 1.1 credential
    payload.put("iss", ISSUER_DID).put("sub", "did:example:mallory").put("nbf", NOW.instant().getEpochSecond() - 3600);
    ObjectNode h = JwtTestSupport.JSON.createObjectNode().put("alg", "EdDSA").put("typ", "JWT").put("kid", KID);
    JwtVerification v = VcJwt.verify(forge(h, payload, ISSUER)).withClock(NOW).get();
    assertTrue(v.legacy());
    assertEquals(List.of(JwtRejection.CLAIM_CONFLICT), v.rejections(), v.result().toString());
    ObjectNode noType = vc.deepCopy();
    noType.putArray("type").add("Degree");
    payload.set("vc", noType);
    payload.put("sub", "did:example:learner");
    assertEquals(List.of(JwtRejection.DATA_MODEL),
        VcJwt.verify(forge(h, payload, ISSUER)).withClock(NOW).get().rejections());
  }

  @Test
  void presentationWithoutTheVerifiablePresentationTypeIsRejected() throws Exception {
    KeyPair holder = KeyPair.generate(KeyType.ED25519);
    ObjectNode vp = JwtTestSupport.JSON.createObjectNode();
    vp.putArray("@context").add("https://www.w3.org/ns/credentials/v2");
    vp.put("type", "Presentation");
    vp.put("holder", holder.publicKey().didKeyVerificationMethod().split("#")[0]);
    String token = VcJwt.signPresentation(vp, holder).withNonce("n").withClock(NOW).get();
    JwtVerification v = VcJwt.verifyPresentation(token).withNonce("n").withClock(NOW).get();
    assertEquals(List.of(JwtRejection.DATA_MODEL), v.rejections(), v.result().toString());
    assertEquals("$.type", v.result().failures().get(0).path());
  }
}
