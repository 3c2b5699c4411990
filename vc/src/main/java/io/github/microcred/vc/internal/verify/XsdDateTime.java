package io.github.microcred.vc.internal.verify;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The one parser of XML Schema {@code dateTime} values in the vc module ({@code validFrom}, {@code validUntil},
 * {@code issuanceDate}, {@code expirationDate}, proof {@code created} / {@code expires}):
 * {@code YYYY-MM-DDThh:mm:ss[.fraction][Z|(+|-)hh:mm]}, a four-digit year, an upper-case {@code T}. A value without
 * a time zone is read as UTC (XML Schema leaves it implementation-defined; VC 2.0 asks issuers to give one).
 */
public final class XsdDateTime {
  private static final Pattern LEXICAL = Pattern.compile(
      "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?");

  private XsdDateTime() {}

  /**
   * Parses a dateTime.
   *
   * @param lexical the text
   * @return the instant
   * @throws DateTimeParseException if it is not an XML Schema dateTime of the form above
   */
  public static Instant parse(String lexical) {
    if (lexical == null || !LEXICAL.matcher(lexical).matches()) {
      throw new DateTimeParseException("not an XML Schema dateTime (YYYY-MM-DDThh:mm:ss[.s][Z|+hh:mm])",
          String.valueOf(lexical), 0);
    }
    // the lexical form is fixed now: read the fields by position, with java.time's ISO rules (STRICT resolution:
    // month 1-12, a day of that month, hour 0-23, minute and second 0-59, at most 9 fraction digits, an offset of
    // at most 18:00 with minutes 0-59), as OffsetDateTime.parse / LocalDateTime.parse would, without the formatter
    try {
      int end = lexical.length();
      ZoneOffset offset = ZoneOffset.UTC;
      if (lexical.charAt(end - 1) == 'Z') {
        end--;
      } else if (end > 19 && lexical.charAt(end - 3) == ':'
          && (lexical.charAt(end - 6) == '+' || lexical.charAt(end - 6) == '-')) {
        int h = digits(lexical, end - 5, end - 3);
        int m = digits(lexical, end - 2, end);
        if (h > 23 || m > 59) {
          throw new DateTimeParseException("offset out of range", lexical, end - 6);
        }
        offset = lexical.charAt(end - 6) == '-' ? ZoneOffset.ofHoursMinutes(-h, -m) : ZoneOffset.ofHoursMinutes(h, m);
        end -= 6;
      }
      int nano = 0;
      if (end > 19) {
        // ".fraction"
        int digits = end - 20;
        if (digits > 9) {
          throw new DateTimeParseException("more than 9 fraction digits", lexical, 20);
        }
        nano = digits(lexical, 20, end);
        for (int i = digits; i < 9; i++) {
          nano *= 10;
        }
      }
      LocalDateTime t = LocalDateTime.of(digits(lexical, 0, 4), digits(lexical, 5, 7), digits(lexical, 8, 10),
          digits(lexical, 11, 13), digits(lexical, 14, 16), digits(lexical, 17, 19), nano);
      return t.toInstant(offset);
    } catch (DateTimeParseException e) {
      throw e;
    } catch (DateTimeException e) {
      throw new DateTimeParseException("not a valid dateTime: " + e.getMessage(), lexical, 0, e);
    }
  }

  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      v = v * 10 + (s.charAt(i) - '0');
    }
    return v;
  }
}
