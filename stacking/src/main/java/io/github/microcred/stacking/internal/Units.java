package io.github.microcred.stacking.internal;

import io.github.microcred.core.CreditUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Credit unit names, with the common abbreviations. */
public final class Units {
  private Units() {}

  /**
   * Parses a unit name: core {@link CreditUnit} names plus {@code SCH}, {@code SEMESTER_HOUR}, {@code QUARTER_HOUR},
   * {@code CATS}, {@code NZQA}.
   *
   * @param name the name
   * @return the unit, if known
   */
  public static Optional<CreditUnit> find(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String n = name.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    switch (n) {
      case "SCH":
      case "SEMESTER_HOUR":
      case "SEMESTER_HOURS":
        return Optional.of(CreditUnit.US_SEMESTER_HOUR);
      case "QUARTER_HOUR":
        return Optional.of(CreditUnit.US_QUARTER_HOUR);
      case "CATS":
        return Optional.of(CreditUnit.UK_CATS);
      case "NZQA":
        return Optional.of(CreditUnit.NZQA_CREDIT);
      default:
        return CreditUnit.parse(n);
    }
  }

  /**
   * Parses a unit name.
   *
   * @param name the name
   * @return the unit
   * @throws IllegalArgumentException when unknown
   */
  public static CreditUnit parse(String name) {
    return find(name).orElseThrow(() -> new IllegalArgumentException("unknown credit unit '" + name
        + "' (expected one of " + Arrays.toString(CreditUnit.values()) + ", SCH, CATS)"));
  }
}
