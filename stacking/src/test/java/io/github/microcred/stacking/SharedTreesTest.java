package io.github.microcred.stacking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.microcred.core.CreditUnit;
import io.github.microcred.core.Issue;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.StringJoiner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Requirement and filter trees built in Java as an attacker would: 100,000 levels deep, or a DAG of depth 60 whose
 * levels share one child (2^60 paths). Their equals, hashCode and toString run without recursion, each shared object
 * once (the records' generated methods were a {@link StackOverflowError} on the first and ran for ever on the
 * second); the rules validator refuses the DAG with one typed problem instead of walking its paths. Small random
 * trees, some sharing subtrees, are checked against a recursive oracle over the record components.
 */
class SharedTreesTest {
  private static final int N = 100_000;

  private static Requirement tower(int depth, String leaf) {
    Requirement r = Requirement.credential("leaf", leaf);
    for (int i = 1; i < depth; i++) {
      r = Requirement.allOf("", r);
    }
    return r;
  }

  /** depth levels, each an allOf holding the level below twice (the same object). */
  private static Requirement dag(int depth, String leaf) {
    Requirement r = Requirement.credential("", leaf);
    for (int i = 1; i < depth; i++) {
      r = Requirement.allOf("", r, r);
    }
    return r;
  }

  private static Filter filterDag(int depth, String tag) {
    Filter f = Filter.builder().tags(tag).build();
    for (int i = 1; i < depth; i++) {
      f = Filter.builder().anyOf(List.of(f, f)).build();
    }
    return f;
  }

