package io.github.microcred.stacking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.microcred.stacking.internal.Compiled;
import io.github.microcred.stacking.internal.CreditConverter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Rules with shared references ({@code ref}s to one definition from several places). Semantics: each reference is
 * its own copy of the definition, exactly as if the definition were written out where it is referenced, so a
 * credential counts toward at most one copy (unless whitelisted). The size of the rules written out is measured on
 * the definitions as a DAG (once per definition) and limited, so a small file whose written-out form is exponential
 * is refused at once, naming the definition that crosses the limit, instead of running for minutes.
 */
class SharedReferencesTest {

  /** {@code d_0 = credential MC-0; d_i = allOf(ref d_{i-1}, ref d_{i-1})}; the requirement is {@code ref d_levels}. */
  static String doubling(int levels) {
    StringBuilder b = new StringBuilder("{\"id\": \"dag\", \"unit\": \"ECTS\", \"requirement\": {\"ref\": \"d_" + levels
        + "\"}, \"definitions\": {\"d_0\": {\"credential\": \"MC-0\"}");
    for (int i = 1; i <= levels; i++) {
      b.append(", \"d_").append(i).append("\": {\"allOf\": [{\"ref\": \"d_").append(i - 1).append("\"}, {\"ref\": \"d_")
          .append(i - 1).append("\"}]}");
    }
    return b.append("}}").toString();
  }

  @Test
  void sixteenLevelsOfSharedReferencesAreRefusedAtOnceNamingTheDefinition() {
    // written out, d_i has 2^(i+1) - 1 nodes: d_16 has 65,536 leaves, so it needs 65,536 distinct credentials; d_12
    // is the first definition over the 5,000-node limit (8,191 nodes)
    StackingException e = assertThrows(StackingException.class, () -> Rules.fromJson(doubling(16)));
    assertEquals(StackingErrorCode.RULES_INVALID, e.code());
    assertTrue(e.getMessage().contains("$.definitions.d_12: the rules written out"), e.getMessage());
    assertTrue(e.getMessage().contains("more than 5000 requirement nodes (8191)"), e.getMessage());
  }

  @Test
  void fortyLevelsOfSharedReferencesAreRefusedAtOnceNamingTheDefinition() {
    // 3.6 KB of JSON, 2^41 - 1 nodes written out: measured per definition, never expanded
    String json = doubling(40);
    assertTrue(json.length() < 4_000, "" + json.length());
    StackingException e = assertThrows(StackingException.class, () -> Rules.fromJson(json));
    assertTrue(e.getMessage().contains("$.definitions.d_12: the rules written out"), e.getMessage());
    // the Java builder and an audit of rules built without validation say the same
    Rules unchecked = assertDoesNotThrowRead(json);
    StackingException a = assertThrows(StackingException.class, () -> Stacking.audit(unchecked,
        Transcript.of(), RandomInstances.AS_OF));
    assertTrue(a.getMessage().contains("$.definitions.d_12"), a.getMessage());
  }

  @Test
  void fortyLevelsAreMeasuredOnTheDefinitionsWithoutExpanding() throws Exception {
    // the size is computed on the reference graph, once per definition: refusing 2^41 - 1 written-out nodes takes a
    // few megabytes at most (an expansion of just d_12 allocates more; of d_40, terabytes). Memory, not time, is
    // asserted; skipped on a JVM without per-thread allocation counters
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    org.junit.jupiter.api.Assumptions.assumeTrue(mx instanceof com.sun.management.ThreadMXBean);
    com.sun.management.ThreadMXBean hs = (com.sun.management.ThreadMXBean) mx;
    org.junit.jupiter.api.Assumptions.assumeTrue(hs.isThreadAllocatedMemorySupported()
        && hs.isThreadAllocatedMemoryEnabled());
    String json = doubling(40);
    Rules unchecked = assertDoesNotThrowRead(json);
    long tid = Thread.currentThread().getId();
    long before = hs.getThreadAllocatedBytes(tid);
    io.github.microcred.stacking.internal.FlatTree t = io.github.microcred.stacking.internal.FlatTree.of(unchecked);
    long used = hs.getThreadAllocatedBytes(tid) - before;
    assertEquals(1, t.problems.size(), t.problems.toString());
    assertEquals("$.definitions.d_12", t.problems.get(0).path(), t.problems.toString());
    assertEquals(StackingIssueCode.TOO_LARGE, t.problems.get(0).code(), t.problems.toString());
    assertTrue(t.problems.get(0).message().startsWith("the rules written out"), t.problems.toString());
    assertTrue(t.nodes.size() <= 2, "expanded " + t.nodes.size() + " nodes");
    assertTrue(used < 4_000_000, "allocated " + used + " bytes");
    // within the limit (d_11: 4,095 nodes) the same rules are written out in full: the measure is of that expansion
    Rules eleven = Rules.fromJson(doubling(11));
    assertEquals(4_095, io.github.microcred.stacking.internal.FlatTree.of(eleven).nodes.size());
  }

