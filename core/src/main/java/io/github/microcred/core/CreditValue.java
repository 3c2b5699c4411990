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
  /** The most integer digits an amount may have (beyond this an amount is refused, never expanded). */
  public static final int MAX_INTEGER_DIGITS = 18;
  /** The most decimal digits an amount may have once trailing zeros are dropped. */
  public static final int MAX_FRACTION_DIGITS = 40;
  /**
   * The most characters a decimal written as text may have: longer text is refused before it is parsed (parsing a
   * string of a million digits takes seconds of CPU, ten million minutes).
   */
  public static final int MAX_TEXT_LENGTH = 100;

  /**
   * Validates and normalises.
   *
   * @throws IllegalArgumentException when the amount is negative or has more than {@link #MAX_INTEGER_DIGITS}
   *     integer or {@link #MAX_FRACTION_DIGITS} decimal digits (so {@code 1e99999999} is refused at once rather
   *     than expanded to a hundred million digits)
   * @throws NullPointerException when an argument is null
   */
  public CreditValue {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(unit, "unit");
    if (!withinBounds(amount)) {
      throw new IllegalArgumentException("credit amount must have at most " + MAX_INTEGER_DIGITS + " integer and "
          + MAX_FRACTION_DIGITS + " decimal digits, was " + brief(amount));
    }
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
    return new CreditValue(parseDecimal(amount), unit);
  }

  /**
   * Parses a decimal written as text ({@code "2.5"}, {@code "1e3"}), refusing text longer than
   * {@link #MAX_TEXT_LENGTH} characters before parsing it and values beyond {@link #withinBounds} without expanding
   * them.
   *
   * @param text the text; surrounding white space is ignored
   * @return the decimal, as written (not normalised)
   * @throws NumberFormatException when the text is not a decimal, is too long, or is out of bounds; the message
   *     says which
   */
  public static BigDecimal parseDecimal(String text) {
    String t = Objects.requireNonNull(text, "text").strip();
    if (t.length() > MAX_TEXT_LENGTH) {
      throw new NumberFormatException("expected a decimal of at most " + MAX_TEXT_LENGTH + " characters, found "
          + t.length() + " characters");
    }
    BigDecimal d = new BigDecimal(t);
    if (!withinBounds(d)) {
      throw new NumberFormatException("expected a decimal with at most " + MAX_INTEGER_DIGITS + " integer and "
          + MAX_FRACTION_DIGITS + " decimal digits, found " + brief(d));
    }
    return d;
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

  /**
   * Whether a decimal has at most {@link #MAX_INTEGER_DIGITS} integer and {@link #MAX_FRACTION_DIGITS} decimal
   * digits once trailing zeros are dropped; checked without expanding it.
   *
   * @param v the decimal
   * @return true when a credit amount may have that many digits
   */
  public static boolean withinBounds(BigDecimal v) {
    if (v.signum() == 0) {
      return true;
    }
    BigDecimal s = v.stripTrailingZeros();
    return s.precision() - s.scale() <= MAX_INTEGER_DIGITS && s.scale() <= MAX_FRACTION_DIGITS;
  }

  private static String brief(BigDecimal v) {
    String s = v.toString(); // scientific form for extreme exponents: never expanded
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
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
