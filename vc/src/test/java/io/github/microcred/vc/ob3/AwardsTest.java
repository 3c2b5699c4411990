package io.github.microcred.vc.ob3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.core.Award;
import io.github.microcred.core.CreditUnit;
import io.github.microcred.core.CreditValue;
import io.github.microcred.core.LearnerIdentity;
import io.github.microcred.core.Level;
import io.github.microcred.core.MicroCredential;
import io.github.microcred.core.Organization;
import io.github.microcred.core.ValidityPolicy;
import io.github.microcred.core.Workload;
import io.github.microcred.vc.Credentials;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.VcErrorCode;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.jose.JwtVerification;
import io.github.microcred.vc.jose.VcJwt;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** {@link Awards#fromCredential}: the core award read back from an issued OB3 credential, and its typed errors. */
class AwardsTest {
  static final Instant AWARDED = Instant.parse("2025-03-01T10:00:00Z");
  static final KeyPair KEY = KeyPair.generate(KeyType.ED25519);

  static MicroCredential mc() {
    return MicroCredential.builder("Statistics for Policy Analysis").id("https://example.edu/mc/stats")
        .awardingBody(Organization.builder("Example University").build())
        .workload(Workload.ofHours(75).withCredit(CreditValue.of(3, CreditUnit.ECTS))).level(Level.eqf(6))
        .validity(ValidityPolicy.periodAfterAward(Period.ofYears(2))).build();
  }

  @Test
  void fromAMicroCredentialIssue() throws Exception {
    ObjectNode signed = Credentials.issue(mc(), "did:example:learner-1", KEY, Clock.fixed(AWARDED, ZoneOffset.UTC))
        .get();
    Award a = Awards.fromCredential(signed);
    assertEquals(mc(), a.microCredential());
    assertEquals(LearnerIdentity.did("did:example:learner-1"), a.learner());
    assertEquals(signed.get("id").asText(), a.id().orElseThrow());
    assertEquals(AWARDED, a.issuedOn());
    // validUntil is derived from the validity policy (2 years after the award) and is carried back
    assertEquals("2027-03-01T00:00:00Z", signed.get("validUntil").asText());
    assertEquals(Instant.parse("2027-03-01T00:00:00Z"), a.validUntil().orElseThrow());
    assertEquals(a.validUntil(), a.effectiveExpiry());
  }

  @Test
  void fromAnAwardIssueAndFromAJwtPayload() throws Exception {
    Award award = Award.builder(mc(), LearnerIdentity.did("did:example:learner-2"), AWARDED).id("urn:uuid:1").build();
    ObjectNode signed = Credentials.issue(award, KEY).withCreated(AWARDED).get();
    assertEquals(award, Awards.fromCredential(signed));

    ObjectNode unsigned = MicroCredentials.toOpenBadge(award, KEY.publicKey().didKey()).toJson();
    String jwt = VcJwt.sign(unsigned, KEY).withClock(Clock.fixed(AWARDED, ZoneOffset.UTC)).get();
    JwtVerification v = VcJwt.verify(jwt).withClock(Clock.fixed(AWARDED.plusSeconds(1), ZoneOffset.UTC)).get();
    assertTrue(v.verified(), v::toString);
    assertEquals(award, Awards.fromCredential(v.document().orElseThrow()));
  }

  @Test
  void errorsNameTheJsonPath() throws Exception {
    Award award = Award.builder(mc(), LearnerIdentity.did("did:example:learner-2"), AWARDED).id("urn:uuid:1").build();
    ObjectNode doc = MicroCredentials.toOpenBadge(award, KEY.publicKey().didKey()).toJson();

    ObjectNode otherId = doc.deepCopy();
    otherId.put("id", "urn:uuid:2");
    assertPath("$.microcredentialAward.id", otherId);

    ObjectNode brokenAward = doc.deepCopy();
    ((ObjectNode) brokenAward.get("microcredentialAward")).remove("learner");
    assertPath("$.microcredentialAward", brokenAward);

    ObjectNode plain = doc.deepCopy();
    plain.remove("microcredentialAward");
    ((ObjectNode) plain.at("/credentialSubject/achievement")).remove("microcredential");
    VcException none = assertThrows(VcException.class, () -> Awards.fromCredential(plain));
    assertTrue(none.getMessage().contains("not a microcred OB3 credential"), none.getMessage());

    ObjectNode fromMc = Credentials.issue(mc(), "did:example:learner-1", KEY).get();
    ObjectNode badMc = fromMc.deepCopy();
    ((ObjectNode) badMc.at("/credentialSubject/achievement/microcredential")).put("title", 7);
    assertPath("$.credentialSubject.achievement.microcredential", badMc);

    ObjectNode badDate = fromMc.deepCopy();
    badDate.put("validFrom", "yesterday");
    assertPath("$.validFrom", badDate);

    ObjectNode noSubject = fromMc.deepCopy();
    ((ObjectNode) noSubject.get("credentialSubject")).put("id", "");
    assertPath("$.credentialSubject.id", noSubject);
  }

  /** The award's dates are read with the verifiers' dateTime parser: an offset, or no time zone (read as UTC). */
  @Test
  void datesAreReadAsTheVerifierReadsThem() throws Exception {
    ObjectNode fromMc = Credentials.issue(mc(), "did:example:learner-1", KEY, Clock.fixed(AWARDED, ZoneOffset.UTC))
        .get();
    for (String lexical : new String[] {"2025-03-01T12:00:00+02:00", "2025-03-01T10:00:00", "2025-03-01T10:00:00.000Z"}) {
      ObjectNode c = fromMc.deepCopy();
      c.put("validFrom", lexical);
      c.put("validUntil", lexical.replace("2025", "2027"));
      Award a = Awards.fromCredential(c);
      assertEquals(AWARDED, a.issuedOn(), lexical);
      assertEquals(Instant.parse("2027-03-01T10:00:00Z"), a.validUntil().orElseThrow(), lexical);
    }
    ObjectNode lower = fromMc.deepCopy();
    lower.put("validFrom", "2025-03-01t10:00:00z"); // not an XML Schema dateTime: the verifier refuses it too
    assertPath("$.validFrom", lower);
  }

  static void assertPath(String path, JsonNode doc) {
    VcException e = assertThrows(VcException.class, () -> Awards.fromCredential(doc));
    assertEquals(VcErrorCode.MAPPING_FAILED, e.code());
    assertTrue(e.getMessage().startsWith(path + ":"), e.getMessage());
    assertFalse(e.getMessage().contains("Exception"), e.getMessage());
  }
}
