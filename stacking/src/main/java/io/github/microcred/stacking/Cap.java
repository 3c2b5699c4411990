package io.github.microcred.stacking;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A global upper limit on what counts toward the qualification.
 *
 * @param name a name used in explanations
 * @param filter the credentials the cap applies to
 * @param measure whether credits or credentials are capped
 * @param max the limit, exact (credits in the rules' unit, or a count); for a share, the fraction of the total credit
 *     minimum, e.g. 1/3. The audit compares against it exactly: 1/3 of 30 credits admits 10 credits and no more
 * @param perProvider whether the limit applies to each provider separately
 * @param shareOfTotal whether {@code max} is a fraction of the rules' total credit minimum
 */
public record Cap(String name, Filter filter, Measure measure, Fraction max, boolean perProvider,
    boolean shareOfTotal) {

  /** What a cap limits. */
  public enum Measure {
    /** Credits. */
    CREDITS,
    /** Number of credentials. */
    COUNT
  }

  /** Validates. */
  public Cap {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(measure, "measure");
    Objects.requireNonNull(max, "max");
  }

  /**
   * A cap with a decimal limit.
   *
   * @param name name
   * @param filter accepted credentials
   * @param measure credits or count
   * @param max the limit
   * @param perProvider per provider
   * @param shareOfTotal a fraction of the total credit minimum
   */
  public Cap(String name, Filter filter, Measure measure, BigDecimal max, boolean perProvider,
      boolean shareOfTotal) {
    this(name, filter, measure, Fraction.of(max), perProvider, shareOfTotal);
  }

  /**
   * The limit in credits (or the count) this cap allows, exactly: {@code max} itself, or for a share {@code max}
   * times the total credit minimum.
   *
   * @param totalCredits the rules' total credit minimum
   * @return the limit
   */
  public Fraction limit(BigDecimal totalCredits) {
    return shareOfTotal ? max.multiply(Fraction.of(totalCredits)) : max;
  }

  /**
   * At most {@code max} credits from accepted credentials.
   *
   * @param name name
   * @param filter accepted credentials
   * @param max credits
   * @return the cap
   */
  public static Cap maxCredits(String name, Filter filter, BigDecimal max) {
    return new Cap(name, filter, Measure.CREDITS, max, false, false);
  }

  /**
   * At most the fraction {@code share} of the total credit minimum from accepted credentials (e.g. RPL &le; 1/3).
   *
   * @param name name
   * @param filter accepted credentials
   * @param share fraction in [0, 1]
   * @return the cap
   */
  public static Cap maxShare(String name, Filter filter, BigDecimal share) {
    return new Cap(name, filter, Measure.CREDITS, share, false, true);
  }

  /**
   * At most the exact fraction {@code share} of the total credit minimum from accepted credentials, e.g.
   * {@code Fraction.of(1, 3)} for "at most one third by prior learning".
   *
   * @param name name
   * @param filter accepted credentials
   * @param share fraction in [0, 1]
   * @return the cap
   */
  public static Cap maxShare(String name, Filter filter, Fraction share) {
    return new Cap(name, filter, Measure.CREDITS, share, false, true);
  }

  /**
   * At most {@code max} credits from any single provider.
   *
   * @param name name
   * @param max credits
   * @return the cap
   */
  public static Cap maxPerProvider(String name, BigDecimal max) {
    return new Cap(name, Filter.ANY, Measure.CREDITS, max, true, false);
  }

  /**
   * At most {@code max} accepted credentials (e.g. of a given kind).
   *
   * @param name name
   * @param filter accepted credentials
   * @param max count
   * @return the cap
   */
  public static Cap maxCount(String name, Filter filter, int max) {
    return new Cap(name, filter, Measure.COUNT, BigDecimal.valueOf(max), false, false);
  }
}
