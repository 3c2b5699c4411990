package io.github.microcred.vc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.internal.Base58;
import io.github.microcred.vc.internal.DataIntegrity;
import io.github.microcred.vc.internal.JsonSupport;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code eddsa-jcs-2022} / {@code ecdsa-jcs-2019} vector (copied into test resources, see vectors/SOURCES.md)
 * reproduced byte for byte: canonical JSON of document and proof configuration, both hashes, the signed bytes, the
 * signature (Ed25519, and RFC 6979 deterministic ECDSA for P-256 and P-384), proofValue and the signed credential;
 * and the published signed credentials verify, one changed character does not. Both the per-step files of the
 * w3c/vc-di-eddsa and w3c/vc-di-ecdsa TestVectors folders and the assembled files of ../shared are read.
 */
class JcsVectorTest {
  /** One vector, whichever file layout it came in. */
  record Vector(String name, String publicKey, String secretKey, JsonNode unsigned, JsonNode proofOptions,
      String canonicalDocument, String documentHash, String canonicalProofConfig, String proofConfigHash,
      String combined, String signatureHex, String proofValue, JsonNode signed) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Vector> vectors() {
    return Stream.of(assembled("eddsa-jcs-2022-vcdm2.json"), assembled("ecdsa-jcs-2019-p256-vcdm2.json"),
        steps("w3c-vc-di-eddsa", "eddsa-jcs-2022", "JCS", "keyPair.json"),
        steps("w3c-vc-di-ecdsa", "ecdsa-jcs-2019-p256", "JCSECDSAP256", "p256KeyPair.json"),
        steps("w3c-vc-di-ecdsa", "ecdsa-jcs-2019-p384", "JCSECDSAP384", "p384KeyPair.json"));
  }

  static Vector assembled(String file) {
    JsonNode v = TestSupport.vector(file);
    JsonNode kp = v.get("keyPair");
    JsonNode e = v.get("expected");
    return new Vector(file, kp.get("publicKeyMultibase").asText(),
        DataIntegrityVectorTest.text(kp, "secretKeyMultibase", "privateKeyMultibase"), v.get("unsignedCredential"),
        v.get("proofOptions"), e.get("canonicalDocumentJCS").asText(), e.get("documentHashHex").asText(),
        e.get("canonicalProofConfigJCS").asText(), e.get("proofConfigHashHex").asText(),
        e.get("hashDataHex_proofHashThenDocHash").asText(), e.get("signatureHex").asText(),
        e.get("proofValue").asText(), e.get("signedCredential"));
  }

  static Vector steps(String repo, String dir, String suffix, String keyFile) {
    String base = "vectors/" + repo + "/";
    String d = base + dir + "/";
    JsonNode kp = TestSupport.json(base + keyFile);
    return new Vector(repo + "/" + dir, kp.get("publicKeyMultibase").asText(),
        DataIntegrityVectorTest.text(kp, "secretKeyMultibase", "privateKeyMultibase"),
        TestSupport.json(base + "unsigned.json"), TestSupport.json(d + "proofConfig" + suffix + ".json"),
        text(d + "canonDoc" + suffix + ".txt"), text(d + "docHash" + suffix + ".txt"),
        text(d + "proofCanon" + suffix + ".txt"), text(d + "proofHash" + suffix + ".txt"),
        text(d + "combinedHash" + suffix + ".txt"), text(d + "sigHex" + suffix + ".txt"),
        text(d + "sigBTC58" + suffix + ".txt"), TestSupport.json(d + "signed" + suffix + ".json"));
  }

  /** A one-line text file (the vector files end without or with one newline). */
  static String text(String name) {
    String s = new String(TestSupport.bytes(name), StandardCharsets.UTF_8);
    return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
  }

