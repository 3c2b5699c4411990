package io.github.microcred.vc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.VcErrorCode;
import io.github.microcred.vc.VcException;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.Map;

/** JSON plumbing: a strict JSON-P reader (duplicate keys rejected) and Jackson / JSON-P conversion. */
public final class JsonSupport {
  /** Shared Jackson mapper; big decimals keep numbers exact. */
  public static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

  /**
   * The JSON-P provider, looked up once: {@code jakarta.json.Json.createXxx} runs a {@code ServiceLoader} lookup on
   * every call.
   */
  public static final JsonProvider PROVIDER = JsonProvider.provider();

  private static final JsonReaderFactory STRICT =
      PROVIDER.createReaderFactory(Map.of("org.eclipse.parsson.rejectDuplicateKeys", true));

  private JsonSupport() {}

  /**
   * Parses trusted JSON (shipped resources).
   *
   * @param json the text
   * @return the structure
   */
  public static JsonStructure parseStructure(String json) {
    try (JsonReader r = STRICT.createReader(new StringReader(json))) {
      return r.read();
    }
  }

  /**
   * Parses JSON, failing with a typed error.
   *
   * @param json the text
   * @param what what is parsed, for the message
   * @return the structure
   * @throws VcException {@link VcErrorCode#INVALID_DOCUMENT}
   */
  public static JsonStructure parseStructureChecked(String json, String what) throws VcException {
    try (JsonReader r = STRICT.createReader(new StringReader(json))) {
      JsonStructure s = r.read();
      return s;
    } catch (JsonException | IllegalStateException e) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, what + ": not valid JSON (" + e.getMessage() + ")");
    }
  }

  /**
   * Converts a Jackson tree to JSON-P.
   *
   * @param node the tree
   * @return the JSON-P value
   */
  public static JsonValue toJsonP(JsonNode node) {
    try (JsonReader r = STRICT.createReader(new StringReader(MAPPER.writeValueAsString(node)))) {
      return r.readValue();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Converts JSON-P to a Jackson object.
   *
   * @param value the JSON-P object
   * @return a new Jackson object
   */
  public static ObjectNode toJackson(JsonValue value) {
    try {
      return (ObjectNode) MAPPER.readTree(value.toString());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
