package io.github.microcred.vc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.core.Code;
import io.github.microcred.core.Issue;
import io.github.microcred.core.Severity;
import io.github.microcred.vc.jose.JwtRejection;
import io.github.microcred.vc.jose.VcJwt;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Every failed check carries a typed failure code (issue 19): each code asserted here comes from a real fault in a
 * signed credential, the check and message stay what they were, and a failed check is a core {@link Issue}.
 */
class VerificationCodeTest {
  static final KeyPair ED = KeyPair.generate(KeyType.ED25519);

  static ObjectNode signed() throws VcException {
    return SecurityPitfallsTest.signed(ED, SecurityPitfallsTest.credential(ED.publicKey().didKey()));
  }

  /** The single failed check of a credential changed after signing (or the failed check of the given name). */
  static VerificationCheck failure(VerificationResult r, CheckName name) {
    List<VerificationCheck> f = r.failures().stream().filter(c -> c.name() == name).toList();
    assertFalse(f.isEmpty(), () -> "no failed " + name + " check in " + r);
    return f.get(0);
  }

  static void assertCode(Code expected, CheckName name, UnaryOperator<ObjectNode> fault) throws VcException {
    VerificationResult r = SecurityPitfallsTest.verify(fault.apply(signed()));
    assertFalse(r.verified(), r::toString);
    VerificationCheck c = failure(r, name);
    assertEquals(expected, c.code(), r::toString);
    for (VerificationCheck ok : r.checks()) {
      if (!ok.failed()) {
        assertEquals(VerificationCode.NONE, ok.code(), ok::toString);
      }
    }
  }

  @Test
  void aVerifiedCredentialHasOnlyNoneCodesAndNoIssues() throws Exception {
    VerificationResult r = SecurityPitfallsTest.verify(signed());
    assertTrue(r.verified(), r::toString);
    assertTrue(r.checks().stream().allMatch(c -> c.code() == VerificationCode.NONE), r::toString);
    assertEquals(List.of(), r.issues());
  }

  @Test
  void tamperedClaimIsSignatureInvalid() throws Exception {
    assertCode(VerificationCode.SIGNATURE_INVALID, CheckName.PROOF, c -> {
      c.put("name", "Leadership");
      return c;
    });
  }

  @Test
  void missingProofIsProofMissing() throws Exception {
    assertCode(VerificationCode.PROOF_MISSING, CheckName.SYNTAX, c -> {
      c.remove("proof");
      return c;
    });
  }

  @Test
  void proofValueOfTheWrongShapeIsProofMalformed() throws Exception {
    assertCode(VerificationCode.PROOF_MALFORMED, CheckName.SYNTAX, c -> {
      SecurityPitfallsTest.proof(c).put("proofValue", 42);
      return c;
    });
  }

  @Test
  void cryptosuiteForAnotherKeyTypeIsKeyTypeMismatch() throws Exception {
    assertCode(VerificationCode.KEY_TYPE_MISMATCH, CheckName.PROOF, c -> {
      SecurityPitfallsTest.proof(c).put("cryptosuite", "ecdsa-rdfc-2019");
      return c;
    });
  }

  @Test
  void unknownCryptosuiteIsUnsupportedProof() throws Exception {
    assertCode(VerificationCode.UNSUPPORTED_PROOF, CheckName.PROOF, c -> {
      SecurityPitfallsTest.proof(c).put("cryptosuite", "none");
      return c;
    });
  }

  @Test
  void wrongProofPurposeIsPurposeMismatch() throws Exception {
    assertCode(VerificationCode.PURPOSE_MISMATCH, CheckName.PURPOSE_AND_CONTROLLER, c -> {
      SecurityPitfallsTest.proof(c).put("proofPurpose", "authentication");
      return c;
    });
  }

  @Test
  void keyOfAnotherControllerIsControllerMismatch() throws Exception {
    KeyPair other = KeyPair.generate(KeyType.ED25519);
    ObjectNode c = SecurityPitfallsTest.signed(other, SecurityPitfallsTest.credential(ED.publicKey().didKey()));
    VerificationResult r = SecurityPitfallsTest.verify(c);
    assertEquals(VerificationCode.CONTROLLER_MISMATCH, failure(r, CheckName.PURPOSE_AND_CONTROLLER).code(),
        r::toString);
  }

  @Test
  void unpinnedContextIsContextUnavailable() throws Exception {
    assertCode(VerificationCode.CONTEXT_UNAVAILABLE, CheckName.CONTEXTS, c -> {
      ((ArrayNode) c.get("@context")).add("https://example.com/unpinned/v1");
      return c;
    });
  }

  @Test
  void missingContextIsContextInvalid() throws Exception {
    assertCode(VerificationCode.CONTEXT_INVALID, CheckName.CONTEXTS, c -> {
      c.remove("@context");
      return c;
    });
  }

  @Test
  void missingSubjectIsDataModel() throws Exception {
    assertCode(VerificationCode.DATA_MODEL, CheckName.SYNTAX, c -> {
      c.remove("credentialSubject");
      return c;
    });
  }

