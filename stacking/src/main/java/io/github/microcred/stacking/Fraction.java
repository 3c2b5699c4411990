package io.github.microcred.stacking;

import io.github.microcred.stacking.internal.Amounts;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * An exact rational number {@code numerator / denominator}, always in lowest terms with a
 * positive denominator. The rule language uses it where a policy states a fraction, such as a cap of "one third of
 * the total" ({@code maxShare: "1/3"}): 1/3 of 30 credits is exactly 10, and a limit that is not a whole number of
 * the smallest credit step (1/3 of 31) is compared exactly, never through a rounded decimal.
 *
 * @param numerator the numerator
 * @param denominator the denominator, positive
 */
public record Fraction(BigInteger numerator, BigInteger denominator) implements Comparable<Fraction> {

  /** Zero. */
  public static final Fraction ZERO = new Fraction(BigInteger.ZERO, BigInteger.ONE);
  /** One. */
  public static final Fraction ONE = new Fraction(BigInteger.ONE, BigInteger.ONE);
  /** The longest text {@link #parse} reads; longer text is refused before it is parsed. */
  public static final int MAX_TEXT_LENGTH = 1000;

  /**
   * Reduces to lowest terms.
   *
   * @throws IllegalArgumentException when the denominator is zero
   */
  public Fraction {
    Objects.requireNonNull(numerator, "numerator");
    Objects.requireNonNull(denominator, "denominator");
    if (denominator.signum() == 0) {
      throw new IllegalArgumentException("fraction with denominator zero");
    }
    if (denominator.signum() < 0) {
      numerator = numerator.negate();
      denominator = denominator.negate();
    }
    if (denominator.equals(BigInteger.ONE)) {
      // already in lowest terms: the common case of a whole amount
    } else if (numerator.bitLength() < 63 && denominator.bitLength() < 63) {
      long a = numerator.longValue();
      long b = denominator.longValue();
      long g = gcd(Math.abs(a), b);
      if (g > 1) {
        numerator = BigInteger.valueOf(a / g);
        denominator = BigInteger.valueOf(b / g);
      }
    } else {
      BigInteger g = numerator.gcd(denominator);
      if (!g.equals(BigInteger.ONE) && g.signum() != 0) {
        numerator = numerator.divide(g);
        denominator = denominator.divide(g);
      }
    }
    if (numerator.signum() == 0) {
      denominator = BigInteger.ONE;
    }
  }

  /** Greatest common divisor of two non-negative longs (Euclid); gcd(0, b) = b. */
  private static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return a;
  }

  /**
   * The fraction {@code numerator / denominator}.
   *
   * @param numerator numerator
   * @param denominator denominator, not zero
   * @return the fraction in lowest terms
   */
  public static Fraction of(long numerator, long denominator) {
    return new Fraction(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
  }

  /**
   * The exact value of a decimal.
   *
   * @param v the decimal
   * @return the fraction
   * @throws IllegalArgumentException when the decimal has more than 100 integer or decimal digits (checked
   *     without expanding it: {@code 1e99999999} is refused at once)
   */
  public static Fraction of(BigDecimal v) {
    if (!Amounts.inRange(v)) {
      throw new IllegalArgumentException("decimal out of range (at most "
          + Amounts.MAX_DIGITS + " integer and decimal digits): "
          + Amounts.brief(v));
    }
    BigDecimal s = v.stripTrailingZeros();
    if (s.scale() <= 0) {
      return new Fraction(s.toBigIntegerExact(), BigInteger.ONE);
    }
    return new Fraction(s.unscaledValue(), BigInteger.TEN.pow(s.scale()));
  }

  /**
   * Parses {@code "a/b"} (a and b decimals, b not zero) or a plain decimal.
   *
   * @param text the text
   * @return the fraction
   * @throws IllegalArgumentException when the text is neither, is longer than {@link #MAX_TEXT_LENGTH}
   *     characters, or has a side beyond {@link #of(BigDecimal)}'s range
   */
  public static Fraction parse(String text) {
    String t = text.trim();
    if (t.length() > MAX_TEXT_LENGTH) {
      // refused before parsing: a string of millions of digits takes minutes to parse
      throw new IllegalArgumentException("expected a number or a fraction a/b of at most " + MAX_TEXT_LENGTH
          + " characters, got " + t.length() + " characters");
    }
    int slash = t.indexOf('/');
    try {
      if (slash < 0) {
        return of(new BigDecimal(t));
      }
      Fraction a = of(new BigDecimal(t.substring(0, slash).trim()));
      Fraction b = of(new BigDecimal(t.substring(slash + 1).trim()));
      if (b.signum() == 0) {
        throw new IllegalArgumentException("division by zero in '" + text + "'");
      }
      return new Fraction(a.numerator.multiply(b.denominator), a.denominator.multiply(b.numerator));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected a number or a fraction a/b, got '" + text + "'", e);
    }
  }

  /**
   * The product.
   *
   * @param o the other factor
   * @return this × o
   */
  public Fraction multiply(Fraction o) {
    return new Fraction(numerator.multiply(o.numerator), denominator.multiply(o.denominator));
  }

  /**
   * The sum.
   *
   * @param o the other term
   * @return this + o
   */
  public Fraction add(Fraction o) {
    return new Fraction(numerator.multiply(o.denominator).add(o.numerator.multiply(denominator)),
        denominator.multiply(o.denominator));
  }

  /**
   * The sign.
   *
   * @return -1, 0 or 1
   */
  public int signum() {
    return numerator.signum();
  }

  /**
   * The exact decimal value, when the fraction has a finite decimal expansion (its reduced denominator has no prime
   * factor other than 2 and 5).
   *
   * @return the decimal, or empty (for 1/3, say)
   */
  public Optional<BigDecimal> exactDecimal() {
    try {
      BigDecimal v = new BigDecimal(numerator).divide(new BigDecimal(denominator));
      BigDecimal s = v.stripTrailingZeros();
      return Optional.of(s.scale() < 0 ? s.setScale(0) : s);
    } catch (ArithmeticException nonTerminating) {
      return Optional.empty();
    }
  }

  /**
   * The value as an integer multiple of {@code 10^-scale}, rounded in the given direction: {@code floor} or
   * {@code ceiling} of {@code this × 10^scale}. For an integer {@code x}, {@code x ≤ this × 10^scale} exactly when
   * {@code x ≤ scaled(scale, FLOOR)}, so comparisons against scaled integers stay exact.
   *
   * @param scale decimal places, at least 0
   * @param mode {@link RoundingMode#FLOOR} or {@link RoundingMode#CEILING} (any mode of {@link BigDecimal})
   * @return the scaled integer
   */
  public BigInteger scaled(int scale, RoundingMode mode) {
    return new BigDecimal(numerator.multiply(BigInteger.TEN.pow(scale)))
        .divide(new BigDecimal(denominator), 0, mode).toBigIntegerExact();
  }

  @Override
  public int compareTo(Fraction o) {
    return numerator.multiply(o.denominator).compareTo(o.numerator.multiply(denominator));
  }

  /**
   * The plain decimal when the expansion is finite, else {@code numerator/denominator}.
   *
   * @return e.g. {@code "10"}, {@code "0.5"} or {@code "1/3"}
   */
  @Override
  public String toString() {
    return exactDecimal().map(BigDecimal::toPlainString).orElse(numerator + "/" + denominator);
  }
}
