package io.github.microcred.core;

import java.util.Locale;
import java.util.Optional;

/**
 * A unit in which credit or workload is expressed. Conversions between units are never implicit: see
 * {@link CreditConversions}.
 */
public enum CreditUnit {
  /** European Credit Transfer and Accumulation System credit (ECTS Users' Guide 2015). */
  ECTS,
  /** US semester (or trimester) credit hour, 34 CFR 600.2. */
  US_SEMESTER_HOUR,
  /** US quarter credit hour, 34 CFR 600.2. */
  US_QUARTER_HOUR,
  /** UK Credit Accumulation and Transfer Scheme credit (QAA Higher Education Credit Framework). */
  UK_CATS,
  /** New Zealand Qualifications and Credentials Framework credit (NZQA). */
  NZQA_CREDIT,
  /** Continuing Education Unit (IACET). */
  CEU,
  /**
   * A 60-minute hour of learning: the contact, clock or notional workload hour. Workload ({@code hours}) is
   * expressed in this unit.
   */
  HOUR;

  /**
   * Parses a unit from its name, case-insensitively ({@code "ects"}, {@code "US_SEMESTER_HOUR"}).
   *
   * @param name the name
   * @return the unit, or empty when the name is not a unit
   */
  public static Optional<CreditUnit> parse(String name) {
    if (name == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_')));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
