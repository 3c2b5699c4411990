package io.github.microcred.bench;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs benchmarks and prints each one's ratio to the baseline of its class measured in the same run: the
 * benchmark method whose name starts with {@code raw}, {@code baseline} or {@code jackson}. Usage:
 * {@code java -cp bench/target/benchmarks.jar io.github.microcred.bench.Ratios [REGEX]}.
 */
public final class Ratios {

  private Ratios() {}

  /**
   * Entry point.
   *
   * @param args an optional benchmark regex (default: every benchmark)
   * @throws RunnerException when JMH fails
   */
  public static void main(String[] args) throws RunnerException {
    Options opt = new OptionsBuilder().include(args.length > 0 ? args[0] : ".*Benchmark.*").build();
    Collection<RunResult> results = new Runner(opt).run();
    Map<String, Double> scores = new TreeMap<>();
    for (RunResult r : results) {
      String label = r.getParams().getBenchmark()
          + r.getParams().getParamsKeys().stream().map(k -> "[" + k + "=" + r.getParams().getParam(k) + "]")
              .reduce("", String::concat);
      scores.put(label, r.getPrimaryResult().getScore());
    }
    System.out.println();
    System.out.println("ratios to the same-run baseline (lower is better for time modes):");
    scores.forEach((label, score) -> {
      String baseline = baselineOf(label, scores);
      if (baseline != null && !baseline.equals(label)) {
        System.out.printf(Locale.ROOT, "  %-90s %8.2f x  (%s)%n", label, score / scores.get(baseline),
            baseline.substring(baseline.lastIndexOf('.') + 1));
      }
    });
  }

  private static String baselineOf(String label, Map<String, Double> scores) {
    int dot = label.lastIndexOf('.', label.indexOf('[') < 0 ? label.length() : label.indexOf('['));
    String cls = label.substring(0, dot);
    String params = label.indexOf('[') < 0 ? "" : label.substring(label.indexOf('['));
    for (String candidate : scores.keySet()) {
      String method = candidate.substring(cls.length() + 1);
      if (candidate.startsWith(cls + ".")
          && (method.startsWith("raw") || method.startsWith("baseline") || method.startsWith("jackson"))
          && candidate.endsWith(params)) {
        return candidate;
      }
    }
    return null;
  }
}
