package io.github.microcred.core;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An explicit credit conversion policy: a table of direct, exact conversion factors between pairs of
 * {@link CreditUnit}s, each with the source it comes from.
 *
 * <p><b>Nothing is guessed.</b> A conversion that the policy does not define fails with {@link
 * CoreErrorCode#CONVERSION_UNDEFINED}; conversions are <em>not</em> chained through a third unit, because the
 * published equivalences are not mutually consistent (for example 2 UK CATS = 1 ECTS, but 1 CATS = 10 h and
 * 1 ECTS = 25–30 h). Defining {@code a → b} with factor {@code f} also defines {@code b → a} with the exact
 * factor {@code 1/f}. Converting a unit to itself is the identity.
 *
 * <p><b>Rounding rule.</b> Factors are exact rationals. A converted amount is rounded once, half-even, to
 * {@value #SCALE} decimal places, then trailing zeros are stripped. Hence a round trip {@code a → b → a}
 * differs from the original by at most {@code 0.5e-6 × f(b→a) + 0.5e-6}, and is exact whenever the
 * intermediate value is representable in {@value #SCALE} decimals (all factors of the default policy between
 * whole numbers of units and hours).
 *
 * <p>The {@linkplain #defaults() default policy} (sources in ../shared/reference/stacking/policy-rules.yaml):
 * <ul>
 *   <li>1 ECTS = 25 h (ECTS Users' Guide 2015: 1 ECTS = 25–30 h of workload, 60 ECTS = 1,500–1,800 h; the
 *       lower bound is the default, {@link Builder#ectsHours(int)} picks another value in 25–30);
 *   <li>1 UK CATS credit = 10 notional hours; 2 UK CATS = 1 ECTS (QAA Higher Education Credit Framework for
 *       England, 2nd ed. 2021);
 *   <li>1 US semester credit hour = 45 h (34 CFR 600.2: at least 1 h in class + 2 h outside, per week, over
 *       about 15 weeks); 1 US quarter credit hour = 30 h (the same over 10 weeks), hence 1 quarter hour =
 *       2/3 semester hour;
 *   <li>2 ECTS = 1 US semester credit hour (the common registrar convention: University of South Alabama
 *       international transfer credit policy; University of Arizona International Credit Conversion Guide,
 *       ECTS multiplier 0.5). It is a convention, not workload arithmetic; replace it per institution;
 *   <li>5 UK CATS = 1 US semester credit hour (University of South Alabama: 10 CATS → 2, 15 → 3, 20 → 4);
 *   <li>1 NZQA credit = 10 notional learning hours (NZQA, NZ Qualifications and Credentials Framework);
 *   <li>1 CEU = 10 contact hours (IACET, ANSI/IACET Standard for Continuing Education and Training).
 * </ul>
 */
public final class CreditConversions {

  /** Decimal places of a converted amount. */
  public static final int SCALE = 6;

  /**
   * One directed conversion factor.
   *
   * @param from the source unit
   * @param to the target unit
   * @param factor the exact factor as a decimal if it has a finite expansion, else rounded to 34 digits
   * @param source where the factor comes from
   */
  public record Conversion(CreditUnit from, CreditUnit to, BigDecimal factor, String source) {
    /** Validates. */
    public Conversion {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(factor, "factor");
      Objects.requireNonNull(source, "source");
    }
  }

  private record Rational(BigInteger num, BigInteger den) {
    static Rational of(BigDecimal d) {
      BigDecimal s = d.stripTrailingZeros();
      if (s.scale() <= 0) {
        return new Rational(s.toBigIntegerExact(), BigInteger.ONE);
      }
      return reduce(s.unscaledValue(), BigInteger.TEN.pow(s.scale()));
    }

    static Rational reduce(BigInteger n, BigInteger d) {
      BigInteger g = n.gcd(d);
      return new Rational(n.divide(g), d.divide(g));
    }

    Rational inverse() {
      return new Rational(den, num);
    }

    BigDecimal apply(BigDecimal amount) {
      return new BigDecimal(num).multiply(amount).divide(new BigDecimal(den), SCALE, RoundingMode.HALF_EVEN);
    }

    BigDecimal toDecimal() {
      try {
        return new BigDecimal(num).divide(new BigDecimal(den));
      } catch (ArithmeticException nonTerminating) {
        return new BigDecimal(num).divide(new BigDecimal(den), MathContext.DECIMAL128);
      }
    }
  }

  private record Entry(Rational factor, String source) {}

  private final Map<CreditUnit, Map<CreditUnit, Entry>> table;

  private CreditConversions(Map<CreditUnit, Map<CreditUnit, Entry>> table) {
    this.table = table;
  }

  /**
   * Returns the sourced default policy described in the class documentation.
   *
   * @return the default policy
   */
  public static CreditConversions defaults() {
    return DEFAULTS;
  }

  private static final CreditConversions DEFAULTS = builder().withDefaults().build();

  /**
   * Returns a builder for an empty policy.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this policy's factors, to adjust them.
   *
   * @return a builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    table.forEach((from, row) -> b.table.get(from).putAll(row));
    return b;
  }

  /**
   * Whether this policy converts {@code from} into {@code to}.
   *
   * @param from the source unit
   * @param to the target unit
   * @return true if defined (always true when the units are equal)
   */
  public boolean supports(CreditUnit from, CreditUnit to) {
    return from == to || table.get(from).containsKey(to);
  }

  /**
   * Converts a value to another unit, applying the documented rounding rule.
   *
   * @param value the value
   * @param to the target unit
   * @return the converted value
   * @throws CoreException with {@link CoreErrorCode#CONVERSION_UNDEFINED} when the policy lacks the pair
   */
  public CreditValue convert(CreditValue value, CreditUnit to) throws CoreException {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(to, "to");
    if (value.unit() == to) {
      return value;
    }
    Entry e = table.get(value.unit()).get(to);
    if (e == null) {
      throw new CoreException(
          CoreErrorCode.CONVERSION_UNDEFINED,
          "no conversion from " + value.unit() + " to " + to + " in this policy; define one with"
              + " CreditConversions.builder().define(" + value.unit() + ", " + to + ", factor, source)");
    }
    return new CreditValue(e.factor().apply(value.amount()), to);
  }

  /**
   * Converts a value to hours ({@link CreditUnit#HOUR}).
   *
   * @param value the value
   * @return the hours
   * @throws CoreException when the policy has no conversion of that unit to hours
   */
  public BigDecimal toHours(CreditValue value) throws CoreException {
    return convert(value, CreditUnit.HOUR).amount();
  }

  /**
   * Returns the conversion from one unit to another, if defined (not for equal units).
   *
   * @param from the source unit
   * @param to the target unit
   * @return the conversion
   */
  public Optional<Conversion> conversion(CreditUnit from, CreditUnit to) {
    Entry e = table.get(from).get(to);
    return e == null ? Optional.empty() : Optional.of(new Conversion(from, to, e.factor().toDecimal(), e.source()));
  }

  /**
   * Lists every directed conversion of this policy, inverses included, in unit order.
   *
   * @return the conversions
   */
  public List<Conversion> conversions() {
    List<Conversion> out = new ArrayList<>();
    table.forEach(
        (from, row) -> row.forEach((to, e) -> out.add(new Conversion(from, to, e.factor().toDecimal(), e.source()))));
    return Collections.unmodifiableList(out);
  }

  @Override
  public String toString() {
    return "CreditConversions" + conversions();
  }

  /** Builds a {@link CreditConversions} policy. */
  public static final class Builder {
    private final Map<CreditUnit, Map<CreditUnit, Entry>> table = new EnumMap<>(CreditUnit.class);

    private Builder() {
      for (CreditUnit u : CreditUnit.values()) {
        table.put(u, new EnumMap<>(CreditUnit.class));
      }
    }

    /**
     * Defines {@code 1 from = factor × to}, and the exact inverse. A later definition of the same pair
     * replaces the earlier one (in both directions).
     *
     * @param from the source unit
     * @param to the target unit, different from {@code from}
     * @param factor how many {@code to} units one {@code from} unit is worth; positive, within
     *     {@link CreditValue#withinBounds}
     * @param source the citation for the factor; not blank
     * @return this builder
     */
    public Builder define(CreditUnit from, CreditUnit to, BigDecimal factor, String source) {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(factor, "factor");
      if (from == to) {
        throw new IllegalArgumentException("a unit converts to itself by identity: " + from);
      }
      if (!CreditValue.withinBounds(factor)) {
        throw new IllegalArgumentException("factor must have at most " + CreditValue.MAX_INTEGER_DIGITS
            + " integer and " + CreditValue.MAX_FRACTION_DIGITS + " decimal digits, was " + factor);
      }
      if (factor.signum() <= 0) {
        throw new IllegalArgumentException("factor must be > 0, was " + factor.toPlainString());
      }
      if (source == null || source.isBlank()) {
        throw new IllegalArgumentException("every factor needs a source");
      }
      Rational r = Rational.of(factor);
      table.get(from).put(to, new Entry(r, source));
      table.get(to).put(from, new Entry(r.inverse(), source + " (inverse)"));
      return this;
    }

    /**
     * Defines {@code numerator from = denominator to}, e.g. {@code define(UK_CATS, 2, ECTS, 1, …)} for
     * "2 CATS = 1 ECTS", exactly.
     *
     * @param from the source unit
     * @param fromAmount how many {@code from} units
     * @param to the target unit
     * @param toAmount are worth this many {@code to} units
     * @param source the citation
     * @return this builder
     */
    public Builder define(CreditUnit from, long fromAmount, CreditUnit to, long toAmount, String source) {
      if (fromAmount <= 0 || toAmount <= 0) {
        throw new IllegalArgumentException("amounts must be > 0");
      }
      define(from, to, BigDecimal.ONE, source);
      Rational r = Rational.reduce(BigInteger.valueOf(toAmount), BigInteger.valueOf(fromAmount));
      table.get(from).put(to, new Entry(r, source));
      table.get(to).put(from, new Entry(r.inverse(), source + " (inverse)"));
      return this;
    }

    /**
     * Removes the pair in both directions.
     *
     * @param a one unit
     * @param b the other unit
     * @return this builder
     */
    public Builder remove(CreditUnit a, CreditUnit b) {
      table.get(a).remove(b);
      table.get(b).remove(a);
      return this;
    }

    /**
     * Sets the hours per ECTS credit, within the 25–30 h range of the ECTS Users' Guide 2015.
     *
     * @param hours 25 to 30
     * @return this builder
     */
    public Builder ectsHours(int hours) {
      if (hours < 25 || hours > 30) {
        throw new IllegalArgumentException("ECTS Users' Guide 2015: 1 ECTS = 25-30 h, was " + hours);
      }
      return define(
          CreditUnit.ECTS,
          CreditUnit.HOUR,
          BigDecimal.valueOf(hours),
          "ECTS Users' Guide 2015: 1 ECTS = 25-30 h of workload (policy choice: " + hours + " h)");
    }

    /**
     * Adds every factor of the default policy (see {@link CreditConversions}).
     *
     * @return this builder
     */
    public Builder withDefaults() {
      ectsHours(25);
      define(CreditUnit.UK_CATS, CreditUnit.HOUR, BigDecimal.TEN,
          "QAA Higher Education Credit Framework for England (2021): 1 credit = 10 notional hours");
      define(CreditUnit.UK_CATS, 2, CreditUnit.ECTS, 1,
          "QAA Higher Education Credit Framework for England (2021): 2 UK credits = 1 ECTS");
      define(CreditUnit.US_SEMESTER_HOUR, CreditUnit.HOUR, BigDecimal.valueOf(45),
          "34 CFR 600.2 credit hour: >= 1 h class + 2 h out-of-class per week for ~15 weeks");
      define(CreditUnit.US_QUARTER_HOUR, CreditUnit.HOUR, BigDecimal.valueOf(30),
          "34 CFR 600.2 credit hour: >= 1 h class + 2 h out-of-class per week for ~10 weeks (quarter)");
      define(CreditUnit.US_QUARTER_HOUR, 3, CreditUnit.US_SEMESTER_HOUR, 2,
          "34 CFR 600.2: a quarter hour spans 10 of a semester hour's 15 weeks (3 quarter hours = 2 semester hours)");
      define(CreditUnit.ECTS, 2, CreditUnit.US_SEMESTER_HOUR, 1,
          "Registrar convention, 2 ECTS = 1 US semester credit hour: University of South Alabama international"
              + " transfer credit policy; University of Arizona International Credit Conversion Guide");
      define(CreditUnit.UK_CATS, 5, CreditUnit.US_SEMESTER_HOUR, 1,
          "University of South Alabama international transfer credit policy: 10 CATS -> 2, 15 -> 3, 20 -> 4 SCH");
      define(CreditUnit.NZQA_CREDIT, CreditUnit.HOUR, BigDecimal.TEN,
          "NZQA, NZ Qualifications and Credentials Framework: 1 credit = 10 notional learning hours");
      define(CreditUnit.CEU, CreditUnit.HOUR, BigDecimal.TEN,
          "IACET (ANSI/IACET Standard): 1 CEU = 10 contact hours of participation");
      return this;
    }

    /**
     * Builds the immutable policy.
     *
     * @return the policy
     */
    public CreditConversions build() {
      Map<CreditUnit, Map<CreditUnit, Entry>> copy = new EnumMap<>(CreditUnit.class);
      table.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new EnumMap<>(v))));
      return new CreditConversions(Collections.unmodifiableMap(copy));
    }
  }
}
