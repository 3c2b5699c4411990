package io.github.microcred.stacking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Regression tests for issue 12: credentials dated after the audit date do not count, and explanations say where a
 * held credential went and what would free it.
 */
class AuditInputsAndExplanationsTest {
  static final LocalDate AS_OF = LocalDate.of(2026, 12, 1);
  static final String RULES = "{\"id\":\"cert\",\"unit\":\"ECTS\",\"requirement\":{\"id\":\"certificate\",\"allOf\":["
      + "{\"id\":\"foundation\",\"credential\":\"data-literacy-101\"},"
      + "{\"id\":\"methods\",\"credits\":5,\"where\":{\"minLevel\":6}},"
      + "{\"id\":\"capstone\",\"credential\":\"capstone\"}]}}";

  static Credential dl101() {
    return Credential.builder("data-literacy-101").credits(2, "ECTS").level(6).issued(LocalDate.of(2026, 3, 2))
        .build();
  }

  static Credential stats() {
    return Credential.builder("statistics").credits(3, "ECTS").level(6).issued(LocalDate.of(2026, 6, 15)).build();
  }

  /** Issue 12: a credential issued 2999-01-01 was counted in an audit as of 2026-12-01. */
  @Test
  void credentialIssuedAfterTheAuditDateIsExcludedWithItsReason() throws Exception {
    Rules rules = Rules.fromJson(RULES);
    Credential future = Credential.builder("capstone").credits(3, "ECTS").level(6).issued(LocalDate.of(2999, 1, 1))
        .build();
    AuditResult r = Stacking.audit(rules, Transcript.of(dl101(), stats(), future), AS_OF);
    assertFalse(r.satisfied(), r.summary());
    assertTrue(r.assignments().stream().noneMatch(a -> a.credentialId().equals("capstone")), r.summary());
    Exclusion e = r.exclusions().stream().filter(x -> x.credentialId().equals("capstone")).findFirst().orElseThrow();
    assertEquals(Exclusion.Reason.NOT_YET_ISSUED, e.reason());
    assertEquals("issued 2999-01-01, after the audit date 2026-12-01", e.detail());
    // the same holds in the divisible relaxation, and the rule is inclusive: issued on the audit date counts
    AuditResult d = Stacking.auditor(rules).divisible().audit(Transcript.of(dl101(), stats(), future), AS_OF);
    assertTrue(d.assignments().stream().noneMatch(a -> a.credentialId().equals("capstone")), d.summary());
    Credential today = Credential.builder("capstone").credits(3, "ECTS").level(6).issued(AS_OF).build();
    Credential expiresToday = Credential.builder("data-literacy-101").credits(2, "ECTS").level(6)
        .issued(LocalDate.of(2026, 3, 2)).expires(AS_OF).build();
    Credential extra = Credential.builder("extra").credits(2, "ECTS").level(6).issued(AS_OF).build();
    AuditResult ok = Stacking.audit(rules, Transcript.of(expiresToday, stats(), today, extra), AS_OF);
    assertTrue(ok.satisfied(), ok.summary());
    AuditResult dayAfter = Stacking.audit(rules, Transcript.of(expiresToday, stats(), today, extra),
        AS_OF.plusDays(1));
    assertEquals(Exclusion.Reason.EXPIRED, dayAfter.exclusions().get(0).reason(), dayAfter.summary());
  }

