package io.github.microcred.stacking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.microcred.core.AssessmentType;
import io.github.microcred.core.Award;
import io.github.microcred.core.Competency;
import io.github.microcred.core.CreditUnit;
import io.github.microcred.core.CreditValue;
import io.github.microcred.core.LearnerIdentity;
import io.github.microcred.core.Level;
import io.github.microcred.core.MicroCredential;
import io.github.microcred.core.Organization;
import io.github.microcred.core.Stackability;
import io.github.microcred.core.StackabilityOption;
import io.github.microcred.core.Workload;
import io.github.microcred.core.Assessment;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A transcript built from core awards (the bridge from verified Open Badges credentials, core types only). */
class AwardTranscriptTest {
  static MicroCredential mc(String id, int ects, Level... levels) {
    return MicroCredential.builder("Title " + id).id("https://example.edu/micro/" + id)
        .awardingBody(Organization.builder("Example University").id("https://example.edu/org").build())
        .workload(Workload.ofHours(25L * ects).withCredit(CreditValue.of(ects, CreditUnit.ECTS))).level(levels)
        .assessment(Assessment.of(AssessmentType.PROJECT))
        .competency(Competency.of("Data visualisation", "https://example.org/skills/dataviz"))
        .stackability(new Stackability(StackabilityOption.STACKABLE, List.of("Certificate X"), "")).build();
  }

  @Test
  void awardsMapToTranscriptEntries() throws Exception {
    LearnerIdentity l = LearnerIdentity.did("did:example:l");
    Award a = Award.builder(mc("a", 2, Level.national("NFQ-IE", "7"), Level.eqf(6)), l,
        Instant.parse("2025-03-01T10:00:00Z")).id("urn:uuid:1").validUntil(Instant.parse("2027-03-01T00:00:00Z"))
        .build();
    Credential c = Credential.fromAward(a);
    assertEquals("https://example.edu/micro/a", c.id());
    assertEquals(0, c.credits().amount().compareTo(java.math.BigDecimal.valueOf(2)));
    assertEquals(CreditUnit.ECTS, c.credits().unit());
    assertEquals(6, c.level(), "the EQF level is preferred");
    assertEquals("https://example.edu/org", c.issuer());
    assertEquals(Set.of("Data visualisation", "https://example.org/skills/dataviz"), c.competencies());
    assertEquals(Set.of("Certificate X"), c.tags());
    assertEquals(LocalDate.of(2025, 3, 1), c.issued());
    assertEquals(LocalDate.of(2027, 3, 1), c.expires().orElseThrow());
    assertTrue(c.assessed());
    assertEquals(Origin.RESIDENT, c.origin());
    assertEquals(Origin.RPL, Credential.fromAward(a, Origin.RPL).origin());
    // levels of other frameworks: ISCED 5-8 align with EQF; a national number is never read as EQF
    assertEquals(7, Credential.eqfLevel(List.of(Level.national("NFQ-IE", "9"), Level.isced(7))));
    assertEquals(0, Credential.eqfLevel(List.of(Level.isced(3))));
    assertEquals(0, Credential.eqfLevel(List.of(Level.national("NFQ-IE", "7"))));
    Award national = Award.builder(mc("n", 2, Level.national("NFQ-IE", "7")), l, Instant.parse("2025-03-01T10:00:00Z"))
        .build();
    Credential n = Credential.fromAward(national);
    assertEquals(0, n.level());
    Rules eqf6 = Rules.builder("eqf6").unit("ECTS").requirement(Requirement.credits("r", 1,
        Filter.builder().minLevel(6).build())).build();
    AuditResult unknown = Stacking.audit(eqf6, new Transcript(List.of(n)), LocalDate.of(2026, 1, 1));
    assertTrue(unknown.exclusions().get(0).detail().contains("level unknown (at least 6 needed)"), unknown.summary());

    // the same micro-credential awarded twice counts once, from the latest award
    Award again = Award.builder(a.microCredential(), l, Instant.parse("2026-01-10T00:00:00Z")).id("urn:uuid:2")
        .build();
    Transcript t = Transcript.fromAwards(List.of(a, again,
        Award.builder(mc("b", 3, Level.eqf(5)), l, Instant.parse("2025-05-01T00:00:00Z")).id("urn:uuid:3").build()));
    assertEquals(2, t.credentials().size());
    assertEquals(LocalDate.of(2026, 1, 10), t.credentials().get(0).issued());
    assertFalse(t.credentials().get(0).expires().isPresent());

    // audited like any transcript: the expired or too-low ones are explained
    Rules rules = Rules.builder("x").unit("ECTS").requirement(Requirement.credits("dv", 5,
        Filter.builder().competencies("https://example.org/skills/dataviz").minLevel(6).build())).build();
    AuditResult r = Stacking.audit(rules, t, LocalDate.of(2026, 6, 1));
    assertFalse(r.satisfied());
    assertTrue(r.exclusions().stream().anyMatch(e -> e.credentialId().endsWith("/b")
        && e.detail().contains("level too low")), r.summary());
  }
}
