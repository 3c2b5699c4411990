package io.github.microcred.ctdl;

import io.github.microcred.core.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CTDL reference data for tests, laid out as {@code ../shared/specs/ctdl}: a file copied into this module's test
 * resources ({@code src/test/resources/specs/ctdl}, licensed copies listed in its SOURCES.md) is read there; any other
 * (the real registry records, CE samples and policy data, which carry no open licence) is read in place from
 * {@code ../shared}, and its test is skipped with a reason when {@code ../shared} is absent (failed under
 * {@code MICROCRED_REQUIRE_SHARED=1}).
 */
final class Shared {
  static final Path COPIES = Path.of("src", "test", "resources", "specs", "ctdl");

  private Shared() {}

  static Path ctdl(String rel) {
    Path copy = COPIES.resolve(rel);
    return Files.exists(copy) ? copy : SharedData.require("specs/ctdl/" + rel);
  }

  static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }
}
