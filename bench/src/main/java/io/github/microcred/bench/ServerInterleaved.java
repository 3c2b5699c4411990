package io.github.microcred.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@link ServerBenchmark}'s three operations, {@code httpKeepAliveIssueVerify} and {@code httpIssueVerify} (issue then
 * verify over HTTP on loopback, with a blocking client on one kept-alive connection and with the JDK
 * {@code HttpClient}) and {@code baselineInProcess} (the same library calls in the same JVM), measured in rotating
 * blocks in one JVM so that all see the same machine load: each round times one block of each (which goes first
 * rotates), and the report gives per-call minimum, median and p99 latency of each over every timed call, the ratio of
 * each HTTP operation's per-call block means to the baseline's (minimum over rounds, and median of the per-round
 * ratios; the target is a time ratio of at most 1.43, i.e. HTTP throughput at least 0.7 of in-process), the
 * process CPU time per call of each (all threads: client, server, GC, JIT; on a loaded machine it is steadier than
 * wall-clock time, and it bounds the throughput of a CPU-bound service), and the load average before and after. Usage: {@code java -cp
 * bench/target/benchmarks.jar io.github.microcred.bench.ServerInterleaved [ROUNDS [BLOCK [WARMUP [PREWARM]]]]},
 * defaults 20, 20, 10, 8000: first PREWARM calls of each operation, untimed, then WARMUP rounds discarded. Throughput
 * is a steady-state figure, and the HTTP path (Jetty, Jackson at both ends, the client) has far more code for the JIT
 * to compile than the library calls: profiled at 2026-12-08, C2 still spent 0.19 ms of CPU per HTTP issue+verify
 * between its 16,000th and 24,000th call and under 0.01 ms after, so ten rounds of 20 measured the compiler more than
 * the service (the JMH {@link ServerBenchmark} warms up for 6 s for the same reason).
 */
public final class ServerInterleaved {
  private ServerInterleaved() {}

  /** One operation of the benchmark. */
  @FunctionalInterface
  interface Op {
    boolean run() throws Exception;
  }

  /**
   * Entry point.
   *
   * @param args rounds, calls per block
   * @throws Exception if the setup or a call fails
   */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int block = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    int prewarm = args.length > 3 ? Integer.parseInt(args[3]) : 8000;
    String loadBefore = load();
    ServerBenchmark b = new ServerBenchmark();
    b.setup();
    try {
      Op[] ops = {b::httpKeepAliveIssueVerify, b::httpIssueVerify, b::baselineInProcess};
      String[] names = {"httpKeepAliveIssueVerify", "httpIssueVerify (JDK)", "baselineInProcess"};
      int base = ops.length - 1;
      double[][] means = new double[ops.length][rounds];
      long[][] calls = new long[ops.length][rounds * block];
      long[] cpu = new long[ops.length]; // process CPU time (every thread: client, server, GC, JIT) per operation
      OperatingSystemMXBean os = (OperatingSystemMXBean)
          ManagementFactory.getOperatingSystemMXBean();
      for (int done = 0; done < prewarm; done += block) {
        for (int op = 0; op < ops.length; op++) {
          for (int i = 0; i < block; i++) {
            if (!ops[op].run()) {
              throw new IllegalStateException(names[op] + " did not verify");
            }
          }
        }
      }
      for (int round = -warmup; round < rounds; round++) {
        for (int k = 0; k < ops.length; k++) {
          int op = Math.floorMod(k + round, ops.length); // who goes first rotates
          long t0 = System.nanoTime();
          long cpu0 = os.getProcessCpuTime();
          for (int i = 0; i < block; i++) {
            long c0 = System.nanoTime();
            if (!ops[op].run()) {
              throw new IllegalStateException(names[op] + " did not verify");
            }
            if (round >= 0) {
              calls[op][round * block + i] = System.nanoTime() - c0;
            }
          }
          if (round >= 0) {
            means[op][round] = (System.nanoTime() - t0) / (double) block;
            cpu[op] += os.getProcessCpuTime() - cpu0;
          }
        }
      }
      System.out.printf(Locale.ROOT, "server interleaved: %d rounds (%d more discarded, after %d untimed calls of "
          + "each) of %d calls each; load average before %s, after %s; %s%n", rounds, warmup, prewarm, block,
          loadBefore, load(),
          System.getProperty("java.vm.version"));
      System.out.printf(Locale.ROOT, "  %-26s %10s %10s %10s %12s%n", "operation", "min ms", "p50 ms", "p99 ms",
          "CPU ms/call");
      long[][] sorted = new long[ops.length][];
      for (int op = 0; op < ops.length; op++) {
        sorted[op] = calls[op].clone();
        Arrays.sort(sorted[op]);
        System.out.printf(Locale.ROOT, "  %-26s %10.2f %10.2f %10.2f %12.2f%n", names[op], sorted[op][0] / 1e6,
            pct(sorted[op], 0.50) / 1e6, pct(sorted[op], 0.99) / 1e6, cpu[op] / 1e6 / ((long) rounds * block));
      }
      for (int op = 0; op < base; op++) {
        double[] per = new double[rounds];
        for (int r = 0; r < rounds; r++) {
          per[r] = means[op][r] / means[base][r];
        }
        double medianRatio = median(per);
        System.out.printf(Locale.ROOT, "  %s / in-process time: %.2f (minimum block means), %.2f (median of "
            + "per-round ratios), %.2f (p50 of calls); throughput %.2f of in-process (median ratio); target "
            + "<= 1.43 (throughput >= 0.7); CPU time %.2f of in-process's%n", names[op],
            min(means[op]) / min(means[base]), medianRatio, pct(sorted[op], 0.50) / (double) pct(sorted[base], 0.50),
            1 / medianRatio, cpu[op] / (double) cpu[base]);
      }
    } finally {
      b.tearDown();
    }
  }

  private static String load() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (Exception e) {
      return "unknown";
    }
  }

  private static long pct(long[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
  }

  private static double min(double[] v) {
    return Arrays.stream(v).min().orElse(Double.NaN);
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }
}
