package io.github.microcred.stacking.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.microcred.core.CreditConversions;
import io.github.microcred.stacking.AuditResult;
import io.github.microcred.stacking.Credential;
import io.github.microcred.stacking.Filter;
import io.github.microcred.stacking.Requirement;
import io.github.microcred.stacking.Rules;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A spent budget is honoured before the root bound and between the decomposition's components: the audit is
 * UNDECIDED at once instead of computing bounds it has no time for. Deterministic: the budget is 0 (or a deadline
 * already in the past), never a timed assertion.
 */
class DeadlineTest {
  static final LocalDate AS_OF = LocalDate.of(2026, 12, 1);

  /** BudgetRegressionTest's partition-like instance: 30 credentials, three exact credit sums, unsatisfiable. */
  static Compiled partitionLike(long seed) throws Exception {
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
    return Compiled.of(rules, creds, AS_OF, new CreditConverter(CreditConversions.defaults()));
  }

  @Test
  void spentBudgetStopsBeforeTheRootBound() throws Exception {
    for (long seed = 1; seed <= 3; seed++) {
      Compiled k = partitionLike(seed);
      ExactSolver s = new ExactSolver(k.p, 0);
      s.solve();
      assertTrue(s.wasCut(), "seed " + seed);
      assertFalse(s.rootBoundComputed, "seed " + seed);
      // through the audit: a deadline already past is UNDECIDED, not NOT_SATISFIED and not a long search
      AuditResult r = Auditor.exact(partitionLike(seed), AS_OF, System.nanoTime() - 1);
      assertEquals(AuditResult.Status.UNDECIDED, r.status(), r.summary());
      assertTrue(r.bound().appliedCredits().compareTo(r.appliedCredits()) >= 0, r.summary());
    }
  }

  @Test
  void spentBudgetSolvesNoFurtherComponent() throws Exception {
    // two independent components (tags x and y), each easily satisfied
    List<Credential> creds = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      creds.add(Credential.builder("X" + i).credits(5, "ECTS").tags("x").issued(AS_OF.minusYears(1)).build());
      creds.add(Credential.builder("Y" + i).credits(5, "ECTS").tags("y").issued(AS_OF.minusYears(1)).build());
    }
    Rules rules = Rules.builder("two").unit("ECTS").requirement(Requirement.allOf("root",
        Requirement.credits("a", 10, Filter.builder().tags("x").build()),
        Requirement.credits("b", 10, Filter.builder().tags("y").build()))).build();
    Compiled k = Compiled.of(rules, creds, AS_OF, new CreditConverter(CreditConversions.defaults()));
    Decomposer spent = new Decomposer(k.p, 0);
    int[] none = spent.solve();
    assertEquals(2, spent.components());
    assertEquals(0, spent.solvedComponents);
    assertTrue(spent.wasCut());
    assertFalse(spent.unsatisfiableProven());
    assertTrue(java.util.Arrays.stream(none).allMatch(c -> c < 0));
    assertEquals(20, spent.creditBound()); // the demands bound what the unsolved components could apply
    Decomposer free = new Decomposer(k.p, Long.MAX_VALUE);
    int[] ch = free.solve();
    assertEquals(2, free.solvedComponents);
    assertFalse(free.wasCut());
    assertEquals(1, Decomposer.objective(k.p, ch)[0]);
    assertEquals(AuditResult.Status.UNDECIDED, Auditor.exact(k, AS_OF, System.nanoTime() - 1).status());
  }
}
