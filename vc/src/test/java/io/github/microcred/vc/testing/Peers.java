package io.github.microcred.vc.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds installed peers (PostgreSQL, the Node interop harnesses); skips when absent unless MICROCRED_REQUIRE_PEERS=1.
 * The Node harnesses install themselves: when {@code node} and {@code npm} are on the PATH and a harness's
 * {@code node_modules} is missing or older than its {@code package-lock.json}, {@link #nodeHarness} runs
 * {@code npm ci} there (exact versions from the lockfile) before the test uses it.
 */
public final class Peers {
  /** How long one {@code npm ci} may take before it counts as failed (slow network). */
  static final long NPM_CI_MINUTES = 10;
  /** Why a harness could not be installed, by name: one npm ci per harness and JVM, not one per test. */
  private static final java.util.Map<String, String> UNAVAILABLE = new java.util.HashMap<>();

  private Peers() {}

  /** Whether CI demands every peer. */
  public static boolean required() {
    return "1".equals(System.getenv("MICROCRED_REQUIRE_PEERS"));
  }

  /**
   * The JDBC URL of the test PostgreSQL (env MICROCRED_PG_URL).
   *
   * @return the URL
   */
  public static String postgresUrl() {
    String url = System.getenv("MICROCRED_PG_URL");
    if (url == null || url.isBlank()) {
      absent("MICROCRED_PG_URL is not set: start PostgreSQL as in README 'Local PostgreSQL' (or .ci/run)");
    }
    return url;
  }

  /**
   * Skips, or fails under MICROCRED_REQUIRE_PEERS=1.
   *
   * @param why what is missing
   */
  public static void absent(String why) {
    if (required()) {
      fail("peer required (MICROCRED_REQUIRE_PEERS=1) but missing: " + why);
    }
    Assumptions.abort(why);
  }

  /** The repository root (the parent of the vc module directory). */
  public static Path repoRoot() {
    return Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
  }

  /** The W3C and 1EdTech vectors copied into this module's test resources (see vectors/SOURCES.md). */
  public static Path vectors() {
    return Path.of("src/test/resources/io/github/microcred/vc/vectors").toAbsolutePath();
  }

  /**
   * A Node interop harness under {@code interop/NAME}, ready to run: installs its pinned packages with
   * {@code npm ci} when they are missing or stale, else skips (or fails under MICROCRED_REQUIRE_PEERS=1) with a
   * one-line reason that says how to enable it.
   *
   * @param name the folder under {@code interop/}, e.g. {@code di}
   * @param probe a path under {@code node_modules} that exists once installed, e.g. {@code @digitalbazaar/vc}
   * @return the harness folder
   */
  public static synchronized Path nodeHarness(String name, String probe) {
    Path dir = repoRoot().resolve("interop").resolve(name).normalize();
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
    absent(why);
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
