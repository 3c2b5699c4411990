package io.github.microcred.vc.presentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.CheckName;
import io.github.microcred.vc.ControllerDocument;
import io.github.microcred.vc.Cryptosuite;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.VerificationCheck;
import io.github.microcred.vc.VerificationMethod;
import io.github.microcred.vc.VerifyOptions;
import io.github.microcred.vc.jose.JwtTestAccess;
import io.github.microcred.vc.jose.VcJwt;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * VC 2.0 makes a presentation's {@code holder} and {@code verifiableCredential} optional. A holder-less Data
 * Integrity presentation binds its proof's key to the key's own controller document (resolved, listed, authorised
 * for {@code authentication}, controlled by it); it is reported as presented by that controller, bound to no holder
 * and to no credential subject, and the verifier's challenge and domain are enforced as for any presentation.
 */
class HolderlessPresentationTest {
  static final Clock REAL = Clock.systemUTC();
  final KeyPair issuerKey = KeyPair.generate(KeyType.ED25519);
  final KeyPair signerKey = KeyPair.generate(KeyType.P256);
  final String signer = signerKey.publicKey().didKey();

  ObjectNode vp(String subject, boolean withHolder, boolean withCredential) throws Exception {
    ObjectNode vc = JwtTestAccess.credential(issuerKey.publicKey().didKey());
    ((ObjectNode) vc.get("credentialSubject")).put("id", subject);
    ObjectNode vp = Presentations.create(signer, withCredential ? List.of(VcJwt.sign(vc, issuerKey).get()) : List.of());
    if (!withHolder) {
      vp.remove("holder");
    }
    if (!withCredential) {
      vp.remove("verifiableCredential");
    }
    return vp;
  }

  ObjectNode sign(ObjectNode vp, KeyPair key, Cryptosuite suite) throws Exception {
    return PresentationTestAccess.sign(vp, key, suite, "ch-1", "verifier.example", Instant.now().minusSeconds(5));
  }

  static PresentationVerifyOperation verify(ObjectNode vp) {
    return Presentations.verify(vp.toString()).withClock(REAL);
  }

  @Test
  void aHolderlessPresentationVerifiesAndNamesItsSignerAsPresenterNotHolder() throws Exception {
    for (Cryptosuite suite : List.of(Cryptosuite.ECDSA_RDFC_2019, Cryptosuite.ECDSA_JCS_2019)) {
      ObjectNode signed = sign(vp("did:example:alice", false, true), signerKey, suite);
      PresentationVerification v = verify(signed).withChallenge("ch-1").withDomain("verifier.example").get();
      assertTrue(v.verified(), suite + ": " + v.result());
      assertEquals(Optional.empty(), v.holderId());
      assertEquals(Optional.of(signer), v.presenter());
      assertEquals(1, v.credentials().size());
      VerificationCheck bound = v.holder().checks().stream()
          .filter(c -> c.name() == CheckName.PURPOSE_AND_CONTROLLER).findFirst().orElseThrow();
      assertTrue(bound.message().contains("names no holder, so it is bound to no holder and to no credential subject"),
          bound.message());
      assertTrue(v.holder().passed(CheckName.COMPACT_FORM), v.holder()::toString);
    }
  }

  @Test
  void aNamedHolderIsReportedAsHolderAndPresenter() throws Exception {
    PresentationVerification v = verify(sign(vp(signer, true, true), signerKey, Cryptosuite.ECDSA_RDFC_2019))
        .withChallenge("ch-1").withDomain("verifier.example").requireHolderIsSubject().get();
    assertTrue(v.verified(), v.result()::toString);
    assertEquals(Optional.of(signer), v.holderId());
    assertEquals(Optional.of(signer), v.presenter());
  }

  /** Attacker: a stolen credential presented without a holder is never reported as the presenter's own. */
  @Test
  void aHolderlessPresentationIsBoundToNoCredentialSubjectEvenWhenItsSignerIsTheSubject() throws Exception {
    // the signer is the subject: the key could bind, but the presentation claims no holder, so nothing is bound
    ObjectNode own = sign(vp(signer, false, true), signerKey, Cryptosuite.ECDSA_RDFC_2019);
    PresentationVerification v = verify(own).withChallenge("ch-1").withDomain("verifier.example")
        .requireHolderIsSubject().get();
    assertFalse(v.verified(), v.result()::toString);
    assertTrue(v.holder().verified(), "the proof itself is good: " + v.holder());
    VerificationCheck c = v.binding().get(0);
    assertTrue(c.failed());
    assertEquals("$.verifiableCredential[0].credentialSubject.id", c.path());
    assertTrue(c.message().contains("names no holder, so it is bound to no credential subject"), c.message());
    // a thief's holder-less presentation of someone else's credential: verified as signed by the thief, and only that
    KeyPair thief = KeyPair.generate(KeyType.ED25519);
    ObjectNode stolen = sign(vp("did:example:alice", false, true), thief, Cryptosuite.EDDSA_RDFC_2022);
    PresentationVerification s = verify(stolen).withChallenge("ch-1").withDomain("verifier.example").get();
    assertTrue(s.verified(), s.result()::toString);
    assertEquals(Optional.of(thief.publicKey().didKey()), s.presenter());
    assertEquals(Optional.empty(), s.holderId());
    assertFalse(verify(stolen).withChallenge("ch-1").withDomain("verifier.example").requireHolderIsSubject().get()
        .verified());
  }

