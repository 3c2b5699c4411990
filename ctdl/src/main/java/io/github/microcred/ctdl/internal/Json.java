package io.github.microcred.ctdl.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** Shared Jackson mapper and parse helpers. */
public final class Json {
  /**
   * The mapper (thread-safe once configured). Decimal numbers are read as exact {@code BigDecimal}s, as written
   * ({@code 10.0} stays {@code 10.0}), so credit amounts keep every digit of the record.
   */
  public static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
      .build();

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
