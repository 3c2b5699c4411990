package io.github.microcred.vc.internal.verify;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
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
    char last = lexical.charAt(lexical.length() - 1);
    boolean zoned = last == 'Z' || lexical.length() > 19 && lexical.charAt(lexical.length() - 3) == ':'
        && (lexical.charAt(lexical.length() - 6) == '+' || lexical.charAt(lexical.length() - 6) == '-');
    return zoned ? OffsetDateTime.parse(lexical).toInstant() : LocalDateTime.parse(lexical).toInstant(ZoneOffset.UTC);
  }
}
