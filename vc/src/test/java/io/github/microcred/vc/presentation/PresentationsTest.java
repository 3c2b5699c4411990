package io.github.microcred.vc.presentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.CheckName;
import io.github.microcred.vc.Credentials;
import io.github.microcred.vc.VerificationCheck;
import io.github.microcred.vc.VerificationCode;
import io.github.microcred.vc.Cryptosuite;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.jose.JwtRejection;
import io.github.microcred.vc.jose.JwtTestAccess;
import io.github.microcred.vc.jose.VcJwt;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class PresentationsTest {
  static final Clock NOW = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);
  final KeyPair issuerKey = KeyPair.generate(KeyType.ED25519);
  final KeyPair holderKey = KeyPair.generate(KeyType.P256);
  final String issuer = did(issuerKey);
  final String holder = did(holderKey);

  static String did(KeyPair k) {
    return k.publicKey().didKeyVerificationMethod().split("#")[0];
  }

  ObjectNode credentialFor(String subject) {
    ObjectNode vc = JwtTestAccess.credential(issuer);
    ((ObjectNode) vc.get("credentialSubject")).put("id", subject);
    return vc;
  }

  String vp(String nonce, String aud, String subject, KeyPair signer) throws Exception {
    String jwtVc = VcJwt.sign(credentialFor(subject), issuerKey).withClock(NOW).get();
    ObjectNode plain = credentialFor(subject);
    plain.remove("credentialSubject");
    plain.putObject("credentialSubject").put("id", subject);
    String diVc = Credentials.sign(plain, issuerKey, Cryptosuite.EDDSA_RDFC_2022).withClock(NOW).getJson();
    ObjectNode vp = Presentations.create(holder, List.of(jwtVc, diVc));
    return Presentations.signJwt(vp, signer).withKeyId(signer.publicKey().didKeyVerificationMethod())
        .withNonce(nonce).withAudience(aud).withClock(NOW).get();
  }

  @Test
  void holderPresentsAJwtAndADataIntegrityCredential() throws Exception {
    String token = vp("n-123", "https://employer.example", holder, holderKey);
    assertEquals("vp+jwt", JwtTestAccess.JSON.readTree(
        java.util.Base64.getUrlDecoder().decode(token.split("\\.")[0])).get("typ").asText());
    PresentationVerification v = Presentations.verify(token).withClock(NOW).withNonce("n-123")
        .withAudience("https://employer.example").requireHolderIsSubject().get();
    assertTrue(v.verified(), v + " " + v.holder() + " " + v.credentials() + " " + v.binding());
    assertEquals(2, v.credentials().size());
  }

  @Test
  void wrongNonceOrAudienceIsRejected() throws Exception {
    String token = vp("n-123", "https://employer.example", holder, holderKey);
    PresentationVerification replay = Presentations.verify(token).withClock(NOW).withNonce("n-999")
        .withAudience("https://employer.example").get();
    assertFalse(replay.verified());
    assertTrue(replay.jwt().orElseThrow().rejectedFor(JwtRejection.NONCE_MISMATCH));
    PresentationVerification elsewhere = Presentations.verify(token).withClock(NOW).withNonce("n-123")
        .withAudience("https://other.example").get();
    assertTrue(elsewhere.jwt().orElseThrow().rejectedFor(JwtRejection.AUDIENCE_MISMATCH));
    PresentationVerification noNonce = Presentations.verify(token).withClock(NOW).get();
    assertFalse(noNonce.verified(), "a verifier that asked for no nonce gets no verified presentation");
  }

  @Test
  void holderWhoIsNotTheSubjectFailsWhenAsked() throws Exception {
    String token = vp("n", "aud", "did:example:someone-else", holderKey);
    PresentationVerification lax = Presentations.verify(token).withClock(NOW).withNonce("n").withAudience("aud").get();
    assertTrue(lax.verified(), lax.binding().toString());
    PresentationVerification strict = Presentations.verify(token).withClock(NOW).withNonce("n").withAudience("aud")
        .requireHolderIsSubject().get();
    assertFalse(strict.verified());
    assertTrue(strict.binding().get(0).message().contains("not a subject"));
  }

  @Test
  void presentationSignedByAnotherKeyThanTheHolderIsRejected() throws Exception {
    KeyPair thief = KeyPair.generate(KeyType.P256);
    String token = vp("n", "aud", holder, thief);
    PresentationVerification v = Presentations.verify(token).withClock(NOW).withNonce("n").withAudience("aud").get();
    assertFalse(v.verified());
    assertEquals(JwtRejection.KID_NOT_ISSUER, v.jwt().orElseThrow().rejections().get(0));
  }

  @Test
  void tamperedEmbeddedCredentialFails() throws Exception {
    String jwtVc = VcJwt.sign(credentialFor(holder), issuerKey).withClock(NOW).get();
    String[] p = jwtVc.split("\\.");
    String forged = p[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
        credentialFor(holder).put("validUntil", "2099-01-01T00:00:00Z").toString().getBytes()) + "." + p[2];
    ObjectNode vp = Presentations.create(holder, List.of(forged));
    String token = Presentations.signJwt(vp, holderKey).withNonce("n").withAudience("aud").withClock(NOW).get();
    PresentationVerification v = Presentations.verify(token).withClock(NOW).withNonce("n").withAudience("aud").get();
    assertTrue(v.holder().passed(CheckName.PROOF), "the holder's own signature is good");
    assertFalse(v.verified());
    assertFalse(v.credentials().get(0).verified());
    assertTrue(v.jwt().orElseThrow().rejectedFor(JwtRejection.NESTED_CREDENTIAL), v.jwt().toString());
    VerificationCheck failed = v.result().failures().get(0);
    assertEquals(CheckName.NESTED_CREDENTIALS, failed.name());
    assertEquals("$.verifiableCredential[0]", failed.path());
    assertEquals("$.verifiableCredential[0]", v.result().nested().get(0).path());
  }

  String diVp(KeyPair signer, String challenge, String domain, String subject) throws Exception {
    String jwtVc = VcJwt.sign(credentialFor(subject), issuerKey).withClock(NOW).get();
    ObjectNode vp = Presentations.create(holder, List.of(jwtVc));
    return Presentations.signDataIntegrity(vp, signer, challenge, domain).toString();
  }

  @Test
  void dataIntegrityPresentationWithChallengeAndDomain() throws Exception {
    String vp = diVp(holderKey, "ch-1", "employer.example", holder);
    Clock real = Clock.systemUTC();
    PresentationVerification ok = Presentations.verify(vp).withClock(real).withChallenge("ch-1")
        .withDomain("employer.example").requireHolderIsSubject().get();
    assertTrue(ok.verified(), ok.holder() + " " + ok.credentials() + " " + ok.binding());
    assertTrue(ok.jwt().isEmpty());

    PresentationVerification replay = Presentations.verify(vp).withClock(real).withChallenge("ch-2")
        .withDomain("employer.example").get();
    assertFalse(replay.verified());
    assertTrue(replay.holder().failures().get(0).message().contains("challenge"), replay.holder().toString());
    PresentationVerification elsewhere = Presentations.verify(vp).withClock(real).withChallenge("ch-1")
        .withDomain("other.example").get();
    assertTrue(elsewhere.holder().failures().get(0).message().contains("domain"), elsewhere.holder().toString());

    ObjectNode tampered = (ObjectNode) JwtTestAccess.JSON.readTree(vp);
    tampered.put("holder", did(KeyPair.generate(KeyType.ED25519)));
    assertFalse(Presentations.verify(tampered.toString()).withClock(real).withChallenge("ch-1").get().verified());

    ObjectNode changedProof = (ObjectNode) JwtTestAccess.JSON.readTree(vp);
    ((ObjectNode) changedProof.get("proof")).put("challenge", "ch-2");
    PresentationVerification forged = Presentations.verify(changedProof.toString()).withClock(real)
        .withChallenge("ch-2").withDomain("employer.example").get();
    assertFalse(forged.verified());
    assertTrue(forged.holder().failures().get(0).message().contains("does not verify"), forged.holder().toString());

    String stolen = diVp(KeyPair.generate(KeyType.ED25519), "ch-1", "employer.example", holder);
    PresentationVerification thief = Presentations.verify(stolen).withClock(real).withChallenge("ch-1")
        .withDomain("employer.example").get();
    assertFalse(thief.verified());
    assertTrue(thief.holder().failures().get(0).message().contains("is not the controller"),
        thief.holder().toString());
  }

  /**
   * Issue 11: the presentation verifier binds the holder's key with the credential verifier's KeyBinding: a key the
   * holder's controller document lists only for {@code assertionMethod}, or whose method names another controller,
   * does not authenticate the holder.
   */
  @Test
  void aPresentationSignedWithAKeyNotBoundToTheHolderFails() throws Exception {
    String holderId = "https://holder.example";
    String vmId = holderId + "#key-1";
    KeyPair key = KeyPair.generate(KeyType.ED25519);
    Clock real = Clock.systemUTC();
    String jwtVc = VcJwt.sign(credentialFor(holderId), issuerKey).withClock(NOW).get();
    ObjectNode vp = DataIntegrityPresentations.sign(Presentations.create(holderId, List.of(jwtVc)), key,
        Cryptosuite.EDDSA_RDFC_2022, vmId, "ch-1", "employer.example", Instant.now());
    java.util.function.BiFunction<String, String, PresentationVerification> verifyWith = (relationship, controller) ->
        Presentations.verify(vp.toString()).withOptions(io.github.microcred.vc.VerifyOptions.defaults()
            .withClock(real).withControllerDocument(io.github.microcred.vc.ControllerDocument.of(holderId,
                List.of(new io.github.microcred.vc.VerificationMethod(vmId, "Multikey", controller,
                    key.publicKey())), java.util.Map.of(relationship, java.util.Set.of(vmId)))))
            .withChallenge("ch-1").withDomain("employer.example").get();
    PresentationVerification bound = verifyWith.apply("authentication", holderId);
    assertTrue(bound.verified(), bound.holder().toString());
    PresentationVerification assertionOnly = verifyWith.apply("assertionMethod", holderId);
    assertFalse(assertionOnly.verified());
    assertEquals("verification method " + vmId + " is not authorised for authentication by " + holderId,
        assertionOnly.holder().failures().get(0).message(), assertionOnly.holder().toString());
    PresentationVerification otherController = verifyWith.apply("authentication", "https://other.example");
    assertFalse(otherController.verified());
    assertTrue(otherController.holder().failures().get(0).message()
        .contains("controller https://other.example is not the document " + holderId),
        otherController.holder().toString());
  }

  /** Issue 11: a presentation with an expired credential is not verified, whichever way each is secured. */
  @Test
  void presentationWithAnExpiredCredentialFails() throws Exception {
    ObjectNode expired = credentialFor(holder).put("validUntil", "2026-05-01T00:00:00Z");
    String expiredJwt = VcJwt.sign(expired, issuerKey).withClock(NOW).get();
    ObjectNode plain = credentialFor(holder).put("validUntil", "2026-05-01T00:00:00Z");
    plain.remove("credentialSubject");
    plain.putObject("credentialSubject").put("id", holder);
    String expiredDi = Credentials.sign(plain, issuerKey, Cryptosuite.EDDSA_RDFC_2022).withClock(NOW).getJson();
    String good = VcJwt.sign(credentialFor(holder), issuerKey).withClock(NOW).get();
    for (String bad : List.of(expiredJwt, expiredDi)) {
      ObjectNode vp = Presentations.create(holder, List.of(good, bad));
      String token = Presentations.signJwt(vp, holderKey).withNonce("n").withAudience("aud").withClock(NOW).get();
      PresentationVerification v = Presentations.verify(token).withClock(NOW).withNonce("n").withAudience("aud")
          .get();
      assertFalse(v.verified(), v.result().toString());
      assertTrue(v.credentials().get(0).verified());
      assertFalse(v.credentials().get(1).passed(CheckName.VALIDITY_PERIOD), v.result().toString());
      assertEquals("$.verifiableCredential[1]", v.result().failures().get(0).path());
      // the same with a Data Integrity presentation (signed now: signDataIntegrity takes no clock)
      ObjectNode diVp = Presentations.signDataIntegrity(vp, holderKey, "ch", "employer.example");
      PresentationVerification d = Presentations.verify(diVp.toString()).withClock(Clock.systemUTC())
          .withChallenge("ch")
          .withDomain("employer.example").get();
      assertFalse(d.verified(), d.result().toString());
      assertTrue(d.holder().passed(CheckName.PROOF), d.holder().toString());
      assertEquals("$.verifiableCredential[1]", d.result().failures().get(0).path(), d.result().toString());
    }
    // and both good: verified (the failures above are the expired credential's)
    ObjectNode vp = Presentations.create(holder, List.of(good, good));
    String token = Presentations.signJwt(vp, holderKey).withNonce("n").withAudience("aud").withClock(NOW).get();
    assertTrue(Presentations.verify(token).withClock(NOW).withNonce("n").withAudience("aud").get().verified());
  }

  @Test
  void presentationStatusCheckReachesTheEmbeddedCredentials() throws Exception {
    ObjectNode withStatus = credentialFor(holder);
    withStatus.putObject("credentialStatus").put("type", "BitstringStatusListEntry");
    String jwt = VcJwt.sign(withStatus, issuerKey).withClock(NOW).get();
    String token = Presentations.signJwt(Presentations.create(holder, List.of(jwt)), holderKey).withNonce("n")
        .withAudience("aud").withClock(NOW).get();
    assertFalse(Presentations.verify(token).withClock(NOW).withNonce("n").withAudience("aud").get().verified(),
        "fails closed without a status check");
    PresentationVerification revoked = Presentations.verify(token).withClock(NOW).withNonce("n").withAudience("aud")
        .withStatus((c, t) -> VerificationCheck.failed(CheckName.STATUS, "$.credentialStatus", VerificationCode.REVOKED, "revoked")).get();
    assertFalse(revoked.verified());
    assertFalse(revoked.credentials().get(0).passed(CheckName.STATUS));
    assertTrue(Presentations.verify(token).withClock(NOW).withNonce("n").withAudience("aud")
        .withStatus((c, t) -> VerificationCheck.passed(CheckName.STATUS, "$.credentialStatus", "ok")).get()
        .verified());
  }

  /** A presentation of a transcript whose bundled badge was tampered with: each level names its path. */
  @Test
  void tamperedBadgeInsideAPresentedTranscriptIsFoundTwoLevelsDown() throws Exception {
    String badge = VcJwt.sign(credentialFor(holder), issuerKey).withClock(NOW).get();
    String[] p = badge.split("\\.");
    String forged = p[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
        credentialFor(holder).put("name", "Doctorate").toString().getBytes()) + "." + p[2];
    ObjectNode transcript = credentialFor(holder);
    ((ObjectNode) transcript.get("credentialSubject")).putArray("verifiableCredential")
        .add(Presentations.create(holder, List.of(badge)).get("verifiableCredential").get(0))
        .add(Presentations.create(holder, List.of(forged)).get("verifiableCredential").get(0));
    String transcriptJwt = VcJwt.sign(transcript, issuerKey).withClock(NOW).get();
    String token = Presentations.signJwt(Presentations.create(holder, List.of(transcriptJwt)), holderKey)
        .withNonce("n").withAudience("aud").withClock(NOW).get();
    PresentationVerification v = Presentations.verify(token).withClock(NOW).withNonce("n").withAudience("aud").get();
    assertFalse(v.verified());
    VerificationCheck top = v.result().failures().get(0);
    assertEquals("$.verifiableCredential[0]", top.path());
    assertTrue(top.message().contains("$.credentialSubject.verifiableCredential[1]"), top.message());
    io.github.microcred.vc.VerificationResult inner = v.result().nested().get(0).result();
    assertEquals(2, inner.nested().size());
    assertTrue(inner.nested().get(0).result().verified());
    assertEquals("$.credentialSubject.verifiableCredential[1]", inner.nested().get(1).path());
    assertFalse(inner.nested().get(1).result().passed(CheckName.PROOF));
    assertEquals("$.verifiableCredential[0]", v.result().toJson().get("nested").get(0).get("path").asText());
  }

  @Test
  void dataIntegrityPresentationWithADuplicateKeyIsRefused() throws Exception {
    String vp = diVp(holderKey, "ch", "employer.example", holder);
    String dup = vp.substring(0, vp.length() - 1) + ",\"holder\":\"did:example:mallory\"}";
    PresentationVerification v = Presentations.verify(dup).withClock(Clock.systemUTC()).withChallenge("ch")
        .withDomain("employer.example").get();
    assertFalse(v.verified());
    assertEquals(CheckName.SYNTAX, v.result().failures().get(0).name());
    assertTrue(v.result().failures().get(0).message().contains("holder"), v.result().toString());
    assertTrue(Presentations.verify(vp).withClock(Clock.systemUTC()).withChallenge("ch")
        .withDomain("employer.example").get().verified());
  }
}
