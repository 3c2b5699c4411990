package io.github.microcred.core.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.microcred.core.CoreIssueCode;
import io.github.microcred.core.Issue;
import io.github.microcred.core.Severity;
import java.util.List;

/** The shared, strictly configured Jackson mapper and a parser that turns syntax errors into issues. */
public final class Json {

  /** Strict mapper: exact decimals, duplicate keys and trailing tokens rejected, bounded nesting. */
  public static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .build();

  /** How deep arrays and objects may nest in a document (a micro-credential is a few levels deep). */
  public static final int MAX_DEPTH = 256;

  static {
    MAPPER.getFactory().setStreamReadConstraints(
        StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).maxStringLength(10_000_000).build());
  }

  private Json() {}

  /**
   * Parses JSON text; on a syntax error adds a {@code MALFORMED_JSON} issue with line and column.
   *
   * @param text the text
   * @param issues where to add the issue
   * @return the tree, or null when the text is not JSON
   */
  public static JsonNode parse(String text, List<Issue> issues) {
    if (text == null) {
      issues.add(new Issue("$", CoreIssueCode.MALFORMED_JSON, Severity.ERROR, "no input"));
      return null;
    }
    try {
      JsonNode n;
      try {
        n = MAPPER.readTree(text);
      } catch (StreamConstraintsException e) {
        JsonNesting.TooDeep deep = JsonNesting.find(MAPPER, text);
        if (deep == null) {
          throw e;
        }
        issues.add(new Issue(deep.path(), CoreIssueCode.MALFORMED_JSON, Severity.ERROR,
            deep.message("a document a few levels deep")));
        return null;
      }
      if (n == null || n.isMissingNode()) {
        issues.add(new Issue("$", CoreIssueCode.MALFORMED_JSON, Severity.ERROR, "empty input: expected a JSON object"));
        return null;
      }
      return n;
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      String where = loc == null ? "" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ": ";
      issues.add(new Issue("$", CoreIssueCode.MALFORMED_JSON, Severity.ERROR,
          where + e.getOriginalMessage()));
      return null;
    }
  }

  /**
   * Writes a tree as indented JSON text.
   *
   * @param n the tree
   * @return the text
   */
  public static String write(JsonNode n) {
    try {
      return MAPPER.writeValueAsString(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }
}
