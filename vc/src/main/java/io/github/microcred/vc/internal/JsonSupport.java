package io.github.microcred.vc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.CanonicalizationLimits;
import io.github.microcred.vc.VcErrorCode;
import io.github.microcred.vc.VcException;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;

/** JSON plumbing: entry points to the strict reader ({@link StrictJson}) and Jackson / JSON-P conversion. */
public final class JsonSupport {
  /**
   * The module's one Jackson mapper, strict: decimals read as exact {@code BigDecimal}s, a duplicate key and content
   * after the document refused. Untrusted text is read with {@link StrictJson} (bounded); this mapper builds trees and
   * writes them.
   */
  public static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  /**
   * The JSON-P provider, looked up once: {@code jakarta.json.Json.createXxx} runs a {@code ServiceLoader} lookup on
   * every call.
   */
  public static final JsonProvider PROVIDER = JsonProvider.provider();

  private JsonSupport() {}

  /** Bounds for trusted JSON (shipped resources, values this library serialized itself). */
  private static final StrictJson.Limits TRUSTED = new StrictJson.Limits(64L << 20, 1_000);

  /**
   * The strict reader's bounds for a document under the given limits.
   *
   * @param limits the limits
   * @return the reader's bounds
   */
  public static StrictJson.Limits readLimits(CanonicalizationLimits limits) {
    return new StrictJson.Limits(limits.maxDocumentBytes(), limits.maxNestingDepth());
  }

  /**
   * Parses trusted JSON (shipped resources).
   *
   * @param json the text
   * @return the structure
   * @throws IllegalStateException if the resource is not strict JSON (a packaging error)
   */
  public static JsonStructure parseStructure(String json) {
    try {
      return (JsonStructure) StrictJson.read(json, "resource", TRUSTED);
    } catch (VcException | ClassCastException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /**
   * Parses untrusted JSON with the strict reader under the default limits, failing with a typed error.
   *
   * @param json the text
   * @param what what is parsed, for the message
   * @return the structure
   * @throws VcException {@link VcErrorCode#INVALID_DOCUMENT} (also when the value is not an array or object) or
   *     {@link VcErrorCode#LIMIT_EXCEEDED}
   */
  public static JsonStructure parseStructureChecked(String json, String what) throws VcException {
    JsonValue v = StrictJson.read(json, what, readLimits(CanonicalizationLimits.DEFAULT));
    if (!(v instanceof JsonStructure)) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, what + ": $ must be a JSON object or array");
    }
    return (JsonStructure) v;
  }

  /**
   * As {@link #parseStructureChecked(String, String)} for UTF-8 bytes (invalid UTF-8 is refused).
   *
   * @param json the bytes
   * @param what what is parsed, for the message
   * @return the structure
   * @throws VcException {@link VcErrorCode#INVALID_DOCUMENT} or {@link VcErrorCode#LIMIT_EXCEEDED}
   */
  public static JsonStructure parseStructureChecked(byte[] json, String what) throws VcException {
    JsonValue v = StrictJson.read(json, what, readLimits(CanonicalizationLimits.DEFAULT));
    if (!(v instanceof JsonStructure)) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, what + ": $ must be a JSON object or array");
    }
    return (JsonStructure) v;
  }

  /**
   * Reads untrusted JSON text as a Jackson tree with the strict reader under the default limits.
   *
   * @param json the text
   * @param what what is read, for the message
   * @return the tree
   * @throws VcException {@link VcErrorCode#INVALID_DOCUMENT} or {@link VcErrorCode#LIMIT_EXCEEDED}
   */
  public static JsonNode readTree(String json, String what) throws VcException {
    return StrictJson.readTree(json, what, readLimits(CanonicalizationLimits.DEFAULT));
  }

  /**
   * Reads untrusted UTF-8 JSON as a Jackson tree with the strict reader under the default limits.
   *
   * @param json the bytes
   * @param what what is read, for the message
   * @return the tree
   * @throws VcException {@link VcErrorCode#INVALID_DOCUMENT} or {@link VcErrorCode#LIMIT_EXCEEDED}
   */
  public static JsonNode readTree(byte[] json, String what) throws VcException {
    return StrictJson.readTree(json, what, readLimits(CanonicalizationLimits.DEFAULT));
  }

  /**
   * Converts a Jackson tree to JSON-P.
   *
   * @param node the tree
   * @return the JSON-P value
   */
  public static JsonValue toJsonP(JsonNode node) {
    try {
      return StrictJson.read(MAPPER.writeValueAsString(node), "value", TRUSTED);
    } catch (JsonProcessingException | VcException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /**
   * Converts JSON-P to a Jackson object.
   *
   * @param value the JSON-P object
   * @return a new Jackson object
   */
  public static ObjectNode toJackson(JsonValue value) {
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new IllegalStateException("value: $ must be a JSON object, got "
          + value.getValueType().name().toLowerCase(Locale.ROOT));
    }
    return (ObjectNode) jackson(value, 1);
  }

  /**
   * The Jackson node of a JSON-P value, built by walking it: the tree that {@link StrictJson#readTree} of its text
   * gives (numbers typed by their text as the reader types them: int, long, BigInteger, or a BigDecimal for a
   * fraction or exponent), without writing and re-reading the text; the trusted bounds still apply (nesting depth,
   * no unpaired surrogate).
   */
  private static JsonNode jackson(JsonValue v, int depth) {
    switch (v.getValueType()) {
      case OBJECT: {
        deeper(depth);
        ObjectNode o = NODES.objectNode();
        for (Map.Entry<String, JsonValue> e : v.asJsonObject().entrySet()) {
          o.set(paired(e.getKey()), jackson(e.getValue(), depth + 1));
        }
        return o;
      }
      case ARRAY: {
        deeper(depth);
        ArrayNode a = NODES.arrayNode();
        for (JsonValue x : v.asJsonArray()) {
          a.add(jackson(x, depth + 1));
        }
        return a;
      }
      case STRING:
        return NODES.textNode(paired(((JsonString) v).getString()));
      case NUMBER:
        return number(v.toString());
      case TRUE:
        return NODES.booleanNode(true);
      case FALSE:
        return NODES.booleanNode(false);
      default:
        return NODES.nullNode();
    }
  }

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static void deeper(int depth) {
    if (depth > TRUSTED.maxDepth()) {
      throw new IllegalStateException("value: nesting deeper than " + TRUSTED.maxDepth() + " arrays/objects");
    }
  }

  private static String paired(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else {
          throw new IllegalStateException("value: unpaired surrogate U+"
              + Integer.toHexString(c).toUpperCase(Locale.ROOT) + ": the text is not valid Unicode");
        }
      }
    }
    return s;
  }

  /** A JSON number's text as the strict reader types it: an integer as int, long or BigInteger, else BigDecimal. */
  private static JsonNode number(String text) {
    for (int i = text.startsWith("-") ? 1 : 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return NODES.numberNode(new BigDecimal(text));
      }
    }
    BigInteger b = new BigInteger(text);
    if (b.bitLength() < 32) {
      return NODES.numberNode(b.intValue());
    }
    if (b.bitLength() < 64) {
      return NODES.numberNode(b.longValue());
    }
    return NODES.numberNode(b);
  }
}
