package io.github.microcred.elm.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.microcred.core.internal.JsonValues;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Shared Jackson mapper (duplicate keys refused, bounded) and parse helpers. */
public final class Json {
  /** The most characters a document may have (16 Mi: the EC sample is 111 KB, most of it its display image). */
  public static final int MAX_CHARS = 16 * 1024 * 1024;
  /** The deepest nesting a document may have (EDC credentials nest about 12 deep; the reader allows 64 below the top). */
  public static final int MAX_DEPTH = 70;
  /** The most JSON values a document may hold (the EC sample has about 1,300). */
  public static final int MAX_VALUES = 1_000_000;

  /**
   * Jackson's token bound: a document of V values has fewer than 3V tokens (a start and an end per container, one
   * token per scalar, a name per member), so no document within {@link #MAX_VALUES} meets it, and one that exceeds it
   * has more than {@link #MAX_VALUES} values. The exact value count is checked on the tree.
   */
  static final long MAX_TOKENS = 3L * MAX_VALUES;

  /** The mapper (thread-safe once configured). */
  public static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
              .maxDocumentLength(MAX_CHARS).maxStringLength(MAX_CHARS).maxNumberLength(100)
              .maxTokenCount(MAX_TOKENS).build())
          .build())
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .build();

  /** A document beyond one of the bounds ({@link #MAX_CHARS}, {@link #MAX_DEPTH}, {@link #MAX_VALUES}). */
  public static final class LimitExceeded extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates it.
     *
     * @param message the path and the bound
     */
    public LimitExceeded(String message) {
      super(message);
    }
  }

  private Json() {}

  /**
   * Parses JSON text, tolerating a leading UTF-8 byte order mark.
   *
   * @param text the text
   * @return the tree
   * @throws JsonProcessingException when malformed (duplicate keys included)
   * @throws LimitExceeded when beyond {@link #MAX_CHARS}, {@link #MAX_DEPTH} or (as tokens) {@link #MAX_VALUES}
   */
  public static JsonNode parse(String text) throws JsonProcessingException {
    if (text.length() > MAX_CHARS) {
      throw new LimitExceeded("$: the document has " + text.length() + " characters; at most " + MAX_CHARS
          + " are read");
    }
    String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
    try (JsonParser p = MAPPER.createParser(t)) {
      try {
        JsonNode n = MAPPER.readTree(p);
        if (n == null || n.isMissingNode()) {
          throw new JsonParseException(null, "empty document");
        }
        return n;
      } catch (StreamConstraintsException e) {
        // Jackson's constraint failures carry no location; the parser knows where it stopped
        JsonLocation l = e.getLocation() != null ? e.getLocation() : p.currentLocation();
        String what = e.getOriginalMessage().startsWith("Token count") ? "more than " + MAX_VALUES + " JSON values"
            : e.getOriginalMessage();
        throw new LimitExceeded("$: " + (l == null ? "" : "at line " + l.getLineNr() + ", column " + l.getColumnNr()
            + ": ") + what);
      }
    } catch (JsonProcessingException e) {
      throw e;
    } catch (IOException e) {
      // a String source does no I/O; only Jackson's own failures (above) can happen
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Describes a parse failure with line and column.
   *
   * @param e the failure
   * @return the message
   */
  public static String describe(JsonProcessingException e) {
    return JsonValues.describe(e);
  }
}
