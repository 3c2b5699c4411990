package io.github.microcred.stacking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** {@link Auditor#auditAll}: streamed, in input order, each result equal to its own audit, a bounded window. */
class AuditAllTest {

  @Test
  void streamedResultsComeInOrderEqualToSingleAuditsWithABoundedWindow() throws Exception {
    long seed = 31337L;
    SplittableRandom r = new SplittableRandom(seed);
    RandomInstances.Instance first = RandomInstances.generate(new SplittableRandom(seed), 12, 6);
    Auditor auditor = Stacking.auditor(first.rules());
    int n = 3000;
    List<Transcript> ts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ts.add(RandomInstances.generate(new SplittableRandom(r.nextLong()), 12, 6).transcript());
    }
    AtomicLong pulled = new AtomicLong();
    Iterator<Transcript> base = ts.iterator();
    Iterator<Integer> counting = new Iterator<>() {
      int i;

      @Override
      public boolean hasNext() {
        return base.hasNext();
      }

      @Override
      public Integer next() {
        base.next();
        pulled.incrementAndGet();
        return i++;
      }
    };
    long[] seen = {0};
    long[] maxAhead = {0};
    long[] lastProgress = {0};
    int window = 64 * Runtime.getRuntime().availableProcessors();
    Auditor.BulkSummary sum = auditor.auditAll(counting, i -> {
      if (i == 7) {
        throw new StackingException(StackingErrorCode.RULES_INVALID, "bad input 7");
      }
      return ts.get(i);
    }, RandomInstances.AS_OF, res -> {
      assertEquals(seen[0], res.index(), "seed " + seed);
      assertEquals((long) res.input(), res.index());
      maxAhead[0] = Math.max(maxAhead[0], pulled.get() - seen[0]);
      if (res.index() == 7) {
        assertNull(res.result());
        assertEquals("bad input 7", res.error().getMessage());
      } else {
        try {
          assertEquals(auditor.audit(ts.get((int) res.index()), RandomInstances.AS_OF), res.result(),
              "seed " + seed + " input " + res.index());
        } catch (StackingException e) {
          throw new AssertionError(e);
        }
      }
      seen[0]++;
    }, d -> lastProgress[0] = d);
    assertEquals(n, seen[0]);
    assertEquals(n, lastProgress[0]);
    assertEquals(n, sum.total());
    assertEquals(1, sum.failed());
    assertEquals(n - 1, sum.satisfied() + sum.notSatisfied() + sum.undecided(), sum.toString());
    // constant memory: never more than the window (plus the one being handed over) pulled ahead of the sink
    assertTrue(maxAhead[0] <= window + 1, "pulled ahead " + maxAhead[0] + " > window " + window);
  }
}
