package io.github.microcred.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs benchmarks and prints each one's ratio to the baseline of its class measured in the same run: the
 * benchmark method whose name starts with {@code raw}, {@code baseline} or {@code jackson}. Usage:
 * {@code java -cp bench/target/benchmarks.jar io.github.microcred.bench.Ratios [REGEX] [JMH options]}. In sample mode
 * the ratio is of medians.
 *
 * <p>{@code --rounds N} (first argument) interleaves: the selected benchmark methods run N times, one JMH run per
 * method, in forward order on odd rounds and reverse order on even rounds, so a drift of the machine's speed (other
 * processes, frequency) lands on both sides of a ratio. Each round's ratios are printed, then per benchmark the median
 * ratio over the rounds with its range.
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
    if (args.length >= 2 && args[0].equals("--rounds")) {
      interleaved(Integer.parseInt(args[1]), Arrays.copyOfRange(args, 2, args.length));
      return;
    }
    CommandLineOptions cli = new CommandLineOptions(args); // REGEX plus any JMH option, e.g. -wi 3 -i 5 -r 1
    OptionsBuilder builder = new OptionsBuilder();
    builder.parent(cli);
    if (cli.getIncludes().isEmpty()) {
      builder.include(".*Benchmark.*");
    }
    printRatios(scores(new Runner(builder.build()).run()));
  }

  private static void interleaved(int rounds, String[] args) throws RunnerException, CommandLineOptionException {
    CommandLineOptions cli = new CommandLineOptions(args);
    List<String> includes = cli.getIncludes().isEmpty() ? List.of(".*Benchmark.*") : cli.getIncludes();
    // the JMH options without the regex, as the parent of each one-method run (a parent's includes would add up)
    CommandLineOptions options = new CommandLineOptions(
        Arrays.stream(args).filter(a -> !cli.getIncludes().contains(a)).toArray(String[]::new));
    SortedSet<String> methods = new TreeSet<>();
    for (BenchmarkListEntry e : BenchmarkList.defaultList().find(
        OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT), includes, cli.getExcludes())) {
      methods.add(e.getUsername());
    }
    Map<String, List<Double>> perRound = new LinkedHashMap<>();
    for (int round = 1; round <= rounds; round++) {
      List<String> order = new ArrayList<>(methods);
      if (round % 2 == 0) {
        Collections.reverse(order);
      }
      List<RunResult> results = new ArrayList<>();
      for (String method : order) {
        OptionsBuilder builder = new OptionsBuilder();
        builder.parent(options);
        builder.include("^" + Pattern.quote(method) + "$");
        results.addAll(new Runner(builder.build()).run());
      }
      System.out.println();
      System.out.println("round " + round + " of " + rounds + " (order " + order + "):");
      Map<String, Double> ratios = printRatios(scores(results));
      ratios.forEach((label, ratio) -> perRound.computeIfAbsent(label, k -> new ArrayList<>()).add(ratio));
    }
    System.out.println();
    System.out.println("interleaved over " + rounds + " rounds: median ratio [min, max]");
    perRound.forEach((label, list) -> {
      List<Double> sorted = new ArrayList<>(list);
      Collections.sort(sorted);
      double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
          : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
      System.out.printf(Locale.ROOT, "  %-90s %8.2f x  [%.2f, %.2f]%n", label, median, sorted.get(0),
          sorted.get(sorted.size() - 1));
    });
  }

  private static Map<String, Double> scores(Collection<RunResult> results) {
    Map<String, Double> scores = new TreeMap<>();
    for (RunResult r : results) {
      String label = r.getParams().getBenchmark()
          + r.getParams().getParamsKeys().stream().map(k -> "[" + k + "=" + r.getParams().getParam(k) + "]")
              .reduce("", String::concat);
      // sample mode: the median, which a descheduled call on a shared machine cannot drag up as it does the mean
      scores.put(label, r.getParams().getMode() == Mode.SampleTime
          ? r.getPrimaryResult().getStatistics().getPercentile(50) : r.getPrimaryResult().getScore());
    }
    return scores;
  }

  private static Map<String, Double> printRatios(Map<String, Double> scores) {
    Map<String, Double> ratios = new TreeMap<>();
    System.out.println();
    System.out.println("ratios to the same-run baseline (lower is better for time modes):");
    scores.forEach((label, score) -> {
      String baseline = baselineOf(label, scores);
      if (baseline != null && !baseline.equals(label)) {
        double ratio = score / scores.get(baseline);
        ratios.put(label, ratio);
        System.out.printf(Locale.ROOT, "  %-90s %8.2f x  (%s)%n", label, ratio,
            baseline.substring(baseline.lastIndexOf('.') + 1));
      }
    });
    return ratios;
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
