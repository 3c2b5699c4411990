package io.github.microcred.stacking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.microcred.core.CreditUnit;
import io.github.microcred.core.Issue;
import io.github.microcred.core.Severity;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Every rule problem is an {@link Issue} whose code says what is wrong and whose path, kept out of the message, names
 * the fault; the {@link StackingErrorCode#RULES_INVALID} message still reads {@code path: message}.
 */
class RulesIssueCodeTest {
  private static final Set<StackingIssueCode> SEEN = EnumSet.noneOf(StackingIssueCode.class);

  private static final Requirement A = Requirement.credential("a", "A");
  private static final Constraints NONE = new Constraints(BigDecimal.ZERO, BigDecimal.ZERO, 0, List.of());

  static Rules rules(Requirement root) {
    return rules(root, Map.of(), NONE, List.of());
  }

  static Rules rules(Requirement root, Map<String, Requirement> defs, Constraints c, List<DoubleCount> dc) {
    return new Rules("q", "Q", CreditUnit.ECTS, root, defs, c, dc);
  }

  static Constraints caps(BigDecimal total, Cap cap) {
    return new Constraints(total, BigDecimal.ZERO, 0, List.of(cap));
  }

  static Stream<Arguments> faults() {
    Filter staleDate = Filter.builder().referenceDate(LocalDate.of(2020, 1, 1)).build();
    return Stream.of(
        Arguments.of(rules(Requirement.allOf("r", Requirement.credential("x", "A"), Requirement.credential("x", "B"))),
            StackingIssueCode.DUPLICATE_ID, "$/1", "duplicate requirement id 'x'"),
        Arguments.of(rules(Requirement.nOf("pick", 3, A)), StackingIssueCode.TOO_FEW_CHILDREN, "$",
            "nOf needs 3 but has only 1 children"),
        Arguments.of(rules(Requirement.nOf("pick", -1, A)), StackingIssueCode.NEGATIVE_VALUE, "$",
            "nOf with negative n -1"),
        Arguments.of(rules(Requirement.allOf("r", A, Requirement.credits("el", -5, Filter.ANY))),
            StackingIssueCode.NEGATIVE_VALUE, "$/el", "negative credits -5"),
        Arguments.of(rules(new Requirement(Requirement.Kind.COUNT, "c", List.of(), 0, new BigDecimal("1.5"),
            Filter.ANY, "")), StackingIssueCode.NOT_WHOLE_COUNT, "$", "count must be a whole number, got 1.5"),
        Arguments.of(rules(new Requirement(Requirement.Kind.CREDENTIAL, "c", List.of(), 0, BigDecimal.ZERO,
            Filter.ANY, "")), StackingIssueCode.NO_CREDENTIAL, "$", "names no credential"),
        Arguments.of(rules(new Requirement(Requirement.Kind.ALL_OF, "r", List.of(A), 0, BigDecimal.ZERO,
            Filter.builder().tags("x").build(), "")), StackingIssueCode.FILTER_ON_BRANCH, "$.where",
            "a filter applies to the leaves (credits, count, credential, equivalent) only, not to ALL_OF; put it on"
                + " the leaves it should restrict"),
        Arguments.of(rules(Requirement.credits("c", 5, staleDate)), StackingIssueCode.REFERENCE_DATE_WITHOUT_WINDOW,
            "$.where.referenceDate", "is the reference date of withinYears, which is not set"),
        Arguments.of(rules(A, Map.of(), caps(BigDecimal.TEN, Cap.maxShare("rpl", Filter.ANY, new BigDecimal("1.5"))),
            List.of()), StackingIssueCode.SHARE_OUT_OF_RANGE, "$.constraints.caps[0].share",
            "a share must be within [0, 1], got 1.5"),
        Arguments.of(rules(A, Map.of(), caps(BigDecimal.ZERO, Cap.maxShare("rpl", Filter.ANY, new BigDecimal("0.5"))),
            List.of()), StackingIssueCode.SHARE_WITHOUT_TOTAL, "$.constraints.caps[0].share",
            "a share cap needs constraints.totalCredits"),
        Arguments.of(rules(A, Map.of(), NONE, List.of(new DoubleCount(Set.of("a"), Set.of()))),
            StackingIssueCode.TOO_FEW_REQUIREMENTS, "$.doubleCounting[0].requirements",
            "name at least two requirements"),
        Arguments.of(rules(Requirement.allOf("r", Requirement.ref("core"))), StackingIssueCode.UNKNOWN_REFERENCE,
            "$/core", "unknown requirement reference 'core' (defined: [])"),
        Arguments.of(rules(Requirement.ref("a"), Map.of("a", Requirement.allOf("", Requirement.ref("a"))), NONE,
            List.of()), StackingIssueCode.CYCLIC_REFERENCE, "$/a", "cyclic requirement reference a -> a"),
        Arguments.of(doubling(13), StackingIssueCode.TOO_LARGE, "$.definitions.d_12", null));
  }

  /** d_i is allOf(d_(i-1), d_(i-1)): written out, d_12 is the first definition over the node limit. */
  static Rules doubling(int levels) {
    Map<String, Requirement> defs = new LinkedHashMap<>();
    defs.put("d_0", Requirement.credential("", "MC-0"));
    for (int i = 1; i <= levels; i++) {
      defs.put("d_" + i, Requirement.allOf("", Requirement.ref("d_" + (i - 1)), Requirement.ref("d_" + (i - 1))));
    }
    return rules(Requirement.ref("d_" + levels), defs, NONE, List.of());
  }

  @ParameterizedTest
  @MethodSource("faults")
  void eachFaultHasItsCodeAndPathApartFromTheMessage(Rules rules, StackingIssueCode code, String path,
      String message) {
    List<Issue> problems = rules.problems();
    Issue i = problems.stream().filter(p -> p.code() == code).findFirst()
        .orElseThrow(() -> new AssertionError("no " + code + " in " + problems));
    SEEN.add(code);
    assertEquals(StackingIssueCode.Category.RULES, code.category());
    assertEquals(path, i.path(), problems.toString());
    assertEquals(Severity.ERROR, i.severity());
    assertEquals("stacking", i.code().module());
    if (message != null) {
      assertEquals(message, i.message());
    }
    assertTrue(!i.message().startsWith("$"), "the path is not repeated in the message: " + i.message());
    StackingException e = assertThrows(StackingException.class, rules::validated);
    assertEquals(StackingErrorCode.RULES_INVALID, e.code());
    assertTrue(e.getMessage().contains(i.path() + ": " + i.message()), e.getMessage());
  }

  @Test
  void validRulesHaveNoProblems() {
    assertEquals(List.of(), rules(Requirement.allOf("r", A, Requirement.credits("el", 5, Filter.ANY))).problems());
  }

  @AfterAll
  static void everyCodeIsProducedBySomeFault() {
    // runs after the parameterized cases: a rules code no rule fault produces is dead vocabulary (the shortfall
    // codes are the audit's, ShortfallIssueTest)
    if (!SEEN.isEmpty()) {
      Set<StackingIssueCode> rulesCodes = EnumSet.noneOf(StackingIssueCode.class);
      for (StackingIssueCode c : StackingIssueCode.values()) {
        if (c.category() == StackingIssueCode.Category.RULES) {
          rulesCodes.add(c);
        }
      }
      assertEquals(rulesCodes, SEEN);
    }
  }
}
