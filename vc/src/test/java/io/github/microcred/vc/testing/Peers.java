package io.github.microcred.vc.testing;

import static org.junit.jupiter.api.Assertions.fail;

import io.github.microcred.core.testing.NodeHarness;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds installed peers (PostgreSQL, the Node interop harnesses); skips when absent unless MICROCRED_REQUIRE_PEERS=1.
 * The Node harnesses install themselves ({@link NodeHarness}).
 */
public final class Peers {
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
   * A Node interop harness under {@code interop/NAME}, installed with {@code npm ci} when needed
   * ({@link NodeHarness#require}).
   *
   * @param name the folder under {@code interop/}, e.g. {@code di}
   * @param probe a path under {@code node_modules} that exists once installed
   * @return the harness folder
   */
  public static Path nodeHarness(String name, String probe) {
    return NodeHarness.require(name, probe);
  }
}
