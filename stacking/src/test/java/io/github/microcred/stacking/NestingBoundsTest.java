package io.github.microcred.stacking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.microcred.core.CreditUnit;
import io.github.microcred.core.Issue;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hostile depth: rules, transcripts and catalogues nested 100,000 levels deep, as text or built in Java, and a
 * catalogue whose prerequisites chain 100,000 items, each refused (or read) with a typed error naming where it went
 * too deep, never a {@link StackOverflowError}.
 */
class NestingBoundsTest {
  private static final int N = 100_000;

  private static String nested(int n) {
    return "[".repeat(n) + "]".repeat(n);
  }

  /**
   * Text whose container at {@code head} goes 100,000 deep: refused at 1,000 levels with the path (shortened), line
   * and column: the column of the refused bracket, the {@code 1001 - levelsBefore}th after the head.
   */
  private static void assertRefused(String head, int levelsBefore, String pathStart, StackingErrorCode code,
      ThrowingRead read) {
    StackingException e = assertThrows(StackingException.class, () -> read.read(head + nested(N) + "}"));
    assertEquals(code, e.code());
    String m = e.getMessage();
    assertTrue(m.startsWith(pathStart + "[0][0][0]"), m);
    int column = head.length() + (1001 - levelsBefore);
    assertTrue(m.contains("[0][0]...[0][0]"), m);
    assertTrue(m.contains("[0]: not JSON: line 1, column " + column
        + ": nested deeper than 1000 levels of arrays and objects; expected "), m);
  }

  @FunctionalInterface
  private interface ThrowingRead {
    Object read(String text) throws StackingException;
  }

  @Test
  void deepTextNamesThePathLineAndColumn() {
    assertRefused("{\"id\":\"x\",\"unit\":\"ECTS\",\"requirement\":", 1, "$.requirement",
        StackingErrorCode.RULES_INVALID, Rules::fromJson);
    assertRefused("{\"credentials\":[{\"id\":\"a\",\"tags\":", 3, "$.credentials[0].tags",
        StackingErrorCode.TRANSCRIPT_INVALID, Transcript::fromJson);
    assertRefused("{\"items\":[{\"id\":\"a\",\"odd key\":", 3, "$.items[0]['odd key']",
        StackingErrorCode.CATALOGUE_INVALID, Catalogue::fromJson);
  }

  @Test
  void otherSyntaxErrorsNameLineAndColumn() {
    StackingException e = assertThrows(StackingException.class, () -> Rules.fromJson("{\n  \"id\": ,\n}"));
    assertTrue(e.getMessage().startsWith("$: not JSON: line 2, column 9: "), e.getMessage());
    StackingException t = assertThrows(StackingException.class, () -> Transcript.fromJson("{\"credentials\": [}"));
    assertTrue(t.getMessage().startsWith("$: not JSON: line 1, column 18: "), t.getMessage());
  }

  /** {@code depth} allOf levels in all, each with its own id, around one credential leaf. */
  private static Requirement tower(int depth) {
    Requirement r = Requirement.credential("leaf", "MC-1");
    for (int i = depth - 1; i >= 1; i--) {
      r = Requirement.allOf("", r);
    }
    return r;
  }

  private static Rules raw(Requirement root, Map<String, Requirement> defs, List<Cap> caps) {
    return new Rules("deep", "", CreditUnit.ECTS, root, defs, new Constraints(java.math.BigDecimal.ZERO,
        java.math.BigDecimal.ZERO, 0, caps), List.of());
  }

  @Test
  void requirementsBuiltInJava100000DeepAreOneProblemAtTheirRulePath() {
    Rules rules = raw(tower(N), Map.of(), List.of());
    List<Issue> p = rules.problems();
    assertEquals(1, p.size(), p.toString());
    assertEquals(StackingIssueCode.TOO_LARGE, p.get(0).code());
    // the first node past 100 levels: the root is "$", each level below it one child index
    assertEquals("$" + "/0".repeat(100), p.get(0).path());
    assertTrue(p.get(0).message().startsWith("requirements nest deeper than 100 levels here (JSON path "
        + "$.requirement" + ".allOf[0]".repeat(6) + "...allOf[0].allOf[0]"), p.get(0).message());
    StackingException e = assertThrows(StackingException.class,
        () -> Rules.builder("deep").requirement(tower(N)).build());
    assertEquals(StackingErrorCode.RULES_INVALID, e.code());
    StackingException audit = assertThrows(StackingException.class,
        () -> Stacking.audit(rules, Transcript.of(), LocalDate.of(2026, 1, 1)));
    assertEquals(StackingErrorCode.RULES_INVALID, audit.code());
  }

