package io.github.microcred.core.testing;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Collects every skipped test (disabled, or aborted by an assumption such as a missing peer or missing
 * {@code ../shared} data) with its reason, and prints a short summary when the module's tests end, so that a skip is
 * never silent on the console. Registered for every module's tests through
 * {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener} in this test-jar. The same lines are
 * written to {@code target/skipped-tests.txt}, which {@code .ci/run} gathers at the end of the build.
 */
public final class SkipSummary implements TestExecutionListener {
  /** reason, then test label, then how many times (parameterized invocations count separately). */
  private final Map<String, Map<String, Integer>> skips = new LinkedHashMap<>();
  private int count;
  private final PrintStream out;
  private final Path file;

  /** Creates the listener (ServiceLoader): prints to standard output, writes {@code target/skipped-tests.txt}. */
  public SkipSummary() {
    this(null, Path.of(System.getProperty("user.dir"), "target", "skipped-tests.txt"));
  }

  SkipSummary(PrintStream out, Path file) {
    this.out = out;
    this.file = file;
  }

  @Override
  public synchronized void executionSkipped(TestIdentifier id, String reason) {
    add(id, reason);
  }

  @Override
  public synchronized void executionFinished(TestIdentifier id, TestExecutionResult result) {
    if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
      add(id, result.getThrowable().map(Throwable::getMessage).orElse("aborted"));
    }
  }

  private void add(TestIdentifier id, String reason) {
    count++;
    skips.computeIfAbsent(oneLine(reason), r -> new LinkedHashMap<>()).merge(label(id), 1, Integer::sum);
  }

  static String oneLine(String reason) {
    String r = reason == null || reason.isBlank() ? "no reason given" : reason.strip();
    r = r.startsWith("Assumption failed: ") ? r.substring("Assumption failed: ".length()) : r;
    int nl = r.indexOf('\n');
    return nl < 0 ? r : r.substring(0, nl).strip();
  }

  static String label(TestIdentifier id) {
    TestSource s = id.getSource().orElse(null);
    if (s instanceof MethodSource m) {
      String cls = m.getClassName();
      return cls.substring(cls.lastIndexOf('.') + 1) + "." + m.getMethodName();
    }
    if (s instanceof ClassSource c) {
      String cls = c.getClassName();
      return cls.substring(cls.lastIndexOf('.') + 1) + " (whole class)";
    }
    return id.getDisplayName();
  }

  @Override
  public synchronized void testPlanExecutionFinished(TestPlan plan) {
    String module = System.getProperty("microcred.module",
        Path.of(System.getProperty("user.dir")).getFileName().toString());
    List<String> lines = new ArrayList<>();
    if (count == 0) {
      lines.add("[skip summary] " + module + ": no test skipped");
    } else {
      lines.add("[skip summary] " + module + ": " + count + " skipped (" + skips.size() + " reason"
          + (skips.size() == 1 ? "" : "s") + ")");
      skips.forEach((reason, tests) -> {
        StringBuilder b = new StringBuilder("[skip summary]   ").append(reason).append(" <- ");
        int shown = 0;
        for (Map.Entry<String, Integer> t : tests.entrySet()) {
          if (shown++ == 4) {
            b.append(", and ").append(tests.size() - 4).append(" more");
            break;
          }
          b.append(shown > 1 ? ", " : "").append(t.getKey()).append(t.getValue() > 1 ? " x" + t.getValue() : "");
        }
        lines.add(b.toString());
      });
    }
    PrintStream o = out != null ? out : System.out;
    lines.forEach(o::println);
    o.flush();
    if (Files.isDirectory(file.getParent())) {
      try {
        Files.write(file, lines, StandardCharsets.UTF_8);
      } catch (IOException e) {
        System.err.println("[skip summary] cannot write " + file + ": " + e);
      }
    }
  }
}
