package io.github.microcred.cli;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Option;

/** {@code --now T}: the time checks run at (validity windows, status lists), default the system clock. */
final class ClockOptions {
  @Option(names = "--now", paramLabel = "T",
      description = "Verification time, e.g. 2025-01-01T00:00:00Z (default: the system clock)")
  String now;

  /**
   * The clock of this invocation.
   *
   * @return a fixed clock at {@code --now}, else the system clock (UTC)
   * @throws CliException (exit 2) if {@code --now} is not an instant
   */
  Clock clock() {
    return now == null ? Clock.systemUTC() : Clock.fixed(instant("--now", now), ZoneOffset.UTC);
  }

  /**
   * Parses an instant option value.
   *
   * @param option the option name, for the message
   * @param value the value
   * @return the instant
   * @throws CliException (exit 2) {@code OPTION: expected e.g. 2025-01-01T00:00:00Z, got 'VALUE'}
   */
  static Instant instant(String option, String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new CliException(Main.USAGE, option + ": expected e.g. 2025-01-01T00:00:00Z, got '" + value + "'");
    }
  }
}