  @Test
  void theRequirementBoundIsExact() throws Exception {
    Rules fits = Rules.builder("ok").requirement(tower(100)).build();
    Transcript one = Transcript.of(Credential.builder("MC-1").credits(5, "ECTS").issued(LocalDate.of(2025, 1, 1))
        .build());
    assertTrue(Stacking.audit(fits, one, LocalDate.of(2026, 1, 1)).satisfied());
    List<Issue> p = raw(tower(101), Map.of(), List.of()).problems();
    assertEquals("$" + "/0".repeat(99) + "/leaf", p.get(0).path(), p.toString());
    // in a definition and under nOf ("of"), with ids as path segments
    Requirement named = Requirement.nOf("top", 1, Requirement.allOf("mid", tower(99)));
    List<Issue> d = raw(Requirement.ref("big"), Map.of("big", named), List.of()).problems();
    assertEquals("$definitions/big/mid" + "/0".repeat(98) + "/leaf", d.get(0).path(), d.toString());
    assertTrue(d.get(0).message().contains("(JSON path $.definitions.big.of[0].allOf[0].allOf[0]"),
        d.get(0).message());
  }

  @Test
  void filtersBuiltInJava100000DeepAreOneProblemAtTheirPath() {
    Filter f = Filter.builder().tags("t").build();
    for (int i = 0; i < N; i++) {
      f = Filter.builder().anyOf(List.of(f)).build();
    }
    List<Issue> leaf = raw(Requirement.count("", 1, f), Map.of(), List.of()).problems();
    assertEquals(1, leaf.size(), leaf.toString());
    assertEquals("$.where" + ".anyOf[0]".repeat(100), leaf.get(0).path());
    assertTrue(leaf.get(0).message().startsWith("filters nest deeper than 100 levels here (JSON path "
        + "$.requirement.where.anyOf[0]"), leaf.get(0).message());
    List<Issue> cap = raw(Requirement.count("", 1, Filter.ANY), Map.of(), List.of(Cap.maxCount("c", f, 1)))
        .problems();
    assertEquals("$.constraints.caps[0].where" + ".anyOf[0]".repeat(100), cap.get(0).path(), cap.toString());
    assertTrue(cap.get(0).message().startsWith("filters nest deeper than 100 levels here; "), cap.toString());
  }

  @Test
  void aChainOfReferencesNamesTheNodeAtLevel101() {
    StringBuilder b = new StringBuilder("{\"id\": \"deep\", \"unit\": \"ECTS\", \"requirement\": {\"ref\": \"c_300\"},"
        + " \"definitions\": {\"c_0\": {\"credential\": \"MC-0\"}");
    for (int i = 1; i <= 300; i++) {
      b.append(", \"c_").append(i).append("\": {\"allOf\": [{\"ref\": \"c_").append(i - 1).append("\"}]}");
    }
    StackingException e = assertThrows(StackingException.class, () -> Rules.fromJson(b.append("}}").toString()));
    // c_100 alone is 101 levels written out: c_100, c_99, ..., c_1 and c_0's credential leaf at level 101
    assertTrue(e.getMessage().contains("nest deeper than 100 levels (101) from this definition alone, level 101 is "
        + "$definitions/c_100/c_99/c_98/c_97/c_96/c_95/c_94/c_93/c_92/c_91...") && e.getMessage()
        .contains(".../c_9/c_8/c_7/c_6/c_5/c_4/c_3/c_2/c_1/c_0; share fewer references"), e.getMessage());
  }

  @Test
  void aCatalogueChainOf100000PrerequisitesIsWalkedWithoutRecursion() throws Exception {
    StringBuilder b = new StringBuilder("{\"items\":[");
    for (int i = 0; i < N - 1; i++) {
      b.append("{\"id\":\"c").append(i).append("\",\"credits\":1,\"prerequisites\":[\"c").append(i + 1).append("\"]},");
    }
    String open = b.toString();
    Catalogue ok = Catalogue.fromJson(open + "{\"id\":\"c" + (N - 1) + "\",\"credits\":1}]}");
    assertEquals(N, ok.items().size());
    // closing the chain into a cycle: the message names its ends and how many items it leaves out
    StackingException e = assertThrows(StackingException.class,
        () -> Catalogue.fromJson(open + "{\"id\":\"c" + (N - 1) + "\",\"credits\":1,\"prerequisites\":[\"c0\"]}]}"));
    assertEquals(StackingErrorCode.CATALOGUE_INVALID, e.code());
    assertEquals("$.items[0].prerequisites: cyclic prerequisites c0 -> c1 -> c2 -> c3 -> c4 -> c5 -> c6 -> c7 -> c8"
        + " -> c9 -> ... (99981 more) -> c99991 -> c99992 -> c99993 -> c99994 -> c99995 -> c99996 -> c99997 -> c99998"
        + " -> c99999 -> c0", e.getMessage());
  }
}
