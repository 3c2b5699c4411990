package io.github.microcred.stacking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.microcred.stacking.internal.Compiled;
import io.github.microcred.stacking.internal.CreditConverter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AuditOracleTest {

  @Test
  void exactAuditMatchesBruteForceOn5000SmallInstances() throws Exception {
    SplittableRandom master = new SplittableRandom(20261122L);
    int satisfiedCount = 0;
    for (int i = 0; i < 5000; i++) {
      long seed = master.nextLong();
      RandomInstances.Instance in = RandomInstances.generate(new SplittableRandom(seed), 12, 6);
      Compiled k = Compiled.of(in.rules(), in.transcript().credentials(), RandomInstances.AS_OF,
          new CreditConverter(io.github.microcred.core.CreditConversions.defaults()));
      long[] oracle = BruteForce.solve(k.p);
      AuditResult r = Stacking.audit(in.rules(), in.transcript(), RandomInstances.AS_OF);
      long[] got = {r.satisfied() ? 1 : 0, r.appliedCredits().movePointRight(k.scale).longValueExact(),
          r.appliedCount(), r.countedCredits().movePointRight(k.scale).longValueExact()};
      String msg = "case " + i + " seed " + seed + "\n" + in.rules().toJson() + "\n" + r.summary();
      assertEquals(Arrays.toString(oracle), Arrays.toString(got), msg);
      assertTrue(r.provedOptimal(), msg);
      assertEquals(oracle[0] == 1 ? AuditResult.Status.SATISFIED : AuditResult.Status.NOT_SATISFIED, r.status(), msg);
      Invariants.check(in.rules(), in.transcript(), RandomInstances.AS_OF, r, msg);
      satisfiedCount += r.satisfied() ? 1 : 0;
      if (i % 5 == 0) {
        neverWrongWithTinyBudgets(in, oracle[0] == 1, msg);
      }
    }
    // the generator must exercise both outcomes
    assertTrue(satisfiedCount > 200 && satisfiedCount < 4800, "satisfied " + satisfiedCount);
  }

  static final java.time.Duration[] TINY = {java.time.Duration.ofNanos(1), java.time.Duration.ofNanos(20_000),
      java.time.Duration.ofNanos(300_000)};

  /** With a tiny budget the status may be UNDECIDED, never wrong; a SATISFIED witness always checks out. */
  static void neverWrongWithTinyBudgets(RandomInstances.Instance in, boolean satisfiable, String msg)
      throws StackingException {
    Auditor a = Stacking.auditor(in.rules());
    for (java.time.Duration d : TINY) {
      AuditResult t = a.withBudget(d).audit(in.transcript(), RandomInstances.AS_OF);
      AuditResult.Status want = satisfiable ? AuditResult.Status.SATISFIED : AuditResult.Status.NOT_SATISFIED;
      assertTrue(t.status() == want || t.status() == AuditResult.Status.UNDECIDED,
          msg + "\nbudget " + d + ": " + t.status() + ", oracle " + want);
      assertTrue(t.bound().satisfiable() || !satisfiable, msg + "\nbudget " + d + ": bound " + t.bound());
      if (t.status() == AuditResult.Status.UNDECIDED) {
        assertFalse(t.provedOptimal(), msg);
      }
      Invariants.check(in.rules(), in.transcript(), RandomInstances.AS_OF, t, msg + "\nbudget " + d);
    }
  }

  /**
   * The bulk benchmark's shape, small enough for the oracle: credits from {2,3,4,5,6,10}, each credential tagged for
   * 1-3 random credit requirements under one all-of, demand 70 % of the supply (most are not satisfiable, as in
   * StackingBulkBenchmark), no caps. The objective the search keeps incrementally and its shortcuts for this shape
   * (a greedy flow deciding that a node's bound beats the incumbent, the parent's bound kept below a credential whose
   * leaves are all met) must leave the optimum, the status and the proof as the oracle has them.
   */
  @Test
  void bulkShapedInstancesMatchBruteForce() throws Exception {
    SplittableRandom master = new SplittableRandom(20261206L);
    int[] cr = {2, 3, 4, 5, 6, 10};
    int satisfied = 0;
    for (int i = 0; i < 1500; i++) {
      long seed = master.nextLong();
      SplittableRandom r = new SplittableRandom(seed);
      int nc = 5 + r.nextInt(8);
      int nr = 2 + r.nextInt(5);
      List<Credential> creds = new ArrayList<>();
      long supply = 0;
      for (int c = 0; c < nc; c++) {
        int k = 1 + r.nextInt(3);
        String[] tags = new String[k];
        for (int t = 0; t < k; t++) {
          tags[t] = "r" + r.nextInt(nr);
        }
        int credit = cr[r.nextInt(cr.length)];
        supply += credit;
        creds.add(Credential.builder("C" + c).credits(credit, "ECTS").tags(tags).issued(RandomInstances.AS_OF)
            .build());
      }
      long per = Math.max(1, supply * 70 / 100 / nr);
      Requirement[] reqs = new Requirement[nr];
      for (int q = 0; q < nr; q++) {
        reqs[q] = Requirement.credits("r" + q, Math.max(1, per - 2 + r.nextInt(5)),
            Filter.builder().tags("r" + q).build());
      }
      Rules rules = Rules.builder("bulk").unit("ECTS").requirement(Requirement.allOf("root", reqs)).build();
      Transcript t = new Transcript(creds);
      Compiled k = Compiled.of(rules, creds, RandomInstances.AS_OF,
          new CreditConverter(io.github.microcred.core.CreditConversions.defaults()));
      long[] oracle = BruteForce.solve(k.p);
      AuditResult a = Stacking.audit(rules, t, RandomInstances.AS_OF);
      long[] got = {a.satisfied() ? 1 : 0, a.appliedCredits().longValueExact(), a.appliedCount(),
          a.countedCredits().longValueExact()};
      String msg = "case " + i + " seed " + seed + "\n" + rules.toJson() + "\n" + a.summary();
      assertEquals(Arrays.toString(oracle), Arrays.toString(got), msg);
      assertTrue(a.provedOptimal(), msg);
      assertEquals(oracle[0] == 1 ? AuditResult.Status.SATISFIED : AuditResult.Status.NOT_SATISFIED, a.status(), msg);
      Invariants.check(rules, t, RandomInstances.AS_OF, a, msg);
      satisfied += a.satisfied() ? 1 : 0;
    }
    assertTrue(satisfied > 50 && satisfied < 1450, "satisfied " + satisfied);
  }

  /**
   * The shapes of issue 12 at brute-force size: partition-like credit sums (every credential eligible for every
   * credit requirement, supply within a few credits of demand), tight satisfiable instances (a home assignment meets
   * every demand exactly, plus decoy tags), and a definition referenced from two places (shared references). The
   * three-valued status equals the oracle's, with a full budget and, UNDECIDED allowed, with tiny ones.
   */
  @Test
  void threeValuedStatusMatchesBruteForceOnIssue12Shapes() throws Exception {
    SplittableRandom master = new SplittableRandom(1212L);
    int[] sat = new int[3];
    int[] unsat = new int[3];
    for (int i = 0; i < 1500; i++) {
      long seed = master.nextLong();
      int shape = i % 3;
      SplittableRandom r = new SplittableRandom(seed);
      RandomInstances.Instance in = shape == 0 ? partitionLike(r) : shape == 1 ? tightSatisfiable(r) : sharedRefs(r);
      Compiled k = Compiled.of(in.rules(), in.transcript().credentials(), RandomInstances.AS_OF,
          new CreditConverter(io.github.microcred.core.CreditConversions.defaults()));
      long[] oracle = BruteForce.solve(k.p);
      AuditResult res = Stacking.audit(in.rules(), in.transcript(), RandomInstances.AS_OF);
      String msg = "shape " + shape + " case " + i + " seed " + seed + "\n" + in.rules().toJson() + "\n"
          + res.summary();
      assertEquals(oracle[0] == 1 ? AuditResult.Status.SATISFIED : AuditResult.Status.NOT_SATISFIED, res.status(),
          msg);
      assertEquals(oracle[1], res.appliedCredits().movePointRight(k.scale).longValueExact(), msg);
      Invariants.check(in.rules(), in.transcript(), RandomInstances.AS_OF, res, msg);
      if (shape == 1) {
        assertEquals(AuditResult.Status.SATISFIED, res.status(), msg);
      }
      neverWrongWithTinyBudgets(in, oracle[0] == 1, msg);
      (oracle[0] == 1 ? sat : unsat)[shape]++;
    }
    assertTrue(sat[0] > 50 && unsat[0] > 50, "partition-like " + sat[0] + " / " + unsat[0]);
    assertTrue(sat[2] > 50 && unsat[2] > 50, "shared refs " + sat[2] + " / " + unsat[2]);
  }

  static RandomInstances.Instance partitionLike(SplittableRandom r) throws StackingException {
    int n = 4 + r.nextInt(9);
    List<Credential> creds = new ArrayList<>();
    long supply = 0;
    for (int i = 0; i < n; i++) {
      int w = 1 + r.nextInt(9);
      supply += w;
      creds.add(Credential.builder("C" + i).credits(w, "ECTS").tags("x").issued(RandomInstances.issued(1 + r.nextInt(
          900))).build());
    }
    int legs = 2 + r.nextInt(2);
    long target = Math.max(legs, supply - r.nextInt(3));
    Requirement[] reqs = new Requirement[legs];
    long left = target;
    for (int q = 0; q < legs; q++) {
      long d = q == legs - 1 ? Math.max(1, left) : Math.max(1, target / legs + r.nextInt(3) - 1);
      left -= d;
      reqs[q] = Requirement.credits("p" + q, d, Filter.builder().tags("x").build());
    }
    return new RandomInstances.Instance(Rules.builder("partition").unit("ECTS")
        .requirement(Requirement.allOf("root", reqs)).build(), new Transcript(creds));
  }

  static RandomInstances.Instance tightSatisfiable(SplittableRandom r) throws StackingException {
    int nReq = 2 + r.nextInt(4);
    int n = nReq + r.nextInt(8);
    long[] demand = new long[nReq];
    List<Credential> creds = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int home = i < nReq ? i : r.nextInt(nReq);
      int w = 1 + r.nextInt(6);
      demand[home] += w;
      creds.add(Credential.builder("C" + i).credits(w, "ECTS").tags("r" + home, "r" + r.nextInt(nReq))
          .issued(RandomInstances.AS_OF.minusDays(1 + r.nextInt(900))).build());
    }
    Requirement[] reqs = new Requirement[nReq];
    for (int q = 0; q < nReq; q++) {
      reqs[q] = Requirement.credits("r" + q, demand[q], Filter.builder().tags("r" + q).build());
    }
    return new RandomInstances.Instance(Rules.builder("tight").unit("ECTS")
        .requirement(Requirement.allOf("root", reqs)).build(), new Transcript(creds));
  }

  static RandomInstances.Instance sharedRefs(SplittableRandom r) throws StackingException {
    int n = r.nextInt(10);
    List<Credential> creds = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      creds.add(Credential.builder("C" + i).credits(1 + r.nextInt(6), "ECTS").tags(r.nextBoolean() ? "a" : "b")
          .issued(RandomInstances.issued(1 + r.nextInt(900))).build());
    }
    Requirement unit = Requirement.allOf("unit", Requirement.credits("ca", 1 + r.nextInt(6),
        Filter.builder().tags("a").build()), Requirement.count("cb", 1, Filter.builder().tags("b").build()));
    Rules rules = Rules.builder("shared").unit("ECTS").define("u", unit).requirement(r.nextBoolean()
        ? Requirement.allOf("root", Requirement.ref("u"), Requirement.ref("u"))
        : Requirement.nOf("root", 2, Requirement.ref("u"), Requirement.ref("u"),
            Requirement.credits("extra", 2, Filter.builder().tags("a").build()))).build();
    return new RandomInstances.Instance(rules, new Transcript(creds));
  }

  @Test
  void largeRandomInstancesKeepInvariants() throws Exception {
    SplittableRandom master = new SplittableRandom(7L);
    for (int i = 0; i < 40; i++) {
      long seed = master.nextLong();
      RandomInstances.Instance in = RandomInstances.generate(new SplittableRandom(seed), 80, 15);
      AuditResult r = Stacking.auditor(in.rules()).withBudget(java.time.Duration.ofMillis(300))
          .audit(in.transcript(), RandomInstances.AS_OF);
      Invariants.check(in.rules(), in.transcript(), RandomInstances.AS_OF, r, "case " + i + " seed " + seed);
      AuditResult d = Stacking.auditor(in.rules()).divisible().audit(in.transcript(), RandomInstances.AS_OF);
      assertEquals(AuditResult.Mode.DIVISIBLE_RELAXATION, d.mode());
      assertTrue(d.countedCredits().compareTo(BigDecimal.ZERO) >= 0);
    }
  }
}
