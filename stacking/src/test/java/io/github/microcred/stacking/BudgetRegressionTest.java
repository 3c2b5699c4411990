package io.github.microcred.stacking;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Issue 12: "not satisfied" only when proven; every audit ends within its budget. */
class BudgetRegressionTest {
  static final LocalDate AS_OF = LocalDate.of(2026, 12, 1);

  /**
   * 200 credentials, 47 credit requirements; each credential's first tag is its home requirement, whose demand is
   * exactly the credit of its home credentials (so the home assignment satisfies everything), plus 0-2 random tags.
   */
  static RandomInstances.Instance satisfiable200x47(long seed) throws StackingException {
    SplittableRandom r = new SplittableRandom(seed);
    int nReq = 47;
    int[] cr = {2, 3, 4, 5, 6, 10};
    long[] demand = new long[nReq];
    List<Credential> creds = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      int home = i < nReq ? i : r.nextInt(nReq);
      int k = r.nextInt(3);
      String[] tags = new String[1 + k];
      tags[0] = "r" + home;
      for (int t = 1; t <= k; t++) {
        tags[t] = "r" + r.nextInt(nReq);
      }
      int c = cr[r.nextInt(cr.length)];
      demand[home] += c;
      creds.add(Credential.builder("C" + i).credits(c, "ECTS").tags(tags).issued(AS_OF.minusYears(1)).build());
    }
    Requirement[] reqs = new Requirement[nReq];
    for (int q = 0; q < nReq; q++) {
      reqs[q] = Requirement.credits("r" + q, demand[q], Filter.builder().tags("r" + q).build());
    }
    Rules rules = Rules.builder("sat200x47").unit("ECTS").requirement(Requirement.allOf("root", reqs)).build();
    return new RandomInstances.Instance(rules, new Transcript(creds));
  }

  @Test
  void satisfiable200x47IsNeverNotSatisfied() throws Exception {
    for (long seed = 1; seed <= 3; seed++) {
      RandomInstances.Instance in = satisfiable200x47(seed);
      AuditResult r = Stacking.auditor(in.rules()).withBudget(Duration.ofSeconds(2)).audit(in.transcript(), AS_OF);
      String msg = "seed " + seed + ": " + r.status() + " bound " + r.bound();
      assertNotEquals(AuditResult.Status.NOT_SATISFIED, r.status(), msg);
      if (r.status() == AuditResult.Status.UNDECIDED) {
        assertTrue(r.bound().satisfiable(), msg);
        assertTrue(r.bound().appliedCredits().compareTo(r.appliedCredits()) >= 0, msg);
      }
    }
  }

  /**
   * 30 credentials, each eligible for all three credit requirements: 29 with credits divisible by 3, one with
   * credits 1 modulo 3. Supply equals total demand, so each requirement must be met exactly; the three demands are
   * 1, 1 and 2 modulo 3, so each needs the one credential that is not divisible by 3: no assignment satisfies them.
   * Per requirement each demand can be met exactly, so no single-requirement bound shows it.
   */
  static RandomInstances.Instance partitionLike(long seed) throws StackingException {
    SplittableRandom r = new SplittableRandom(seed);
    List<Credential> creds = new ArrayList<>();
    long supply = 0;
    for (int i = 0; i < 30; i++) {
      long w = i == 0 ? 3L * (1 + r.nextInt(300)) + 1 : 3L * (1 + r.nextInt(300));
      supply += w;
      creds.add(Credential.builder("C" + i).credits(w, "ECTS").tags("x").issued(AS_OF.minusYears(1)).build());
    }
    long a = supply / 3 - supply / 3 % 3 + 1;
    long b = a + 3;
    long c = supply - a - b;
    Filter f = Filter.builder().tags("x").build();
    Rules rules = Rules.builder("partition").unit("ECTS").requirement(Requirement.allOf("root",
        Requirement.credits("a", a, f), Requirement.credits("b", b, f), Requirement.credits("c", c, f))).build();
    return new RandomInstances.Instance(rules, new Transcript(creds));
  }

  @Test
  void partitionLikeInstanceEndsWithinItsBudgetAndIsNeverSatisfied() throws Exception {
    for (long seed = 1; seed <= 3; seed++) {
      RandomInstances.Instance in = partitionLike(seed);
      AuditResult r = Stacking.auditor(in.rules()).withBudget(Duration.ofMillis(500)).audit(in.transcript(), AS_OF);
      // it cannot be satisfied; within its budget the audit either proves it or says it is undecided
      assertNotEquals(AuditResult.Status.SATISFIED, r.status(), "seed " + seed);
      assertTrue(r.bound().appliedCredits().compareTo(r.appliedCredits()) >= 0, "seed " + seed);
    }
  }
}
