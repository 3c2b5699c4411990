package io.github.microcred.cli;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Option;

/** {@code --as-of DATE}: the date {@code mcred audit} and {@code mcred plan} judge a transcript at. */
final class AsOfOptions {
  @Option(names = "--as-of", paramLabel = "DATE", description = "the date validity and expiry are judged at (YYYY-MM-DD), default today (UTC)")
  String asOf;

  /**
   * The date of this invocation.
   *
   * @return {@code --as-of}, else today in UTC
   * @throws CliException (exit 2) if it is not a YYYY-MM-DD date
   */
  LocalDate date() {
    if (asOf == null) {
      return LocalDate.now(ZoneOffset.UTC);
    }
    try {
      return LocalDate.parse(asOf);
    } catch (DateTimeParseException e) {
      throw new CliException(Main.USAGE, "--as-of: expected YYYY-MM-DD, got '" + asOf + "'");
    }
  }
}
