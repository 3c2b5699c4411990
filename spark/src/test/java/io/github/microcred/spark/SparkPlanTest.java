package io.github.microcred.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.stacking.AuditResult;
import io.github.microcred.stacking.Catalogue;
import io.github.microcred.stacking.Plan;
import io.github.microcred.stacking.PlanOptions;
import io.github.microcred.stacking.Rules;
import io.github.microcred.stacking.Stacking;
import io.github.microcred.stacking.StackingException;
import io.github.microcred.stacking.Transcript;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark completion plans against the in-process planner, row by row: seeded learners, two rule sets, a catalogue
 * with prices, hours and prerequisites; each unsatisfied learner's plan equal to
 * {@code Stacking.planner(rules, catalogue).plan(transcript, asOf)} (and its JSON), with budgets.
 */
class SparkPlanTest {
  static final long SEED = 0x18_91a2L;

  /** Items MC-000..MC-024 (some learners hold some of them), priced and timed, a few with prerequisites. */
  static String catalogue(SplittableRandom r) {
    ObjectNode o = Generated.JSON.createObjectNode();
    ArrayNode items = o.putArray("items");
    for (int i = 0; i < 25; i++) {
      ObjectNode c = items.addObject().put("id", String.format("MC-%03d", i));
      c.put("credits", Generated.CREDITS[r.nextInt(Generated.CREDITS.length)]);
      c.put("level", 5 + r.nextInt(3));
      c.put("provider", "p" + r.nextInt(4));
      c.put("kind", i % 4 == 0 ? "project" : "course");
      ArrayNode s = c.putArray("subjects");
      s.add(Generated.SUBJECTS[i % 3]);
      c.put("cost", 100 + r.nextInt(10) * 50);
      c.put("hours", 25 + r.nextInt(4) * 25);
      if (i >= 20) {
        c.putArray("prerequisites").add(String.format("MC-%03d", i - 10));
      }
    }
    return o.toString();
  }

  @Test
  void unsatisfiedLearnersGetTheInProcessPlanRowByRow(@TempDir Path dir) throws Exception {
    System.out.println("SparkPlanTest seed " + Long.toHexString(SEED));
    SplittableRandom r = new SplittableRandom(SEED);
    String catalogueJson = catalogue(r);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      lines.add(Generated.line(r, String.format("L%04d", i)));
    }
    Path file = dir.resolve("t.jsonl");
    Files.write(file, lines, StandardCharsets.UTF_8);
    List<Rules> rules = SparkAuditTest.sortedRules();
    List<PlanRow> got = SparkStacking.planner(rules, catalogueJson).withAsOf(Generated.AS_OF)
        .withObjective(Plan.Objective.HOURS).plan(SparkStacking.jsonLines(LocalSpark.get(), file.toString()))
        .orderBy("learner", "qualification").collectAsList().stream()
        .map(x -> PlanRow.of(x).withElapsedMicros(0)).toList();

