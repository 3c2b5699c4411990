package io.github.microcred.elm.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Shared Jackson mapper (duplicate keys refused) and parse helpers. */
public final class Json {
  /** The mapper (thread-safe once configured). */
  public static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .build();

  private Json() {}

  /**
   * Parses JSON text, tolerating a leading UTF-8 byte order mark.
   *
   * @param text the text
   * @return the tree
   * @throws JsonProcessingException when malformed (duplicate keys included)
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
