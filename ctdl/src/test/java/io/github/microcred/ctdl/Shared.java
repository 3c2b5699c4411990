package io.github.microcred.ctdl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Access to ../shared (read-only reference material; records there are test fixtures only, never copied). */
final class Shared {
  private Shared() {}

  static Path root() {
    String p = System.getProperty("microcred.shared");
    Path path = p != null ? Path.of(p) : Path.of("..", "..", "shared");
    assertTrue(Files.isDirectory(path), "shared directory missing: " + path.toAbsolutePath());
    return path;
  }

  static Path ctdl(String rel) {
    return root().resolve("specs/ctdl").resolve(rel);
  }

  static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }
}
