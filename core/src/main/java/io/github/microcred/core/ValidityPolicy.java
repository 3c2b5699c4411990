package io.github.microcred.core;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;
import java.util.Optional;

/**
 * How long an award of the micro-credential stays valid: no expiry, a period after the award (an ISO 8601
 * period such as {@code P3Y}), or a fixed end date.
 */
public final class ValidityPolicy {

  /** The kind of policy. */
  public enum Type {
    /** Awards never expire. */
    NO_EXPIRY,
    /** Awards expire a period after they are awarded. */
    PERIOD_AFTER_AWARD,
    /** Awards expire on a fixed date. */
    UNTIL_DATE
  }

  private static final ValidityPolicy NO_EXPIRY = new ValidityPolicy(Type.NO_EXPIRY, null, null);

  private final Type type;
  private final Period period;
  private final LocalDate until;

  private ValidityPolicy(Type type, Period period, LocalDate until) {
    this.type = type;
    this.period = period;
    this.until = until;
  }

  /**
   * Awards never expire.
   *
   * @return the policy
   */
  public static ValidityPolicy noExpiry() {
    return NO_EXPIRY;
  }

  /** The longest validity period, in years (its months, or its days, may not add up to more). */
  public static final int MAX_PERIOD_YEARS = 1000;

  /**
   * Awards expire a period after they are awarded.
   *
   * @param period a positive period of at most {@link #MAX_PERIOD_YEARS} years
   * @return the policy
   * @throws IllegalArgumentException when the period is not positive or longer (so {@code P999999999Y}, which no
   *     award date could be moved by, is refused here instead of failing every expiry computed from it)
   */
  public static ValidityPolicy periodAfterAward(Period period) {
    Objects.requireNonNull(period, "period");
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("validity period must be positive, was " + period);
    }
    if (period.toTotalMonths() > 12L * MAX_PERIOD_YEARS || period.getDays() > 366L * MAX_PERIOD_YEARS) {
      throw new IllegalArgumentException("validity period must be at most " + MAX_PERIOD_YEARS + " years, was "
          + period);
    }
    return new ValidityPolicy(Type.PERIOD_AFTER_AWARD, period, null);
  }

  /**
   * Awards expire on a date.
   *
   * @param until the last valid day
   * @return the policy
   */
  public static ValidityPolicy until(LocalDate until) {
    return new ValidityPolicy(Type.UNTIL_DATE, null, Objects.requireNonNull(until, "until"));
  }

  /**
   * The type.
   *
   * @return the type
   */
  public Type type() {
    return type;
  }

  /**
   * The period, for {@link Type#PERIOD_AFTER_AWARD}.
   *
   * @return the period
   */
  public Optional<Period> period() {
    return Optional.ofNullable(period);
  }

  /**
   * The end date, for {@link Type#UNTIL_DATE}.
   *
   * @return the date
   */
  public Optional<LocalDate> until() {
    return Optional.ofNullable(until);
  }

  /**
   * The expiry of an award made on a date under this policy.
   *
   * @param awarded the award date
   * @return the first day on which the award is no longer valid, or empty for no expiry; {@link LocalDate#MAX}
   *     when that day lies beyond the last date {@code LocalDate} can hold (an award dated near year 999,999,999)
   */
  public Optional<LocalDate> expiryFor(LocalDate awarded) {
    try {
      return switch (type) {
        case NO_EXPIRY -> Optional.empty();
        case PERIOD_AFTER_AWARD -> Optional.of(awarded.plus(period));
        case UNTIL_DATE -> Optional.of(until.plusDays(1));
      };
    } catch (DateTimeException pastTheCalendar) {
      return Optional.of(LocalDate.MAX);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ValidityPolicy v && type == v.type && Objects.equals(period, v.period) && Objects.equals(until, v.until);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, period, until);
  }

  @Override
  public String toString() {
    return switch (type) {
      case NO_EXPIRY -> "no expiry";
      case PERIOD_AFTER_AWARD -> period + " after award";
      case UNTIL_DATE -> "until " + until;
    };
  }
}
