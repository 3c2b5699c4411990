package io.github.microcred.vc.internal.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link XsdDateTime#parse} reads the fields by position; the oracle is what it did before, java.time's
 * {@code OffsetDateTime.parse} / {@code LocalDateTime.parse} behind the same lexical pattern. Seeded strings near
 * every field's bounds (month 0-13, day 0-32 in every month of leap and common years, hour 0-24, minute and second
 * 0-60, 0-12 fraction digits, offsets up to +-23:59) must give the same instant or both fail with a
 * {@link DateTimeParseException}.
 */
class XsdDateTimeOracleTest {
  private static final Pattern LEXICAL = Pattern.compile(
      "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?");

  /** The previous implementation: java.time's formatter. */
  private static Instant oracle(String lexical) {
    if (lexical == null || !LEXICAL.matcher(lexical).matches()) {
      throw new DateTimeParseException("not an XML Schema dateTime", String.valueOf(lexical), 0);
    }
    char last = lexical.charAt(lexical.length() - 1);
    boolean zoned = last == 'Z' || lexical.length() > 19 && lexical.charAt(lexical.length() - 3) == ':'
        && (lexical.charAt(lexical.length() - 6) == '+' || lexical.charAt(lexical.length() - 6) == '-');
    return zoned ? OffsetDateTime.parse(lexical).toInstant() : LocalDateTime.parse(lexical).toInstant(ZoneOffset.UTC);
  }

  private static String outcome(java.util.function.Function<String, Instant> f, String s) {
    try {
      return f.apply(s).toString();
    } catch (DateTimeParseException e) {
      return "refused";
    }
  }

  static LongStream seeds() {
    return LongStream.range(0, 8).map(i -> 0xDA7E_0000L + i);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void sameAsJavaTime(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int accepted = 0;
    for (int i = 0; i < 5_000; i++) {
      String s = candidate(r);
      String expected = outcome(XsdDateTimeOracleTest::oracle, s);
      assertEquals(expected, outcome(XsdDateTime::parse, s), "seed " + seed + ": '" + s + "'");
      if (!"refused".equals(expected)) {
        accepted++;
      }
    }
    // both outcomes are exercised
    assertTrue(accepted > 1_000 && accepted < 4_900, "seed " + seed + ": " + accepted + " of 5000 accepted");
  }

  @Test
  void edgeCases() {
    for (String s : List.of("2024-02-29T00:00:00Z", "2023-02-29T00:00:00Z", "2000-02-29T23:59:59.999999999Z",
        "1900-02-29T00:00:00Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59+18:00", "2024-01-01T00:00:00-18:00",
        "2024-01-01T00:00:00+18:01", "2024-01-01T00:00:00+19:00", "2024-01-01T00:00:00-00:30",
        "2024-01-01T24:00:00Z", "2024-01-01T23:60:00Z", "2024-01-01T23:59:60Z", "2024-01-01T00:00:00.1234567890Z",
        "2024-01-01T00:00:00.5", "2024-01-01T00:00:00", "2024-13-01T00:00:00Z", "2024-00-10T00:00:00Z",
        "2024-04-31T00:00:00Z", "2024-01-01t00:00:00Z", "24-01-01T00:00:00Z", "2024-01-01T00:00:00+0100")) {
      assertEquals(outcome(XsdDateTimeOracleTest::oracle, s), outcome(XsdDateTime::parse, s), s);
    }
  }

  private static String candidate(SplittableRandom r) {
    int year = r.nextInt(5) == 0 ? r.nextInt(10_000) : 1896 + r.nextInt(210);
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02d", year,
        r.nextInt(14), r.nextInt(8) == 0 ? r.nextInt(33) : 27 + r.nextInt(6), r.nextInt(25), r.nextInt(61),
        r.nextInt(61)));
    if (r.nextInt(10) == 0) {
      b.setCharAt(5 + r.nextInt(2), '1'); // keep some months valid more often
    }
    if (r.nextBoolean()) {
      b.append('.');
      int digits = 1 + r.nextInt(12);
      for (int i = 0; i < digits; i++) {
        b.append((char) ('0' + r.nextInt(10)));
      }
    }
    switch (r.nextInt(4)) {
      case 0:
        break;
      case 1:
        b.append('Z');
        break;
      default:
        b.append(r.nextBoolean() ? '+' : '-').append(String.format(Locale.ROOT, "%02d:%02d",
            r.nextInt(4) == 0 ? r.nextInt(24) : r.nextInt(19), r.nextInt(4) == 0 ? r.nextInt(60) : 0));
    }
    return b.toString();
  }
}
