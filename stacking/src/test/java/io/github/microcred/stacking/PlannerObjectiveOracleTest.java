package io.github.microcred.stacking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The HOURS and COUNT objectives against brute force (PlannerTest's oracle checks COST): the oracle runs on the same
 * case with each item's price replaced by its hours, or by 1.
 */
class PlannerObjectiveOracleTest {
  @Test
  void hoursAndCountPlansEqualBruteForce() throws Exception {
    SplittableRandom m = new SplittableRandom(1207L);
    int complete = 0;
    for (int i = 0; i < 200; i++) {
      long seed = m.nextLong();
      PlannerTest.Case c = PlannerTest.generate(new SplittableRandom(seed), 8, 5, 3);
      for (Plan.Objective o : new Plan.Objective[] {Plan.Objective.HOURS, Plan.Objective.COUNT}) {
        List<CatalogueItem> priced = new ArrayList<>();
        for (CatalogueItem it : c.catalogue().items()) {
          priced.add(new CatalogueItem(it.credential(), it.hours(),
              o == Plan.Objective.HOURS ? it.hours() : BigDecimal.ONE, it.prerequisites()));
        }
        BigDecimal oracle = PlannerTest.bruteForce(new PlannerTest.Case(c.rules(), c.transcript(),
            new Catalogue(priced)));
        Plan p = Stacking.planner(c.rules(), c.catalogue()).withObjective(o).withBudget(Duration.ofMinutes(5))
            .plan(c.transcript(), PlannerTest.AS_OF);
        String msg = o + " case " + i + " seed " + seed + " plan " + p + " oracle " + oracle + "\n"
            + c.rules().toJson();
        assertTrue(p.optimal(), msg);
        assertEquals(oracle != null, p.satisfied(), msg);
        if (oracle != null) {
          complete++;
          assertEquals(0, oracle.compareTo(p.value()), msg);
          assertTrue(p.audit().satisfied(), msg);
        }
      }
    }
    assertTrue(complete > 50, "complete " + complete);
  }
}
