package io.github.microcred.bench;

import io.github.microcred.stacking.AuditResult;
import io.github.microcred.stacking.Auditor;
import io.github.microcred.stacking.Rules;
import io.github.microcred.stacking.Stacking;
import io.github.microcred.stacking.StackingException;
import io.github.microcred.stacking.Transcript;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Bulk audit of 10^6 typical learners (40 credentials x 20 requirements, 30% slack, as {@link StackingBench}),
 * streamed through {@link Auditor#auditAll} on every core: a lazy iterator over a pool of 10,000 distinct transcripts
 * (so nothing of size 10^6 is ever held), results dropped by the sink. Baseline in the same run: the same pool's
 * first 10,000 audited one after the other on one thread (multiply by 100 for 10^6). The peak heap during the run
 * is printed.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
@Warmup(iterations = 1)
@Measurement(iterations = 2)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StackingBulkBenchmark {
  static final int POOL = 10_000;
  Auditor auditor;
  List<Transcript> pool;

  @Setup
  public void setup() throws StackingException {
    pool = new ArrayList<>();
    Rules rules = null;
    for (int i = 0; i < POOL; i++) {
      Object[] in = StackingBench.instance(1000 + i, 40, 20, 30);
      if (i == 0) {
        rules = (Rules) in[0];
      }
      pool.add((Transcript) in[1]);
    }
    auditor = Stacking.auditor(rules);
  }

  /** 10^6 audits streamed on every core; prints the totals and the peak heap. */
  @Benchmark
  public Auditor.BulkSummary bulk1M() {
    List<MemoryPoolMXBean> heap = new ArrayList<>();
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        p.resetPeakUsage();
        heap.add(p);
      }
    }
    Iterator<Transcript> it = new Iterator<>() {
      int i;

      @Override
      public boolean hasNext() {
        return i < 1_000_000;
      }

      @Override
      public Transcript next() {
        return pool.get(i++ % POOL);
      }
    };
    Auditor.BulkSummary s = auditor.auditAll(it, t -> t, StackingBench.AS_OF, r -> { }, n -> { });
    long peak = 0;
    for (MemoryPoolMXBean p : heap) {
      peak += p.getPeakUsage().getUsed();
    }
    System.out.println("bulk1M: " + s + ", peak heap (sum of pool peaks) " + peak / (1024 * 1024) + " MiB");
    return s;
  }

  /** Baseline: the 10,000 pool transcripts audited sequentially on one thread. */
  @Benchmark
  public long baselineSequential10k() throws StackingException {
    long sat = 0;
    for (Transcript t : pool) {
      AuditResult r = auditor.audit(t, StackingBench.AS_OF);
      sat += r.satisfied() ? 1 : 0;
    }
    return sat;
  }
}
