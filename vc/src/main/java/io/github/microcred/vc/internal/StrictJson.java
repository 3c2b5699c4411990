package io.github.microcred.vc.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.VcErrorCode;
import io.github.microcred.vc.VcException;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The one JSON reader of the vc module for untrusted input (credentials, presentations, JWT headers and payloads,
 * status lists, controller documents, key files, contexts).
 *
 * <p>Strict: exactly one JSON value (RFC 8259), optionally surrounded by whitespace; anything after it (a second
 * document, garbage) is an error, as are duplicate object keys, invalid UTF-8 (overlong forms, encoded surrogates,
 * code points above U+10FFFF, truncated sequences), unpaired surrogate escapes such as {@code "\uD800"} (which
 * would collapse to {@code ?} when the value is encoded for hashing), comments, single quotes, {@code NaN} and
 * the other non-standard forms. A leading byte order mark is ignored (RFC 8259 §8.1).
 *
 * <p>Bounded while reading: the input is decoded and counted as it is read, and reading stops as soon as it passes
 * {@link Limits#maxBytes()} (UTF-8 bytes; a {@code String} is counted as its UTF-8 encoding), or when arrays and
 * objects nest deeper than {@link Limits#maxDepth()}. No more than the limit plus one read buffer is ever consumed.
 *
 * <p>Errors are {@link VcException}s: {@link VcErrorCode#INVALID_DOCUMENT} naming what was read, the position
 * (line, column and byte offset), the JSON path and what was expected; {@link VcErrorCode#LIMIT_EXCEEDED} for the
 * size and depth bounds.
 */
public final class StrictJson {
  private StrictJson() {}

  /**
   * Bounds on one read.
   *
   * @param maxBytes the largest accepted input in UTF-8 bytes
   * @param maxDepth the deepest accepted nesting of arrays and objects (the top-level value is depth 1)
   */
  public record Limits(long maxBytes, int maxDepth) {
    /** 4 MiB, depth 64. */
    public static final Limits DEFAULT = new Limits(4L << 20, 64);

    /**
     * Validates the bounds.
     *
     * @param maxBytes see the record description
     * @param maxDepth see the record description
     */
    public Limits {
      if (maxBytes <= 0 || maxDepth <= 0) {
        throw new IllegalArgumentException("JSON limits must be positive");
      }
    }
  }

  private static final JsonFactory FACTORY = JsonFactory.builder()
      // our own depth / size counting reports the path; Jackson's own bounds stay as a backstop
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(10_000).build())
      .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
      .build();

  /** Read buffer of the decoding readers. */
  private static final int BUFFER = 8192;

  // ------------------------------------------------------------------------------------------------ entry points

  /**
   * Reads a JSON value from UTF-8 bytes as JSON-P.
   *
   * @param json the bytes
   * @param what what is read, for messages (e.g. {@code credential})
   * @param limits the bounds
   * @return the value
   * @throws VcException {@link VcErrorCode#INVALID_DOCUMENT} or {@link VcErrorCode#LIMIT_EXCEEDED}
   */
  public static JsonValue read(byte[] json, String what, Limits limits) throws VcException {
    return read(new ByteArrayInputStream(json), what, limits);
  }

  /**
   * Reads a JSON value from a stream of UTF-8 bytes as JSON-P; reads at most {@code limits.maxBytes()} plus one
   * buffer from the stream, and does not close it.
   *
   * @param in the stream
   * @param what what is read, for messages
   * @param limits the bounds
   * @return the value
   * @throws VcException {@link VcErrorCode#INVALID_DOCUMENT} or {@link VcErrorCode#LIMIT_EXCEEDED}
   */
  public static JsonValue read(InputStream in, String what, Limits limits) throws VcException {
    return parse(new Utf8Source(in, limits.maxBytes()), what, limits, JSONP);
  }

  /**
   * Reads a JSON value from text as JSON-P.
   *
   * @param json the text
   * @param what what is read, for messages
   * @param limits the bounds
   * @return the value
   * @throws VcException {@link VcErrorCode#INVALID_DOCUMENT} or {@link VcErrorCode#LIMIT_EXCEEDED}
   */
  public static JsonValue read(String json, String what, Limits limits) throws VcException {
    return parse(new StringSource(json, limits.maxBytes()), what, limits, JSONP);
  }

  /**
   * Reads a JSON object from UTF-8 bytes as JSON-P.
   *
   * @param json the bytes
   * @param what what is read
   * @param limits the bounds
   * @return the object
   * @throws VcException as {@link #read(byte[], String, Limits)}, and {@link VcErrorCode#INVALID_DOCUMENT} if the
   *     value is not an object
   */
  public static JsonObject readObject(byte[] json, String what, Limits limits) throws VcException {
    return object(read(json, what, limits), what);
  }

  /**
   * Reads a JSON object from text as JSON-P.
   *
   * @param json the text
   * @param what what is read
   * @param limits the bounds
   * @return the object
   * @throws VcException as {@link #readObject(byte[], String, Limits)}
   */
  public static JsonObject readObject(String json, String what, Limits limits) throws VcException {
    return object(read(json, what, limits), what);
  }

  /**
   * Reads a JSON value from UTF-8 bytes as a Jackson tree (numbers with a fraction or exponent as
   * {@link BigDecimal}, so they stay exact).
   *
   * @param json the bytes
   * @param what what is read
   * @param limits the bounds
   * @return the tree
   * @throws VcException {@link VcErrorCode#INVALID_DOCUMENT} or {@link VcErrorCode#LIMIT_EXCEEDED}
   */
  public static JsonNode readTree(byte[] json, String what, Limits limits) throws VcException {
    return parse(new Utf8Source(new ByteArrayInputStream(json), limits.maxBytes()), what, limits, JACKSON);
  }

  /**
   * Reads a JSON value from a stream of UTF-8 bytes as a Jackson tree; reads at most the limit plus one buffer.
   *
   * @param in the stream (not closed)
   * @param what what is read
   * @param limits the bounds
   * @return the tree
   * @throws VcException {@link VcErrorCode#INVALID_DOCUMENT} or {@link VcErrorCode#LIMIT_EXCEEDED}
   */
  public static JsonNode readTree(InputStream in, String what, Limits limits) throws VcException {
    return parse(new Utf8Source(in, limits.maxBytes()), what, limits, JACKSON);
  }

  /**
   * Reads a JSON value from text as a Jackson tree.
   *
   * @param json the text
   * @param what what is read
   * @param limits the bounds
   * @return the tree
   * @throws VcException {@link VcErrorCode#INVALID_DOCUMENT} or {@link VcErrorCode#LIMIT_EXCEEDED}
   */
  public static JsonNode readTree(String json, String what, Limits limits) throws VcException {
    return parse(new StringSource(json, limits.maxBytes()), what, limits, JACKSON);
  }

  /**
   * Reads a JSON object from UTF-8 bytes as a Jackson tree.
   *
   * @param json the bytes
   * @param what what is read
   * @param limits the bounds
   * @return the object
   * @throws VcException as {@link #readTree(byte[], String, Limits)}, and {@link VcErrorCode#INVALID_DOCUMENT} if
   *     the value is not an object
   */
  public static ObjectNode readObjectTree(byte[] json, String what, Limits limits) throws VcException {
    return objectTree(readTree(json, what, limits), what);
  }

  /**
   * Reads a JSON object from text as a Jackson tree.
   *
   * @param json the text
   * @param what what is read
   * @param limits the bounds
   * @return the object
   * @throws VcException as {@link #readObjectTree(byte[], String, Limits)}
   */
  public static ObjectNode readObjectTree(String json, String what, Limits limits) throws VcException {
    return objectTree(readTree(json, what, limits), what);
  }

  private static JsonObject object(JsonValue v, String what) throws VcException {
    if (v.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, what + ": $ must be a JSON object, got "
          + v.getValueType().name().toLowerCase(Locale.ROOT));
    }
    return v.asJsonObject();
  }

  private static ObjectNode objectTree(JsonNode n, String what) throws VcException {
    if (!n.isObject()) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, what + ": $ must be a JSON object, got "
          + n.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    return (ObjectNode) n;
  }

  // ------------------------------------------------------------------------------------------------ tree building

  /** Builds one tree model from parser events. */
  private interface Model<V, O, A> {
    O object();

    void put(O o, String key, V value);

    V done(O o);

    A array();

    void add(A a, V value);

    V doneArray(A a);

    V string(String s);

    V number(JsonParser p) throws IOException;

    V bool(boolean b);

    V nul();
  }

  /** JSON-P values, numbers as the parsson parser makes them (int, long, else {@link BigDecimal}). */
  private static final Model<JsonValue, JsonObjectBuilder, JsonArrayBuilder> JSONP = new Model<>() {
    @Override
    public JsonObjectBuilder object() {
      return JsonSupport.PROVIDER.createObjectBuilder();
    }

    @Override
    public void put(JsonObjectBuilder o, String key, JsonValue value) {
      o.add(key, value);
    }

    @Override
    public JsonValue done(JsonObjectBuilder o) {
      return o.build();
    }

    @Override
    public JsonArrayBuilder array() {
      return JsonSupport.PROVIDER.createArrayBuilder();
    }

    @Override
    public void add(JsonArrayBuilder a, JsonValue value) {
      a.add(value);
    }

    @Override
    public JsonValue doneArray(JsonArrayBuilder a) {
      return a.build();
    }

    @Override
    public JsonValue string(String s) {
      return JsonSupport.PROVIDER.createValue(s);
    }

    @Override
    public JsonValue number(JsonParser p) throws IOException {
      if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
        switch (p.getNumberType()) {
          case INT:
            return JsonSupport.PROVIDER.createValue(p.getIntValue());
          case LONG:
            return JsonSupport.PROVIDER.createValue(p.getLongValue());
          default:
            return JsonSupport.PROVIDER.createValue(new BigDecimal(p.getBigIntegerValue()));
        }
      }
      return JsonSupport.PROVIDER.createValue(p.getDecimalValue());
    }

    @Override
    public JsonValue bool(boolean b) {
      return b ? JsonValue.TRUE : JsonValue.FALSE;
    }

    @Override
    public JsonValue nul() {
      return JsonValue.NULL;
    }
  };

  /** Jackson nodes, fractions as {@link BigDecimal}. */
  private static final Model<JsonNode, ObjectNode, ArrayNode> JACKSON = new Model<>() {
    private final JsonNodeFactory f = JsonNodeFactory.instance;

    @Override
    public ObjectNode object() {
      return f.objectNode();
    }

    @Override
    public void put(ObjectNode o, String key, JsonNode value) {
      o.set(key, value);
    }

    @Override
    public JsonNode done(ObjectNode o) {
      return o;
    }

    @Override
    public ArrayNode array() {
      return f.arrayNode();
    }

    @Override
    public void add(ArrayNode a, JsonNode value) {
      a.add(value);
    }

    @Override
    public JsonNode doneArray(ArrayNode a) {
      return a;
    }

    @Override
    public JsonNode string(String s) {
      return f.textNode(s);
    }

    @Override
    public JsonNode number(JsonParser p) throws IOException {
      if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
        switch (p.getNumberType()) {
          case INT:
            return f.numberNode(p.getIntValue());
          case LONG:
            return f.numberNode(p.getLongValue());
          default:
            return f.numberNode(p.getBigIntegerValue());
        }
      }
      return f.numberNode(p.getDecimalValue());
    }

    @Override
    public JsonNode bool(boolean b) {
      return f.booleanNode(b);
    }

    @Override
    public JsonNode nul() {
      return f.nullNode();
    }
  };

  // ------------------------------------------------------------------------------------------------ parsing

  /** A syntax problem found by this class (not by Jackson). */
  private static final class Problem extends IOException {
    private static final long serialVersionUID = 1L;
    final VcErrorCode code;

    Problem(VcErrorCode code, String message) {
      super(message);
      this.code = code;
    }
  }

  /** Parsing state: the parser, the path of the value being read, the depth bound. */
  private static final class Run<V, O, A> {
    final JsonParser p;
    final Model<V, O, A> model;
    final Source source;
    final int maxDepth;
    /** The key (String) or index (int[1]) at each depth, for messages. */
    final Object[] path;

    Run(JsonParser p, Model<V, O, A> model, Source source, int maxDepth) {
      this.p = p;
      this.model = model;
      this.source = source;
      this.maxDepth = maxDepth;
      this.path = new Object[maxDepth + 1];
    }

    String path(int depth) {
      StringBuilder b = new StringBuilder("$");
      for (int i = 1; i <= depth && i < path.length; i++) {
        Object k = path[i];
        if (k instanceof String) {
          b.append('.').append((String) k);
        } else if (k instanceof int[]) {
          b.append('[').append(((int[]) k)[0]).append(']');
        }
      }
      return b.toString();
    }

    /** Reads the value whose first token is current; {@code depth} is the depth of its container. */
    V value(JsonToken t, int depth) throws IOException {
      switch (t) {
        case START_OBJECT: {
          enter(depth);
          O o = model.object();
          Set<String> keys = new HashSet<>();
          JsonToken k;
          while ((k = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            checkSurrogates(name, depth, "key");
            if (!keys.add(name)) {
              path[depth + 1] = null;
              throw new Problem(VcErrorCode.INVALID_DOCUMENT, "duplicate key '" + name + "' in the object at "
                  + path(depth));
            }
            path[depth + 1] = name;
            model.put(o, name, value(p.nextToken(), depth + 1));
          }
          path[depth + 1] = null;
          return model.done(o);
        }
        case START_ARRAY: {
          enter(depth);
          A a = model.array();
          int[] index = {0};
          path[depth + 1] = index;
          JsonToken e;
          while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
            model.add(a, value(e, depth + 1));
            index[0]++;
          }
          path[depth + 1] = null;
          return model.doneArray(a);
        }
        case VALUE_STRING: {
          String s = p.getText();
          checkSurrogates(s, depth, "string");
          return model.string(s);
        }
        case VALUE_NUMBER_INT:
        case VALUE_NUMBER_FLOAT:
          return model.number(p);
        case VALUE_TRUE:
          return model.bool(true);
        case VALUE_FALSE:
          return model.bool(false);
        case VALUE_NULL:
          return model.nul();
        default:
          throw new Problem(VcErrorCode.INVALID_DOCUMENT, "unexpected " + t + " at " + path(depth));
      }
    }

    private void enter(int depth) throws Problem {
      if (depth + 1 > maxDepth) {
        throw new Problem(VcErrorCode.LIMIT_EXCEEDED, "nesting deeper than " + maxDepth
            + " arrays/objects at " + path(depth));
      }
    }

    private void checkSurrogates(String s, int depth, String what) throws Problem {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (Character.isSurrogate(c)) {
          if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            i++;
          } else {
            throw new Problem(VcErrorCode.INVALID_DOCUMENT, "the " + what + " at " + path(depth)
                + " contains an unpaired surrogate \\u" + Integer.toHexString(c).toUpperCase(Locale.ROOT)
                + ", which is not a Unicode character");
          }
        }
      }
    }
  }

  private static <V, O, A> V parse(Source source, String what, Limits limits, Model<V, O, A> model)
      throws VcException {
    Objects.requireNonNull(what, "what");
    JsonParser p = null;
    Run<V, O, A> run = null;
    try {
      p = FACTORY.createParser(source);
      run = new Run<>(p, model, source, limits.maxDepth());
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new Problem(VcErrorCode.INVALID_DOCUMENT, "no JSON value (empty input)");
      }
      V v = run.value(first, 0);
      JsonLocation trailing = null;
      try {
        if (p.nextToken() != null) {
          trailing = p.currentTokenLocation();
        }
      } catch (JsonProcessingException e) {
        trailing = e.getLocation();
      }
      if (trailing != null) {
        throw new VcException(VcErrorCode.INVALID_DOCUMENT, what + ": content after the end of the JSON value at "
            + position(trailing) + "; expected the end of the input");
      }
      return v;
    } catch (Problem e) {
      String where = source.tooLarge || e.getMessage().startsWith("invalid UTF-8") ? ""
          : " (" + (p == null ? "start of input" : position(p.currentTokenLocation())) + ")";
      throw new VcException(e.code, what + ": " + e.getMessage() + where);
    } catch (StreamConstraintsException e) {
      throw new VcException(VcErrorCode.LIMIT_EXCEEDED, what + ": " + e.getOriginalMessage() + " ("
          + position(p) + ")");
    } catch (JsonProcessingException e) {
      String path = run == null ? "$" : run.path(Math.max(0, p.getParsingContext().getNestingDepth()));
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, what + ": not valid JSON at " + position(e.getLocation())
          + " in " + path + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, what + ": could not be read: " + e.getMessage());
    } finally {
      if (p != null) {
        try {
          p.close();
        } catch (IOException e) {
          // nothing was written; closing a parser over a reader cannot lose data
        }
      }
    }
  }

  private static String position(JsonParser p) {
    return p == null ? "start of input" : position(p.currentLocation());
  }

  private static String position(JsonLocation l) {
    if (l == null) {
      return "unknown position";
    }
    return "line " + l.getLineNr() + ", column " + l.getColumnNr();
  }

  // ------------------------------------------------------------------------------------------------ sources

  /** A reader that counts UTF-8 bytes and stops at the limit. */
  private abstract static class Source extends Reader {
    final long maxBytes;
    long bytes;
    boolean tooLarge;

    Source(long maxBytes) {
      this.maxBytes = maxBytes;
    }

    final void count(int n) throws Problem {
      bytes += n;
      if (bytes > maxBytes) {
        tooLarge = true;
        throw new Problem(VcErrorCode.LIMIT_EXCEEDED, "larger than the limit of " + maxBytes
            + " bytes; reading stopped at byte " + bytes);
      }
    }

    @Override
    public void close() {
      // the caller owns the underlying stream
    }
  }

  /** Decodes strict UTF-8 (RFC 3629) from a stream, counting bytes. */
  private static final class Utf8Source extends Source {
    private final InputStream in;
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    private int end;
    private long consumed;
    private char pendingLow;
    private boolean first = true;

    Utf8Source(InputStream in, long maxBytes) {
      super(maxBytes);
      this.in = Objects.requireNonNull(in);
    }

    private int next() throws IOException {
      if (pos == end) {
        int room = (int) Math.min(buf.length, maxBytes - bytes + 1);
        int n = in.read(buf, 0, Math.max(1, room));
        if (n <= 0) {
          return -1;
        }
        pos = 0;
        end = n;
        count(n);
      }
      consumed++;
      return buf[pos++] & 0xFF;
    }

    private Problem bad(String why) {
      return new Problem(VcErrorCode.INVALID_DOCUMENT, "invalid UTF-8 at byte offset " + (consumed - 1) + ": "
          + why);
    }

    private int continuation(int lo, int hi) throws IOException {
      int b = next();
      if (b < lo || b > hi) {
        throw bad(b < 0 ? "truncated multi-byte sequence at the end of the input"
            : String.format("byte 0x%02X where a continuation byte in [0x%02X, 0x%02X] was expected", b, lo, hi));
      }
      return b & 0x3F;
    }

    /** The next code point, or -1 at the end. */
    private int codePoint() throws IOException {
      int b = next();
      if (b < 0x80) {
        return b;
      }
      if (b >= 0xC2 && b <= 0xDF) {
        return (b & 0x1F) << 6 | continuation(0x80, 0xBF);
      }
      if (b >= 0xE0 && b <= 0xEF) {
        int lo = b == 0xE0 ? 0xA0 : 0x80;
        int hi = b == 0xED ? 0x9F : 0xBF;
        int c1 = continuation(lo, hi);
        return (b & 0x0F) << 12 | c1 << 6 | continuation(0x80, 0xBF);
      }
      if (b >= 0xF0 && b <= 0xF4) {
        int lo = b == 0xF0 ? 0x90 : 0x80;
        int hi = b == 0xF4 ? 0x8F : 0xBF;
        int c1 = continuation(lo, hi);
        int c2 = continuation(0x80, 0xBF);
        return (b & 0x07) << 18 | c1 << 12 | c2 << 6 | continuation(0x80, 0xBF);
      }
      throw bad(String.format("byte 0x%02X cannot start a UTF-8 sequence", b));
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
      int n = 0;
      if (pendingLow != 0 && len > 0) {
        cbuf[off + n++] = pendingLow;
        pendingLow = 0;
      }
      while (n < len) {
        int cp = codePoint();
        if (cp < 0) {
          break;
        }
        if (first) {
          first = false;
          if (cp == 0xFEFF) {
            continue;
          }
        }
        if (cp < 0x10000) {
          cbuf[off + n++] = (char) cp;
        } else {
          cbuf[off + n++] = Character.highSurrogate(cp);
          if (n < len) {
            cbuf[off + n++] = Character.lowSurrogate(cp);
          } else {
            pendingLow = Character.lowSurrogate(cp);
          }
        }
        if (pos == end && n > 0) {
          // hand over what is decoded before blocking on the stream again
          break;
        }
      }
      return n == 0 && len > 0 ? -1 : n;
    }
  }

  /** Reads a String, counting its UTF-8 length and refusing unpaired surrogates. */
  private static final class StringSource extends Source {
    private final String s;
    private int pos;

    StringSource(String s, long maxBytes) {
      super(maxBytes);
      this.s = Objects.requireNonNull(s);
      if (!s.isEmpty() && s.charAt(0) == '\uFEFF') {
        pos = 1;
      }
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
      if (pos >= s.length()) {
        return len == 0 ? 0 : -1;
      }
      int n = Math.min(len, s.length() - pos);
      int utf8 = 0;
      for (int i = 0; i < n; i++) {
        int at = pos + i;
        char c = s.charAt(at);
        if (c < 0x80) {
          utf8++;
        } else if (c < 0x800) {
          utf8 += 2;
        } else if (!Character.isSurrogate(c)) {
          utf8 += 3;
        } else if (Character.isHighSurrogate(c) && at + 1 < s.length() && Character.isLowSurrogate(s.charAt(at + 1))) {
          utf8 += 4; // the pair is 4 bytes; its low half counts 0
        } else if (!(Character.isLowSurrogate(c) && at > 0 && Character.isHighSurrogate(s.charAt(at - 1)))) {
          throw new Problem(VcErrorCode.INVALID_DOCUMENT, "unpaired surrogate U+"
              + Integer.toHexString(c).toUpperCase(Locale.ROOT) + " at character offset " + at
              + ": the text is not valid Unicode");
        }
        cbuf[off + i] = c;
      }
      count(utf8);
      pos += n;
      return n;
    }
  }
}
