package io.github.microcred.vc.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Finds installed peers (PostgreSQL, node_modules); skips when absent unless MICROCRED_REQUIRE_PEERS=1. */
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

  /** The shared/ reference directory. */
  public static Path shared() {
    return Path.of(System.getProperty("microcred.shared", "../../shared"));
  }
}
