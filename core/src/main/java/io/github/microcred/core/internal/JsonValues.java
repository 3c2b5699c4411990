package io.github.microcred.core.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON helpers every module's readers share (core, ctdl, vc, elm): the one-value-or-list reading of JSON(-LD)
 * members, parsing with a module's own strict mapper, and the one wording of a parse failure.
 */
public final class JsonValues {
  private JsonValues() {}

  /**
   * A member that may hold one value or a list of them (JSON-LD's habit): absent or {@code null} is empty, an array
   * is its elements in order, any other value is a list of itself.
   *
   * @param v the member's value, or null when absent
   * @return a new mutable list
   */
  public static List<JsonNode> list(JsonNode v) {
    List<JsonNode> out = new ArrayList<>();
    if (v == null || v.isNull() || v.isMissingNode()) {
      return out;
    }
    if (v.isArray()) {
      v.forEach(out::add);
    } else {
      out.add(v);
    }
    return out;
  }

  /**
   * Parses JSON text with a module's mapper, tolerating a leading UTF-8 byte order mark (published samples carry
   * one); empty input is a parse failure.
   *
   * @param mapper the module's strict mapper
   * @param text the text
   * @return the tree
   * @throws JsonProcessingException when malformed or empty
   */
  public static JsonNode readTree(ObjectMapper mapper, String text) throws JsonProcessingException {
    String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
    JsonNode n = mapper.readTree(t);
    if (n == null || n.isMissingNode()) {
      throw new JsonParseException(null, "empty document");
    }
    return n;
  }

  /**
   * Describes a parse failure with its line and column: {@code malformed JSON at line L, column C: why}.
   *
   * @param e the failure
   * @return the message
   */
  public static String describe(JsonProcessingException e) {
    JsonLocation l = e.getLocation();
    String where = l == null ? "" : " at line " + l.getLineNr() + ", column " + l.getColumnNr();
    return "malformed JSON" + where + ": " + e.getOriginalMessage();
  }
}
