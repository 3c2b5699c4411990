package io.github.microcred.stacking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A held credential that does not count on the audit date (expired, issued after it, outside the validity window) is
 * treated by the planner as the audit treats it: not held. When the plan re-earns it, the plan says so explicitly
 * ({@link Plan#renewals()}: the held copy's exclusion) and its audit counts the re-earned credential in place of the
 * held one, so the audit never both counts and excludes one id.
 */
class RenewalPlanTest {
  static final LocalDate AS_OF = HeldCredentialsTest.AS_OF;

  static final String RULES = """
      {"id": "cert", "unit": "ECTS", "requirement": {"id": "all", "allOf": [
        {"id": "core", "credential": "CORE"}, {"id": "credits", "credits": 10}]},
       "constraints": {"validityYears": 5}}
      """;

  static Catalogue catalogue() {
    return new Catalogue(List.of(
        new CatalogueItem(HeldCredentialsTest.ects("CORE", "5"), BigDecimal.TEN, new BigDecimal("50"), Set.of()),
        new CatalogueItem(HeldCredentialsTest.ects("MOD", "10"), BigDecimal.TEN, new BigDecimal("80"), Set.of())));
  }

  static void assertRenews(Credential held, Exclusion.Reason reason) throws Exception {
    Rules rules = Rules.fromJson(RULES);
    Transcript t = Transcript.of(held, HeldCredentialsTest.ects("X", "10"));
    // the audit alone excludes the held copy with its reason
    AuditResult before = Stacking.audit(rules, t, AS_OF);
    assertFalse(before.satisfied(), before.summary());
    Exclusion why = before.exclusions().stream().filter(x -> x.credentialId().equals("CORE")).findFirst()
        .orElseThrow();
    assertEquals(reason, why.reason(), before.summary());
    Plan p = Stacking.planner(rules, catalogue()).withBudget(Duration.ofSeconds(10)).plan(t, AS_OF);
    assertTrue(p.satisfied(), p.toJson().toPrettyString());
    assertEquals(List.of("CORE"), p.items(), p.toJson().toPrettyString());
    // explicit: the plan re-earns CORE, and says why the held copy does not count
    assertEquals(List.of(why), p.renewals(), p.toJson().toPrettyString());
    assertTrue(p.toJson().toPrettyString().contains("\"renewals\" : [ {\n    \"credential\" : \"CORE\",\n    \"reason\" : \""
        + reason.name() + "\""), p.toJson().toPrettyString());
    // consistent: the plan's audit counts the re-earned CORE and does not also call CORE excluded
    assertTrue(p.audit().assignments().stream().anyMatch(a -> a.credentialId().equals("CORE")), p.toJson().toPrettyString());
    assertTrue(p.audit().exclusions().stream().noneMatch(x -> x.credentialId().equals("CORE")), p.toJson().toPrettyString());
    assertFalse(p.audit().summary().contains("excluded CORE"), p.audit().summary());
  }

  @Test
  void anExpiredHeldCredentialIsPlannedAsARenewal() throws Exception {
    assertRenews(Credential.builder("CORE").credits(new BigDecimal("5"), "ECTS").issued(AS_OF.minusYears(2))
        .expires(AS_OF.minusDays(1)).build(), Exclusion.Reason.EXPIRED);
  }

  @Test
  void aHeldCredentialOutsideTheValidityWindowIsPlannedAsARenewal() throws Exception {
    assertRenews(Credential.builder("CORE").credits(new BigDecimal("5"), "ECTS").issued(AS_OF.minusYears(6))
        .build(), Exclusion.Reason.OUTSIDE_VALIDITY_WINDOW);
  }

  @Test
  void aHeldCredentialIssuedAfterTheDateIsPlannedAsARenewal() throws Exception {
    assertRenews(Credential.builder("CORE").credits(new BigDecimal("5"), "ECTS").issued(AS_OF.plusDays(1))
        .build(), Exclusion.Reason.NOT_YET_ISSUED);
  }

  @Test
  void aCredentialThatCountsOnTheDateIsNeitherOfferedNorRenewed() throws Exception {
    Rules rules = Rules.fromJson(RULES);
    // expires on the audit date itself: it still counts (both ends inclusive), so nothing is planned
    Credential lastDay = Credential.builder("CORE").credits(new BigDecimal("5"), "ECTS").issued(AS_OF.minusYears(5))
        .expires(AS_OF).build();
    Plan p = Stacking.planner(rules, catalogue()).withBudget(Duration.ofSeconds(10))
        .plan(Transcript.of(lastDay, HeldCredentialsTest.ects("X", "10")), AS_OF);
    assertTrue(p.satisfied(), p.toJson().toPrettyString());
    assertEquals(List.of(), p.items(), p.toJson().toPrettyString());
    assertEquals(List.of(), p.renewals(), p.toJson().toPrettyString());
  }

  @Test
  void aRenewalThatIsNotNeededIsNotPlanned() throws Exception {
    // an expired MOD is held too, but X already covers the credits: only CORE is renewed
    Rules rules = Rules.fromJson(RULES);
    Credential core = Credential.builder("CORE").credits(new BigDecimal("5"), "ECTS").issued(AS_OF.minusYears(2))
        .expires(AS_OF.minusDays(1)).build();
    Credential mod = Credential.builder("MOD").credits(new BigDecimal("10"), "ECTS").issued(AS_OF.minusYears(2))
        .expires(AS_OF.minusDays(3)).build();
    Plan p = Stacking.planner(rules, catalogue()).withBudget(Duration.ofSeconds(10))
        .plan(Transcript.of(core, mod, HeldCredentialsTest.ects("X", "10")), AS_OF);
    assertEquals(List.of("CORE"), p.items(), p.toJson().toPrettyString());
    assertEquals(List.of("CORE"), p.renewals().stream().map(Exclusion::credentialId).toList(), p.toJson().toPrettyString());
    // the expired MOD, not renewed, stays excluded in the plan's audit with its reason
    assertTrue(p.audit().exclusions().stream().anyMatch(x -> x.credentialId().equals("MOD")
        && x.reason() == Exclusion.Reason.EXPIRED), p.toJson().toPrettyString());
  }
}
