package io.github.microcred.stacking.internal;

import io.github.microcred.stacking.StackingException;
import java.math.BigDecimal;

/** Converts credit amounts into the rules' unit. */
@FunctionalInterface
public interface CreditConverter {
  /**
   * Converts.
   *
   * @param amount amount
   * @param from source unit
   * @param to target unit
   * @return the amount in {@code to}
   * @throws StackingException CONVERSION_UNDEFINED when the policy has no such conversion
   */
  BigDecimal convert(BigDecimal amount, String from, String to) throws StackingException;

  /** Identity when the units are equal (ignoring case), otherwise undefined. */
  CreditConverter SAME_UNIT_ONLY = (amount, from, to) -> {
    if (from.equalsIgnoreCase(to)) {
      return amount;
    }
    throw new StackingException(io.github.microcred.stacking.StackingErrorCode.CONVERSION_UNDEFINED,
        "no conversion from " + from + " to " + to + " in the conversion policy");
  };
}
