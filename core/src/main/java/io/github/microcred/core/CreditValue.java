package io.github.microcred.core;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An amount of credit (or hours) in a unit. The amount is exact, non-negative and normalised (trailing zeros
 * stripped), so {@code 2.50 ECTS} equals {@code 2.5 ECTS}.
 *
 * @param amount the amount, at least zero
 * @param unit the unit
 */
public record CreditValue(BigDecimal amount, CreditUnit unit) implements Comparable<CreditValue> {

  /**
   * Validates and normalises.
   *
   * @throws IllegalArgumentException when the amount is negative
   * @throws NullPointerException when an argument is null
   */
  public CreditValue {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(unit, "unit");
    if (amount.signum() < 0) {
      throw new IllegalArgumentException("credit amount must be >= 0, was " + amount.toPlainString());
    }
    amount = normalise(amount);
  }

  /**
   * Creates a credit value.
   *
   * @param amount the amount, as a decimal string or number
   * @param unit the unit
   * @return the value
   */
  public static CreditValue of(String amount, CreditUnit unit) {
    return new CreditValue(new BigDecimal(amount), unit);
  }

  /**
   * Creates a credit value.
   *
   * @param amount the amount
   * @param unit the unit
   * @return the value
   */
  public static CreditValue of(long amount, CreditUnit unit) {
    return new CreditValue(BigDecimal.valueOf(amount), unit);
  }

  static BigDecimal normalise(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }

  /** Orders by unit, then amount. */
  @Override
  public int compareTo(CreditValue o) {
    int c = unit.compareTo(o.unit);
    return c != 0 ? c : amount.compareTo(o.amount);
  }

  @Override
  public String toString() {
    return amount.toPlainString() + " " + unit;
  }
}
