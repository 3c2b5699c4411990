package io.github.microcred.vc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.microcred.vc.VcErrorCode;
import io.github.microcred.vc.VcException;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JSON Canonicalization Scheme: RFC 8785's own examples, an ECMAScript engine as the number oracle (the file
 * jcs/ecmascript-numbers.txt, written by Node's {@code Number.prototype.toString} through interop/jcs/numbers.mjs),
 * seeded properties (fixpoint; insensitive to member order, whitespace, escapes and number spelling; numbers
 * round-trip and are the shortest, closest decimal, checked against the double's rounding interval), and every
 * strict refusal with its JSON path.
 */
class JcsTest {
  private static final StrictJson.Limits LIMITS = StrictJson.Limits.DEFAULT;

  /** The strict form that Data Integrity signs. */
  private static String jcs(String json) throws VcException {
    return Jcs.canonicalizeExact(StrictJson.read(json, "test", LIMITS));
  }

  /** RFC 8785 as written: numbers read as the nearest double. */
  private static String rfc(String json) throws VcException {
    return Jcs.canonicalize(StrictJson.read(json, "test", LIMITS));
  }

  // ---------------------------------------------------------------------------------------- RFC 8785 examples

  /** RFC 8785 §3.2.2: primitive data types. */
  @Test
  void rfc8785PrimitivesExample() throws Exception {
    String input = "{\n  \"numbers\": [333333333.33333329, 1E30, 4.50,\n              2e-3, 0.000000000000000000000000001],\n"
        + "  \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\n"
        + "  \"literals\": [null, true, false]\n}";
    assertEquals("{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
        + "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}", rfc(input));
    // signing refuses the one number the canonical form changes (333333333.33333329 is signed as ...3333333)
    VcException e = assertThrows(VcException.class, () -> jcs(input));
    assertTrue(e.getMessage().startsWith("$.numbers[0]: 333333333.33333329 cannot be signed exactly"), e::getMessage);
    assertEquals(rfc(input), jcs(input.replace("333333333.33333329", "333333333.3333333")));
  }

  /** RFC 8785 §3.2.3: sorting of properties by UTF-16 code units (the emoji's surrogates sort before U+FB33). */
  @Test
  void rfc8785SortingExample() throws Exception {
    String input = "{\n  \"\\u20ac\": \"Euro Sign\",\n  \"\\r\": \"Carriage Return\",\n"
        + "  \"\\ufb33\": \"Hebrew Letter Dalet With Dagesh\",\n  \"1\": \"One\",\n"
        + "  \"\\ud83d\\ude00\": \"Emoji: Grinning Face\",\n  \"\\u0080\": \"Control\",\n"
        + "  \"\\u00f6\": \"Latin Small Letter O With Diaeresis\"\n}";
    assertEquals("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
        + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
        + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}", rfc(input));
  }

  /** RFC 8785 Appendix B: number serialization samples (IEEE 754 bits, expected text). */
  @ParameterizedTest
  @CsvSource({
      "0000000000000000, 0", "8000000000000000, 0", "0000000000000001, 5e-324", "8000000000000001, -5e-324",
      "7fefffffffffffff, 1.7976931348623157e+308", "ffefffffffffffff, -1.7976931348623157e+308",
      "4340000000000000, 9007199254740992", "c340000000000000, -9007199254740992",
      "4430000000000000, 295147905179352830000", "44b52d02c7e14af5, 9.999999999999997e+22",
      "44b52d02c7e14af6, 1e+23", "44b52d02c7e14af7, 1.0000000000000001e+23",
      "444b1ae4d6e2ef4e, 999999999999999700000", "444b1ae4d6e2ef4f, 999999999999999900000",
      "444b1ae4d6e2ef50, 1e+21", "3eb0c6f7a0b5ed8c, 9.999999999999997e-7", "3eb0c6f7a0b5ed8d, 0.000001",
      "41b3de4355555553, 333333333.3333332", "41b3de4355555554, 333333333.33333325",
      "41b3de4355555555, 333333333.3333333", "41b3de4355555556, 333333333.3333334",
      "41b3de4355555557, 333333333.33333343", "becbf647612f3696, -0.0000033333333333333333",
      "43143ff3c1cb0959, 1424953923781206.2"})
  void rfc8785NumberSamples(String hex, String expected) {
    assertEquals(expected, Jcs.number(Double.longBitsToDouble(Long.parseUnsignedLong(hex, 16))), hex);
  }

  /** RFC 8785 Appendix B: NaN and Infinity have no JSON form. */
  @ParameterizedTest
  @ValueSource(strings = {"7fffffffffffffff", "7ff0000000000000", "fff0000000000000"})
  void nanAndInfinityHaveNoForm(String hex) {
    assertThrows(IllegalArgumentException.class,
        () -> Jcs.number(Double.longBitsToDouble(Long.parseUnsignedLong(hex, 16))));
  }

  // ----------------------------------------------------------------------------- oracle: an ECMAScript engine

  @Test
  void agreesWithEcmaScriptEngine() throws IOException, VcException {
    int n = 0;
    try (InputStream in = JcsTest.class.getResourceAsStream("/io/github/microcred/vc/jcs/ecmascript-numbers.txt");
         BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.startsWith("#")) {
          continue;
        }
        int comma = line.indexOf(',');
        String hex = line.substring(0, comma);
        String expected = line.substring(comma + 1);
        double d = Double.longBitsToDouble(Long.parseUnsignedLong(hex, 16));
        assertEquals(expected, Jcs.number(d), hex);
        // the canonical text of a number is accepted by the strict reading and is its own canonical form
        assertEquals(expected, Jcs.number(new BigDecimal(expected), "$"), hex);
        n++;
      }
    }
    assertTrue(n > 10_000, "oracle lines: " + n);
  }

  // ----------------------------------------------------------------------------------------------- properties

  static LongStream seeds() {
    return LongStream.range(0, 200).map(i -> 0x1C5_0000L + i);
  }

  /** Numbers: read back as the same double; no shorter decimal in the rounding interval; the closest one. */
  @ParameterizedTest
  @MethodSource("seeds")
  void numbersRoundTripShortestAndClosest(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = 0; i < 100; i++) {
      double d = randomDouble(rnd);
      String s = Jcs.number(d);
      String msg = "seed " + seed + ": " + Double.doubleToRawLongBits(d) + " -> " + s;
      assertEquals(d == 0 ? 0d : d, Double.parseDouble(s), msg); // -0 is written 0
      if (d == 0) {
        continue;
      }
      BigDecimal v = new BigDecimal(s).abs();
      int k = v.stripTrailingZeros().precision();
      double a = Math.abs(d);
      BigDecimal exact = new BigDecimal(a);
      BigDecimal lo = exact.add(new BigDecimal(Math.nextDown(a))).divide(BigDecimal.valueOf(2));
      BigDecimal hi = Math.nextUp(a) == Double.POSITIVE_INFINITY ? exact.add(exact.subtract(lo))
          : exact.add(new BigDecimal(Math.nextUp(a))).divide(BigDecimal.valueOf(2));
      boolean evenSignificand = (Double.doubleToRawLongBits(a) & 1) == 0;
      assertTrue(inInterval(v, lo, hi, evenSignificand), msg);
      if (k > 1) { // no (k-1)-digit decimal rounds to d: its two (k-1)-digit neighbours are outside the interval
        for (RoundingMode m : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
          BigDecimal c = exact.round(new MathContext(k - 1, m));
          assertTrue(!inInterval(c, lo, hi, evenSignificand), msg + " but " + c + " also reads back");
        }
      }
      for (RoundingMode m : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
        BigDecimal c = exact.round(new MathContext(k, m));
        if (inInterval(c, lo, hi, evenSignificand)) { // no k-digit decimal in the interval is closer
          assertTrue(v.subtract(exact).abs().compareTo(c.subtract(exact).abs()) <= 0, msg + " but " + c
              + " is closer");
        }
      }
    }
  }

  private static boolean inInterval(BigDecimal v, BigDecimal lo, BigDecimal hi, boolean closed) {
    int a = v.compareTo(lo);
    int b = v.compareTo(hi);
    return closed ? a >= 0 && b <= 0 : a > 0 && b < 0;
  }

  /** Canonical form is a fixpoint, and member order, whitespace, escapes and number spellings do not change it. */
  @ParameterizedTest
  @MethodSource("seeds")
  void canonicalFormIsFixpointAndSpellingInsensitive(long seed) throws VcException {
    SplittableRandom rnd = new SplittableRandom(seed);
    Object value = Gen.value(rnd, 0);
    String first = Gen.spell(value, new SplittableRandom(seed ^ 1));
    String second = Gen.spell(value, new SplittableRandom(seed ^ 2));
    String msg = "seed " + seed + ":\n" + first + "\n" + second;
    String canonical = jcs(first);
    assertEquals(canonical, jcs(second), msg);
    assertEquals(canonical, jcs(canonical), msg);
    assertEquals(canonical, Gen.expected(value), msg); // independent: written from the generated value
  }

  /** A changed value changes the canonical form (the canonicalizer does not drop or merge data). */
  @ParameterizedTest
  @MethodSource("seeds")
  void differentValuesDifferentForms(long seed) throws VcException {
    SplittableRandom rnd = new SplittableRandom(seed);
    Object a = Gen.value(rnd, 0);
    Object b = Gen.value(rnd, 0);
    if (!Gen.expected(a).equals(Gen.expected(b))) {
      assertNotEquals(jcs(Gen.spell(a, rnd)), jcs(Gen.spell(b, rnd)), "seed " + seed);
    }
  }

  private static double randomDouble(SplittableRandom rnd) {
    switch (rnd.nextInt(4)) {
      case 0: { // any bit pattern
        double d;
        do {
          d = Double.longBitsToDouble(rnd.nextLong());
        } while (Double.isNaN(d) || Double.isInfinite(d));
        return d;
      }
      case 1: // a short decimal as people write them
        return Double.parseDouble(rnd.nextInt(1, 100_000) + "e" + rnd.nextInt(-30, 30));
      case 2: // an integer of any size
        return (double) (rnd.nextLong() >> rnd.nextInt(64));
      default: // near a notation boundary
        double[] edges = {1e21, 1e-6, 1e-7, 9007199254740992d, Double.MIN_VALUE, Double.MAX_VALUE, 1e23, 0.1};
        double d = edges[rnd.nextInt(edges.length)];
        for (int s = rnd.nextInt(-3, 4); s != 0; s += s > 0 ? -1 : 1) {
          d = s > 0 ? Math.nextUp(d) : Math.nextDown(d);
        }
        d = Math.min(d, Double.MAX_VALUE);
        return rnd.nextBoolean() ? -d : d;
    }
  }

  // ------------------------------------------------------------------------------------------ strict refusals

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"a\":12345678901234567891}|$.a: 12345678901234567891 cannot be signed exactly",
      "{\"a\":[1,0.10000000000000001]}|$.a[1]: 0.10000000000000001 cannot be signed exactly",
      "{\"a\":{\"b c\":1e400}}|$.a['b c']: 1E+400 is outside the IEEE 754 double range",
      "{\"a\":1e-400}|$.a: 1E-400 cannot be signed exactly"})
  void refusesNumbersTheCanonicalFormWouldChange(String json, String message) throws VcException {
    VcException e = assertThrows(VcException.class, () -> jcs(json));
    assertEquals(VcErrorCode.INVALID_DOCUMENT, e.code());
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
    if (!json.contains("e400")) { // RFC 8785 itself reads them as the nearest double
      assertTrue(rfc(json).length() > 0);
    }
  }

  /** Two texts whose numbers are the same double: the RFC form cannot tell them apart, the strict form refuses. */
  @Test
  void numbersBeyondDoublePrecisionWouldShareASignature() throws VcException {
    String a = "{\"credits\":12345678901234567891}";
    String b = "{\"credits\":12345678901234567892}";
    assertEquals(rfc(a), rfc(b));
    assertEquals("{\"credits\":12345678901234567000}", rfc(a));
    assertThrows(VcException.class, () -> jcs(a));
    assertThrows(VcException.class, () -> jcs(b));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"1.50|1.5", "1E30|1e+30", "-0|0", "-0.0|0", "0.1|0.1", "5.0|5",
      "12345678901234567000|12345678901234567000", "1e21|1e+21", "100e-2|1", "0.0000001|1e-7"})
  void acceptsEveryExactSpelling(String number, String canonical) throws VcException {
    assertEquals("[" + canonical + "]", jcs("[" + number + "]"));
  }

  @Test
  void refusesUnpairedSurrogatesInValuesAndNames() {
    // the strict reader refuses "\uD800"; a value built in memory reaches the canonicalizer directly
    JsonValue v = JsonSupport.PROVIDER.createObjectBuilder().add("name", "a\uD800b").build();
    VcException e = assertThrows(VcException.class, () -> Jcs.canonicalize(v));
    assertEquals(VcErrorCode.INVALID_DOCUMENT, e.code());
    assertTrue(e.getMessage().startsWith("$.name contains an unpaired surrogate U+D800"), e.getMessage());
    JsonValue k = JsonSupport.PROVIDER.createObjectBuilder().add("x\uDC00", 1).build();
    VcException ek = assertThrows(VcException.class, () -> Jcs.canonicalize(k));
    assertTrue(ek.getMessage().contains("U+DC00"), ek.getMessage());
  }

  @Test
  void controlCharactersAreEscapedLowerCase() throws VcException {
    assertEquals("[\"\\u0000\\u001f\\b\\t\\n\\f\\r\u007f\u2028\"]", jcs("[\"\\u0000\\u001F\\b\\t\\n\\f\\r\\u007f\\u2028\"]"));
  }

  // ---------------------------------------------------------------------------------------------- generator

  /** Random JSON values, and several spellings of each. */
  static final class Gen {
    private static final String[] NAME_PARTS = {"a", "b", "id", "@context", "Z", "\u00e9", "\u20ac", "\ud83d\ude00",
        "\ufb33", "\r", "1", "", " ", "\"", "\\", "\u0080", "\u0001"};

    /** A value: Map (object), List (array), String, Double, Boolean or null. */
    static Object value(SplittableRandom rnd, int depth) {
      int kind = depth >= 4 ? 2 + rnd.nextInt(4) : rnd.nextInt(6);
      switch (kind) {
        case 0: {
          Map<String, Object> m = new LinkedHashMap<>();
          int n = rnd.nextInt(6);
          for (int i = 0; i < n; i++) {
            m.put(name(rnd), value(rnd, depth + 1));
          }
          return m;
        }
        case 1: {
          List<Object> l = new ArrayList<>();
          int n = rnd.nextInt(5);
          for (int i = 0; i < n; i++) {
            l.add(value(rnd, depth + 1));
          }
          return l;
        }
        case 2:
          return name(rnd) + name(rnd);
        case 3:
          return randomDouble(rnd);
        case 4:
          return rnd.nextBoolean();
        default:
          return null;
      }
    }

    private static String name(SplittableRandom rnd) {
      StringBuilder b = new StringBuilder();
      for (int i = rnd.nextInt(3); i >= 0; i--) {
        b.append(NAME_PARTS[rnd.nextInt(NAME_PARTS.length)]);
      }
      return b.toString();
    }

    /** A JSON text of the value: shuffled members, random whitespace, random escapes, random number spelling. */
    @SuppressWarnings("unchecked")
    static String spell(Object v, SplittableRandom rnd) {
      StringBuilder b = new StringBuilder();
      spell(v, rnd, b);
      return b.toString();
    }

    @SuppressWarnings("unchecked")
    private static void spell(Object v, SplittableRandom rnd, StringBuilder b) {
      ws(rnd, b);
      if (v instanceof Map) {
        List<Map.Entry<String, Object>> es = new ArrayList<>(((Map<String, Object>) v).entrySet());
        Collections.shuffle(es, new java.util.Random(rnd.nextLong()));
        b.append('{');
        for (int i = 0; i < es.size(); i++) {
          if (i > 0) {
            b.append(',');
          }
          ws(rnd, b);
          str(es.get(i).getKey(), rnd, b);
          ws(rnd, b);
          b.append(':');
          spell(es.get(i).getValue(), rnd, b);
        }
        ws(rnd, b);
        b.append('}');
      } else if (v instanceof List) {
        List<Object> l = (List<Object>) v;
        b.append('[');
        for (int i = 0; i < l.size(); i++) {
          if (i > 0) {
            b.append(',');
          }
          spell(l.get(i), rnd, b);
        }
        ws(rnd, b);
        b.append(']');
      } else if (v instanceof String) {
        str((String) v, rnd, b);
      } else if (v instanceof Double) {
        b.append(num((Double) v, rnd));
      } else {
        b.append(v);
      }
      ws(rnd, b);
    }

    private static void ws(SplittableRandom rnd, StringBuilder b) {
      for (int i = rnd.nextInt(3) - 1; i > 0; i--) {
        b.append(" \t\n\r".charAt(rnd.nextInt(4)));
      }
    }

    private static void str(String s, SplittableRandom rnd, StringBuilder b) {
      b.append('"');
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        int units = Character.isHighSurrogate(c) ? 2 : 1; // a surrogate pair: both escaped or neither
        if (c == '"' || c == '\\' || c < 0x20 || rnd.nextInt(4) == 0) {
          for (int u = 0; u < units; u++) { // any char may be escaped
            b.append(String.format("\\u%04" + (rnd.nextBoolean() ? "x" : "X"), (int) s.charAt(i + u)));
          }
        } else {
          b.append(s, i, i + units);
        }
        i += units - 1;
      }
      b.append('"');
    }

    /** A spelling with the same exact value as the double's canonical form. */
    private static String num(double d, SplittableRandom rnd) {
      BigDecimal v = new BigDecimal(Jcs.number(d));
      switch (rnd.nextInt(4)) {
        case 0:
          return v.toString(); // e.g. 1.5E+30
        case 1:
          return v.toPlainString(); // all digits
        case 2: // trailing zeros
          return v.setScale(Math.max(v.scale(), 0) + 2).toPlainString();
        default: { // mantissa and exponent shifted
          int shift = rnd.nextInt(-5, 6);
          return v.movePointRight(shift).toPlainString() + (rnd.nextBoolean() ? "e" : "E") + (-shift);
        }
      }
    }

    /** The canonical form written directly from the value (sorted names, minimal escapes). */
    @SuppressWarnings("unchecked")
    static String expected(Object v) {
      if (v instanceof Map) {
        List<String> keys = new ArrayList<>(((Map<String, Object>) v).keySet());
        Collections.sort(keys);
        StringBuilder b = new StringBuilder("{");
        for (String k : keys) {
          b.append(b.length() > 1 ? "," : "").append(quote(k)).append(':')
              .append(expected(((Map<String, Object>) v).get(k)));
        }
        return b.append('}').toString();
      }
      if (v instanceof List) {
        StringBuilder b = new StringBuilder("[");
        for (Object o : (List<Object>) v) {
          b.append(b.length() > 1 ? "," : "").append(expected(o));
        }
        return b.append(']').toString();
      }
      if (v instanceof String) {
        return quote((String) v);
      }
      if (v instanceof Double) {
        return Jcs.number((Double) v);
      }
      return String.valueOf(v);
    }

    private static String quote(String s) {
      StringBuilder b = new StringBuilder("\"");
      for (char c : s.toCharArray()) {
        String e = c == '"' ? "\\\"" : c == '\\' ? "\\\\" : c == '\b' ? "\\b" : c == '\t' ? "\\t"
            : c == '\n' ? "\\n" : c == '\f' ? "\\f" : c == '\r' ? "\\r"
            : c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c);
        b.append(e);
      }
      return b.append('"').toString();
    }
  }
}
