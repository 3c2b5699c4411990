package io.github.microcred.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * {@link DataIntegrityBenchmark}'s operations measured in interleaved blocks in one JVM, for a loaded machine where
 * JMH's one-benchmark-after-another order lets the load change between a benchmark and its baseline: each round
 * times a block of every operation in turn (the order rotating), and the report gives each operation's minimum and
 * median per-call time over the rounds and the ratios of minimums and the median of per-round ratios to the raw
 * BouncyCastle baselines. Usage: {@code java -cp bench/target/benchmarks.jar
 * io.github.microcred.bench.DataIntegrityInterleaved [ROUNDS [BLOCK [KEYTYPES [--js DIR]]]]}, defaults 30, 40,
 * {@code ED25519,P256,P384}. With {@code --js interop/di} (its {@code node_modules} installed), after each key
 * type's Java rounds the JavaScript reference stack is measured on the same credential and key by
 * {@code interop/di/bench.mjs} (a separate node process right after, same rounds and block; its own raw
 * {@code node:crypto} baseline), and its report printed below microcred's.
 */
public final class DataIntegrityInterleaved {
  private DataIntegrityInterleaved() {}

  /**
   * Entry point.
   *
   * @param args rounds, calls per block, comma-separated key types
   * @throws Exception if the setup fails
   */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    int block = args.length > 1 ? Integer.parseInt(args[1]) : 40;
    String[] types = (args.length > 2 ? args[2] : "ED25519,P256,P384").split(",");
    String jsDir = args.length > 4 && "--js".equals(args[3]) ? args[4] : null;
    System.out.printf(Locale.ROOT, "interleaved: %d rounds (3 more discarded as warm-up) of %d calls per operation%n",
        rounds, block);
    for (String type : types) {
      DataIntegrityBenchmark b = new DataIntegrityBenchmark();
      b.keyType = type;
      b.setup();
      Map<String, BooleanSupplier> ops = new LinkedHashMap<>();
      ops.put("signAndVerify", () -> {
        try {
          return b.signAndVerify();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      ops.put("signAndVerifyGeneralPath", () -> {
        try {
          return b.signAndVerifyGeneralPath();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      ops.put("verify", b::verify);
      ops.put("verifyGeneralPath", b::verifyGeneralPath);
      ops.put("rawSignAndVerify", b::rawSignAndVerify);
      ops.put("rawVerify", b::rawVerify);
      ops.put("ironSignAndVerify", b::ironSignAndVerify);
      List<String> names = new ArrayList<>(ops.keySet());
      Map<String, double[]> times = new LinkedHashMap<>();
      names.forEach(n -> times.put(n, new double[rounds]));
      for (int round = -3; round < rounds; round++) {
        for (int k = 0; k < names.size(); k++) {
          String name = names.get(Math.floorMod(k + round, names.size()));
          BooleanSupplier op = ops.get(name);
          int calls = name.startsWith("iron") ? Math.max(1, block / 8) : block;
          long t0 = System.nanoTime();
          for (int i = 0; i < calls; i++) {
            if (!op.getAsBoolean()) {
              throw new IllegalStateException(name + " did not verify");
            }
          }
          double per = (System.nanoTime() - t0) / (double) calls;
          if (round >= 0) {
            times.get(name)[round] = per;
          }
        }
      }
      System.out.printf(Locale.ROOT, "%n%s%n  %-26s %12s %12s%n", type, "operation", "min us", "median us");
      for (String n : names) {
        System.out.printf(Locale.ROOT, "  %-26s %12.1f %12.1f%n", n, min(times.get(n)) / 1e3,
            median(times.get(n)) / 1e3);
      }
      System.out.printf(Locale.ROOT, "  %-40s %10s %16s%n", "ratio", "of minimums", "median per round");
      ratio(times, "signAndVerify", "rawSignAndVerify");
      ratio(times, "signAndVerifyGeneralPath", "rawSignAndVerify");
      ratio(times, "verify", "rawVerify");
      ratio(times, "verifyGeneralPath", "rawVerify");
      ratio(times, "ironSignAndVerify", "rawSignAndVerify");
      ratio(times, "signAndVerifyGeneralPath", "signAndVerify");
      if (jsDir != null) {
        js(b, jsDir, rounds, block);
      }
    }
  }

  private static void js(DataIntegrityBenchmark b, String jsDir, int rounds, int block) throws Exception {
    Path dir = Path.of(jsDir).toAbsolutePath();
    Path contexts = dir.resolve("../../vc/src/main/resources/io/github/microcred/vc/contexts")
        .normalize();
    Path job = Files.createTempFile("microcred-js-bench", ".json");
    try {
      Files.writeString(job, b.jsJob(contexts.toString(), rounds, block).toString());
      Process p = new ProcessBuilder("node", "bench.mjs", job.toString()).directory(dir.toFile())
          .redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int rc = p.waitFor();
      System.out.printf(Locale.ROOT, "%n%s%s%n", out, rc == 0 ? "" : "(node exited with " + rc + ")");
    } finally {
      Files.deleteIfExists(job);
    }
  }

  private static void ratio(Map<String, double[]> times, String a, String b) {
    double[] x = times.get(a);
    double[] y = times.get(b);
    double[] per = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      per[i] = x[i] / y[i];
    }
    System.out.printf(Locale.ROOT, "  %-40s %10.2f x %14.2f x%n", a + " / " + b, min(x) / min(y), median(per));
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
