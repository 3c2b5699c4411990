package io.github.microcred.stacking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.microcred.core.Issue;
import io.github.microcred.core.Severity;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * An audit's shortfalls are core {@link Issue}s: a {@link StackingIssueCode} of category
 * {@link StackingIssueCode.Category#SHORTFALL}, the rules' JSON path of the unmet constraint, and the explanation's
 * text unchanged, in the result, its JSON and its summary.
 */
class ShortfallIssueTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 1, 1);

  private static Credential c(String id, int credits, Origin origin) {
    return Credential.builder(id).credits(credits, "ECTS").origin(origin).issued(AS_OF.minusDays(30)).build();
  }

  @Test
  void unmetTotalAndResidenceAreIssuesAtTheirConstraint() throws Exception {
    Rules rules = Rules.builder("q").requirement(Requirement.credits("any", 1, Filter.ANY)).totalCredits(10)
        .minResidence(6).build();
    AuditResult r = Stacking.audit(rules, Transcript.of(c("R1", 3, Origin.RESIDENT), c("X1", 2, Origin.EXTERNAL)),
        AS_OF);
    assertEquals(AuditResult.Status.NOT_SATISFIED, r.status(), r.summary());
    assertEquals(List.of(
        new Issue("$.constraints.totalCredits", StackingIssueCode.TOTAL_CREDITS_SHORT, Severity.ERROR,
            "total credits: 5 of 10 ECTS (5 missing)"),
        new Issue("$.constraints.minResidence", StackingIssueCode.RESIDENCE_SHORT, Severity.ERROR,
            "credits in residence: 3 of 6 ECTS (3 missing)")), r.shortfalls());
    // the JSON carries each as the one problem shape (as mcred's issue reports): path, code, severity, message
    JsonNode sf = r.toJson().get("shortfalls");
    assertEquals(2, sf.size(), sf.toString());
    assertEquals("{\"path\":\"$.constraints.totalCredits\",\"code\":\"TOTAL_CREDITS_SHORT\",\"severity\":\"error\","
        + "\"message\":\"total credits: 5 of 10 ECTS (5 missing)\"}", sf.get(0).toString());
    assertEquals("RESIDENCE_SHORT", sf.get(1).get("code").asText());
    // the summary keeps the explanation's text
    assertTrue(r.summary().contains("  shortfall: total credits: 5 of 10 ECTS (5 missing)\n"), r.summary());
    assertTrue(r.summary().contains("  shortfall: credits in residence: 3 of 6 ECTS (3 missing)\n"), r.summary());
    // met constraints: no shortfall
    AuditResult ok = Stacking.audit(rules, Transcript.of(c("R1", 6, Origin.RESIDENT), c("X1", 4, Origin.EXTERNAL)),
        AS_OF);
    assertTrue(ok.satisfied(), ok.summary());
    assertEquals(List.of(), ok.shortfalls());
  }

  @Test
  void aBudgetThatRunsOutBeforeAnyAssignmentIsAShortfallAtTheRoot() throws Exception {
    Rules rules = Rules.builder("q").requirement(Requirement.credits("any", 1, Filter.ANY)).build();
    Credential[] many = new Credential[200];
    for (int i = 0; i < many.length; i++) {
      many[i] = c("C" + i, 1, Origin.RESIDENT);
    }
    // one nanosecond is over before compiling reaches its first check
    AuditResult r = Stacking.auditor(rules).withBudget(Duration.ofNanos(1)).audit(Transcript.of(many), AS_OF);
    assertEquals(AuditResult.Status.UNDECIDED, r.status(), r.summary());
    assertEquals(1, r.shortfalls().size(), r.shortfalls().toString());
    Issue i = r.shortfalls().get(0);
    assertEquals("$", i.path());
    assertEquals(StackingIssueCode.BUDGET_EXHAUSTED, i.code());
    assertEquals("the budget ran out while compiling the audit; nothing was assigned", i.message());
  }

  @Test
  void everyCodeHasOneCategory() {
    Set<StackingIssueCode> shortfalls = EnumSet.allOf(StackingIssueCode.class).stream()
        .filter(c -> c.category() == StackingIssueCode.Category.SHORTFALL)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(StackingIssueCode.class)));
    // the three produced above and the solver-defect guard (WITNESS_REJECTED, which no correct solver reaches)
    assertEquals(EnumSet.of(StackingIssueCode.TOTAL_CREDITS_SHORT, StackingIssueCode.RESIDENCE_SHORT,
        StackingIssueCode.BUDGET_EXHAUSTED, StackingIssueCode.WITNESS_REJECTED), shortfalls);
    assertTrue(EnumSet.allOf(StackingIssueCode.class).stream().allMatch(c -> "stacking".equals(c.module())));
  }
}
