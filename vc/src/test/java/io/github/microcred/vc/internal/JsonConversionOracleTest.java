package io.github.microcred.vc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link JsonSupport#toJackson} walks the JSON-P tree; the oracle is what it did before: write the value as text and
 * read it back with the strict reader. Seeded trees with every kind of number (int, long and BigInteger edges,
 * decimals with scales and exponents, from parsed text and from {@code createValue}), unicode strings and keys,
 * nesting and empty containers must give equal Jackson trees, node classes included.
 */
class JsonConversionOracleTest {
  private static final StrictJson.Limits TRUSTED = new StrictJson.Limits(64L << 20, 1_000);

  static LongStream seeds() {
    return LongStream.range(0, 10).map(i -> 0x150_0000L + i);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void sameTreeAsTheTextRoundTrip(long seed) throws Exception {
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < 400; i++) {
      JsonValue v = object(r, 0);
      if (r.nextBoolean()) {
        v = StrictJson.read(v.toString(), "test", TRUSTED); // numbers as the strict reader makes them
      }
      JsonNode expected = StrictJson.readObjectTree(v.toString(), "value", TRUSTED);
      JsonNode got = JsonSupport.toJackson(v);
      assertEquals(expected, got, "seed " + seed + " #" + i + ": " + v);
      assertEquals(expected.toString(), got.toString(), "seed " + seed + " #" + i);
      assertSameClasses(expected, got, "seed " + seed + " #" + i);
    }
  }

  @Test
  void refusesWhatTheTrustedReaderRefuses() {
    JsonValue lone = JsonSupport.PROVIDER.createObjectBuilder().add("k", "a\uD800b").build();
    assertThrows(IllegalStateException.class, () -> JsonSupport.toJackson(lone));
    JsonValue loneKey = JsonSupport.PROVIDER.createObjectBuilder().add("\uDC00", 1).build();
    assertThrows(IllegalStateException.class, () -> JsonSupport.toJackson(loneKey));
    JsonValue deep = JsonSupport.PROVIDER.createArrayBuilder().build();
    for (int i = 0; i < 1_000; i++) {
      deep = JsonSupport.PROVIDER.createArrayBuilder().add(deep).build();
    }
    JsonValue tooDeep = JsonSupport.PROVIDER.createObjectBuilder().add("d", deep).build();
    assertThrows(IllegalStateException.class, () -> JsonSupport.toJackson(tooDeep));
    assertThrows(IllegalStateException.class, () -> JsonSupport.toJackson(JsonSupport.PROVIDER.createValue(1)));
  }

  private static void assertSameClasses(JsonNode a, JsonNode b, String what) {
    assertEquals(a.getClass(), b.getClass(), what + ": " + a);
    if (a.isContainerNode()) {
      assertEquals(a.size(), b.size(), what);
      if (a.isObject()) {
        a.fieldNames().forEachRemaining(k -> assertSameClasses(a.get(k), b.get(k), what + "." + k));
      } else {
        for (int i = 0; i < a.size(); i++) {
          assertSameClasses(a.get(i), b.get(i), what + "[" + i + "]");
        }
      }
    }
  }

  private static JsonValue object(SplittableRandom r, int depth) {
    JsonObjectBuilder b = JsonSupport.PROVIDER.createObjectBuilder();
    int n = r.nextInt(depth == 0 ? 8 : 5);
    for (int i = 0; i < n; i++) {
      b.add(string(r) + i, value(r, depth + 1));
    }
    return b.build();
  }

  private static JsonValue value(SplittableRandom r, int depth) {
    switch (r.nextInt(depth > 4 ? 4 : 6)) {
      case 0:
        return JsonSupport.PROVIDER.createValue(string(r));
      case 1:
        return number(r);
      case 2:
        return new JsonValue[] {JsonValue.TRUE, JsonValue.FALSE, JsonValue.NULL}[r.nextInt(3)];
      case 3:
        return number(r);
      case 4:
        return object(r, depth);
      default: {
        JsonArrayBuilder a = JsonSupport.PROVIDER.createArrayBuilder();
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
          a.add(value(r, depth + 1));
        }
        return a.build();
      }
    }
  }

  private static JsonValue number(SplittableRandom r) {
    switch (r.nextInt(9)) {
      case 0:
        return JsonSupport.PROVIDER.createValue(r.nextInt());
      case 1:
        return JsonSupport.PROVIDER.createValue(r.nextBoolean() ? Integer.MAX_VALUE + (long) r.nextInt(3) - 1
            : Integer.MIN_VALUE + (long) r.nextInt(3) - 1);
      case 2:
        return JsonSupport.PROVIDER.createValue(r.nextBoolean() ? Long.MAX_VALUE - r.nextInt(2)
            : Long.MIN_VALUE + r.nextInt(2));
      case 3:
        return JsonSupport.PROVIDER.createValue(new BigInteger(64 + r.nextInt(40), new java.util.Random(r.nextLong()))
            .multiply(BigInteger.valueOf(r.nextBoolean() ? 1 : -1)));
      case 4:
        return JsonSupport.PROVIDER.createValue(new BigDecimal(BigInteger.valueOf(r.nextLong()), r.nextInt(40) - 20));
      case 5:
        return JsonSupport.PROVIDER.createValue(r.nextDouble() * Math.pow(10, r.nextInt(40) - 20));
      case 6:
        return JsonSupport.PROVIDER.createValue(new BigDecimal(new String[] {"0", "-0", "0.0", "1E+3", "1e-7", "2.50",
            "-0.000", "12345678901234567890123", "1E400", "9.999E-400"}[r.nextInt(10)]));
      case 7:
        return JsonSupport.PROVIDER.createValue(new BigDecimal(BigInteger.valueOf(r.nextInt(1000)), 0));
      default:
        return JsonSupport.PROVIDER.createValue((long) r.nextInt(1000));
    }
  }

  private static String string(SplittableRandom r) {
    String[] parts = {"a", "é", "\u0000", "\"", "\\", "\n", "\uD83D\uDE00", "漢", "\u2028", " ", "@id", "\u007F"};
    StringBuilder b = new StringBuilder();
    int n = r.nextInt(5);
    for (int i = 0; i < n; i++) {
      b.append(parts[r.nextInt(parts.length)]);
    }
    return b.toString();
  }
}
