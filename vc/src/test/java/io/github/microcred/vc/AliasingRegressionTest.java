package io.github.microcred.vc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Named regressions for the JSON-LD aliasing defects (issue 11): a key spelled as its full IRI (or otherwise
 * re-arranged into the same RDF) used to keep the proof valid while hiding the value from the checks, so an expired,
 * not-yet-valid or revoked credential verified. Each case is tried twice: issuer-signed over the aliased form, and
 * a holder re-arranging the compact, already signed document (same RDF, so the original proof still holds).
 */
class AliasingRegressionTest {
  static final String CRED = "https://www.w3.org/2018/credentials#";
  static final String XSD_DATE_TIME = "http://www.w3.org/2001/XMLSchema#dateTime";
  static final KeyPair ED = SecurityPitfallsTest.ED;

  static ObjectNode credential() {
    return SecurityPitfallsTest.credential(ED.publicKey().didKey());
  }

  static ObjectNode sign(ObjectNode u) throws VcException {
    return SecurityPitfallsTest.signed(ED, u);
  }

  /** Renames a top-level member to its full IRI, as a typed value object when it is a date. */
  static ObjectNode alias(ObjectNode doc, String member) {
    ObjectNode out = doc.deepCopy();
    JsonNode v = out.remove(member);
    if (v.isTextual()) {
      ObjectNode vo = TestSupport.JSON.createObjectNode().put("@value", v.asText()).put("@type", XSD_DATE_TIME);
      out.set(CRED + member, vo);
    } else {
      out.set(CRED + member, v);
    }
    return out;
  }

  /** Both attacks: issuer-signed aliased form, and holder re-arrangement of the signed compact form. */
  static List<ObjectNode> attacks(ObjectNode unsigned, String member) throws VcException {
    List<ObjectNode> out = new ArrayList<>();
    out.add(sign(alias(unsigned, member)));
    out.add(alias(sign(unsigned), member));
    return out;
  }

  static void assertRefused(VerificationResult r, CheckName decisive) {
    assertFalse(r.verified(), r::toString);
    assertFalse(r.passed(decisive), r::toString);
    assertFalse(r.passed(CheckName.COMPACT_FORM), r::toString);
  }

  @Test
  void expiredViaAliasing() throws Exception {
    ObjectNode u = credential();
    u.put("validUntil", "2024-06-01T00:00:00Z");
    assertFalse(SecurityPitfallsTest.verify(sign(u)).passed(CheckName.VALIDITY_PERIOD), "baseline: expired");
    List<ObjectNode> attacks = attacks(u, "validUntil");
    for (ObjectNode a : attacks) {
      VerificationResult r = SecurityPitfallsTest.verify(a);
      assertRefused(r, CheckName.VALIDITY_PERIOD);
      assertTrue(r.checks(CheckName.VALIDITY_PERIOD).get(0).message().contains("expired"), r::toString);
    }
    // the holder's re-arrangement keeps the issuer's signature valid: the RDF is the same
    assertTrue(SecurityPitfallsTest.verify(attacks.get(1)).passed(CheckName.PROOF));
  }

  @Test
  void notYetValidViaAliasing() throws Exception {
    ObjectNode u = credential();
    u.put("validFrom", "2025-06-01T00:00:00Z");
    assertFalse(SecurityPitfallsTest.verify(sign(u)).passed(CheckName.VALIDITY_PERIOD), "baseline: not yet valid");
    for (ObjectNode a : attacks(u, "validFrom")) {
      VerificationResult r = SecurityPitfallsTest.verify(a);
      assertRefused(r, CheckName.VALIDITY_PERIOD);
      assertTrue(r.checks(CheckName.VALIDITY_PERIOD).get(0).message().contains("not yet valid"), r::toString);
    }
  }

  static ObjectNode withStatus(ObjectNode u) {
    u.putObject("credentialStatus").put("id", "https://example.edu/status/1#94567")
        .put("type", "BitstringStatusListEntry").put("statusPurpose", "revocation")
        .put("statusListIndex", "94567").put("statusListCredential", "https://example.edu/status/1");
    return u;
  }

  @Test
  void revokedViaAliasingWithAStatusCheck() throws Exception {
    ObjectNode u = withStatus(credential());
    AtomicInteger calls = new AtomicInteger();
    StatusCheck revoked = (cred, now) -> {
      calls.incrementAndGet();
      return cred.has("credentialStatus")
          ? VerificationCheck.failed(CheckName.STATUS, "$.credentialStatus", VerificationCode.REVOKED, "revoked")
          : VerificationCheck.notApplicable(CheckName.STATUS, "$.credentialStatus", "nothing to check");
    };
    VerificationResult base = Credentials.verify(sign(u)).withClock(SecurityPitfallsTest.CLOCK).withStatus(revoked)
        .get();
    assertFalse(base.passed(CheckName.STATUS), "baseline: revoked");
    for (ObjectNode a : attacks(u, "credentialStatus")) {
      calls.set(0);
      VerificationResult r = Credentials.verify(a).withClock(SecurityPitfallsTest.CLOCK).withStatus(revoked).get();
      assertRefused(r, CheckName.STATUS);
      assertEquals(0, calls.get(), "the status check is not handed a credential whose JSON hides the signed status");
    }
  }

  @Test
  void revokedViaAliasingWithoutAStatusCheckFailsClosed() throws Exception {
    for (ObjectNode a : attacks(withStatus(credential()), "credentialStatus")) {
      VerificationResult r = SecurityPitfallsTest.verify(a);
      assertRefused(r, CheckName.STATUS);
      assertTrue(r.checks(CheckName.STATUS).get(0).message().contains("fails closed"), r::toString);
    }
  }

  @Test
  void nestedNodeReusingTheCredentialIdCannotAddAnExpiry() throws Exception {
    ObjectNode u = credential();
    ObjectNode evil = u.putArray("evidence").addObject();
    evil.put("id", u.get("id").asText()).put("type", "VerifiableCredential").put("validUntil", "2024-06-01T00:00:00Z");
    VerificationResult r = SecurityPitfallsTest.verify(sign(u));
    assertRefused(r, CheckName.VALIDITY_PERIOD);
    assertTrue(r.passed(CheckName.PROOF), r::toString);
  }

  @Test
  void includedBlockCannotAddAnExpiry() throws Exception {
    ObjectNode u = credential();
    ObjectNode inc = u.putArray("@included").addObject();
    inc.put("id", u.get("id").asText());
    inc.set(CRED + "validUntil", TestSupport.JSON.createObjectNode().put("@value", "2024-06-01T00:00:00Z")
        .put("@type", XSD_DATE_TIME));
    VerificationResult r = SecurityPitfallsTest.verify(sign(u));
    assertRefused(r, CheckName.VALIDITY_PERIOD);
  }

  @Test
  void compactOriginalStillVerifies() throws Exception {
    ObjectNode u = withStatus(credential());
    VerificationResult r = Credentials.verify(sign(u)).withClock(SecurityPitfallsTest.CLOCK)
        .withStatus((cred, now) -> VerificationCheck.passed(CheckName.STATUS, "$.credentialStatus", "ok")).get();
    assertTrue(r.verified(), r::toString);
    assertTrue(r.passed(CheckName.COMPACT_FORM), r::toString);
  }
}