  /**
   * Issue 12: the explanation said {@code [ ] $/foundation - 1 of [data-literacy-101]} while the learner holds it; it
   * went to {@code $/methods}, which only the JSON showed.
   */
  @Test
  void explanationNamesTheRequirementAHeldCredentialWentToAndWhatWouldFreeIt() throws Exception {
    Rules rules = Rules.fromJson(RULES);
    AuditResult r = Stacking.audit(rules, Transcript.of(dl101(), stats()), AS_OF);
    // the optimum puts data-literacy-101 toward $/methods (5 applied credits beat 1 applied credential)
    assertTrue(r.assignments().contains(new Assignment("data-literacy-101", "$/methods",
        new java.math.BigDecimal("2"))), r.toJson().toPrettyString());
    String expected = "data-literacy-101 counts toward $/methods; it could count here if $/methods were met by "
        + "other credentials (without it $/methods would be short by 2 ECTS)";
    RequirementStatus foundation = r.requirement("$/foundation").orElseThrow();
    assertEquals(List.of(new RequirementStatus.Held("data-literacy-101", List.of("$/methods"), expected)),
        foundation.held());
    assertTrue(r.summary().contains("[ ] $/foundation - 1 of [data-literacy-101]\n      " + expected + "\n"),
        r.summary());
    JsonNode json = new ObjectMapper().readTree(r.toJson().toString());
    JsonNode held = null;
    for (JsonNode q : json.get("requirements")) {
      if (q.get("path").asText().equals("$/foundation")) {
        held = q.get("held");
      }
    }
    assertEquals("data-literacy-101", held.get(0).get("credential").asText(), r.toJson().toPrettyString());
    assertEquals("$/methods", held.get(0).get("countsToward").get(0).asText());
    assertEquals(expected, held.get(0).get("explanation").asText());
    // met requirements and unmet ones with nothing held say nothing extra
    assertTrue(r.requirement("$/methods").orElseThrow().held().isEmpty());
    assertTrue(r.requirement("$/capstone").orElseThrow().held().isEmpty());

    // a count requirement that took it (the only way to satisfy the qualification): the shortfall is in credentials
    Rules count = Rules.fromJson("{\"id\":\"c\",\"unit\":\"ECTS\",\"requirement\":{\"id\":\"either\",\"anyOf\":["
        + "{\"id\":\"pair\",\"allOf\":[{\"id\":\"named\",\"credential\":\"data-literacy-101\"},"
        + "{\"id\":\"x\",\"credential\":\"x\"}]},"
        + "{\"id\":\"any2\",\"count\":2,\"where\":{\"minLevel\":6}}]}}");
    AuditResult c = Stacking.audit(count, Transcript.of(dl101(), stats()), AS_OF);
    assertTrue(c.satisfied(), c.summary());
    RequirementStatus named = c.requirement("$/pair/named").orElseThrow();
    assertEquals("data-literacy-101 counts toward $/any2; it could count here if $/any2 were met by other "
        + "credentials (without it $/any2 would be short by 1 credential)", named.held().get(0).explanation(),
        c.summary());

    // a credential left out by a cap names it
    Rules capped = Rules.fromJson("{\"id\":\"k\",\"unit\":\"ECTS\",\"requirement\":{\"id\":\"all\",\"allOf\":["
        + "{\"id\":\"methods\",\"credits\":5,\"where\":{\"minLevel\":6}}]},\"constraints\":{\"caps\":[{"
        + "\"name\":\"external\",\"where\":{\"origins\":[\"EXTERNAL\"]},\"maxCredits\":2}]}}");
    Credential ext = Credential.builder("mooc").credits(3, "ECTS").level(6).origin(Origin.EXTERNAL)
        .issued(LocalDate.of(2026, 5, 1)).build();
    AuditResult k = Stacking.audit(capped, Transcript.of(dl101(), ext), AS_OF);
    assertEquals("mooc could count here but counts toward no requirement (OVER_CAP: would exceed external)",
        k.requirement("$/methods").orElseThrow().held().get(0).explanation(), k.summary());

    // the summary shows five held credentials per requirement and counts the rest; the result lists ten and
    // counts the others
    Rules many = Rules.fromJson("{\"id\":\"m\",\"unit\":\"ECTS\",\"requirement\":{\"id\":\"root\",\"anyOf\":["
        + "{\"id\":\"pq\",\"allOf\":[{\"id\":\"p\",\"count\":1},{\"id\":\"q\",\"credential\":\"missing\"}]},"
        + "{\"id\":\"r\",\"count\":12}]}}");
    List<Credential> twelve = new java.util.ArrayList<>();
    for (int i = 0; i < 12; i++) {
      twelve.add(Credential.builder("c" + i).credits(1, "ECTS").issued(LocalDate.of(2026, 1, 1)).build());
    }
    AuditResult mr = Stacking.audit(many, new Transcript(twelve), AS_OF);
    assertTrue(mr.satisfied(), mr.summary());
    assertEquals(10, mr.requirement("$/pq/p").orElseThrow().held().size(), mr.summary());
    assertEquals(2, mr.requirement("$/pq/p").orElseThrow().heldOmitted(), mr.summary());
    assertTrue(mr.toJson().toPrettyString().contains("\"heldOmitted\" : 2"), mr.toJson().toPrettyString());
    assertTrue(mr.summary().contains("c4 counts toward $/r; it could count here if $/r were met by other credentials "
        + "(without it $/r would be short by 1 credential)\n        ... and 7 more held credentials "
        + "(requirements[].held in the JSON)\n"), mr.summary());
    assertFalse(mr.summary().contains("c5 counts"), mr.summary());

    // a named credential that is held but excluded before the assignment says why
    Credential expired = Credential.builder("data-literacy-101").credits(2, "ECTS").level(6)
        .issued(LocalDate.of(2026, 3, 2)).expires(LocalDate.of(2026, 6, 30)).build();
    AuditResult x = Stacking.audit(rules, Transcript.of(expired, stats()), AS_OF);
    assertEquals("data-literacy-101 is held but does not count (EXPIRED: expired on 2026-06-30)",
        x.requirement("$/foundation").orElseThrow().held().get(0).explanation(), x.summary());

  }
}
