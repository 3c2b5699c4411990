package io.github.microcred.core.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Reference data that has no open licence (the real CTDL registry records, Credential Engine's samples and policy
 * data) stays in {@code ../shared}, beside the repository, and is read there in place; everything whose licence allows
 * it is copied into the modules' test resources with a {@code SOURCES} file. A test on {@code ../shared} data calls
 * {@link #require(String)}: without {@code ../shared} (a plain clone) it is skipped with a one-line reason, which the
 * build's skip summary ({@link SkipSummary}) repeats at the end of the module's run; with
 * {@code MICROCRED_REQUIRE_SHARED=1} (as {@code .ci/run} sets) a missing file fails the test instead.
 */
public final class SharedData {
  /** The environment variable that turns a skip for missing {@code ../shared} data into a failure. */
  public static final String REQUIRE_ENV = "MICROCRED_REQUIRE_SHARED";

  private SharedData() {}

  /**
   * Whether {@code ../shared} data is required (CI).
   *
   * @return true when {@code MICROCRED_REQUIRE_SHARED=1}
   */
  public static boolean required() {
    return "1".equals(System.getenv(REQUIRE_ENV));
  }

  /**
   * The {@code ../shared} folder: system property {@code microcred.shared} (set by the parent pom to the folder beside
   * the reactor root), else {@code ../../shared} from the module folder.
   *
   * @return the folder, when it exists
   */
  public static Optional<Path> root() {
    String p = System.getProperty("microcred.shared");
    Path path = p != null && !p.isBlank() ? Path.of(p) : Path.of("..", "..", "shared");
    return Files.isDirectory(path) ? Optional.of(path.toAbsolutePath().normalize()) : Optional.empty();
  }

  /**
   * A file or folder under {@code ../shared}; skips the calling test (or test class, or parameter source) when it is
   * missing, or fails it when {@link #required()}.
   *
   * @param rel the path relative to {@code ../shared}, e.g. {@code specs/ctdl/records/real}
   * @return the existing path
   */
  public static Path require(String rel) {
    return require(rel, root(), required());
  }

  static Path require(String rel, Optional<Path> root, boolean required) {
    Path p = root.map(r -> r.resolve(rel)).orElse(null);
    if (p == null || !Files.exists(p)) {
      // one reason per folder when ../shared is absent, so that the skip summary stays short
      String why = root.isEmpty()
          ? "../shared is absent: needs " + folder(rel) + " (reference data without an open licence, kept outside "
              + "the repository)"
          : "../shared/" + rel + " is missing (reference data without an open licence, kept outside the repository)";
      if (required) {
        fail(REQUIRE_ENV + "=1 but " + why);
      }
      Assumptions.abort(why);
    }
    return p;
  }

  static String folder(String rel) {
    String r = rel.endsWith("/") ? rel.substring(0, rel.length() - 1) : rel;
    int slash = r.lastIndexOf('/');
    return slash > 0 && r.substring(slash).contains(".") ? r.substring(0, slash) : r;
  }
}
