package io.github.microcred.stacking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** A reused auditor (rules validated and compiled once) gives the results of a fresh one, also under concurrency. */
class AuditorReuseTest {

  /** A fresh copy of the rules: equal components, a different identity. */
  private static Rules fresh(Rules r) {
    return new Rules(r.id(), r.title(), r.unit(), r.root(), r.definitions(), r.constraints(), r.doubleCounting());
  }

  @Test
  void reusedAuditorGivesTheSameResultAsAFreshOne() throws Exception {
    SplittableRandom master = new SplittableRandom(424242L);
    for (int i = 0; i < 300; i++) {
      long seed = master.nextLong();
      RandomInstances.Instance in = RandomInstances.generate(new SplittableRandom(seed), 12, 6);
      Rules rules = in.rules().validated();
      Auditor auditor = Stacking.auditor(rules);
      AuditResult first = auditor.audit(in.transcript(), RandomInstances.AS_OF);
      AuditResult again = auditor.audit(in.transcript(), RandomInstances.AS_OF);
      AuditResult other = Stacking.audit(fresh(rules), in.transcript(), RandomInstances.AS_OF);
      assertEquals(first, again, "seed " + seed);
      assertEquals(first, other, "seed " + seed);
      assertEquals(first.toJson(), other.toJson(), "seed " + seed);
    }
  }

  @Test
  void sharedAuditorsUsedConcurrentlyMatchSequential() throws Exception {
    SplittableRandom master = new SplittableRandom(99L);
    List<RandomInstances.Instance> ins = new ArrayList<>();
    List<Auditor> auditors = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ins.add(RandomInstances.generate(new SplittableRandom(master.nextLong()), 12, 6));
      auditors.add(Stacking.auditor(ins.get(i).rules()));
    }
    // several auditors, each shared by several threads
    List<AuditResult> expected = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      RandomInstances.Instance in = ins.get(i % ins.size());
      expected.add(Stacking.audit(fresh(in.rules()), in.transcript(), RandomInstances.AS_OF));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<AuditResult>> got = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        RandomInstances.Instance in = ins.get(i % ins.size());
        Auditor a = auditors.get(i % ins.size());
        got.add(pool.submit(() -> a.audit(in.transcript(), RandomInstances.AS_OF)));
      }
      for (int i = 0; i < 200; i++) {
        assertEquals(expected.get(i), got.get(i).get(), "audit " + i);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void invalidRulesRejectedWhenTheAuditorIsMade() throws Exception {
    RandomInstances.Instance in = RandomInstances.generate(new SplittableRandom(5L), 12, 6);
    Stacking.audit(in.rules(), in.transcript(), RandomInstances.AS_OF);
    Rules bad = new Rules("q", "bad", in.rules().unit(), Requirement.ref("nowhere"), java.util.Map.of(),
        in.rules().constraints(), List.of());
    for (int i = 0; i < 2; i++) {
      StackingException e = assertThrows(StackingException.class,
          () -> Stacking.auditor(bad));
      assertEquals(StackingErrorCode.RULES_INVALID, e.code());
    }
  }
}
