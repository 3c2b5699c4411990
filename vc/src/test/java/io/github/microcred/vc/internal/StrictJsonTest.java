package io.github.microcred.vc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.microcred.vc.VcErrorCode;
import io.github.microcred.vc.VcException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The strict JSON reader: agreement with parsson and Jackson on valid input, and every refusal with its reason. */
class StrictJsonTest {
  private static final StrictJson.Limits LIMITS = StrictJson.Limits.DEFAULT;
  /** Jackson keeping numbers exact ({@code 1.50} stays {@code 1.50}, as in JSON-P and in the signed RDF). */
  private static final ObjectMapper JACKSON = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();

  // ------------------------------------------------------------------ oracle: same values as parsson and Jackson

  static LongStream seeds() {
    return LongStream.range(0, 300).map(i -> 0x5EED_0000L + i);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void agreesWithParssonAndJacksonOnValidJson(long seed) throws Exception {
    String text = new Gen(new SplittableRandom(seed)).document();
    String msg = "seed " + seed + ": " + text;
    JsonValue expected;
    try (JsonReader r = JsonSupport.PROVIDER.createReader(new StringReader(text))) {
      expected = r.readValue();
    }
    JsonValue fromString = StrictJson.read(text, "doc", LIMITS);
    JsonValue fromBytes = StrictJson.read(text.getBytes(StandardCharsets.UTF_8), "doc", LIMITS);
    assertEquals(expected, fromString, msg);
    assertEquals(expected, fromBytes, msg);
    assertEquals(expected.toString(), fromString.toString(), msg);
    assertEquals(expected.toString(), fromBytes.toString(), msg);
    JsonNode tree = StrictJson.readTree(text.getBytes(StandardCharsets.UTF_8), "doc", LIMITS);
    assertEquals(JACKSON.readTree(text), tree, msg);
    assertEquals(JACKSON.readTree(text).toString(), tree.toString(), msg);
  }

  /** Random valid JSON with unique keys, every number form, escapes and non-ASCII text, random whitespace. */
  private static final class Gen {
    private final SplittableRandom r;
    private final StringBuilder b = new StringBuilder();

    Gen(SplittableRandom r) {
      this.r = r;
    }

    String document() {
      ws();
      value(0);
      ws();
      return b.toString();
    }

    private void ws() {
      int n = r.nextInt(4) == 0 ? r.nextInt(3) : 0;
      for (int i = 0; i < n; i++) {
        b.append(" \t\n\r".charAt(r.nextInt(4)));
      }
    }

    private void value(int depth) {
      int k = r.nextInt(depth > 5 ? 5 : 8);
      switch (k) {
        case 0: b.append(r.nextBoolean() ? "true" : "false"); break;
        case 1: b.append("null"); break;
        case 2: number(); break;
        case 3: case 4: string(); break;
        case 5: case 6: object(depth); break;
        default: array(depth); break;
      }
    }

    private void number() {
      String[] fixed = {"0", "-0", "1", "-1", "2147483647", "2147483648", "-2147483649", "9223372036854775807",
        "9223372036854775808", "123456789012345678901234567890", "1.0", "1.50", "0.1", "-0.0", "1e3", "1E+3",
        "1e-3", "2.5E10", "1.7976931348623157e308", "4.9e-324", "1e21", "100000000000000000000", "3.14159"};
      if (r.nextBoolean()) {
        b.append(fixed[r.nextInt(fixed.length)]);
      } else {
        b.append(r.nextLong(-1_000_000_000_000L, 1_000_000_000_000L));
        if (r.nextBoolean()) {
          b.append('.').append(r.nextInt(1000));
        }
      }
    }

    private void string() {
      b.append('"');
      int n = r.nextInt(8);
      for (int i = 0; i < n; i++) {
        int k = r.nextInt(10);
        if (k == 0) {
          b.append("\\\"\\\\\\/\\b\\f\\n\\r\\t".substring(r.nextInt(8) * 2).substring(0, 2));
        } else if (k == 1) {
          b.append(String.format("\\u%04x", r.nextInt(0xD800)));
        } else if (k == 2) {
          b.append("\\uD83D\\uDE00");
        } else if (k == 3) {
          b.appendCodePoint(0x1F600 + r.nextInt(50));
        } else if (k == 4) {
          b.append((char) (0xA0 + r.nextInt(0x700)));
        } else if (k == 5) {
          b.append((char) (0x3000 + r.nextInt(0x5000)));
        } else {
          b.append((char) ('a' + r.nextInt(26)));
        }
      }
      b.append('"');
    }

    private void object(int depth) {
      b.append('{');
      int n = r.nextInt(5);
      Set<String> keys = new HashSet<>();
      for (int i = 0; i < n; i++) {
        String key = "k" + r.nextInt(20);
        if (!keys.add(key)) {
          continue;
        }
        if (!keys.isEmpty() && keys.size() > 1) {
          b.append(',');
        }
        ws();
        b.append('"').append(key).append('"');
        ws();
        b.append(':');
        ws();
        value(depth + 1);
        ws();
      }
      b.append('}');
    }

    private void array(int depth) {
      b.append('[');
      int n = r.nextInt(5);
      for (int i = 0; i < n; i++) {
        if (i > 0) {
          b.append(',');
        }
        ws();
        value(depth + 1);
        ws();
      }
      b.append(']');
    }
  }

  // ------------------------------------------------------------------ refusals

  private static VcException refused(String json) {
    VcException fromString = assertThrows(VcException.class, () -> StrictJson.read(json, "doc", LIMITS), json);
    VcException fromBytes = assertThrows(VcException.class,
        () -> StrictJson.read(json.getBytes(StandardCharsets.UTF_8), "doc", LIMITS), json);
    assertEquals(fromString.code(), fromBytes.code(), json);
    return fromBytes;
  }

  private static VcException refused(byte[] json) {
    return assertThrows(VcException.class, () -> StrictJson.read(json, "doc", LIMITS));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"a\":1} {\"a\":2}", "{\"a\":1}x", "{\"a\":1}}", "[1]]", "[1],", "1 2", "\"a\"\"b\"",
    "{\"a\":1}\n{\"a\":1}", "{\"a\":1}/**/", "{\"a\":1}\u0000"})
  void contentAfterTheValueIsRefused(String json) {
    VcException e = refused(json);
    assertEquals(VcErrorCode.INVALID_DOCUMENT, e.code());
    assertTrue(e.getMessage().contains("content after the end of the JSON value"), e.getMessage());
    assertTrue(e.getMessage().contains("line "), e.getMessage());
  }

