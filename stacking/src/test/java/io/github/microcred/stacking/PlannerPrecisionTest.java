package io.github.microcred.stacking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The planner's search compares prices in doubles: prices with more decimals (or larger sums) than a double decides
 * exactly must never yield a plan called optimal that brute force beats, a lower bound above the optimum, or a value
 * other than the exact sum of the plan's prices.
 */
class PlannerPrecisionTest {
  static final java.time.LocalDate AS_OF = RandomInstances.AS_OF;

  @Test
  void aPriceBelowDoublePrecisionIsNeitherLostNorCalledOptimal() throws Exception {
    Rules rules = Rules.builder("x").unit("ECTS").requirement(Requirement.credits("need", 10,
        Filter.builder().build())).build();
    BigDecimal a = new BigDecimal("0.79999999999999999"); // the double 0.8, while 0.1 + 0.7 is 0.7999999999999999
    Catalogue cat = new Catalogue(List.of(
        new CatalogueItem(Credential.builder("A").credits(10, "ECTS").build(), BigDecimal.ONE, a, Set.of()),
        new CatalogueItem(Credential.builder("B").credits(5, "ECTS").build(), BigDecimal.ONE,
            new BigDecimal("0.1"), Set.of()),
        new CatalogueItem(Credential.builder("C").credits(5, "ECTS").build(), BigDecimal.ONE,
            new BigDecimal("0.7"), Set.of())));
    Plan p = Stacking.planner(rules, cat).withBudget(Duration.ofSeconds(30)).plan(new Transcript(List.of()), AS_OF);
    assertTrue(p.satisfied(), p.toString());
    BigDecimal exact = p.items().equals(List.of("A")) ? a : new BigDecimal("0.8");
    assertEquals(0, exact.compareTo(p.value()), p.toString());
    assertTrue(p.lowerBound().compareTo(a) <= 0, p.toString());
    if (!p.items().equals(List.of("A"))) {
      assertFalse(p.optimal(), "0.8 called optimal while A alone costs " + a + ": " + p);
    }
  }

  @Test
  void finePricesAgreeWithBruteForceOrAreNotCalledOptimal() throws Exception {
    SplittableRandom m = new SplittableRandom(20261207L);
    int fine = 0;
    for (int i = 0; i < 150; i++) {
      long seed = m.nextLong();
      SplittableRandom r = new SplittableRandom(seed);
      PlannerTest.Case c0 = PlannerTest.generate(r, 8, 4, 2);
      // prices with 1e-12 or 1e-17 offsets (and some huge ones): beyond what the double search decides exactly
      List<CatalogueItem> items = new ArrayList<>();
      for (CatalogueItem it : c0.catalogue().items()) {
        BigDecimal cost = switch (r.nextInt(3)) {
          case 0 -> it.cost().add(BigDecimal.valueOf(r.nextInt(5), 12));
          case 1 -> it.cost().subtract(BigDecimal.valueOf(r.nextInt(3), 17)).max(BigDecimal.ZERO);
          default -> it.cost().add(BigDecimal.valueOf(9_007_199_254_740_992L + r.nextInt(3)));
        };
        items.add(new CatalogueItem(it.credential(), it.hours(), cost, it.prerequisites()));
      }
      PlannerTest.Case c = new PlannerTest.Case(c0.rules(), c0.transcript(), new Catalogue(items));
      BigDecimal oracle = PlannerTest.bruteForce(c);
      Plan p = Stacking.planner(c.rules(), c.catalogue()).withBudget(Duration.ofMinutes(5))
          .plan(c.transcript(), AS_OF);
      String msg = "case " + i + " seed " + seed + " plan " + p + " oracle " + oracle + "\n" + c.rules().toJson();
      assertEquals(oracle != null, p.satisfied(), msg);
      if (oracle == null) {
        continue;
      }
      BigDecimal sum = BigDecimal.ZERO;
      for (String id : p.items()) {
        sum = sum.add(items.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow().cost());
      }
      assertEquals(0, sum.compareTo(p.value()), "value is not the exact sum of the plan's prices: " + msg);
      assertTrue(p.lowerBound().compareTo(oracle) <= 0, "lower bound above the optimum: " + msg);
      if (p.optimal()) {
        assertEquals(0, oracle.compareTo(p.value()), "called optimal, brute force is cheaper: " + msg);
      }
      if (p.value().compareTo(oracle) != 0) {
        fine++;
      }
    }
    System.out.println("plans dearer than brute force (none called optimal): " + fine);
  }
}
