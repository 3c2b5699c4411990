package io.github.microcred.stacking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: a plan is complete exactly when its own audit is SATISFIED, and its cost is never below its certified
 * bound, whatever the budget (down to one that runs out in the middle of the first audits).
 */
class PlannerConsistencyTest {
  static final Duration[] BUDGETS = {Duration.ofNanos(1), Duration.ofMillis(1), Duration.ofMillis(5),
      Duration.ofSeconds(30)};

  @Test
  void completeExactlyWhenTheAuditIsSatisfiedOn400Instances() throws Exception {
    SplittableRandom m = new SplittableRandom(121212L);
    int complete = 0;
    int incomplete = 0;
    for (int i = 0; i < 400; i++) {
      long seed = m.nextLong();
      PlannerTest.Case c = PlannerTest.generate(new SplittableRandom(seed), 9, 5, 3);
      BigDecimal oracle = i % 4 == 0 ? PlannerTest.bruteForce(c) : null;
      for (Duration b : BUDGETS) {
        Plan p = Stacking.planner(c.rules(), c.catalogue()).withBudget(b).plan(c.transcript(), PlannerTest.AS_OF);
        String msg = "case " + i + " seed " + seed + " budget " + b + " plan " + p.items() + " audit "
            + p.audit().status();
        assertEquals(p.satisfied(), p.audit().status() == AuditResult.Status.SATISFIED, msg);
        assertTrue(p.value().compareTo(p.lowerBound()) >= 0, msg + " value " + p.value() + " < " + p.lowerBound());
        if (p.satisfied() && oracle != null) {
          assertTrue(p.lowerBound().compareTo(oracle) <= 0, msg + " bound " + p.lowerBound() + " > optimum "
              + oracle);
          assertTrue(p.value().compareTo(oracle) >= 0, msg);
        }
        if (p.satisfied()) {
          // the plan's audit is of the transcript plus the plan's items
          for (Assignment a : p.audit().assignments()) {
            assertTrue(c.transcript().credentials().stream().anyMatch(x -> x.id().equals(a.credentialId()))
                || p.items().contains(a.credentialId()), msg + " " + a);
          }
          complete++;
        } else {
          incomplete++;
        }
      }
    }
    assertTrue(complete > 200 && incomplete > 50, complete + " complete / " + incomplete + " not");
  }

  /**
   * The shape of the overrun case: budgets that run out while plans of a larger catalogue are being audited
   * (where the old planner ran its final audit after the deadline, with about 5 ms, and could report
   * {@code complete = true} with an unsatisfied audit). Timing-dependent, so not a deterministic reproduction: on
   * this machine the old planner passes it too; it guards the invariant, not the old failure.
   */
  @Test
  void tinyBudgetNeverReportsACompletePlanWithAnUnsatisfiedAudit() throws Exception {
    SplittableRandom m = new SplittableRandom(77);
    for (int i = 0; i < 4; i++) {
      long seed = m.nextLong();
      PlannerTest.Case c = PlannerTest.generate(new SplittableRandom(seed), 80, 8, 15);
      for (long ms : new long[] {1, 3, 10, 30}) {
        Plan p = Stacking.planner(c.rules(), c.catalogue()).withBudget(Duration.ofMillis(ms))
            .plan(c.transcript(), PlannerTest.AS_OF);
        assertEquals(p.satisfied(), p.audit().satisfied(), "seed " + seed + " budget " + ms + " ms");
      }
    }
  }
}