  @Test
  void towers100000DeepCompareHashAndPrint() {
    Requirement a = tower(N, "MC-1");
    Requirement b = tower(N, "MC-1");
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, tower(N, "MC-2"));
    assertNotEquals(a, tower(N - 1, "MC-1"));
    String text = a.toString();
    assertEquals(100_000, text.length());
    assertTrue(text.startsWith("Requirement[kind=ALL_OF, id=, children=[Requirement[kind=ALL_OF, id=, "), text
        .substring(0, 100));
    assertTrue(text.endsWith("..."));
    Filter f = Filter.builder().tags("t").build();
    Filter g = Filter.builder().tags("t").build();
    for (int i = 0; i < N; i++) {
      f = Filter.builder().noneOf(List.of(f)).build();
      g = Filter.builder().noneOf(List.of(g)).build();
    }
    assertEquals(f, g);
    assertEquals(f.hashCode(), g.hashCode());
    assertEquals(100_000, f.toString().length());
  }

  @Test
  void dagsOfDepth60CompareHashAndPrintInLinearTime() {
    Requirement a = dag(60, "MC-1");
    Requirement b = dag(60, "MC-1");
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, dag(60, "MC-2"));
    assertEquals(100_000, a.toString().length());
    Filter f = filterDag(60, "t");
    assertEquals(f, filterDag(60, "t"));
    assertEquals(f.hashCode(), filterDag(60, "t").hashCode());
    assertNotEquals(f, filterDag(60, "u"));
    Rules r1 = raw(dag(60, "MC-1"), List.of());
    assertEquals(r1, raw(dag(60, "MC-1"), List.of()));
    assertEquals(r1.hashCode(), raw(dag(60, "MC-1"), List.of()).hashCode());
  }

  private static Rules raw(Requirement root, List<Cap> caps) {
    return new Rules("dag", "", CreditUnit.ECTS, root, Map.of(), new Constraints(BigDecimal.ZERO, BigDecimal.ZERO,
        0, caps), List.of());
  }

  @Test
  void theValidatorRefusesADagWithOneProblemInsteadOfWalkingItsPaths() {
    List<Issue> p = raw(dag(60, "MC-1"), List.of()).problems();
    assertEquals(1, p.size(), p.toString());
    assertEquals(StackingIssueCode.TOO_LARGE, p.get(0).code());
    assertEquals("$", p.get(0).path());
    assertTrue(p.get(0).message().startsWith("the requirements and filters written out (a shared object once per "
        + "place it stands) have more than 1000000 nodes by here (JSON path $.requirement); "), p.get(0).message());
    StackingException e = assertThrows(StackingException.class,
        () -> Rules.builder("dag").requirement(dag(60, "MC-1")).build());
    assertEquals(StackingErrorCode.RULES_INVALID, e.code());
    List<Issue> leaf = raw(Requirement.count("", 1, filterDag(60, "t")), List.of()).problems();
    assertEquals(1, leaf.size(), leaf.toString());
    assertEquals(StackingIssueCode.TOO_LARGE, leaf.get(0).code());
    List<Issue> cap = raw(Requirement.count("", 1, Filter.ANY), List.of(Cap.maxCount("c", filterDag(60, "t"), 1)))
        .problems();
    assertEquals("$.constraints.caps[0].where", cap.get(0).path(), cap.toString());
    assertTrue(cap.get(0).message().contains("more than 1000000 nodes by here; "), cap.toString());
  }

  @Test
  void aSmallSharedDagStillAuditsAsItsWrittenOutTree() throws Exception {
    Rules rules = Rules.builder("small").requirement(dag(8, "MC-1")).build();
    Transcript one = Transcript.of(Credential.builder("MC-1").credits(5, "ECTS").issued(LocalDate.of(2025, 1, 1))
        .build());
    // 128 copies of one leaf: one credential counts toward one copy only
    assertTrue(!Stacking.audit(rules, one, LocalDate.of(2026, 1, 1)).satisfied());
    Rules filters = Rules.builder("f").requirement(Requirement.count("", 1, filterDag(10, "t"))).build();
    Transcript tagged = Transcript.of(Credential.builder("MC-1").tags("t").issued(LocalDate.of(2025, 1, 1)).build());
    assertTrue(Stacking.audit(filters, tagged, LocalDate.of(2026, 1, 1)).satisfied());
  }

  // ---- random small trees against a recursive oracle over the record components

  private static final class Gen {
    final SplittableRandom rnd;
    final List<Requirement> reqs = new ArrayList<>();
    final List<Filter> filters = new ArrayList<>();

    Gen(long seed) {
      rnd = new SplittableRandom(seed);
    }

    Filter filter(int depth) {
      if (!filters.isEmpty() && rnd.nextInt(4) == 0) {
        return filters.get(rnd.nextInt(filters.size()));
      }
      Filter.Builder b = Filter.builder();
      switch (rnd.nextInt(4)) {
        case 0 -> b.tags("t");
        case 1 -> b.tags("t", "u");
        case 2 -> b.minLevel(rnd.nextInt(2));
        default -> { }
      }
      if (depth > 0 && rnd.nextBoolean()) {
        List<Filter> kids = new ArrayList<>();
        for (int i = rnd.nextInt(3); i > 0; i--) {
          kids.add(filter(depth - 1));
        }
        switch (rnd.nextInt(3)) {
          case 0 -> b.allOf(kids);
          case 1 -> b.anyOf(kids);
          default -> b.noneOf(kids);
        }
      }
      Filter f = b.build();
      filters.add(f);
      return f;
    }

    Requirement req(int depth) {
      if (!reqs.isEmpty() && rnd.nextInt(4) == 0) {
        return reqs.get(rnd.nextInt(reqs.size()));
      }
      String id = rnd.nextBoolean() ? "" : "a";
      Requirement r;
      if (depth == 0 || rnd.nextInt(3) == 0) {
        r = rnd.nextBoolean() ? Requirement.credential(id, rnd.nextBoolean() ? "MC-1" : "MC-2")
            : Requirement.count(id, rnd.nextInt(2), filter(2));
      } else {
        Requirement[] kids = new Requirement[rnd.nextInt(3)];
        for (int i = 0; i < kids.length; i++) {
          kids[i] = req(depth - 1);
        }
        r = switch (rnd.nextInt(3)) {
          case 0 -> Requirement.allOf(id, kids);
          case 1 -> Requirement.anyOf(id, kids);
          default -> Requirement.nOf(id, rnd.nextInt(2), kids);
        };
      }
      reqs.add(r);
      return r;
    }
  }

  private static boolean tree(Object o) {
    return o instanceof Requirement || o instanceof Filter;
  }

  /** The records' generated equality, written out recursively. */
  private static boolean oracleEqual(Object a, Object b) throws Exception {
    if (a instanceof List<?> x && b instanceof List<?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!oracleEqual(x.get(i), y.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (!tree(a)) {
      return a.equals(b);
    }
    if (a.getClass() != b.getClass()) {
      return false;
    }
    for (RecordComponent c : a.getClass().getRecordComponents()) {
      if (!oracleEqual(c.getAccessor().invoke(a), c.getAccessor().invoke(b))) {
        return false;
      }
    }
    return true;
  }

  /** The records' generated text, written out recursively. */
  private static String oracleText(Object a) throws Exception {
    if (a instanceof List<?> x) {
      StringJoiner j = new StringJoiner(", ", "[", "]");
      for (Object e : x) {
        j.add(oracleText(e));
      }
      return j.toString();
    }
    if (!tree(a)) {
      return String.valueOf(a);
    }
    StringJoiner j = new StringJoiner(", ", a.getClass().getSimpleName() + "[", "]");
    for (RecordComponent c : a.getClass().getRecordComponents()) {
      j.add(c.getName() + "=" + oracleText(c.getAccessor().invoke(a)));
    }
    return j.toString();
  }

  @ParameterizedTest
  @ValueSource(longs = {20261208L, 7L, 424242L})
  void randomTreesAgreeWithTheRecursiveOracle(long seed) throws Exception {
    SplittableRandom pick = new SplittableRandom(seed);
    int equalPairs = 0;
    int unequalPairs = 0;
    for (int round = 0; round < 400; round++) {
      long s1 = pick.nextLong();
      // the same seed builds an equal tree of other objects; a seed of a small space often builds an equal one too
      long s2 = pick.nextBoolean() ? s1 : pick.nextInt(8);
      Requirement a = new Gen(pick.nextBoolean() ? s1 : pick.nextInt(8)).req(4);
      Requirement b = new Gen(s2).req(4);
      String at = "seed " + seed + ", round " + round;
      boolean expected = oracleEqual(a, b);
      assertEquals(expected, a.equals(b), at);
      assertEquals(expected, b.equals(a), at);
      if (expected) {
        equalPairs++;
        assertEquals(a.hashCode(), b.hashCode(), at);
      } else {
        unequalPairs++;
      }
      assertEquals(oracleText(a), a.toString(), at);
      assertEquals(oracleText(a.filter()), a.filter().toString(), at);
      assertEquals(oracleEqual(a.filter(), b.filter()), a.filter().equals(b.filter()), at);
    }
    assertTrue(equalPairs > 20 && unequalPairs > 20, "seed " + seed + ": " + equalPairs + " equal, " + unequalPairs
        + " unequal pairs");
  }
}
