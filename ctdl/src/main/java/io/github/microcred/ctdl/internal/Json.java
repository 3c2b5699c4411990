package io.github.microcred.ctdl.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Shared Jackson mapper and parse helpers. */
public final class Json {
  /** The mapper (thread-safe once configured). */
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /**
   * Parses JSON text, tolerating a leading UTF-8 byte order mark (CE envelope samples carry one).
   *
   * @param text the text
   * @return the tree
   * @throws JsonProcessingException when malformed
   */
  public static JsonNode parse(String text) throws JsonProcessingException {
    String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
    JsonNode n = MAPPER.readTree(t);
    if (n == null || n.isMissingNode()) {
      throw new com.fasterxml.jackson.core.JsonParseException(null, "empty document");
    }
    return n;
  }

  /**
   * Describes a parse failure with line and column.
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
