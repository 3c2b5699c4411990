package io.github.microcred.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.microcred.core.internal.Json;
import io.github.microcred.core.internal.JsonCodec;
import io.github.microcred.core.internal.JsonNesting;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * The reading behind {@code fromJson} of {@link MicroCredential}, {@link Award} and {@link Organization}: strict
 * parsing (syntax errors with line and column, nesting past 256 levels with its path) and the model mapping, every
 * problem named with its JSON path.
 */
final class MicroCredentialJson {

  private MicroCredentialJson() {}

  /** Parses the text, then reads the tree. */
  static <T> T read(String json, BiFunction<JsonCodec, JsonNode, T> reader) throws CoreException {
    List<Issue> issues = new ArrayList<>();
    JsonNode n = Json.parse(json, issues);
    if (n == null) {
      throw malformed(issues.get(0));
    }
    return read(n, reader);
  }

  /** Reads the tree; a null tree is {@code MALFORMED_JSON}. */
  static <T> T read(JsonNode tree, BiFunction<JsonCodec, JsonNode, T> reader) throws CoreException {
    if (tree == null) {
      throw new CoreException(CoreErrorCode.MALFORMED_JSON, "malformed JSON: no input");
    }
    JsonCodec c = new JsonCodec();
    T value = reader.apply(c, tree);
    List<Issue> issues = c.issues();
    if (!issues.isEmpty() || value == null) {
      throw new CoreException(CoreErrorCode.INVALID_DOCUMENT, issues.stream()
          .map(i -> i.path() + ": " + i.message()).collect(Collectors.joining("; ")));
    }
    return value;
  }

  /** The parse refusal as an exception; a refusal inside the document (nesting too deep) names its path. */
  private static CoreException malformed(Issue i) {
    return new CoreException(CoreErrorCode.MALFORMED_JSON,
        "malformed JSON" + ("$".equals(i.path()) ? "" : " at " + JsonNesting.abbreviate(i.path())) + ": " + i.message());
  }
}