  static Cryptosuite suite(Vector v) {
    return Cryptosuite.byId(v.proofOptions().get("cryptosuite").asText()).orElseThrow();
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void reproducesIntermediateValues(Vector v) throws Exception {
    KeyPair key = KeyPair.fromMultikey(v.publicKey(), v.secretKey());
    assertEquals(v.publicKey(), key.publicKey().toMultibase(), v.name());
    JsonObject unsigned = JsonSupport.toJsonP(v.unsigned()).asJsonObject();
    JsonObject options = JsonSupport.toJsonP(v.proofOptions()).asJsonObject();
    Cryptosuite suite = suite(v);
    assertEquals(Cryptosuite.Canonicalization.JCS, suite.canonicalization());
    DataIntegrity.HashData h = DataIntegrity.hash(suite, unsigned, DataIntegrity.proofConfig(suite, options,
        unsigned), key.type(), TestSupport.loader(), CanonicalizationLimits.DEFAULT);
    assertEquals(v.canonicalDocument(), h.canonicalDocument(), v.name());
    assertEquals(v.canonicalProofConfig(), h.canonicalProofConfig(), v.name());
    assertEquals(v.documentHash(), Base58.hex(h.documentHash()), v.name());
    assertEquals(v.proofConfigHash(), Base58.hex(h.proofConfigHash()), v.name());
    assertEquals(v.combined(), Base58.hex(h.combined()), v.name());
    byte[] sig = key.sign(h.combined());
    assertEquals(v.signatureHex(), Base58.hex(sig), v.name());
    assertEquals(v.proofValue(), Base58.encodeMultibase(sig), v.name());
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void signReproducesSignedCredential(Vector v) throws Exception {
    KeyPair key = KeyPair.fromMultikey(v.publicKey(), v.secretKey());
    ObjectNode signed = Credentials.sign(v.unsigned(), key, suite(v))
        .withCreated(Instant.parse(v.proofOptions().get("created").asText()))
        .withVerificationMethod(v.proofOptions().get("verificationMethod").asText())
        .withDocumentLoader(TestSupport.loader())
        .get();
    assertEquals(v.signed(), signed, v.name());
    // byte for byte, member order included (the proof carries @context after proofPurpose, as published)
    assertEquals(v.signed().toString(), signed.toString(), v.name());
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void verifiesPublishedSignedCredential(Vector v) throws Exception {
    VerificationResult r = Credentials.verify(v.signed()).withDocumentLoader(TestSupport.loader())
        .withClock(Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"), ZoneOffset.UTC)).get();
    for (CheckName c : new CheckName[] {CheckName.SYNTAX, CheckName.CONTEXTS, CheckName.COMPACT_FORM,
        CheckName.PROOF, CheckName.VALIDITY_PERIOD}) {
      assertTrue(r.passed(c), () -> c + " " + r);
    }
    assertTrue(r.checks(CheckName.PROOF).get(0).message().startsWith(suite(v).id() + " signature verified"),
        r::toString);
    // the W3C vectors name issuer https://vc.example/issuers/5678, which does not control the did:key
    assertFalse(r.passed(CheckName.PURPOSE_AND_CONTROLLER), r::toString);
    assertTrue(r.checks(CheckName.PURPOSE_AND_CONTROLLER).get(0).message().contains("issuer"), r::toString);
    assertFalse(r.verified());
    // one changed character in the proofValue fails the proof
    ObjectNode tampered = v.signed().deepCopy();
    ObjectNode proof = (ObjectNode) tampered.get("proof");
    String pv = proof.get("proofValue").asText();
    proof.put("proofValue", pv.substring(0, 10) + (pv.charAt(10) == 'A' ? 'B' : 'A') + pv.substring(11));
    VerificationResult bad = Credentials.verify(tampered).withDocumentLoader(TestSupport.loader()).get();
    assertFalse(bad.passed(CheckName.PROOF), bad::toString);
    // one changed character in the credential fails the proof
    ObjectNode changed = v.signed().deepCopy();
    ((ObjectNode) changed.get("credentialSubject")).put("alumniOf", "The School of Examples!");
    VerificationResult bad2 = Credentials.verify(changed).withDocumentLoader(TestSupport.loader()).get();
    assertFalse(bad2.passed(CheckName.PROOF), bad2::toString);
    assertTrue(bad2.checks(CheckName.PROOF).get(0).message().contains("does not verify"), bad2::toString);
  }
}
