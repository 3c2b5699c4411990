package io.github.microcred.stacking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What a transcript holds: repeated ids are the module's typed error, and the planner counts as held only what the
 * audit counts (not a credential issued after the date, expired, or outside the validity window).
 */
class HeldCredentialsTest {
  static final LocalDate AS_OF = LocalDate.of(2026, 12, 1);

  static final String RULES = """
      {"id": "cert", "unit": "ECTS", "requirement": {"id": "all", "allOf": [
        {"id": "core", "credential": "CORE"}, {"id": "credits", "credits": 10}]}}
      """;

  static Credential ects(String id, String credits) {
    return Credential.builder(id).credits(new BigDecimal(credits), "ECTS").issued(AS_OF.minusYears(1)).build();
  }

  @Test
  void duplicateCredentialIdIsTypedErrorNamingThePath() throws Exception {
    Transcript t = Transcript.of(ects("A", "5"), ects("B", "5"), ects("A", "5"));
    Rules rules = Rules.fromJson(RULES);
    StackingException a = assertThrows(StackingException.class, () -> Stacking.audit(rules, t, AS_OF));
    assertEquals(StackingErrorCode.TRANSCRIPT_INVALID, a.code());
    assertTrue(a.getMessage().contains("credentials[2].id") && a.getMessage().contains("'A'"), a.getMessage());
    StackingException p = assertThrows(StackingException.class,
        () -> Stacking.planner(rules, new Catalogue(List.of())).plan(t, AS_OF));
    assertEquals(StackingErrorCode.TRANSCRIPT_INVALID, p.code());
    assertTrue(p.getMessage().contains("credentials[2].id"), p.getMessage());
    // the reader reports it the same way, with its JSON path
    StackingException j = assertThrows(StackingException.class, () -> Transcript.fromJson("""
        {"credentials": [{"id": "A", "credits": 5, "unit": "ECTS", "issued": "2025-01-01"},
                         {"id": "A", "credits": 5, "unit": "ECTS", "issued": "2025-01-01"}]}
        """));
    assertEquals(StackingErrorCode.TRANSCRIPT_INVALID, j.code());
    assertTrue(j.getMessage().contains("duplicate credential id 'A'"), j.getMessage());
  }

  @Test
  void plannerDoesNotHoldFutureDatedOrExpiredCredentials() throws Exception {
    Rules rules = Rules.fromJson(RULES);
    Catalogue cat = new Catalogue(List.of(
        new CatalogueItem(ects("CORE", "5"), BigDecimal.TEN, new BigDecimal("50"), Set.of()),
        new CatalogueItem(ects("MOD", "10"), BigDecimal.TEN, new BigDecimal("80"), Set.of("PRE")),
        new CatalogueItem(ects("PRE", "1"), BigDecimal.ONE, new BigDecimal("5"), Set.of())));
    Credential core = ects("CORE", "5");
    Credential pre = ects("PRE", "1");
    Credential future = Credential.builder("CORE").credits(new BigDecimal("5"), "ECTS")
        .issued(LocalDate.of(2999, 1, 1)).build();
    Credential expired = Credential.builder("PRE").credits(new BigDecimal("1"), "ECTS")
        .issued(AS_OF.minusYears(2)).expires(AS_OF.minusDays(1)).build();
    Planner planner = Stacking.planner(rules, cat).withBudget(Duration.ofSeconds(10));
    // valid: CORE and PRE are held, so only MOD is needed
    Plan valid = planner.plan(Transcript.of(core, pre), AS_OF);
    assertTrue(valid.satisfied(), valid.toJson().toPrettyString());
    assertEquals(List.of("MOD"), valid.items(), valid.toJson().toPrettyString());
    // a CORE issued in 2999 and a PRE that expired yesterday are not held: CORE must be taken (it was dropped from
    // the catalogue as held, leaving no complete plan), and so must PRE, MOD's prerequisite (it was taken as met)
    Plan p = planner.plan(Transcript.of(future, expired), AS_OF);
    assertTrue(p.satisfied(), p.toJson().toPrettyString());
    assertEquals(Set.of("CORE", "MOD", "PRE"), Set.copyOf(p.items()), p.toJson().toPrettyString());
    assertEquals(0, new BigDecimal("135").compareTo(p.value()), p.toJson().toPrettyString());
    assertTrue(p.audit().satisfied(), p.audit().summary());
    // both are re-earned, explicitly: each renewal carries the held copy's exclusion, and the plan's audit counts the
    // new credential in its place (RenewalPlanTest)
    assertEquals(Set.of("CORE NOT_YET_ISSUED", "PRE EXPIRED"), Set.copyOf(p.renewals().stream()
        .map(x -> x.credentialId() + " " + x.reason()).toList()), p.toJson().toPrettyString());
  }
}
