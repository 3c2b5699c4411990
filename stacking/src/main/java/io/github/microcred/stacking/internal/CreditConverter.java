package io.github.microcred.stacking.internal;

import io.github.microcred.core.CoreException;
import io.github.microcred.core.CreditConversions;
import io.github.microcred.core.CreditUnit;
import io.github.microcred.core.CreditValue;
import io.github.microcred.stacking.Fraction;
import io.github.microcred.stacking.StackingErrorCode;
import io.github.microcred.stacking.StackingException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Converts credit values into the rules' unit through a core {@link CreditConversions} policy. */
public final class CreditConverter {
  private final CreditConversions policy;

  /**
   * Creates a converter.
   *
   * @param policy the conversion policy
   */
  public CreditConverter(CreditConversions policy) {
    this.policy = policy;
  }

  /**
   * Converts.
   *
   * @param v the value
   * @param to the target unit
   * @return the amount in {@code to}
   * @throws StackingException CONVERSION_UNDEFINED when the policy has no such conversion
   */
  public BigDecimal convert(CreditValue v, CreditUnit to) throws StackingException {
    return convertExactly(v, to).decimal;
  }

  /** A converted amount: exact when the policy's factor is known exactly, and its decimal form. */
  public static final class Converted {
    /** The exact amount, or null when the factor is known only as a rounded decimal. */
    public final Fraction exact;
    /** The amount as core's policy rounds it (half-even, {@link CreditConversions#SCALE} places). */
    public final BigDecimal decimal;

    Converted(Fraction exact, BigDecimal decimal) {
      this.exact = exact;
      this.decimal = decimal;
    }
  }

  /**
   * Converts, keeping the exact rational value: the policy's factors are exact rationals, but core exposes a factor
   * with no finite decimal form (2/3: quarter hours to semester hours) only rounded to 34 digits; its inverse (3/2)
   * is then exact, and 1/inverse is checked to round to the published factor.
   *
   * @param v the value
   * @param to the target unit
   * @return the converted amount
   * @throws StackingException CONVERSION_UNDEFINED when the policy has no such conversion
   */
  public Converted convertExactly(CreditValue v, CreditUnit to) throws StackingException {
    BigDecimal rounded = rounded(v, to);
    if (v.unit() == to) {
      return new Converted(Fraction.of(v.amount()), rounded);
    }
    var f = exactFactor(v.unit(), to);
    return new Converted(f == null ? null : f.multiply(Fraction.of(v.amount())),
        rounded);
  }

  private final Map<String, Fraction[]> factors =
      new ConcurrentHashMap<>();

  private Fraction exactFactor(CreditUnit from, CreditUnit to) {
    return factors.computeIfAbsent(from + ">" + to, x -> new Fraction[] {
        findFactor(from, to)})[0];
  }

  private Fraction findFactor(CreditUnit from, CreditUnit to) {
    var c = policy.conversion(from, to);
    if (c.isEmpty()) {
      return null;
    }
    BigDecimal f = c.get().factor();
    if (f.precision() < MathContext.DECIMAL128.getPrecision()) {
      return Fraction.of(f); // a terminating factor is given exactly
    }
    var inv = policy.conversion(to, from);
    if (inv.isPresent() && inv.get().factor().precision() < MathContext.DECIMAL128.getPrecision()) {
      Fraction g = Fraction.of(inv.get().factor());
      if (g.signum() > 0) {
        Fraction e = new Fraction(g.denominator(),
            g.numerator());
        BigDecimal check = new BigDecimal(e.numerator()).divide(new BigDecimal(e.denominator()),
            MathContext.DECIMAL128);
        if (check.compareTo(f) == 0) {
          return e;
        }
      }
    }
    return null;
  }

  private BigDecimal rounded(CreditValue v, CreditUnit to) throws StackingException {
    try {
      return policy.convert(v, to).amount();
    } catch (CoreException e) {
      throw new StackingException(StackingErrorCode.CONVERSION_UNDEFINED, e.getMessage(), e);
    }
  }
}
