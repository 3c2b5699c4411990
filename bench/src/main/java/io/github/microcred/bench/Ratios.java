package io.github.microcred.bench;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs benchmarks and prints each one's ratio to the baseline of its class measured in the same run: the
 * benchmark method whose name starts with {@code raw}, {@code baseline} or {@code jackson}. Usage:
 * {@code java -cp bench/target/benchmarks.jar io.github.microcred.bench.Ratios [REGEX] [JMH options]}. In sample mode
 * the ratio is of medians.
 */
public final class Ratios {

  private Ratios() {}

  /**
   * Entry point.
   *
   * @param args an optional benchmark regex (default: every benchmark), then any JMH command line option
   * @throws RunnerException when JMH fails
   * @throws CommandLineOptionException when an option is not understood
   */
  public static void main(String[] args) throws RunnerException, CommandLineOptionException {
    CommandLineOptions cli = new CommandLineOptions(args); // REGEX plus any JMH option, e.g. -wi 3 -i 5 -r 1
    OptionsBuilder builder = new OptionsBuilder();
    builder.parent(cli);
    if (cli.getIncludes().isEmpty()) {
      builder.include(".*Benchmark.*");
    }
    Options opt = builder.build();
    Collection<RunResult> results = new Runner(opt).run();
    Map<String, Double> scores = new TreeMap<>();
    for (RunResult r : results) {
      String label = r.getParams().getBenchmark()
          + r.getParams().getParamsKeys().stream().map(k -> "[" + k + "=" + r.getParams().getParam(k) + "]")
              .reduce("", String::concat);
      // sample mode: the median, which a descheduled call on a shared machine cannot drag up as it does the mean
      scores.put(label, r.getParams().getMode() == Mode.SampleTime
          ? r.getPrimaryResult().getStatistics().getPercentile(50) : r.getPrimaryResult().getScore());
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
