package io.github.microcred.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.core.Issue;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** The one output convention of every command that reports: JSON on stdout, or {@code --text} for people. */
final class ReportOptions {
  @Option(names = "--text", description = "Print a human summary instead of the JSON report")
  boolean text;

  /**
   * The JSON report of a validation, the same shape for {@code mcred validate} and {@code mcred ctdl validate}:
   * {@code file}, {@code valid}, {@code errors}, one more count, then {@code issues}, each with {@code path},
   * {@code code}, the {@code category} when there is one, {@code severity} (lower case) and {@code message}.
   *
   * @param file the file validated
   * @param valid whether it is valid
   * @param errors how many issues are errors
   * @param countName the name of the other count ({@code warnings}, {@code problems})
   * @param count its value
   * @param issues the issues
   * @param category an issue's category (lower case), or null for none
   * @return the report
   */
  static ObjectNode issueReport(Path file, boolean valid, int errors, String countName, int count,
      List<Issue> issues, Function<Issue, String> category) {
    ObjectNode n = CliFiles.JSON.createObjectNode();
    n.put("file", file.toString()).put("valid", valid).put("errors", errors).put(countName, count);
    ArrayNode a = n.putArray("issues");
    for (Issue i : issues) {
      ObjectNode o = a.addObject().put("path", i.path()).put("code", i.code().name());
      String c = category.apply(i);
      if (c != null) {
        o.put("category", c);
      }
      o.put("severity", i.severity().name().toLowerCase(Locale.ROOT)).put("message", i.message());
    }
    return n;
  }
}
