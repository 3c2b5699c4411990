package io.github.microcred.core.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The Node interop harnesses under {@code interop/} install themselves: when {@code node} and {@code npm} are on the
 * PATH and a harness's {@code node_modules} is missing or older than its {@code package-lock.json},
 * {@link #require} runs {@code npm ci} there (exact versions from the lockfile) before the test uses it. Without
 * node/npm, or when {@code npm ci} fails (offline), the test is skipped with a one-line reason that says how to
 * enable it, or fails instead under {@code MICROCRED_REQUIRE_PEERS=1} (as {@code .ci/run} sets).
 */
public final class NodeHarness {
  /** How long one {@code npm ci} may take before it counts as failed (slow network). */
  static final long NPM_CI_MINUTES = 10;
  /** Why a harness could not be installed, by name: one npm ci per harness and JVM, not one per test. */
  private static final Map<String, String> UNAVAILABLE = new HashMap<>();

  private NodeHarness() {}

  /**
   * The harness folder {@code interop/NAME} of the repository, ready to run.
   *
   * @param name the folder under {@code interop/}, e.g. {@code di}
   * @param probe a path under {@code node_modules} that exists once installed, e.g. {@code @digitalbazaar/vc}
   * @return the harness folder
   */
  public static synchronized Path require(String name, String probe) {
    Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent().resolve("interop").resolve(name)
        .normalize();
    String how = "(cd interop/" + name + " && npm ci) to enable it";
    Path modules = dir.resolve("node_modules");
    Path installed = modules.resolve(".package-lock.json");
    boolean present = Files.exists(modules.resolve(probe));
    boolean stale = present && (!Files.exists(installed) || newer(dir.resolve("package-lock.json"), installed));
    if (present && !stale) {
      return dir;
    }
    String why = UNAVAILABLE.get(name);
    if (why == null) {
      if (!onPath("node") || !onPath("npm")) {
        why = "interop/" + name + ": node and npm are not on the PATH: install Node.js 18+ and run " + how;
      } else {
        String failure = npmCi(dir, Path.of("target", "npm-ci-" + name + ".log").toAbsolutePath());
        if (failure != null) {
          why = "interop/" + name + ": npm ci failed (" + failure + "; offline?): run " + how;
        } else if (!Files.exists(modules.resolve(probe))) {
          why = "interop/" + name + ": npm ci did not install " + probe + ": run " + how;
        } else {
          return dir;
        }
      }
      UNAVAILABLE.put(name, why);
    }
    if ("1".equals(System.getenv("MICROCRED_REQUIRE_PEERS"))) {
      fail("peer required (MICROCRED_REQUIRE_PEERS=1) but missing: " + why);
    }
    Assumptions.abort(why);
    return dir;
  }

  private static boolean newer(Path a, Path b) {
    try {
      return Files.getLastModifiedTime(a).compareTo(Files.getLastModifiedTime(b)) > 0;
    } catch (IOException e) {
      return true;
    }
  }

  static boolean onPath(String exe) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    boolean windows = System.getProperty("os.name", "").startsWith("Windows");
    for (String d : path.split(File.pathSeparator)) {
      for (String ext : windows ? List.of(".exe", ".cmd", "") : List.of("")) {
        if (!d.isEmpty() && Files.isExecutable(Path.of(d, exe + ext))) {
          return true;
        }
      }
    }
    return false;
  }

  /** Runs {@code npm ci}; null on success, else a short reason. */
  private static String npmCi(Path dir, Path log) {
    boolean windows = System.getProperty("os.name", "").startsWith("Windows");
    System.out.println("[interop] installing the pinned packages of " + dir + " (npm ci, log " + log + ")");
    try {
      Files.createDirectories(log.getParent());
      Process p = new ProcessBuilder(windows ? "npm.cmd" : "npm", "ci", "--prefer-offline", "--no-audit", "--no-fund",
          "--loglevel=error").directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!p.waitFor(NPM_CI_MINUTES, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        return "no answer after " + NPM_CI_MINUTES + " min";
      }
      if (p.exitValue() != 0) {
        // npm's own summary line, e.g. "npm error code ECONNREFUSED", else its first line
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        String line = lines.stream().filter(l -> l.matches("npm (error|ERR!) code .*")).findFirst()
            .or(() -> lines.stream().filter(l -> !l.isBlank()).findFirst()).orElse("").strip();
        return "exit " + p.exitValue() + (line.isEmpty() ? "" : ", " + (line.length() > 120
            ? line.substring(0, 120) + "..." : line)) + ", log " + log;
      }
      return null;
    } catch (IOException e) {
      return e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }
}
