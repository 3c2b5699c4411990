package io.github.microcred.stacking.internal;

import io.github.microcred.core.CoreException;
import io.github.microcred.core.CreditConversions;
import io.github.microcred.core.CreditUnit;
import io.github.microcred.core.CreditValue;
import io.github.microcred.stacking.StackingErrorCode;
import io.github.microcred.stacking.StackingException;
import java.math.BigDecimal;

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
    try {
      return policy.convert(v, to).amount();
    } catch (CoreException e) {
      throw new StackingException(StackingErrorCode.CONVERSION_UNDEFINED, e.getMessage(), e);
    }
  }
}