  @Test
  void whitespaceAfterTheValueIsAccepted() throws Exception {
    assertEquals(JsonValue.TRUE, StrictJson.read("true \n\t\r ", "doc", LIMITS));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"a\":1,\"a\":1}", "{\"a\":1,\"b\":{\"c\":[{\"d\":1,\"d\":2}]}}",
    "{\"a\":1,\"\\u0061\":2}"})
  void duplicateKeysAreRefusedWithTheirPath(String json) {
    VcException e = refused(json);
    assertEquals(VcErrorCode.INVALID_DOCUMENT, e.code());
    assertTrue(e.getMessage().contains("duplicate key"), e.getMessage());
  }

  @Test
  void duplicateKeyMessageNamesPathAndPosition() {
    VcException e = refused("{\"b\": {\"c\": [1, {\"d\": 1,\n \"d\": 2}]}}");
    assertEquals("doc: duplicate key 'd' in the object at $.b.c[1] (line 2, column 2)", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"a\" 1}", "{\"a\":1,}", "[1,]", "{a:1}", "{'a':1}", "[NaN]", "[01]", "[1.]",
    "// c\n{}", "{\"a\":\"x\ty\"}", "", "  ", "{\"a\":1", "[\"\\x\"]", "[+1]", "[.5]", "[tru]"})
  void malformedJsonIsRefusedWithItsPosition(String json) {
    VcException e = refused(json);
    assertEquals(VcErrorCode.INVALID_DOCUMENT, e.code());
    assertTrue(e.getMessage().startsWith("doc: "), e.getMessage());
  }

  @Test
  void syntaxErrorNamesLineColumnAndExpectation() {
    VcException e = refused("{\"a\": 1,\n  \"b\" 2}");
    assertTrue(e.getMessage().contains("line 2, column"), e.getMessage());
    assertTrue(e.getMessage().contains("expecting a colon"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"C3", "C0 80", "C1 BF", "E0 80 80", "E0 9F BF", "ED A0 80", "ED BF BF", "F0 8F BF BF",
    "F4 90 80 80", "F5 80 80 80", "FF", "80", "BF", "E2 82", "F0 9F 98", "C3 28", "E2 28 A1"})
  void invalidUtf8IsRefusedWithItsByteOffset(String hex) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes("{\"name\": \"ab".getBytes(StandardCharsets.US_ASCII));
    for (String h : hex.split(" ")) {
      b.write(Integer.parseInt(h, 16));
    }
    b.writeBytes("\"}".getBytes(StandardCharsets.US_ASCII));
    VcException e = refused(b.toByteArray());
    assertEquals(VcErrorCode.INVALID_DOCUMENT, e.code());
    assertTrue(e.getMessage().contains("invalid UTF-8 at byte offset 1"), e.getMessage());
  }

  @Test
  void validMultiByteUtf8IsAccepted() throws Exception {
    String s = "{\"n\":\"é€😀\u07FF\uFFFD\uD800\uDC00\uDBFF\uDFFF\"}";
    assertEquals(StrictJson.read(s, "doc", LIMITS), StrictJson.read(s.getBytes(StandardCharsets.UTF_8), "doc",
        LIMITS));
  }

  @ParameterizedTest
  @ValueSource(strings = {"[\"\\uD800\"]", "[\"\\uDC00\"]", "[\"a\\uD83Db\"]", "[\"\\uDE00\\uD83D\"]",
    "{\"\\uD800\":1}", "{\"a\\uDC00\":1}"})
  void unpairedSurrogateEscapesAreRefused(String json) {
    VcException e = refused(json);
    assertEquals(VcErrorCode.INVALID_DOCUMENT, e.code());
    assertTrue(e.getMessage().contains("surrogate"), e.getMessage());
  }

  @Test
  void unpairedSurrogateInTextIsRefused() {
    VcException e = assertThrows(VcException.class, () -> StrictJson.read("[\"a\uD800\"]", "doc", LIMITS));
    assertTrue(e.getMessage().contains("unpaired surrogate U+D800 at character offset 3"), e.getMessage());
  }

  @Test
  void leadingByteOrderMarkIsIgnored() throws Exception {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '[', '1', ']'};
    assertEquals("[1]", StrictJson.read(bom, "doc", LIMITS).toString());
    assertEquals("[1]", StrictJson.read("\uFEFF[1]", "doc", LIMITS).toString());
  }

  // ------------------------------------------------------------------ bounds, enforced while reading

  /** An endless JSON array {@code [0,0,0,...} that counts the bytes handed out. */
  private static final class Endless extends InputStream {
    long served;

    @Override
    public int read() {
      return served++ == 0 ? '[' : served % 2 == 0 ? '0' : ',';
    }

    @Override
    public int read(byte[] b, int off, int len) {
      for (int i = 0; i < len; i++) {
        b[off + i] = (byte) read();
      }
      return len;
    }
  }

  @Test
  void sizeLimitStopsReadingAnEndlessStream() {
    Endless in = new Endless();
    VcException e = assertThrows(VcException.class,
        () -> StrictJson.read(in, "doc", new StrictJson.Limits(100_000, 64)));
    assertEquals(VcErrorCode.LIMIT_EXCEEDED, e.code());
    assertEquals("doc: larger than the limit of 100000 bytes; reading stopped at byte 100001", e.getMessage());
    // the reader never asks for more than the limit plus one byte
    assertEquals(100_001, in.served);
  }

  @Test
  void sizeLimitCountsUtf8BytesOfText() throws Exception {
    String twoByte = "[\"" + "é".repeat(50) + "\"]"; // 104 UTF-8 bytes, 54 chars
    assertEquals(VcErrorCode.LIMIT_EXCEEDED, assertThrows(VcException.class,
        () -> StrictJson.read(twoByte, "doc", new StrictJson.Limits(103, 64))).code());
    StrictJson.read(twoByte, "doc", new StrictJson.Limits(104, 64));
    StrictJson.read(twoByte.getBytes(StandardCharsets.UTF_8), "doc", new StrictJson.Limits(104, 64));
    assertEquals(VcErrorCode.LIMIT_EXCEEDED, assertThrows(VcException.class,
        () -> StrictJson.read(twoByte.getBytes(StandardCharsets.UTF_8), "doc", new StrictJson.Limits(103, 64)))
        .code());
  }

  @Test
  void nestingDepthIsBounded() throws Exception {
    StrictJson.Limits limits = new StrictJson.Limits(1 << 20, 10);
    StrictJson.read("[".repeat(10) + "]".repeat(10), "doc", limits);
    VcException e = assertThrows(VcException.class,
        () -> StrictJson.read("[".repeat(11) + "]".repeat(11), "doc", limits));
    assertEquals(VcErrorCode.LIMIT_EXCEEDED, e.code());
    assertTrue(e.getMessage().contains("nesting deeper than 10"), e.getMessage());
    // an unterminated deep prefix fails on depth, before the end of the input is seen
    assertEquals(VcErrorCode.LIMIT_EXCEEDED, assertThrows(VcException.class,
        () -> StrictJson.read("{\"a\":".repeat(100_000), "doc", limits)).code());
  }

  @Test
  void objectsAreRequiredWhereAsked() {
    VcException e = assertThrows(VcException.class, () -> StrictJson.readObject("[1]", "credential", LIMITS));
    assertEquals("credential: $ must be a JSON object, got array", e.getMessage());
  }
}
