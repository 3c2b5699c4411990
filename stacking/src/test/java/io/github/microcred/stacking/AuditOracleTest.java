package io.github.microcred.stacking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.microcred.stacking.internal.Compiled;
import io.github.microcred.stacking.internal.CreditConverter;
import java.math.BigDecimal;
import java.util.Arrays;
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
      Invariants.check(in.rules(), in.transcript(), RandomInstances.AS_OF, r, msg);
      satisfiedCount += r.satisfied() ? 1 : 0;
    }
    // the generator must exercise both outcomes
    assertTrue(satisfiedCount > 200 && satisfiedCount < 4800, "satisfied " + satisfiedCount);
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
