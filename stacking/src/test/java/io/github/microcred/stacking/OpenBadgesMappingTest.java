package io.github.microcred.stacking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.core.Award;
import io.github.microcred.core.CreditUnit;
import io.github.microcred.core.LearnerIdentity;
import io.github.microcred.core.Level;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The documented OB3 to stacking {@link Credential} mapping, row by row (no signatures here: see the cli tests). */
class OpenBadgesMappingTest {
  static final ObjectMapper JSON = new ObjectMapper();

  static ObjectNode badge() throws Exception {
    return (ObjectNode) JSON.readTree("{\"@context\":[\"https://www.w3.org/ns/credentials/v2\","
        + "\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"],\"id\":\"urn:uuid:1\","
        + "\"type\":[\"VerifiableCredential\",\"OpenBadgeCredential\"],"
        + "\"issuer\":{\"id\":\"https://other.example/issuer\",\"type\":[\"Profile\"],\"name\":\"Other\"},"
        + "\"validFrom\":\"2026-02-01T09:00:00+02:00\",\"awardedDate\":\"2026-01-15T23:30:00-05:00\","
        + "\"validUntil\":\"2031-02-01T00:00:00Z\",\"name\":\"Stats badge\",\"credentialSubject\":{"
        + "\"id\":\"did:example:l\",\"type\":[\"AchievementSubject\"],\"creditsEarned\":3,"
        + "\"result\":[{\"type\":[\"Result\"],\"resultDescription\":\"urn:rd:1\",\"value\":\"A\"}],"
        + "\"achievement\":{\"id\":\"https://other.example/achievements/stats\",\"type\":[\"Achievement\"],"
        + "\"achievementType\":\"MicroCredential\",\"name\":\"Statistics\",\"description\":\"d\","
        + "\"criteria\":{\"narrative\":\"n\"},\"creditsAvailable\":4,\"fieldOfStudy\":\"Statistics\","
        + "\"tag\":[\"data\",\"Certificate X\"],\"creator\":{\"id\":\"https://university.example\",\"type\":[\"Profile\"]},"
        + "\"alignment\":[{\"type\":[\"Alignment\"],\"targetName\":\"EQF level 6\","
        + "\"targetUrl\":\"http://data.europa.eu/snb/eqf/6\"},"
        + "{\"type\":[\"Alignment\"],\"targetName\":\"Statistics\",\"targetUrl\":\"http://data.europa.eu/snb/isced-f/0542\","
        + "\"targetFramework\":\"ISCED-F 2013\",\"targetCode\":\"0542\"},"
        + "{\"type\":[\"Alignment\"],\"targetName\":\"Regression\",\"targetUrl\":\"https://skills.example/regression\","
        + "\"targetType\":\"ceasn:Competency\"}]}}}");
  }

  @Test
  void anyIssuersBadgeMapsFieldByField() throws Exception {
    OpenBadges.Mapped m = OpenBadges.mapping().map(badge());
    Credential c = m.credential().orElseThrow(() -> new AssertionError(m.exclusion()));
    assertEquals("https://other.example/achievements/stats", c.id());
    assertEquals(0, c.credits().amount().compareTo(new BigDecimal("3")), "creditsEarned before creditsAvailable");
    assertEquals(CreditUnit.US_SEMESTER_HOUR, c.credits().unit(), "OB3 credits are credit hours by default");
    assertEquals(6, c.level());
    assertEquals("https://other.example/issuer", c.issuer());
    assertEquals("https://university.example", c.provider(), "provider = achievement.creator");
    assertEquals(Origin.RESIDENT, c.origin());
    assertEquals("micro-credential", c.kind());
    assertEquals(Set.of("Statistics", "0542"), c.subjects());
    assertEquals(Set.of("Regression", "https://skills.example/regression"), c.competencies());
    assertEquals(Set.of("data", "Certificate X"), c.tags());
    assertEquals(LocalDate.of(2026, 1, 16), c.issued(), "awardedDate, as a UTC date");
    assertEquals(LocalDate.of(2031, 2, 1), c.expires().orElseThrow());
    assertTrue(c.creditBearing());
    assertTrue(c.assessed());

    // per-issuer unit and resident issuers
    OpenBadges eu = OpenBadges.mapping().withCreditUnit("https://other.example/issuer", CreditUnit.ECTS)
        .withResidentIssuers(Set.of("https://home.example"));
    Credential e = eu.map(badge()).credential().orElseThrow();
    assertEquals(CreditUnit.ECTS, e.credits().unit());
    assertEquals(Origin.EXTERNAL, e.origin());
    assertEquals(CreditUnit.UK_CATS, OpenBadges.mapping().withCreditUnit(CreditUnit.UK_CATS).map(badge())
        .credential().orElseThrow().credits().unit());

    // the smallest badge: no credits, no level, no result; validFrom is the issue date
    ObjectNode plain = badge();
    plain.remove("awardedDate");
    plain.remove("validUntil");
    ObjectNode s = (ObjectNode) plain.get("credentialSubject");
    s.remove("creditsEarned");
    s.remove("result");
    ObjectNode a = (ObjectNode) s.get("achievement");
    for (String f : new String[] {"creditsAvailable", "alignment", "achievementType", "creator", "tag",
        "fieldOfStudy"}) {
      a.remove(f);
    }
    Credential p = OpenBadges.mapping().map(plain).credential().orElseThrow();
    assertEquals(0, p.credits().amount().signum());
    assertFalse(p.creditBearing());
    assertFalse(p.assessed());
    assertEquals(0, p.level());
    assertEquals("achievement", p.kind());
    assertEquals("https://other.example/issuer", p.provider());
    assertEquals(LocalDate.of(2026, 2, 1), p.issued());
    assertTrue(p.expires().isEmpty());
    // creditsAvailable counts when creditsEarned is absent; an EQF framework alignment with a targetCode counts
    a.put("creditsAvailable", 2.5);
    a.putArray("alignment").addObject().put("targetName", "Level 5").put("targetUrl", "https://eqf.example/5")
        .put("targetFramework", "European Qualifications Framework").put("targetCode", "5");
    Credential p2 = OpenBadges.mapping().map(plain).credential().orElseThrow();
    assertEquals(0, p2.credits().amount().compareTo(new BigDecimal("2.5")));
    assertEquals(5, p2.level());
  }

  @Test
  void failedResultsAndUnreadableCredentialsDoNotCountAndSayWhy() throws Exception {
    ObjectNode failed = badge();
    ((ObjectNode) failed.at("/credentialSubject/result/0")).put("status", "Failed");
    Exclusion x = OpenBadges.mapping().map(failed).exclusion().orElseThrow();
    assertEquals(Exclusion.Reason.NOT_COMPLETED, x.reason());
    assertEquals("https://other.example/achievements/stats", x.credentialId());
    assertEquals("$.credentialSubject.result[0].status is 'Failed', not Completed", x.detail());
    ((ObjectNode) failed.at("/credentialSubject/result/0")).put("status", "Completed");
    assertTrue(OpenBadges.mapping().map(failed).credential().isPresent());

    ObjectNode endorsement = badge();
    endorsement.putArray("type").add("VerifiableCredential").add("EndorsementCredential");
    Exclusion e = OpenBadges.mapping().map(endorsement).exclusion().orElseThrow();
    assertEquals(Exclusion.Reason.NOT_MAPPABLE, e.reason());
    assertTrue(e.detail().startsWith("$.type: expected OpenBadgeCredential or AchievementCredential"), e.detail());

    ObjectNode negative = badge();
    ((ObjectNode) negative.get("credentialSubject")).put("creditsEarned", -1);
    assertEquals("$.credentialSubject.creditsEarned: expected a non-negative number, got -1",
        OpenBadges.mapping().map(negative).exclusion().orElseThrow().detail());
    ObjectNode text = badge();
    ((ObjectNode) text.at("/credentialSubject/achievement")).put("creditsAvailable", "4");
    ((ObjectNode) text.get("credentialSubject")).remove("creditsEarned");
    assertEquals("$.credentialSubject.achievement.creditsAvailable: expected a non-negative number, got \"4\"",
        OpenBadges.mapping().map(text).exclusion().orElseThrow().detail());
    ObjectNode noId = badge();
    ((ObjectNode) noId.at("/credentialSubject/achievement")).remove("id");
    assertEquals("$.credentialSubject.achievement.id: expected the achievement's id (a string)",
        OpenBadges.mapping().map(noId).exclusion().orElseThrow().detail());
    ObjectNode badDate = badge();
    badDate.put("awardedDate", "last Tuesday");
    assertEquals("$.awardedDate: expected a date-time such as 2026-01-31T00:00:00Z, got \"last Tuesday\"",
        OpenBadges.mapping().map(badDate).exclusion().orElseThrow().detail());
  }

  @Test
  void microcredExtensionIsUsedWhenPresent() throws Exception {
    Award award = Award.builder(AwardTranscriptTest.mc("ext", 5, Level.eqf(7)), LearnerIdentity.did("did:example:l"),
        Instant.parse("2026-01-20T10:00:00Z")).id("urn:uuid:1").build();
    ObjectNode withAward = badge();
    withAward.set("microcredentialAward", award.toJson());
    Credential c = OpenBadges.mapping().map(withAward).credential().orElseThrow();
    Credential f = Credential.fromAward(award);
    assertEquals(new Credential(f.id(), f.credits(), f.level(), "https://other.example/issuer", f.issuer(),
        f.origin(), f.kind(), f.subjects(), f.competencies(), f.tags(), f.issued(), f.expires(), f.creditBearing(),
        f.assessed()), c, "the carried award mapped by Credential.fromAward, issued by the signer");
    // an extension cannot make a signer pass for another issuer: its awarding body is only the provider
    assertEquals("https://example.edu/org", c.provider());
    assertEquals("https://other.example/issuer", c.issuer());
    assertEquals(CreditUnit.ECTS, c.credits().unit());
    assertEquals(7, c.level());
    // an award whose id is not the credential's is refused
    withAward.put("id", "urn:uuid:2");
    assertEquals(Exclusion.Reason.NOT_MAPPABLE, OpenBadges.mapping().map(withAward).exclusion().orElseThrow().reason());

    ObjectNode withMc = badge();
    ((ObjectNode) withMc.at("/credentialSubject/achievement")).set("microcredential",
        award.microCredential().toJson());
    Credential m = OpenBadges.mapping().map(withMc).credential().orElseThrow();
    assertEquals("https://example.edu/micro/ext", m.id());
    assertEquals(0, m.credits().amount().compareTo(BigDecimal.valueOf(5)));
    assertEquals(CreditUnit.ECTS, m.credits().unit());
    assertEquals("https://other.example/issuer", m.issuer(), "the signer");
    assertEquals("https://example.edu/org", m.provider(), "the awarding body");
    assertEquals(LocalDate.of(2026, 1, 16), m.issued());
    assertEquals(Optional.of(LocalDate.of(2031, 2, 1)), m.expires());
  }

  @Test
  void clrNestedCredentialsAreListedForVerification() throws Exception {
    JsonNode clr = JSON.readTree("{\"type\":[\"VerifiableCredential\",\"ClrCredential\"],\"credentialSubject\":{"
        + "\"verifiableCredential\":[{\"id\":\"a\"},\"eyJ...\"]}}");
    assertTrue(OpenBadges.hasType(clr, "ClrCredential"));
    assertEquals(2, OpenBadges.nestedCredentials(clr).size());
    assertEquals(0, OpenBadges.nestedCredentials(badge()).size());
  }
}
