package io.github.microcred.stacking.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.microcred.core.internal.JsonNesting;
import io.github.microcred.stacking.Fraction;
import io.github.microcred.stacking.StackingErrorCode;
import io.github.microcred.stacking.StackingException;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Small helpers to read JSON trees while collecting errors with their JSON paths. */
public final class Json {
  /**
   * How deep arrays and objects may nest in rules, transcript and catalogue text (requirements nest at most
   * {@link FlatTree#MAX_DEPTH} levels, two JSON levels each); deeper text is refused with the path where it went too
   * deep.
   */
  public static final int MAX_DEPTH = 1000;

  /**
   * The module's one mapper (thread-safe once configured), strict: decimals read as exact {@code BigDecimal}s,
   * nesting bounded at {@link #MAX_DEPTH}, a duplicate key or content after the document a parse error (not the last
   * duplicate silently winning).
   */
  public static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  static {
    MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build());
  }

  /**
   * Parses text, turning a failure into the module's exception: a syntax error as {@code $: not JSON: line L,
   * column C: ...}, text nested too deep as {@code PATH: not JSON: line L, column C: nested deeper than ...}.
   *
   * @param text the text
   * @param code the error code of the document being read
   * @param prefix put before the path in the message (e.g. a degree's id), or empty
   * @param expected what the text should be, for a nesting refusal (e.g. "a transcript (a few levels deep)")
   * @return the tree, or null for empty text
   * @throws StackingException with {@code code} when the text is not JSON
   */
  public static JsonNode parse(String text, StackingErrorCode code, String prefix, String expected) throws StackingException {
    try {
      return JsonNesting.readTree(MAPPER, text);
    } catch (JsonNesting.NestingException e) {
      JsonNesting.TooDeep d = e.where();
      throw new StackingException(code, prefix + JsonNesting.abbreviate(d.path()) + ": not JSON: "
          + d.message(expected));
    } catch (JsonProcessingException e) {
      JsonLocation l = e.getLocation();
      String where = l == null ? "" : "line " + l.getLineNr() + ", column " + l.getColumnNr() + ": ";
      throw new StackingException(code, prefix + "$: not JSON: " + where + e.getOriginalMessage());
    } catch (IOException e) {
      throw new StackingException(code, prefix + "$: not JSON: " + e.getMessage());
    }
  }

  /** Collected errors. */
  public final List<String> errors = new ArrayList<>();

  /**
   * Records an error.
   *
   * @param path JSON path
   * @param msg message
   */
  public void err(String path, String msg) {
    errors.add(path + ": " + msg);
  }

  /**
   * Reads a text field.
   *
   * @param o object
   * @param f field
   * @param path path of the object
   * @param def default when absent (null = required)
   * @return value or default
   */
  public String text(JsonNode o, String f, String path, String def) {
    JsonNode v = o.get(f);
    if (v == null || v.isNull()) {
      if (def == null) {
        err(path + "." + f, "required string is missing");
        return "";
      }
      return def;
    }
    if (!v.isTextual()) {
      err(path + "." + f, "expected a string, got " + v.getNodeType());
      return def == null ? "" : def;
    }
    return v.asText();
  }

  /**
   * Reads a number field.
   *
   * @param o object
   * @param f field
   * @param path path
   * @param def default (null = required)
   * @return value
   */
  public BigDecimal number(JsonNode o, String f, String path, BigDecimal def) {
    JsonNode v = o.get(f);
    if (v == null || v.isNull()) {
      if (def == null) {
        err(path + "." + f, "required number is missing");
        return BigDecimal.ZERO;
      }
      return def;
    }
    return number(v, path + "." + f);
  }

  /**
   * Reads a number node exactly; accepts a fraction string {@code "7/2"} too when it has a finite decimal value. A
   * fraction without one ({@code "10/3"}) is an error naming the path: an amount is never rounded on reading.
   *
   * @param v node
   * @param path path
   * @return value
   */
  public BigDecimal number(JsonNode v, String path) {
    if (v.isTextual() && v.asText().contains("/")) {
      Fraction f = fraction(v, path);
      var d = f.exactDecimal();
      if (d.isEmpty()) {
        err(path, "'" + v.asText() + "' has no exact decimal value; give this amount as a decimal or a fraction"
            + " that divides evenly (a share of the total, maxShare, takes any fraction)");
        return BigDecimal.ZERO;
      }
      return d.get();
    }
    return fraction(v, path).exactDecimal().orElse(BigDecimal.ZERO);
  }

  /**
   * Reads a fraction field exactly: a JSON number or a string {@code "a/b"}.
   *
   * @param o object
   * @param f field
   * @param path path of the object
   * @param def default (null = required)
   * @return value
   */
  public Fraction fraction(JsonNode o, String f, String path,
      Fraction def) {
    JsonNode v = o.get(f);
    if (v == null || v.isNull()) {
      if (def == null) {
        err(path + "." + f, "required number is missing");
        return Fraction.ZERO;
      }
      return def;
    }
    return fraction(v, path + "." + f);
  }

  private Fraction fraction(JsonNode v, String path) {
    if (v.isNumber()) {
      BigDecimal d = v.decimalValue();
      if (Math.abs((long) d.scale()) > 100 || (long) d.precision() - d.scale() > 100) {
        err(path, "number out of range: " + v);
        return Fraction.ZERO;
      }
      return Fraction.of(d);
    }
    if (v.isTextual() && v.asText().matches("\\s*-?\\d+(\\.\\d+)?\\s*/\\s*\\d+(\\.\\d+)?\\s*")) {
      try {
        return Fraction.parse(v.asText());
      } catch (IllegalArgumentException e) {
        err(path, e.getMessage());
        return Fraction.ZERO;
      }
    }
    err(path, "expected a number or a fraction string \"a/b\", got " + (v.isTextual() ? "'" + v.asText() + "'"
        : v.getNodeType().toString()));
    return Fraction.ZERO;
  }

  /**
   * Reads an integer field.
   *
   * @param o object
   * @param f field
   * @param path path
   * @param def default (null = required)
   * @return value
   */
  public int integer(JsonNode o, String f, String path, Integer def) {
    JsonNode v = o.get(f);
    if (v == null || v.isNull()) {
      if (def == null) {
        err(path + "." + f, "required integer is missing");
        return 0;
      }
      return def;
    }
    if (!v.canConvertToInt() || !v.isIntegralNumber()) {
      err(path + "." + f, "expected an integer, got " + v);
      return def == null ? 0 : def;
    }
    return v.intValue();
  }

  /**
   * Reads a boolean field.
   *
   * @param o object
   * @param f field
   * @param path path
   * @param def default
   * @return value
   */
  public boolean bool(JsonNode o, String f, String path, boolean def) {
    JsonNode v = o.get(f);
    if (v == null || v.isNull()) {
      return def;
    }
    if (!v.isBoolean()) {
      err(path + "." + f, "expected true or false, got " + v);
      return def;
    }
    return v.booleanValue();
  }

  /**
   * Reads a string array (a single string is accepted as a one-element array).
   *
   * @param o object
   * @param f field
   * @param path path
   * @return values
   */
  public Set<String> strings(JsonNode o, String f, String path) {
    JsonNode v = o.get(f);
    Set<String> out = new LinkedHashSet<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (v.isTextual()) {
      out.add(v.asText());
      return out;
    }
    if (!v.isArray()) {
      err(path + "." + f, "expected an array of strings, got " + v.getNodeType());
      return out;
    }
    for (int i = 0; i < v.size(); i++) {
      if (!v.get(i).isTextual()) {
        err(path + "." + f + "[" + i + "]", "expected a string, got " + v.get(i).getNodeType());
      } else {
        out.add(v.get(i).asText());
      }
    }
    return out;
  }

  /**
   * Reads a date field.
   *
   * @param o object
   * @param f field
   * @param path path
   * @return the date, or null when absent
   */
  public LocalDate date(JsonNode o, String f, String path) {
    JsonNode v = o.get(f);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      err(path + "." + f, "expected an ISO date string, got " + v.getNodeType());
      return null;
    }
    String s = v.asText();
    try {
      return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
    } catch (DateTimeParseException e) {
      err(path + "." + f, "expected an ISO date (YYYY-MM-DD), got '" + s + "'");
      return null;
    }
  }

  /**
   * Reports fields not in the allowed set.
   *
   * @param o object
   * @param path path
   * @param allowed allowed field names
   */
  public void only(JsonNode o, String path, Set<String> allowed) {
    o.fieldNames().forEachRemaining(f -> {
      if (!allowed.contains(f)) {
        err(path + "." + f, "unknown field (allowed: " + String.join(", ", new TreeSet<>(allowed)) + ")");
      }
    });
  }
}