    Catalogue catalogue = Catalogue.fromJson(catalogueJson);
    long budget = PlanOptions.DEFAULT_BUDGET.toMillis();
    List<PlanRow> want = new ArrayList<>();
    int satisfied = 0;
    for (int i = 0; i < lines.size(); i++) {
      String learner = String.format("L%04d", i);
      Transcript t;
      try {
        t = Transcript.fromJson(Generated.transcript(lines.get(i)));
      } catch (StackingException e) {
        for (Rules rule : rules) {
          want.add(PlanRow.invalid(learner, rule.id(), e.getMessage(), budget));
        }
        continue;
      }
      for (Rules rule : rules) {
        AuditResult a = Stacking.audit(rule, t, Generated.AS_OF);
        if (a.satisfied()) {
          satisfied++;
          continue;
        }
        Plan p = Stacking.planner(rule, catalogue).withObjective(Plan.Objective.HOURS).plan(t, Generated.AS_OF);
        want.add(PlanRow.of(learner, rule.id(), a.status().name(), p, budget, 0));
      }
    }
    java.util.Set<String> wantKeys = new java.util.TreeSet<>();
    want.forEach(w -> wantKeys.add(w.learner() + " " + w.qualification() + " " + w.status()));
    java.util.Set<String> gotKeys = new java.util.TreeSet<>();
    got.forEach(g -> gotKeys.add(g.learner() + " " + g.qualification() + " " + g.status()));
    java.util.Set<String> onlyWant = new java.util.TreeSet<>(wantKeys);
    onlyWant.removeAll(gotKeys);
    java.util.Set<String> onlyGot = new java.util.TreeSet<>(gotKeys);
    onlyGot.removeAll(wantKeys);
    assertEquals(want.size(), got.size(), "in process only: " + onlyWant.stream().limit(5).toList()
        + "; Spark only: " + onlyGot.stream().limit(5).toList() + "; satisfied in process " + satisfied);
    for (int i = 0; i < want.size(); i++) {
      assertEquals(want.get(i), got.get(i), "row " + i + " (seed " + Long.toHexString(SEED) + ")");
    }
    assertTrue(satisfied > 0, "some pairs are satisfied and get no row");
    assertTrue(got.stream().anyMatch(p -> p.complete() && !p.items().isEmpty()), "some plans complete");
    assertTrue(got.stream().filter(p -> p.complete()).allMatch(p -> p.optimal()), "every plan proven optimal");
    assertTrue(got.stream().anyMatch(p -> p.status().equals(AuditRow.INVALID)), "an invalid line gives a row");
    assertFalse(got.stream().anyMatch(p -> p.status().equals("SATISFIED")));
  }

  @Test
  void budgetsAndInputRowsAreCheckedAsTheAuditChecksThem() throws Exception {
    List<Rules> rules = SparkAuditTest.sortedRules();
    SparkPlanner planner = SparkStacking.planner(rules, catalogue(new SplittableRandom(SEED)));
    String refused = assertThrows(IllegalArgumentException.class,
        () -> Stacking.auditor(rules.get(0)).withBudget(java.time.Duration.ZERO)).getMessage();
    assertEquals("budget: must be positive, got PT0S", refused);
    assertEquals(refused, assertThrows(IllegalArgumentException.class,
        () -> planner.withBudget(java.time.Duration.ZERO)).getMessage());
    assertEquals(refused.replace("PT0S", "PT-1S"), assertThrows(IllegalArgumentException.class,
        () -> planner.withAuditBudget(java.time.Duration.ofSeconds(-1))).getMessage());
    assertEquals(refused, assertThrows(IllegalArgumentException.class,
        () -> SparkStacking.auditor(rules).withBudget(java.time.Duration.ZERO)).getMessage());
    assertThrows(NullPointerException.class, () -> planner.withBudget(null));

    // a row without learner or transcript: the planner's INVALID rows name what the audit's name
    AuditSpec audit = new AuditSpec(SparkAuditor.portable(rules), Generated.AS_OF,
        java.time.Duration.ofSeconds(10), false, false);
    Object[][] compiled = planner.spec().compile();
    String line = Generated.transcript(Generated.line(new SplittableRandom(SEED), "L0"));
    String[][] inputs = {{null, line, null}, {"L1", null, null}, {"L2", "{\"credential\":[]}", null},
        {"L3", line, "$: not JSON"}};
    for (String[] in : inputs) {
      List<PlanRow> planned = SparkPlanner.planOne(planner.spec(), compiled, in[0], in[1], in[2], null);
      List<AuditRow> audited = AuditSpec.audit(audit, audit.compile(), in[0], in[1], in[2]).stream()
          .map(AuditRow::of).toList();
      assertEquals(rules.size(), planned.size(), java.util.Arrays.toString(in));
      for (int i = 0; i < rules.size(); i++) {
        assertEquals(AuditRow.INVALID, planned.get(i).status());
        assertEquals(AuditRow.INVALID, audited.get(i).status());
        assertEquals(audited.get(i).learner(), planned.get(i).learner(), java.util.Arrays.toString(in));
        assertEquals(audited.get(i).error(), planned.get(i).error(), java.util.Arrays.toString(in));
      }
    }
    assertEquals("", SparkPlanner.planOne(planner.spec(), compiled, null, line, null, null).get(0).learner());
    assertEquals("$.learner: missing (null)",
        SparkPlanner.planOne(planner.spec(), compiled, null, line, null, null).get(0).error());
    assertEquals("$: no transcript",
        SparkPlanner.planOne(planner.spec(), compiled, "L1", null, null, null).get(0).error());
  }

  @Test
  void theCatalogueIsCheckedOnTheDriver() {
    assertThrows(StackingException.class, () -> SparkStacking.planner(SparkAuditTest.sortedRules(),
        "{\"items\":[{\"id\":\"a\",\"prerequisites\":[\"b\"]},{\"id\":\"b\",\"prerequisites\":[\"a\"]}]}"));
  }
}
