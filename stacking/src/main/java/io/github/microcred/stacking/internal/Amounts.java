package io.github.microcred.stacking.internal;

import java.math.BigDecimal;

/** Normalises decimal amounts so that equal values compare equal (5, 5.0 and 5.00 become 5). */
public final class Amounts {
  private Amounts() {}

  /**
   * Normalises.
   *
   * @param v value
   * @return value without trailing zeros and with a non-negative scale
   */
  public static BigDecimal norm(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }
}
