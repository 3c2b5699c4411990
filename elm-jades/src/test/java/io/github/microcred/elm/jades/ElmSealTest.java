package io.github.microcred.elm.jades;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.core.Award;
import io.github.microcred.core.LearnerIdentity;
import io.github.microcred.core.MicroCredential;
import io.github.microcred.core.Organization;
import io.github.microcred.elm.Elm;
import io.github.microcred.elm.ElmCredential;
import io.github.microcred.elm.ElmErrorCode;
import io.github.microcred.elm.ElmException;
import io.github.microcred.elm.ElmImport;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A JAdES-B seal made by microcred verifies with DSS (and a tampered one does not); the EC's official signed Annex I
 * sample verifies structurally and cryptographically with its embedded certificate, offline.
 */
class ElmSealTest {
  private static final ObjectMapper M = new ObjectMapper();
  private static KeyPair rsa;
  private static X509Certificate cert;
  private static ElmCredential credential;

  @BeforeAll
  static void keys() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    rsa = g.generateKeyPair();
    X500Name dn = new X500Name("CN=Test Seal, O=University of Test, C=IE, organizationIdentifier=VATIE-1234567X");
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(dn, BigInteger.TEN,
        Date.from(now), Date.from(now.plusSeconds(20L * 365 * 86_400)), dn, rsa.getPublic())
        .build(new JcaContentSignerBuilder("SHA256withRSA").build(rsa.getPrivate())));
    Organization uni = Organization.builder("University of Test").country("IE").build();
    MicroCredential mc = MicroCredential.builder("Sealed micro-credential").awardingBody(uni)
        .learningOutcome("Seal a credential").build();
    Award a = Award.builder(mc, LearnerIdentity.did("did:example:learner"), Instant.parse("2026-06-30T12:00:00Z"))
        .build();
    credential = Elm.exporter().withIssuerLegalIdentifier("VATIE-1234567X").export(a);
  }

  static String resource(String name) throws Exception {
    try (InputStream in = ElmSealTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void aBaselineBSealMadeByMicrocredVerifiesWithDss() throws Exception {
    java.security.PrivateKey privateKey = rsa.getPrivate();
    X509Certificate certificate = cert;
    // region jades
    String sealed = ElmSeal.seal(credential, privateKey, List.of(certificate));   // JAdES-BASELINE-B, RS256 or ES256
    SealVerification v = ElmSeal.verify(sealed);   // structure, certificate, integrity, signature value; v.skipped()
    ElmImport signed = Elm.importCredential(v.payload().orElseThrow());   // what was sealed, nothing else
    // endregion
    assertEquals(credential.toJson().toString(), v.payload().orElseThrow(), "the payload is the credential as it was sealed");
    assertEquals("Sealed micro-credential", signed.microCredential().title());
    ObjectNode jws = (ObjectNode) M.readTree(sealed);
    assertTrue(jws.get("payload").isTextual() && jws.get("payload").asText().startsWith("{"),
        "unencoded payload (b64: false), as EDC seals");
    String header = new String(Base64.getUrlDecoder().decode(jws.at("/signatures/0/protected").asText()),
        StandardCharsets.UTF_8);
    assertTrue(header.contains("\"alg\":\"RS256\"") && header.contains("\"b64\":false") && header.contains("\"x5c\""),
        header);
    assertTrue(v.verified(), v.toString());
    assertEquals("JAdES-BASELINE-B", v.format());
    assertTrue(v.signingCertificate().orElseThrow().contains("CN=Test Seal"), v.toString());
    ElmImport back = Elm.importCredential(sealed);
    assertEquals("Sealed micro-credential", back.microCredential().title(), "the sealed form imports too");
  }

  @Test
  void aChangedPayloadOrSignatureFails() throws Exception {
    String sealed = ElmSeal.seal(credential, rsa.getPrivate(), List.of(cert));
    SealVerification payload = ElmSeal.verify(sealed.replace("Sealed micro-credential", "Sealed micro-credentiaL"));
    assertFalse(payload.verified(), payload.toString());
    assertFalse(payload.signatureIntact(), payload.toString());
    assertTrue(payload.payload().isEmpty(), "no payload is handed back from a seal that fails");
    ObjectNode jws = (ObjectNode) M.readTree(sealed);
    String sig = jws.at("/signatures/0/signature").asText();
    ((ObjectNode) jws.at("/signatures/0")).put("signature", (sig.charAt(0) == 'A' ? "B" : "A") + sig.substring(1));
    SealVerification value = ElmSeal.verify(M.writeValueAsString(jws));
    assertFalse(value.verified(), value.toString());
    assertTrue(value.payload().isEmpty(), value.toString());
    ObjectNode twice = (ObjectNode) M.readTree(sealed);
    twice.withArray("signatures").add(twice.withArray("signatures").get(0).deepCopy());
    SealVerification two = ElmSeal.verify(M.writeValueAsString(twice));
    assertFalse(two.verified(), "a second signature, even a copy of the first, is refused: " + two);
    assertTrue(two.structureMessages().get(0).startsWith("2 signatures"), two.toString());
    SealVerification garbage = ElmSeal.verify("{\"payload\":\"x\",\"signatures\":[]}");
    assertFalse(garbage.verified(), garbage.toString());
    SealVerification notJson = ElmSeal.verify("not a seal");
    assertFalse(notJson.verified());
  }

  @Test
  void theOfficialSignedSampleVerifiesWithItsEmbeddedCertificate() throws Exception {
    SealVerification v = ElmSeal.verify(resource("Sample-MC-Annex1-signed.jsonld"));
    assertTrue(v.structureValid(), v.toString());
    assertTrue(v.signingCertificateIdentified(), v.toString());
    assertTrue(v.signatureIntact(), v.toString());
    assertTrue(v.signatureValid(), v.toString());
    // sealed B-LTA; offline, without the validation data of its archive time-stamp, DSS recognises the T level
    assertEquals("JAdES-BASELINE-T", v.format(), v.toString());
    assertTrue(v.signingCertificate().orElseThrow().contains("TEST SEAL"), v.toString());
    assertEquals(SealVerification.SKIPPED, v.skipped());
    String signedPayload = M.readTree(resource("Sample-MC-Annex1-signed.jsonld")).get("payload").asText();
    assertEquals(signedPayload, v.payload().orElseThrow(), "the sample's payload, byte for byte");
    assertEquals("Digital micro-credential creation", Elm.importCredential(v.payload().orElseThrow())
        .microCredential().title());
  }

  /**
   * Members a seal's signature does not cover are not handed back: a verified seal with an extra top-level member
   * gives the signed payload only (what a caller reads is what was signed).
   */
  @Test
  void theVerifiedPayloadHoldsOnlyWhatWasSigned() throws Exception {
    String sealed = ElmSeal.seal(credential, rsa.getPrivate(), List.of(cert));
    ObjectNode jws = (ObjectNode) M.readTree(sealed);
    jws.putObject("credentialSubject").put("fullName", "Mallory Unsigned");
    jws.put("unsignedNote", "Mallory Unsigned");
    SealVerification v = ElmSeal.verify(M.writeValueAsString(jws));
    assertTrue(v.verified(), "DSS ignores members outside the JWS: " + v.structureMessages());
    assertEquals(credential.toJson().toString(), v.payload().orElseThrow());
    assertFalse(v.payload().orElseThrow().contains("Mallory"));
  }

  @Test
  void theOfficialSampleWithAChangedPayloadFails() throws Exception {
    String s = resource("Sample-MC-Annex1-signed.jsonld").replace("Digital micro-credential creation",
        "Digital micro-credential creatioN");
    SealVerification v = ElmSeal.verify(s);
    assertFalse(v.signatureIntact(), v.toString());
  }

  @Test
  void badArgumentsAreTypedErrors() throws Exception {
    ElmException empty = assertThrows(ElmException.class, () -> ElmSeal.seal(credential, rsa.getPrivate(), List.of()));
    assertEquals(ElmErrorCode.INVALID_ARGUMENT, empty.code());
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    ElmException wrong = assertThrows(ElmException.class, () -> ElmSeal.seal(credential, g.generateKeyPair()
        .getPrivate(), List.of(cert)));
    assertEquals(ElmErrorCode.INVALID_ARGUMENT, wrong.code());
    assertTrue(wrong.getMessage().contains("does not match"), wrong.getMessage());
  }
}
