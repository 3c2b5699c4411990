package io.github.microcred.stacking;

import java.time.Duration;
import java.util.Objects;

/** The one check and conversion of a time budget, shared by {@link AuditOptions} and {@link PlanOptions}. */
final class Budgets {
  private Budgets() {}

  /** Throws unless the budget is present and positive. */
  static void requirePositive(Duration budget) {
    Objects.requireNonNull(budget, "budget");
    if (budget.isNegative() || budget.isZero()) {
      throw new IllegalArgumentException("budget: must be positive, got " + budget);
    }
  }

  /** The budget in nanoseconds, saturated at {@link Long#MAX_VALUE}. */
  static long nanos(Duration budget) {
    try {
      return budget.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }
}
