package io.github.microcred.stacking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.microcred.core.Issue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Real institutional policies, as transcribed with their sources in {@code shared/reference/stacking/policy-rules.yaml}
 * (ids in the test names), written in the rule language and audited on transcripts at and around their limits. The
 * expected outcomes are worked out by hand from the policy text, whole credentials only.
 */
class PolicyRulesTest {
  static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);

  static Credential c(String id, double credits, Origin origin, LocalDate issued) {
    return Credential.builder(id).credits(credits, "SCH").origin(origin).issued(issued).build();
  }

  static long excluded(AuditResult r, Exclusion.Reason reason) {
    return r.exclusions().stream().filter(e -> e.reason() == reason).count();
  }

  /**
   * keene.advanced_standing (keene.edu): advanced-standing credits must be earned within 7 years before
   * matriculating and may not total more than one-third of a master's requirements (30 SCH here, so 10).
   */
  static Rules keene() throws StackingException {
    LocalDate matriculation = LocalDate.of(2024, 9, 1);
    Filter advanced = Filter.builder().origins(Origin.EXTERNAL, Origin.RPL).build();
    Filter eligible = Filter.builder().anyOf(List.of(Filter.builder().origins(Origin.RESIDENT).build(),
        Filter.builder().origins(Origin.EXTERNAL, Origin.RPL).withinYears(7).referenceDate(matriculation).build()))
        .build();
    return Rules.builder("keene-ms").unit("SCH").requirement(Requirement.credits("degree", 30, eligible))
        .cap(Cap.maxCredits("advanced standing <= 1/3 of 30", advanced, BigDecimal.TEN)).build();
  }

  static List<Credential> keeneTranscript(double e2) {
    List<Credential> t = new ArrayList<>();
    for (int i = 1; i <= 7; i++) {
      t.add(c("R" + i, 3, Origin.RESIDENT, LocalDate.of(2025, 1, i)));
    }
    t.add(c("E1", 3, Origin.EXTERNAL, LocalDate.of(2020, 1, 10)));
    t.add(c("E2", e2, Origin.EXTERNAL, LocalDate.of(2019, 5, 1)));
    t.add(c("E3", 3, Origin.EXTERNAL, LocalDate.of(2017, 8, 31))); // one day too old
    t.add(c("E4", 3, Origin.RPL, LocalDate.of(2023, 3, 1)));
    return t;
  }

  @Test
  void keeneAdvancedStandingRecencyAndOneThirdCap() throws Exception {
    // 21 resident + E1 3 + E2 4 + E4 3 = 31 (advanced standing exactly 10); E3 predates the 7-year window
    AuditResult ok = Stacking.audit(keene(), new Transcript(keeneTranscript(4)), AS_OF);
    assertTrue(ok.satisfied(), ok.summary());
    assertEquals(0, new BigDecimal("31").compareTo(ok.countedCredits()), ok.summary());
    Exclusion old = ok.exclusions().stream().filter(e -> e.credentialId().equals("E3")).findFirst().orElseThrow();
    assertEquals(Exclusion.Reason.NOT_ELIGIBLE, old.reason());
    // each alternative's reason is given
    assertTrue(old.detail().contains("matches none of the alternatives (origin EXTERNAL not accepted; issued "
        + "2017-08-31, more than 7 years before 2024-09-01)"), old.detail());
    assertEquals(1, ok.exclusions().size(), ok.summary());

    // E2 at 5: advanced standing 11 > 10, and whole credentials fit at most 8 (5 + 3) under the cap, so
    // 21 + 8 = 29 < 30: not satisfied. The divisible relaxation would take 10 of the 11 and say satisfied.
    AuditResult over = Stacking.audit(keene(), new Transcript(keeneTranscript(5)), AS_OF);
    assertFalse(over.satisfied(), over.summary());
    assertEquals(0, new BigDecimal("29").compareTo(over.countedCredits()), over.summary());
    assertEquals(1, excluded(over, Exclusion.Reason.OVER_CAP), over.summary());
    assertTrue(over.provedOptimal());
    AuditResult relaxed = Stacking.auditor(keene()).divisible().audit(new Transcript(keeneTranscript(5)), AS_OF);
    assertEquals(AuditResult.Mode.DIVISIBLE_RELAXATION, relaxed.mode());
    assertTrue(relaxed.satisfied(), relaxed.summary());
  }

  /**
   * otc.prior_learning (about.otc.edu): credit for prior learning at most 50% of the programme's hours; a certificate
   * needs 9 hours in residence (a degree 15).
   */
  static Rules otc(double hours, double residence) throws StackingException {
    return Rules.builder("otc").unit("SCH").requirement(Requirement.credits("programme", hours, Filter.ANY))
        .totalCredits(hours).minResidence(residence)
        .cap(Cap.maxShare("prior learning <= 50%", Filter.builder().origins(Origin.RPL).build(),
            new BigDecimal("0.5")))
        .build();
  }

  static Transcript otcTranscript(int rpl, int resident) {
    List<Credential> t = new ArrayList<>();
    for (int i = 0; i < rpl; i++) {
      t.add(c("PLA" + i, 3, Origin.RPL, LocalDate.of(2024, 1, 1 + i)));
    }
    for (int i = 0; i < resident; i++) {
      t.add(c("OTC" + i, 3, Origin.RESIDENT, LocalDate.of(2025, 1, 1 + i)));
    }
    return new Transcript(t);
  }

  @Test
  void otcPriorLearningHalfAndResidence() throws Exception {
    // certificate of 18 hours: 3 PLA (9) + 3 resident (9) is exactly at both limits
    AuditResult ok = Stacking.audit(otc(18, 9), otcTranscript(3, 3), AS_OF);
    assertTrue(ok.satisfied(), ok.summary());
    assertTrue(ok.shortfalls().isEmpty());
    // 4 PLA (12) + 2 resident (6): only 9 PLA hours count, 6 + 9 = 15 of 18, and 6 of 9 in residence
    AuditResult r = Stacking.audit(otc(18, 9), otcTranscript(4, 2), AS_OF);
    assertFalse(r.satisfied(), r.summary());
    assertEquals(1, excluded(r, Exclusion.Reason.OVER_CAP), r.summary());
    assertEquals(List.of(Issue.error("$.constraints.totalCredits", StackingIssueCode.TOTAL_CREDITS_SHORT,
        "total credits: 15 of 18 US_SEMESTER_HOUR (3 missing)"), Issue.error("$.constraints.minResidence",
        StackingIssueCode.RESIDENCE_SHORT, "credits in residence: 6 of 9 US_SEMESTER_HOUR (3 missing)")),
        r.shortfalls());
    // a degree of 60 needs 15 in residence: 10 PLA (30) + 5 resident (15) + 5 more resident (15) = 60
    AuditResult degree = Stacking.audit(otc(60, 15), otcTranscript(10, 10), AS_OF);
    assertTrue(degree.satisfied(), degree.summary());
    AuditResult shortResidence = Stacking.audit(otc(60, 15), otcTranscript(11, 4), AS_OF);
    assertFalse(shortResidence.satisfied(), shortResidence.summary());
    assertTrue(shortResidence.shortfalls().contains(Issue.error("$.constraints.minResidence",
        StackingIssueCode.RESIDENCE_SHORT, "credits in residence: 12 of 15 US_SEMESTER_HOUR (3 missing)")),
        shortResidence.shortfalls().toString());
  }

  /** appstate.expiry (faa.appstate.edu): credit earned more than 10 years before re-entry is expired. */
  @Test
  void appStateTenYearExpiry() throws Exception {
    Rules rules = Rules.builder("appstate").unit("SCH").requirement(Requirement.credits("programme", 6, Filter.ANY))
        .validityYears(10).build();
    Transcript t = new Transcript(List.of(c("A", 3, Origin.RESIDENT, LocalDate.of(2016, 6, 1)),
        c("B", 3, Origin.RESIDENT, LocalDate.of(2016, 5, 31)), c("C", 3, Origin.RESIDENT, LocalDate.of(2020, 1, 1))));
    AuditResult r = Stacking.audit(rules, t, AS_OF);
    assertTrue(r.satisfied(), r.summary()); // A (exactly 10 years) and C
    Exclusion b = r.exclusions().get(0);
    assertEquals("B", b.credentialId());
    assertEquals(Exclusion.Reason.OUTSIDE_VALIDITY_WINDOW, b.reason());
    assertEquals(1, r.exclusions().size());
    assertFalse(Stacking.audit(rules, t, AS_OF.plusDays(1)).satisfied(), "a day later A is too old as well");
  }

  /** southcentral.lifespan (southcentral.edu): technical credits last 5 years, liberal arts and sciences indefinitely. */
  @Test
  void southCentralTechnicalLifespan() throws Exception {
    Filter lasting = Filter.builder().anyOf(List.of(Filter.builder().subjects("liberal-arts").build(),
        Filter.builder().subjects("technical").withinYears(5).build())).build();
    Rules rules = Rules.builder("southcentral").unit("SCH")
        .requirement(Requirement.credits("programme", 12, lasting)).build();
    List<Credential> t = List.of(
        Credential.builder("LA").credits(6, "SCH").subjects("liberal-arts").issued(LocalDate.of(2001, 9, 1)).build(),
        Credential.builder("T-2022").credits(3, "SCH").subjects("technical").issued(LocalDate.of(2022, 5, 1)).build(),
        Credential.builder("T-2019").credits(3, "SCH").subjects("technical").issued(LocalDate.of(2019, 1, 1)).build(),
        Credential.builder("T-2024").credits(3, "SCH").subjects("technical").issued(LocalDate.of(2024, 1, 1)).build());
    AuditResult r = Stacking.audit(rules, new Transcript(t), AS_OF);
    assertTrue(r.satisfied(), r.summary());
    assertEquals(1, r.exclusions().size(), r.summary());
    assertEquals("T-2019", r.exclusions().get(0).credentialId());
    assertEquals(Exclusion.Reason.NOT_ELIGIBLE, r.exclusions().get(0).reason());
  }

  /**
   * stolaf.ba.2021-22 (St. Olaf B.A. rules, as listed in policy-rules.yaml): 35 credits, at least 17 through St. Olaf,
   * at most 4 transfer credits, at least 18 credits at level 200 or above, at most 6 S/U courses.
   */
  static Rules stOlaf() throws StackingException {
    return Rules.builder("stolaf-ba").unit("SCH")
        .requirement(Requirement.allOf("ba",
            Requirement.credits("upper-level", 18, Filter.builder().minLevel(200).build()),
            Requirement.credits("electives", 17, Filter.ANY)))
        .totalCredits(35).minResidence(17)
        .cap(Cap.maxCredits("transfer <= 4", Filter.builder().origins(Origin.EXTERNAL).build(), new BigDecimal(4)))
        .cap(Cap.maxCount("S/U <= 6", Filter.builder().kinds("su").build(), 6))
        .build();
  }

  static Transcript stOlafTranscript(int transfer, int su) {
    List<Credential> t = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      t.add(Credential.builder("UP" + i).credits(1, "SCH").level(200 + 10 * (i % 10)).issued(AS_OF.minusYears(1))
          .build());
    }
    for (int i = 0; i < 11; i++) {
      t.add(Credential.builder("LO" + i).credits(1, "SCH").level(100).kind(i < su ? "su" : "graded")
          .issued(AS_OF.minusYears(2)).build());
    }
    for (int i = 0; i < transfer; i++) {
      t.add(Credential.builder("TR" + i).credits(1, "SCH").level(100).origin(Origin.EXTERNAL)
          .issued(AS_OF.minusYears(3)).build());
    }
    return new Transcript(t);
  }

  @Test
  void stOlafBaTransferAndSuCaps() throws Exception {
    // 20 upper + 11 lower (6 S/U) + 4 transfer = 35, 31 in residence
    AuditResult ok = Stacking.audit(stOlaf(), stOlafTranscript(4, 6), AS_OF);
    assertTrue(ok.satisfied(), ok.summary());
    assertEquals(0, new BigDecimal(35).compareTo(ok.countedCredits()));
    // a fifth transfer credit and a seventh S/U course are each over their cap: 36 - 2 = 34 of 35
    AuditResult r = Stacking.audit(stOlaf(), stOlafTranscript(5, 7), AS_OF);
    assertFalse(r.satisfied(), r.summary());
    assertEquals(2, excluded(r, Exclusion.Reason.OVER_CAP), r.summary());
    assertEquals(List.of(Issue.error("$.constraints.totalCredits", StackingIssueCode.TOTAL_CREDITS_SHORT,
        "total credits: 34 of 35 US_SEMESTER_HOUR (1 missing)")), r.shortfalls());
    assertTrue(r.requirement("$/upper-level").orElseThrow().satisfied(), r.summary());
    assertTrue(r.provedOptimal());
  }
}
