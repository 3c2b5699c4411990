package io.github.microcred.stacking.internal;

import java.math.BigDecimal;

/**
 * Normalises decimal amounts so that equal values compare equal (5, 5.0 and 5.00 become 5), refusing, without
 * expanding them, amounts too large or too fine for any credit rule ({@code 1e99999999} would otherwise become a
 * hundred million digits).
 */
public final class Amounts {
  /** The most integer digits, and the most decimal digits, a stacking amount may have (as the JSON readers). */
  public static final int MAX_DIGITS = 100;

  private Amounts() {}

  /**
   * Whether an amount has at most {@link #MAX_DIGITS} integer and decimal digits once trailing zeros are dropped;
   * checked without expanding it.
   *
   * @param v value
   * @return true when within range
   */
  public static boolean inRange(BigDecimal v) {
    if (v.signum() == 0) {
      return true;
    }
    BigDecimal s = v.stripTrailingZeros();
    return (long) s.precision() - s.scale() <= MAX_DIGITS && s.scale() <= MAX_DIGITS;
  }

  /**
   * Normalises.
   *
   * @param v value
   * @return value without trailing zeros and with a non-negative scale
   * @throws IllegalArgumentException when the value is not {@link #inRange}
   */
  public static BigDecimal norm(BigDecimal v) {
    if (!inRange(v)) {
      throw new IllegalArgumentException("amount out of range (at most " + MAX_DIGITS + " integer and "
          + MAX_DIGITS + " decimal digits): " + brief(v));
    }
    BigDecimal s = v.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }

  /**
   * A short text of a decimal that never expands it (scientific form for extreme exponents).
   *
   * @param v value
   * @return at most 40 characters
   */
  public static String brief(BigDecimal v) {
    String t = v.toString();
    return t.length() <= 40 ? t : t.substring(0, 37) + "...";
  }
}