  /** Attacker: a holder hidden behind a full-IRI key is not taken for a holder-less presentation. */
  @Test
  void aHiddenHolderIsRefusedNotReadAsHolderless() throws Exception {
    ObjectNode signed = sign(vp(signer, true, true), signerKey, Cryptosuite.ECDSA_RDFC_2019);
    ObjectNode hidden = signed.deepCopy();
    PresentationCompactFormTest.rename(hidden, "holder", "https://www.w3.org/2018/credentials#holder",
        JwtTestAccess.JSON.createObjectNode().put("@id", "did:example:alice"));
    PresentationVerification v = verify(hidden).withChallenge("ch-1").withDomain("verifier.example").get();
    assertFalse(v.verified());
    assertEquals(CheckName.COMPACT_FORM, v.result().failures().get(0).name(), v.result()::toString);
    assertEquals(Optional.empty(), v.presenter());
    // removing the holder from a signed presentation changes what was signed
    ObjectNode removed = signed.deepCopy();
    removed.remove("holder");
    PresentationVerification r = verify(removed).withChallenge("ch-1").withDomain("verifier.example").get();
    assertFalse(r.verified());
    assertFalse(r.holder().passed(CheckName.PROOF), r.holder()::toString);
  }

  @Test
  void challengeAndDomainAreStillEnforcedWithoutAHolder() throws Exception {
    ObjectNode signed = sign(vp("did:example:alice", false, true), signerKey, Cryptosuite.ECDSA_RDFC_2019);
    PresentationVerification replay = verify(signed).withChallenge("ch-2").withDomain("verifier.example").get();
    assertFalse(replay.verified());
    assertTrue(replay.holder().failures().get(0).message().contains("expected challenge 'ch-2'"),
        replay.holder()::toString);
    PresentationVerification elsewhere = verify(signed).withChallenge("ch-1").withDomain("other.example").get();
    assertFalse(elsewhere.verified());
    assertTrue(elsewhere.holder().failures().get(0).message().contains("expected domain 'other.example'"),
        elsewhere.holder()::toString);
    PresentationVerification unasked = verify(signed).get();
    assertFalse(unasked.verified(), "no challenge asked: replayable");
  }

  /** The key must still be an authentication key of its controller document. */
  @Test
  void aHolderlessPresentationSignedWithAnAssertionOnlyKeyFails() throws Exception {
    String controller = "https://signer.example";
    String vmId = controller + "#key-1";
    KeyPair key = KeyPair.generate(KeyType.ED25519);
    ObjectNode signed = DataIntegrityPresentations.sign(vp("did:example:alice", false, true), key,
        Cryptosuite.EDDSA_RDFC_2022, vmId, "ch-1", "verifier.example", Instant.now().minusSeconds(5));
    for (String relationship : List.of("authentication", "assertionMethod")) {
      VerifyOptions o = VerifyOptions.defaults().withClock(REAL).withControllerDocument(ControllerDocument.of(
          controller, List.of(new VerificationMethod(vmId, "Multikey", controller, key.publicKey())),
          Map.of(relationship, Set.of(vmId))));
      PresentationVerification v = Presentations.verify(signed.toString()).withOptions(o).withChallenge("ch-1")
          .withDomain("verifier.example").get();
      assertEquals(relationship.equals("authentication"), v.verified(), relationship + ": " + v.result());
      if (v.verified()) {
        assertEquals(Optional.of(controller), v.presenter());
      } else {
        assertEquals("verification method " + vmId + " is not authorised for authentication by " + controller,
            v.holder().failures().get(0).message());
      }
    }
  }

  /** VC 2.0: a presentation may hold no credential (it authenticates its signer only). */
  @Test
  void aPresentationWithoutCredentialsVerifiesOnItsProofAlone() throws Exception {
    for (boolean withHolder : List.of(true, false)) {
      ObjectNode signed = sign(vp("did:example:alice", withHolder, false), signerKey, Cryptosuite.ECDSA_RDFC_2019);
      PresentationVerification v = verify(signed).withChallenge("ch-1").withDomain("verifier.example").get();
      assertTrue(v.verified(), v.result()::toString);
      assertTrue(v.credentials().isEmpty());
      assertEquals(Optional.of(signer), v.presenter());
      PresentationVerification strict = verify(signed).withChallenge("ch-1").withDomain("verifier.example")
          .requireHolderIsSubject().get();
      assertFalse(strict.verified(), "nothing to bind the holder to: " + strict.binding());
    }
  }

  /** Credentials that were not checked (nested-credential policy IGNORE) never count as verified. */
  @Test
  void uncheckedCredentialsDoNotVerify() throws Exception {
    ObjectNode signed = sign(vp(signer, true, true), signerKey, Cryptosuite.ECDSA_RDFC_2019);
    PresentationVerification v = Presentations.verify(signed.toString()).withOptions(VerifyOptions.defaults()
        .withClock(REAL).withNestedCredentials(VerifyOptions.NestedCredentials.IGNORE)).withChallenge("ch-1")
        .withDomain("verifier.example").get();
    assertTrue(v.holder().verified(), v.holder()::toString);
    assertFalse(v.verified());
  }
}