  @Test
  void fullIriKeyIsNotCompact() throws Exception {
    assertCode(VerificationCode.NOT_COMPACT, CheckName.COMPACT_FORM, c -> {
      c.put("https://schema.org/name", "Shadow");
      return c;
    });
  }

  @Test
  void expiredAndNotYetValidAreTheirCodes() throws Exception {
    ObjectNode c = SecurityPitfallsTest.credential(ED.publicKey().didKey());
    c.put("validUntil", "2024-06-01T00:00:00Z");
    VerificationResult r = SecurityPitfallsTest.verify(SecurityPitfallsTest.signed(ED, c));
    VerificationCheck expired = failure(r, CheckName.VALIDITY_PERIOD);
    assertEquals(VerificationCode.EXPIRED, expired.code(), r::toString);
    assertTrue(expired.message().contains("expired"), expired::message);

    ObjectNode later = SecurityPitfallsTest.credential(ED.publicKey().didKey());
    later.put("validFrom", "2030-01-01T00:00:00Z");
    VerificationResult r2 = SecurityPitfallsTest.verify(SecurityPitfallsTest.signed(ED, later));
    assertEquals(VerificationCode.NOT_YET_VALID, failure(r2, CheckName.VALIDITY_PERIOD).code(), r2::toString);
  }

  @Test
  void statusWithoutACheckerFailsClosedAsStatusNotChecked() throws Exception {
    ObjectNode c = SecurityPitfallsTest.credential(ED.publicKey().didKey());
    c.putObject("credentialStatus").put("id", "https://example.com/status/1#5")
        .put("type", "BitstringStatusListEntry").put("statusPurpose", "revocation")
        .put("statusListIndex", "5").put("statusListCredential", "https://example.com/status/1");
    ObjectNode s = SecurityPitfallsTest.signed(ED, c);
    VerificationResult r = SecurityPitfallsTest.verify(s);
    assertEquals(VerificationCode.STATUS_NOT_CHECKED, failure(r, CheckName.STATUS).code(), r::toString);

    // a checker's own code (here REVOKED) is what the STATUS check carries, with its message
    VerificationResult revoked = Credentials.verify(s).withClock(SecurityPitfallsTest.CLOCK)
        .withStatus((cred, now) -> VerificationCheck.failed(CheckName.STATUS, "$.credentialStatus",
            VerificationCode.REVOKED, "revoked"))
        .get();
    VerificationCheck st = failure(revoked, CheckName.STATUS);
    assertEquals(VerificationCode.REVOKED, st.code());
    assertEquals("revoked", st.message());
  }

  @Test
  void aFailedCheckIsACoreIssueWithItsPathCodeAndMessage() throws Exception {
    ObjectNode c = signed();
    c.put("name", "Leadership");
    VerificationResult r = SecurityPitfallsTest.verify(c);
    VerificationCheck proof = failure(r, CheckName.PROOF);
    Issue i = proof.toIssue().orElseThrow();
    assertEquals(proof.path(), i.path());
    assertEquals(VerificationCode.SIGNATURE_INVALID, i.code());
    assertEquals("vc", i.code().module());
    assertEquals(Severity.ERROR, i.severity());
    assertEquals(proof.message(), i.message());
    assertEquals(r.failures().size(), r.issues().size());
    assertTrue(r.issues().contains(i));
    assertTrue(r.checks().stream().filter(x -> !x.failed()).allMatch(x -> x.toIssue().isEmpty()));
  }

  @Test
  void jwtChecksCarryTheirRejectionAsTheCode() throws Exception {
    String issuer = ED.publicKey().didKeyVerificationMethod().split("#")[0];
    Clock clock = Clock.fixed(SecurityPitfallsTest.NOW, ZoneOffset.UTC);
    String jwt = VcJwt.sign(SecurityPitfallsTest.credential(issuer), ED).withClock(clock).get();
    String[] parts = jwt.split("\\.");
    byte[] sig = Base64.getUrlDecoder().decode(parts[2]);
    sig[0] ^= 1;
    String tampered = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
    VerificationResult r = VcJwt.verify(tampered).withClock(clock).get().result();
    VerificationCheck proof = failure(r, CheckName.PROOF);
    assertEquals(JwtRejection.SIGNATURE_INVALID, proof.code(), r::toString);
    assertTrue(proof.message().startsWith("SIGNATURE_INVALID: "), proof::message);
    assertEquals("vc", JwtRejection.SIGNATURE_INVALID.module());
  }

  @Test
  void theCodeAgreesWithTheOutcome() {
    assertThrows(IllegalArgumentException.class,
        () -> VerificationCheck.failed(CheckName.PROOF, "$", VerificationCode.NONE, "no reason"));
    assertThrows(IllegalArgumentException.class, () -> new VerificationCheck(CheckName.PROOF,
        VerificationCheck.Outcome.PASSED, "$", VerificationCode.SIGNATURE_INVALID, "passed?"));
    assertThrows(NullPointerException.class, () -> VerificationCheck.failed(CheckName.PROOF, "$", null, "x"));
    assertEquals(VerificationCode.NONE, VerificationCheck.notApplicable(CheckName.STATUS, "$", "none").code());
  }
}
