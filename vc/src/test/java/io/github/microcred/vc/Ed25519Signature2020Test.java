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
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ed25519Signature2020, verified read-only: the W3C vc-di-eddsa vector reproduced byte for byte (canonical N-Quads
 * with URDNA2015 = RDFC-1.0, hashes, signature) and its signed credential verified; a real 1EdTech OB 3.0 badge
 * (the public validator's {@code simple_v1.json}) verified end to end with its issuer's key bound; tampering
 * refused.
 */
class Ed25519Signature2020Test {
  static final Clock NOW = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);

  @Test
  void theW3cVectorIsReproducedByteForByte() throws Exception {
    JsonNode v = TestSupport.vector("Ed25519Signature2020-legacy.json");
    JsonNode exp = v.get("expected");
    KeyPair key = KeyPair.fromMultikey(v.at("/keyPair/publicKeyMultibase").asText(),
        v.at("/keyPair/privateKeyMultibase").asText());
    ObjectNode signed = (ObjectNode) exp.get("signedCredential");
    ObjectNode unsignedJson = signed.deepCopy();
    unsignedJson.remove("proof");
    JsonObject unsigned = JsonSupport.toJsonP(unsignedJson).asJsonObject();
    JsonObject proof = JsonSupport.toJsonP(signed.get("proof")).asJsonObject();
    DataIntegrity.HashData h = DataIntegrity.hash(unsigned, DataIntegrity.proofConfig(proof,
        unsigned.get("@context")), KeyType.ED25519, ContextLoader.pinned(), CanonicalizationLimits.DEFAULT);
    assertEquals(exp.get("canonicalDocumentNQuads").asText(), h.canonicalDocument());
    assertEquals(exp.get("canonicalProofConfigNQuads").asText(), h.canonicalProofConfig());
    assertEquals(exp.get("documentHashHex").asText(), Base58.hex(h.documentHash()));
    assertEquals(exp.get("proofConfigHashHex").asText(), Base58.hex(h.proofConfigHash()));
    assertEquals(exp.get("hashDataHex_proofHashThenDocHash").asText(), Base58.hex(h.combined()));
    // Ed25519 is deterministic: the vector's key signs the vector's bytes into the vector's proofValue
    assertEquals(exp.get("signatureHex").asText(), Base58.hex(key.sign(h.combined())));
    assertEquals(exp.get("proofValue").asText(), signed.at("/proof/proofValue").asText());
  }

  @Test
  void theW3cSignedCredentialsSignatureVerifies() {
    JsonNode signed = TestSupport.vector("Ed25519Signature2020-legacy.json").at("/expected/signedCredential");
    VerificationResult r = Credentials.verify(signed).withClock(NOW).get();
    assertTrue(r.passed(CheckName.PROOF), r.toString());
    // the vector's issuer is an https URL while its key is a did:key: the key is not the issuer's, so the
    // credential as a whole does not verify - the signature check alone passes
    assertFalse(r.verified(), r.toString());
    assertTrue(r.checks(CheckName.PURPOSE_AND_CONTROLLER).get(0).message().contains("is not the controller"),
        r.toString());
  }

  /** The issuer's controller document: its key is the one the 1EdTech sample's verification method names. */
  static ControllerDocument oneEdTechIssuer() throws VcException {
    String issuer = "https://example.com/issuers/876543";
    String vm = issuer + "#z6MknNHHrBzPytzu6CUBP9Lg7fg4KSBjzimc2Frh693YbMiv";
    return ControllerDocument.of(issuer, List.of(new VerificationMethod(vm, "Ed25519VerificationKey2020", issuer,
        PublicKey.fromMultibase("z6MknNHHrBzPytzu6CUBP9Lg7fg4KSBjzimc2Frh693YbMiv"))),
        Map.of("assertionMethod", Set.of(vm)));
  }

  static ObjectNode sample() {
    return (ObjectNode) TestSupport.vector("1edtech-validator/ob30-simple_v1.json");
  }

  @Test
  void aReal1EdTechBadgeVerifiesEndToEnd() throws Exception {
    VerificationResult r = Credentials.verify(sample()).withClock(NOW).withControllerDocument(oneEdTechIssuer())
        .get();
    assertTrue(r.verified(), r.toString());
    assertTrue(r.checks(CheckName.PROOF).get(0).message().startsWith("Ed25519Signature2020"), r.toString());
  }

  static Stream<Arguments> tampered() {
    return Stream.of(
        Arguments.of("achievement name changed", (Consumer<ObjectNode>) c -> ((ObjectNode) c.at(
            "/credentialSubject/achievement")).put("name", "Leadership")),
        Arguments.of("subject changed", (Consumer<ObjectNode>) c -> ((ObjectNode) c.get("credentialSubject"))
            .put("id", "did:example:mallory")),
        Arguments.of("proof created changed", (Consumer<ObjectNode>) c -> ((ObjectNode) c.at("/proof/0"))
            .put("created", "2022-11-16T18:54:23Z")),
        Arguments.of("proofValue from another message", (Consumer<ObjectNode>) c -> ((ObjectNode) c.at("/proof/0"))
            .put("proofValue", TestSupport.vector("Ed25519Signature2020-legacy.json")
                .at("/expected/proofValue").asText())),
        Arguments.of("proofValue not base58btc", (Consumer<ObjectNode>) c -> ((ObjectNode) c.at("/proof/0"))
            .put("proofValue", "u" + c.at("/proof/0/proofValue").asText().substring(1))),
        Arguments.of("a cryptosuite added", (Consumer<ObjectNode>) c -> ((ObjectNode) c.at("/proof/0"))
            .put("cryptosuite", "eddsa-rdfc-2022")),
        Arguments.of("the suite context removed", (Consumer<ObjectNode>) c -> ((com.fasterxml.jackson.databind.node
            .ArrayNode) c.get("@context")).remove(2)),
        Arguments.of("proofPurpose authentication", (Consumer<ObjectNode>) c -> ((ObjectNode) c.at("/proof/0"))
            .put("proofPurpose", "authentication")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tampered")
  void tamperingIsRefused(String name, Consumer<ObjectNode> change) throws Exception {
    ObjectNode c = sample();
    change.accept(c);
    VerificationResult r = Credentials.verify(c).withClock(NOW).withControllerDocument(oneEdTechIssuer()).get();
    assertFalse(r.verified(), name + ": " + r);
  }

  @Test
  void anEd25519Signature2020ProofWithAnotherKeyTypeIsRefused() throws Exception {
    // the issuer's document lists a P-256 key under the method the proof names: the suite is Ed25519 only
    String issuer = "https://example.com/issuers/876543";
    String vm = issuer + "#z6MknNHHrBzPytzu6CUBP9Lg7fg4KSBjzimc2Frh693YbMiv";
    ControllerDocument p256 = ControllerDocument.of(issuer, List.of(new VerificationMethod(vm, "Multikey", issuer,
        KeyPair.generate(KeyType.P256).publicKey())), Map.of("assertionMethod", Set.of(vm)));
    VerificationResult r = Credentials.verify(sample()).withClock(NOW).withControllerDocument(p256).get();
    assertFalse(r.verified());
    assertTrue(r.checks(CheckName.PROOF).get(0).message().contains("P256"), r.toString());
  }
}
