package io.github.microcred.vc.presentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.CheckName;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.VerificationCheck;
import io.github.microcred.vc.VerificationCode;
import io.github.microcred.vc.jose.VcJwt;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Session 12 attacker review of the Data Integrity presentation proof: members of the proof object that the
 * signature does not cover. An RDFC proof's configuration is canonicalized under the presentation's {@code @context}
 * (the proof's own {@code @context}, when present, must be a prefix of the document's: vc-di-eddsa / vc-di-ecdsa
 * Verify Proof), so a proof {@code @context} that is no prefix would be dropped unsigned while a reader of the proof
 * JSON sees it. Found already refused: the compact-form rule allows no {@code @context} below the top but a prefix of
 * the document's in the proof, and it runs before the proof; these tests keep it so.
 */
class PresentationProofAttackTest {
  final KeyPair issuerKey = KeyPair.generate(KeyType.ED25519);
  final KeyPair holderKey = KeyPair.generate(KeyType.ED25519);
  final String issuer = issuerKey.publicKey().didKey();
  final String holder = holderKey.publicKey().didKey();

  ObjectNode signedVp() throws Exception {
    ObjectNode vc = io.github.microcred.vc.jose.JwtTestAccess.credential(issuer);
    ((ObjectNode) vc.get("credentialSubject")).put("id", holder);
    String jwtVc = VcJwt.sign(vc, issuerKey).get();
    return Presentations.signDataIntegrity(Presentations.create(holder, List.of(jwtVc)), holderKey, "ch-1",
        "employer.example");
  }

  PresentationVerification verify(ObjectNode vp) {
    return Presentations.verify(vp.toString()).withClock(Clock.systemUTC()).withChallenge("ch-1")
        .withDomain("employer.example").get();
  }

  @Test
  void theUntouchedPresentationVerifies() throws Exception {
    PresentationVerification v = verify(signedVp());
    assertTrue(v.verified(), v.holder()::toString);
  }

  @Test
  void aProofContextThatIsNoPrefixOfThePresentationsIsRefused() throws Exception {
    for (List<String> ctx : List.of(List.of("https://w3id.org/security/data-integrity/v2"),
        List.of("https://www.w3.org/ns/credentials/v2", "https://w3id.org/security/data-integrity/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"))) {
      ObjectNode vp = signedVp();
      ArrayNode a = ((ObjectNode) vp.get("proof")).putArray("@context");
      ctx.forEach(a::add);
      PresentationVerification v = verify(vp);
      assertFalse(v.verified(), ctx + ": " + v.holder());
      VerificationCheck failed = v.holder().failures().get(0);
      assertEquals(CheckName.COMPACT_FORM, failed.name(), v.holder()::toString);
      assertEquals(VerificationCode.NOT_COMPACT, failed.code(), v.holder()::toString);
      assertTrue(failed.message().startsWith("$.proof.@context: "), v.holder()::toString);
    }
  }

  @Test
  void aProofContextThatIsAPrefixStillVerifies() throws Exception {
    ObjectNode vp = signedVp();
    ((ObjectNode) vp.get("proof")).putArray("@context").add(vp.get("@context").get(0).asText());
    PresentationVerification v = verify(vp);
    assertTrue(v.verified(), v.holder()::toString);
  }
}
