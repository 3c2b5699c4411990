package io.github.microcred.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@link ServerBenchmark}'s two operations, {@code httpIssueVerify} (issue then verify over HTTP on loopback) and
 * {@code baselineInProcess} (the same library calls in the same JVM), measured in alternating blocks in one JVM so
 * that both see the same machine load: each round times one block of each (which goes first alternates), and the
 * report gives per-call minimum, median and p99 latency of each over every timed call, the ratio of the per-call
 * block means (minimum over rounds, and median of the per-round ratios; the target is a time ratio of at most 1.43,
 * i.e. HTTP throughput at least 0.7 of in-process), and the load average before and after. Usage: {@code java -cp
 * bench/target/benchmarks.jar io.github.microcred.bench.ServerInterleaved [ROUNDS [BLOCK]]}, defaults 20, 20 (3
 * more rounds discarded as warm-up).
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
    String loadBefore = load();
    ServerBenchmark b = new ServerBenchmark();
    b.setup();
    try {
      Op[] ops = {b::httpIssueVerify, b::baselineInProcess};
      String[] names = {"httpIssueVerify", "baselineInProcess"};
      double[][] means = new double[2][rounds];
      long[][] calls = new long[2][rounds * block];
      for (int round = -3; round < rounds; round++) {
        for (int k = 0; k < 2; k++) {
          int op = Math.floorMod(k + round, 2); // who goes first alternates
          long t0 = System.nanoTime();
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
          }
        }
      }
      System.out.printf(Locale.ROOT, "server interleaved: %d rounds (3 more discarded) of %d calls each; "
          + "load average before %s, after %s; %s%n", rounds, block, loadBefore, load(),
          System.getProperty("java.vm.version"));
      System.out.printf(Locale.ROOT, "  %-20s %10s %10s %10s%n", "operation", "min ms", "p50 ms", "p99 ms");
      for (int op = 0; op < 2; op++) {
        long[] s = calls[op].clone();
        Arrays.sort(s);
        System.out.printf(Locale.ROOT, "  %-20s %10.2f %10.2f %10.2f%n", names[op], s[0] / 1e6,
            pct(s, 0.50) / 1e6, pct(s, 0.99) / 1e6);
      }
      double[] per = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        per[r] = means[0][r] / means[1][r];
      }
      long[] h = calls[0].clone();
      long[] p = calls[1].clone();
      Arrays.sort(h);
      Arrays.sort(p);
      double medianRatio = median(per);
      System.out.printf(Locale.ROOT, "  time ratio http / in-process: %.2f (minimum block means), %.2f (median of "
          + "per-round ratios), %.2f (p50 of calls); throughput %.2f of in-process (median ratio); target <= 1.43%n",
          min(means[0]) / min(means[1]), medianRatio, pct(h, 0.50) / (double) pct(p, 0.50), 1 / medianRatio);
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
