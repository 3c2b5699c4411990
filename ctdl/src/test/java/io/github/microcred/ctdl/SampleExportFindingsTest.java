package io.github.microcred.ctdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.microcred.core.Issue;
import io.github.microcred.core.MicroCredential;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The sample {@code examples/micro-credential.json} exports with no error, and every other finding of our own
 * validator is justified in the README's "CTDL: what the sample's export leaves out" (class and property named in
 * the bullet of its class). A new finding fails until it is fixed in the exporter or explained there.
 */
class SampleExportFindingsTest {
  static final Pattern RECOMMENDED = Pattern.compile("^(\\S+) should have .*\\((.+)\\)$");
  static final Pattern UNSTABLE = Pattern.compile("^(\\S+) is vs:unstable$");

  @Test
  void everyFindingOfTheSampleIsJustifiedInTheReadme() throws Exception {
    CtdlReport r = Ctdl.export(MicroCredential.fromJson(Files.readString(Path.of("../examples/micro-credential.json"))))
        .validate();
    assertEquals(List.of(), r.errors(), "the sample exports without errors");
    String readme = Files.readString(Path.of("../README.md"));
    int start = readme.indexOf("#### CTDL: what the sample's export leaves out");
    assertTrue(start > 0, "the README section exists");
    String section = readme.substring(start, readme.indexOf("\n#", start + 10)).replaceAll("\\s*\\n\\s*", " ");
    List<String> unexplained = new ArrayList<>();
    for (Issue p : r.problems()) {
      Matcher m = RECOMMENDED.matcher(p.message());
      Matcher u = UNSTABLE.matcher(p.message());
      if (p.code() == CtdlProblemCode.MISSING_RECOMMENDED && m.matches()) {
        String bullet = bullet(section, "- `" + m.group(1) + "`:");
        if (bullet == null || !bullet.contains("`" + m.group(2) + "`")) {
          unexplained.add(p.toString());
        }
      } else if (p.code() == CtdlProblemCode.UNSTABLE_TERM && u.matches()) {
        String bullet = bullet(section, "- Notes (`UNSTABLE_TERM`");
        if (bullet == null || !bullet.contains("`" + u.group(1) + "`")) {
          unexplained.add(p.toString());
        }
      } else {
        unexplained.add(p.toString());
      }
    }
    if (!unexplained.isEmpty()) {
      fail(unexplained.size() + " finding(s) not justified in the README:\n  " + String.join("\n  ", unexplained));
    }
    assertTrue(r.problems().size() > 0, "the findings are checked, not absent");
  }

  private static String bullet(String section, String head) {
    int i = section.indexOf(head);
    if (i < 0) {
      return null;
    }
    int end = section.indexOf(" - ", i + head.length());
    return section.substring(i, end < 0 ? section.length() : end);
  }
}
