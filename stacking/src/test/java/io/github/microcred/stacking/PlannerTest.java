package io.github.microcred.stacking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PlannerTest {
  static final LocalDate AS_OF = RandomInstances.AS_OF;

  record Case(Rules rules, Transcript transcript, Catalogue catalogue) {}

  static Case generate(SplittableRandom r, int maxCreds, int maxLeaves, int heldMax) throws StackingException {
    RandomInstances.Instance in = RandomInstances.generate(r, maxCreds, maxLeaves);
    List<Credential> all = in.transcript().credentials();
    int held = Math.min(all.size(), r.nextInt(heldMax + 1));
    List<CatalogueItem> items = new ArrayList<>();
    for (int i = held; i < all.size(); i++) {
      Set<String> pre = new HashSet<>();
      if (i > held && r.nextInt(4) == 0) {
        pre.add(all.get(held + r.nextInt(i - held)).id());
      }
      if (r.nextInt(10) == 0) {
        pre.add("NOT-OFFERED");
      }
      items.add(new CatalogueItem(all.get(i), BigDecimal.valueOf(1 + r.nextInt(40)),
          BigDecimal.valueOf(r.nextInt(20)), pre));
    }
    return new Case(in.rules(), new Transcript(all.subList(0, held)), new Catalogue(items));
  }

  /** Minimum cost over every prerequisite-closed subset of the catalogue, or null when none completes. */
  static BigDecimal bruteForce(Case c) throws StackingException {
    List<CatalogueItem> items = c.catalogue().items();
    Set<String> held = new HashSet<>();
    c.transcript().credentials().forEach(x -> held.add(x.id()));
    BigDecimal best = null;
    for (int mask = 0; mask < (1 << items.size()); mask++) {
      Set<String> chosen = new HashSet<>(held);
      BigDecimal cost = BigDecimal.ZERO;
      for (int i = 0; i < items.size(); i++) {
        if ((mask & (1 << i)) != 0) {
          chosen.add(items.get(i).id());
          cost = cost.add(items.get(i).cost());
        }
      }
      boolean closed = true;
      List<Credential> creds = new ArrayList<>(c.transcript().credentials());
      for (int i = 0; i < items.size(); i++) {
        if ((mask & (1 << i)) != 0) {
          closed &= chosen.containsAll(items.get(i).prerequisites());
          Credential k = items.get(i).credential();
          creds.add(new Credential(k.id(), k.credits(), k.level(), k.issuer(), k.provider(), k.origin(), k.kind(),
              k.subjects(), k.competencies(), k.tags(), AS_OF, java.util.Optional.empty(), k.creditBearing(),
              k.assessed()));
        }
      }
      if (!closed || best != null && cost.compareTo(best) >= 0) {
        continue;
      }
      if (Stacking.audit(c.rules(), new Transcript(creds), AS_OF).satisfied()) {
        best = cost;
      }
    }
    return best;
  }

  @Test
  void plannerCostEqualsBruteForceOnSmallCatalogues() throws Exception {
    SplittableRandom m = new SplittableRandom(4242);
    int complete = 0;
    for (int i = 0; i < 400; i++) {
      long seed = m.nextLong();
      Case c = generate(new SplittableRandom(seed), 9, 5, 3);
      BigDecimal oracle = bruteForce(c);
      Plan p = Stacking.planner(c.rules(), c.catalogue()).withBudget(Duration.ofMinutes(5))
          .plan(c.transcript(), AS_OF);
      String msg = "case " + i + " seed " + seed + " plan " + p.items() + " value " + p.value() + "\n"
          + c.rules().toJson();
      assertTrue(p.optimal(), msg);
      if (oracle == null) {
        assertFalse(p.satisfied(), msg);
      } else {
        complete++;
        assertTrue(p.satisfied(), msg);
        assertEquals(0, oracle.compareTo(p.value()), msg + " oracle " + oracle);
        assertTrue(p.audit().satisfied(), msg);
        assertEquals(0, p.gap().signum(), msg);
      }
    }
    assertTrue(complete > 50, "complete " + complete);
  }

  @Test
  void rootLowerBoundNeverExceedsTheBruteForceOptimum() throws Exception {
    SplittableRandom m = new SplittableRandom(9090);
    int bounded = 0;
    for (int i = 0; i < 400; i++) {
      long seed = m.nextLong();
      Case c = generate(new SplittableRandom(seed), 9, 5, 3);
      BigDecimal oracle = bruteForce(c);
      for (Plan.Objective o : Plan.Objective.values()) {
        double lb = new io.github.microcred.stacking.internal.Planner(c.rules().validated(), c.transcript(),
            c.catalogue().validated(), o, AS_OF, Duration.ofSeconds(5).toNanos(),
            new io.github.microcred.stacking.internal.CreditConverter(
                io.github.microcred.core.CreditConversions.defaults())).rootLowerBound();
        if (o == Plan.Objective.COST && oracle != null) {
          assertTrue(lb <= oracle.doubleValue() + 1e-9, "case " + i + " seed " + seed + " lb " + lb + " > optimum "
              + oracle + "\n" + c.rules().toJson());
          if (lb > 0) {
            bounded++;
          }
        }
        if (o != Plan.Objective.COST) {
          Plan p = Stacking.planner(c.rules(), c.catalogue()).withObjective(o).withBudget(Duration.ofMinutes(1))
          .plan(c.transcript(), AS_OF);
          if (p.satisfied()) {
            assertTrue(lb <= p.value().doubleValue() + 1e-9, "case " + i + " seed " + seed + " " + o);
          }
        }
      }
    }
    assertTrue(bounded > 50, "a bound that is always 0 tests nothing: " + bounded);
  }

  @Test
  void largeCataloguesReportAConsistentGap() throws Exception {
    SplittableRandom m = new SplittableRandom(77);
    for (int i = 0; i < 4; i++) {
      long seed = m.nextLong();
      Case c = generate(new SplittableRandom(seed), 80, 8, 15);
      for (Plan.Objective o : Plan.Objective.values()) {
        Plan p = Stacking.planner(c.rules(), c.catalogue()).withObjective(o).withBudget(Duration.ofMillis(200))
          .plan(c.transcript(), AS_OF);
        String msg = "seed " + seed + " " + o;
        assertTrue(p.gap().signum() >= 0, msg);
        assertTrue(p.lowerBound().compareTo(p.value()) <= 0, msg + " lb " + p.lowerBound() + " > " + p.value());
        if (p.satisfied()) {
          assertTrue(p.audit().satisfied(), msg);
          Set<String> seen = new HashSet<>();
          for (String id : p.items()) {
            CatalogueItem it = c.catalogue().items().stream().filter(x -> x.id().equals(id)).findFirst()
                .orElseThrow();
            for (String pre : it.prerequisites()) {
              assertTrue(seen.contains(pre) || c.transcript().credentials().stream()
                  .anyMatch(x -> x.id().equals(pre)), msg + " prerequisite order " + p.items());
            }
            seen.add(id);
          }
        }
      }
    }
  }

  @Test
  void cyclicPrerequisitesAreRejectedWithThePath() {
    String json = "{\"items\":[{\"id\":\"A\",\"credits\":5,\"prerequisites\":[\"B\"]},"
        + "{\"id\":\"B\",\"credits\":5,\"prerequisites\":[\"C\"]},{\"id\":\"C\",\"credits\":5,\"prerequisites\":[\"A\"]}]}";
    StackingException e = assertThrows(StackingException.class, () -> Catalogue.fromJson(json));
    assertEquals(StackingErrorCode.CATALOGUE_INVALID, e.code());
    assertTrue(e.getMessage().contains("$.items[0].prerequisites: cyclic prerequisites A -> B -> C -> A"),
        e.getMessage());
  }
}
