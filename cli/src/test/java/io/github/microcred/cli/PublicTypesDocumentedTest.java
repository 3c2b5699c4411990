package io.github.microcred.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every public type of the published modules (core, vc, ctdl, stacking; {@code internal} packages excluded, as in the
 * Javadoc) has a Javadoc comment. The release profile's javadoc run fails on warnings, but doclint's "missing" group
 * cannot be limited to types, so this check reads the sources: a public class, interface, enum, record or annotation
 * type, top-level or nested, must follow a comment that opens with {@code /**} (annotations may stand between).
 */
class PublicTypesDocumentedTest {
  static final List<String> MODULES = List.of("core", "vc", "ctdl", "stacking");
  static final Pattern PUBLIC_TYPE = Pattern.compile(
      "^\\s*public\\s+(?:(?:static|final|abstract|sealed|non-sealed|strictfp)\\s+)*(?:class|interface|enum|record|@interface)\\s+(\\w+).*");

  static List<String> undocumented(List<String> lines, String file) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      var m = PUBLIC_TYPE.matcher(lines.get(i));
      if (!m.matches()) {
        continue;
      }
      int j = i - 1;
      while (j >= 0 && (lines.get(j).isBlank() || lines.get(j).strip().startsWith("@")
          || lines.get(j).strip().startsWith(")") || lines.get(j).strip().startsWith("\""))) {
        j--; // annotations, possibly over several lines
      }
      boolean documented = false;
      if (j >= 0 && lines.get(j).strip().endsWith("*/")) {
        int k = j;
        while (k >= 0 && !lines.get(k).contains("/*")) {
          k--;
        }
        documented = k >= 0 && lines.get(k).contains("/**");
      }
      if (!documented) {
        out.add(file + ":" + (i + 1) + " " + m.group(1));
      }
    }
    return out;
  }

  @Test
  void everyPublicTypeHasJavadoc() throws IOException {
    Path root = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
    List<String> missing = new ArrayList<>();
    int types = 0;
    for (String module : MODULES) {
      Path src = root.resolve(module).resolve("src/main/java");
      List<Path> files;
      try (Stream<Path> s = Files.walk(src)) {
        files = s.filter(p -> p.toString().endsWith(".java")).filter(p -> !p.toString().contains("/internal/"))
            .sorted().toList();
      }
      for (Path f : files) {
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        types += (int) lines.stream().filter(l -> PUBLIC_TYPE.matcher(l).matches()).count();
        missing.addAll(undocumented(lines, root.relativize(f).toString()));
      }
    }
    assertTrue(types > 100, "too few public types found (" + types + "): is the pattern broken?");
    assertEquals(List.of(), missing, "public types without Javadoc");
  }

  @Test
  void theCheckFindsAnUndocumentedType() {
    assertEquals(List.of("X.java:3 Bare", "X.java:8 Nested", "X.java:17 I"), undocumented(List.of(
        "package p;", "", "public final class Bare {", "}", "/** Doc. */", "@Deprecated", "public record R(int a) {",
        "  public static class Nested {}", "  /* not Javadoc */", "  // nor this", "  /**", "   * Doc.", "   */",
        "  @SuppressWarnings(\"x\")", "  public enum E { A }", "  /* plain */",
        "  public interface I {}", "}"), "X.java"));
  }
}