  static Rules assertDoesNotThrowRead(String json) {
    try {
      return io.github.microcred.stacking.internal.RulesJson.read(json);
    } catch (StackingException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void deepChainsOfReferencesAreRefusedWithTheirPath() {
    StringBuilder b = new StringBuilder("{\"id\": \"deep\", \"unit\": \"ECTS\", \"requirement\": {\"ref\": \"c_300\"},"
        + " \"definitions\": {\"c_0\": {\"credential\": \"MC-0\"}");
    for (int i = 1; i <= 300; i++) {
      b.append(", \"c_").append(i).append("\": {\"allOf\": [{\"ref\": \"c_").append(i - 1).append("\"}]}");
    }
    StackingException e = assertThrows(StackingException.class, () -> Rules.fromJson(b.append("}}").toString()));
    assertTrue(e.getMessage().contains("$.definitions.c_100: the rules written out") && e.getMessage()
        .contains("nest deeper than 100 levels (101)"), e.getMessage());
  }

  @Test
  void aDefinitionReferencedTwiceNeedsTwoCredentialsAndHasTwoPaths() throws Exception {
    Rules rules = Rules.fromJson(doubling(1));
    Credential one = Credential.builder("MC-0").credits(5, "ECTS").issued(RandomInstances.AS_OF.minusDays(1))
        .build();
    AuditResult r = Stacking.audit(rules, Transcript.of(one), RandomInstances.AS_OF);
    assertTrue(!r.satisfied(), r.summary());
    // the two copies have distinct paths: the second reference falls back to its index
    List<String> paths = r.requirements().stream().map(RequirementStatus::path).toList();
    assertTrue(paths.contains("$/d_0") && paths.contains("$/1"), paths.toString());
    assertEquals(paths.size(), paths.stream().distinct().count(), paths.toString());
  }

  // --- oracle on small DAG instances -------------------------------------------------------------------------

  /** Small rules whose definitions reference each other, several times each; ids only at the top level. */
  static Rules randomDag(SplittableRandom r, int nc) throws StackingException {
    Map<String, Requirement> defs = new LinkedHashMap<>();
    List<String> names = new ArrayList<>();
    int nd = 1 + r.nextInt(3);
    for (int d = 0; d < nd; d++) {
      List<Requirement> kids = new ArrayList<>();
      int k = 1 + r.nextInt(2);
      for (int i = 0; i < k; i++) {
        if (!names.isEmpty() && r.nextInt(3) > 0) {
          kids.add(Requirement.ref(names.get(r.nextInt(names.size()))));
        } else {
          kids.add(leaf(r, nc));
        }
      }
      names.add("d" + d);
      defs.put("d" + d, combinator(r, kids));
    }
    List<Requirement> top = new ArrayList<>();
    for (int i = 0; i < 2 + r.nextInt(2); i++) {
      top.add(r.nextInt(4) > 0 ? Requirement.ref(names.get(r.nextInt(names.size()))) : leaf(r, nc));
    }
    Rules.Builder b = Rules.builder("dag").unit("ECTS").requirement(combinator(r, top));
    defs.forEach(b::define);
    if (r.nextInt(3) == 0) {
      b.totalCredits(1 + r.nextInt(12));
    }
    if (r.nextInt(3) == 0) {
      b.cap(Cap.maxPerProvider("perProvider", BigDecimal.valueOf(3 + r.nextInt(8))));
    }
    return b.build();
  }

  static Requirement combinator(SplittableRandom r, List<Requirement> kids) {
    Requirement[] k = kids.toArray(new Requirement[0]);
    int t = r.nextInt(3);
    return t == 0 ? Requirement.allOf("", k) : t == 1 ? Requirement.anyOf("", k)
        : Requirement.nOf("", 1 + r.nextInt(k.length), k);
  }

  static Requirement leaf(SplittableRandom r, int nc) {
    int t = r.nextInt(4);
    return t == 0 ? Requirement.credits("", 1 + r.nextInt(6), RandomInstances.randomFilter(r))
        : t == 1 ? Requirement.count("", 1 + r.nextInt(2), RandomInstances.randomFilter(r))
        : t == 2 ? Requirement.credential("", "C" + r.nextInt(nc)) : Requirement.equivalent("", "C" + r.nextInt(nc),
            "C" + r.nextInt(nc));
  }

  /** The rules written out by hand: every reference replaced by its definition (independent of the compiler). */
  static Requirement inline(Requirement q, Map<String, Requirement> defs) {
    if (q.kind() == Requirement.Kind.REF) {
      return inline(defs.get(q.ref()), defs);
    }
    List<Requirement> kids = q.children().stream().map(c -> inline(c, defs)).toList();
    return new Requirement(q.kind(), q.id(), kids, q.n(), q.amount(), q.filter(), q.ref());
  }

  static void countRefs(Requirement q, Map<String, Integer> refs) {
    if (q.kind() == Requirement.Kind.REF) {
      refs.merge(q.ref(), 1, Integer::sum);
    }
    q.children().forEach(c -> countRefs(c, refs));
  }

  @Test
  void sharedReferencesAuditAsTheirWrittenOutRulesAndMatchBruteForce() throws Exception {
    SplittableRandom master = new SplittableRandom(20261206L);
    int shared = 0;
    int satisfied = 0;
    for (int i = 0; i < 1500; i++) {
      long seed = master.nextLong();
      SplittableRandom r = new SplittableRandom(seed);
      int nc = 1 + r.nextInt(7);
      Rules dag = randomDag(r, nc);
      Transcript transcript = RandomInstances.generate(r, nc, 1).transcript();
      Rules flat = new Rules(dag.id(), dag.title(), dag.unit(), inline(dag.root(), dag.definitions()), Map.of(),
          dag.constraints(), dag.doubleCounting()).validated();
      Compiled k = Compiled.of(dag, transcript.credentials(), RandomInstances.AS_OF,
          new CreditConverter(io.github.microcred.core.CreditConversions.defaults()));
      if (k.p.nL > 9) {
        continue;
      }
      long[] oracle = BruteForce.solve(k.p);
      AuditResult a = Stacking.audit(dag, transcript, RandomInstances.AS_OF);
      AuditResult w = Stacking.audit(flat, transcript, RandomInstances.AS_OF);
      String msg = "case " + i + " seed " + seed + "\n" + dag.toJson() + "\n" + a.summary();
      long[] got = {a.satisfied() ? 1 : 0, a.appliedCredits().movePointRight(k.scale).longValueExact(),
          a.appliedCount(), a.countedCredits().movePointRight(k.scale).longValueExact()};
      assertEquals(Arrays.toString(oracle), Arrays.toString(got), msg);
      assertEquals(w.satisfied(), a.satisfied(), msg + "\nwritten out:\n" + w.summary());
      assertEquals(0, w.appliedCredits().compareTo(a.appliedCredits()), msg);
      assertEquals(w.appliedCount(), a.appliedCount(), msg);
      assertEquals(0, w.countedCredits().compareTo(a.countedCredits()), msg);
      assertEquals(w.requirements().size(), a.requirements().size(), msg);
      Invariants.check(dag, transcript, RandomInstances.AS_OF, a, msg);
      Map<String, Integer> refs = new java.util.HashMap<>();
      countRefs(dag.root(), refs);
      dag.definitions().values().forEach(d -> countRefs(d, refs));
      shared += refs.values().stream().anyMatch(n -> n > 1) ? 1 : 0;
      satisfied += a.satisfied() ? 1 : 0;
    }
    assertTrue(shared > 300, "instances with a definition referenced more than once: " + shared);
    assertTrue(satisfied > 100 && satisfied < 1300, "satisfied " + satisfied);
  }
}
