package io.github.microcred.core;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * EU Annex I "notional workload needed to achieve the learning outcomes": hours and/or credit (ECTS wherever
 * possible), the JSON object {@code workload} of a micro-credential ({@code $.workload.hours},
 * {@code $.workload.credits[i]} in validation paths). Oliver: effort required, including assessment, for a typical
 * learner with no prior learning.
 *
 * <p>Immutable; hours are exact, non-negative and normalised ({@code 25.0} becomes {@code 25}). Build with
 * {@link #ofHours(long)}, {@link #ofCredits(CreditValue...)} and the {@code with…} methods:
 * {@code Workload.ofHours(25).withCredit(CreditValue.of(1, CreditUnit.ECTS))}.
 *
 * @param hours the notional workload in hours, if given
 * @param credits the credit values, at most one per unit (the validator reports a repeated unit), possibly empty
 */
public record Workload(Optional<BigDecimal> hours, List<CreditValue> credits) {
  /** No workload stated. */
  public static final Workload NONE = new Workload(Optional.empty(), List.of());

  /**
   * Validates, normalises and copies.
   *
   * @throws IllegalArgumentException when the hours are negative or beyond {@link CreditValue#withinBounds}
   *     (checked without expanding them)
   * @throws NullPointerException when an argument or a credit is null
   */
  public Workload {
    Objects.requireNonNull(hours, "hours");
    hours = hours.map(Workload::checked);
    credits = List.copyOf(credits);
  }

  private static BigDecimal checked(BigDecimal h) {
    if (!CreditValue.withinBounds(h)) {
      throw new IllegalArgumentException("hours must have at most " + CreditValue.MAX_INTEGER_DIGITS
          + " integer and " + CreditValue.MAX_FRACTION_DIGITS + " decimal digits, was " + h);
    }
    if (h.signum() < 0) {
      throw new IllegalArgumentException("hours must be >= 0, was " + h.toPlainString());
    }
    return CreditValue.normalise(h);
  }

  /**
   * A workload in hours.
   *
   * @param hours the hours, at least zero
   * @return the workload
   */
  public static Workload ofHours(long hours) {
    return ofHours(BigDecimal.valueOf(hours));
  }

  /**
   * A workload in hours.
   *
   * @param hours the hours, at least zero
   * @return the workload
   */
  public static Workload ofHours(BigDecimal hours) {
    return new Workload(Optional.of(hours), List.of());
  }

  /**
   * A workload in credit.
   *
   * @param credits the credit values
   * @return the workload
   */
  public static Workload ofCredits(CreditValue... credits) {
    return new Workload(Optional.empty(), List.of(credits));
  }

  /**
   * This workload with other hours.
   *
   * @param value the hours, or null to clear them
   * @return the workload
   */
  public Workload withHours(BigDecimal value) {
    return new Workload(Optional.ofNullable(value), credits);
  }

  /**
   * This workload with other hours.
   *
   * @param value the hours, at least zero
   * @return the workload
   */
  public Workload withHours(long value) {
    return withHours(BigDecimal.valueOf(value));
  }

  /**
   * This workload with more credit values.
   *
   * @param values the values to add
   * @return the workload
   */
  public Workload withCredit(CreditValue... values) {
    List<CreditValue> all = new ArrayList<>(credits);
    all.addAll(List.of(values));
    return new Workload(hours, all);
  }

  /**
   * This workload with other credit values.
   *
   * @param values the values, replacing these
   * @return the workload
   */
  public Workload withCredits(Collection<? extends CreditValue> values) {
    return new Workload(hours, List.copyOf(values));
  }

  /**
   * Whether neither hours nor credit are given (the validator's {@code MISSING_WORKLOAD}).
   *
   * @return true when empty
   */
  public boolean isEmpty() {
    return hours.isEmpty() && credits.isEmpty();
  }
}
