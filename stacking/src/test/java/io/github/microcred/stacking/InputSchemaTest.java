package io.github.microcred.stacking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The published transcript and catalogue schemas (the inputs of {@code Transcript.fromJson}, {@code mcred audit
 * --transcript} and {@code --bulk}, and of {@code Catalogue.fromJson} and {@code mcred plan --catalogue}) list exactly
 * the fields their reader accepts, object by object. Both sides are derived: the schema's declared properties from
 * the schema file, the reader's accepted fields from the reader itself (the list it prints when it meets an unknown
 * field). And every declared field is read: a value of the wrong type is rejected with that field's path.
 */
class InputSchemaTest {
  static final ObjectMapper M = new ObjectMapper();

  /** A reader: the JSON text to the error message it throws (or null when it accepts the text). */
  interface Reader {
    void read(String json) throws StackingException;
  }

  /**
   * One object of an input format: where it sits in the schema (a JSON pointer to its object schema) and a document
   * holding it, written for a field name (the field set to a given JSON value), with the JSON path of that field.
   */
  record Place(String name, String schema, Reader reader, String pointer, Function<String, String> doc,
      Function<String, String> path) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final Reader TRANSCRIPT = Transcript::fromJson;
  static final Reader CATALOGUE = Catalogue::fromJson;

  static Stream<Arguments> places() {
    return Stream.of(
        new Place("transcript", Transcript.SCHEMA_RESOURCE, TRANSCRIPT, "",
            f -> "{\"credentials\": [], " + f + "}", n -> "$." + n),
        new Place("transcript credential", Transcript.SCHEMA_RESOURCE, TRANSCRIPT, "/$defs/credential",
            f -> "{\"credentials\": [{" + withId(f) + "}]}", n -> "$.credentials[0]." + n),
        new Place("catalogue", Catalogue.SCHEMA_RESOURCE, CATALOGUE, "",
            f -> "{\"items\": [], " + f + "}", n -> "$." + n),
        new Place("catalogue item", Catalogue.SCHEMA_RESOURCE, CATALOGUE, "/$defs/item",
            f -> "{\"items\": [{" + withId(f) + "}]}", n -> "$.items[0]." + n))
        .map(Arguments::of);
  }

  /** The fields, with an id unless they set one (an object without an id is rejected for that). */
  static String withId(String fields) {
    return fields.startsWith("\"id\"") || fields.contains(",\"id\":") ? fields : "\"id\": \"a\", " + fields;
  }

  static JsonNode schema(String resource) throws Exception {
    try (InputStream in = Transcript.class.getResourceAsStream(resource)) {
      assertNotNull(in, resource);
      return M.readTree(in);
    }
  }

  static String error(Reader r, String json) {
    return assertThrows(StackingException.class, () -> r.read(json), json).getMessage();
  }

  /** The fields the reader accepts at a place, from its own "unknown field (allowed: ...)" message. */
  static Set<String> accepted(Place p) {
    String unknown = "zzNotAField";
    String msg = error(p.reader(), p.doc().apply("\"" + unknown + "\": 1"));
    Matcher m = Pattern.compile(Pattern.quote(p.path().apply(unknown)) + ": unknown field \\(allowed: ([^)]*)\\)")
        .matcher(msg);
    assertTrue(m.find(), p + ": the reader must reject an unknown field with its path and the allowed ones: " + msg);
    return new TreeSet<>(Set.of(m.group(1).split(", ")));
  }

  static Set<String> declared(Place p) throws Exception {
    JsonNode s = schema(p.schema()).at(p.pointer());
    assertTrue(s.path("additionalProperties").isBoolean() && !s.get("additionalProperties").asBoolean(),
        p + ": the schema must forbid other properties, as the reader does");
    Set<String> out = new TreeSet<>();
    s.get("properties").fieldNames().forEachRemaining(out::add);
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("places")
  void theSchemaDeclaresExactlyTheFieldsTheReaderAccepts(Place p) throws Exception {
    assertEquals(accepted(p), declared(p), p + ": schema properties vs the reader's accepted fields");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("places")
  void everyDeclaredFieldIsReadAndAWrongTypeIsRejectedWithItsPath(Place p) throws Exception {
    for (String f : declared(p)) {
      if (f.equals("items") || f.equals("credentials")) {
        continue; // the array itself: an object in its place is "expected an object with an array"
      }
      String msg = error(p.reader(), p.doc().apply("\"" + f + "\": {\"not\": \"a value\"}"));
      assertTrue(msg.contains(p.path().apply(f) + ": expected"), p + "." + f + ": " + msg);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("places")
  void aDocumentUsingEveryDeclaredFieldIsRead(Place p) throws Exception {
    JsonNode s = schema(p.schema()).at(p.pointer());
    ObjectNode o = M.createObjectNode();
    for (String f : declared(p)) {
      JsonNode fs = s.get("properties").get(f);
      String ref = fs.path("$ref").asText();
      if (f.equals("items") || f.equals("credentials")) {
        continue;
      } else if (fs.has("enum")) {
        o.set(f, fs.get("enum").get(0));
      } else if (ref.endsWith("/amount")) {
        o.put(f, "15/2");
      } else if (ref.endsWith("/strings")) {
        o.putArray(f).add("x");
      } else if (ref.endsWith("/date")) {
        o.put(f, "2026-01-01");
      } else if (fs.path("type").asText().equals("integer")) {
        o.put(f, 6);
      } else if (fs.path("type").asText().equals("boolean")) {
        o.put(f, true);
      } else if (f.equals("unit")) {
        o.put(f, "ECTS");
      } else {
        o.put(f, "a");
      }
    }
    String body = M.writeValueAsString(o);
    String fields = body.substring(1, body.length() - 1);
    p.reader().read(p.doc().apply(fields.isEmpty() ? "\"$schema\": \"x\"" : fields));
  }
}
