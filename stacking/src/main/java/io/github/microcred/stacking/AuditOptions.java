package io.github.microcred.stacking;

import io.github.microcred.core.CreditConversions;
import java.time.Duration;
import java.util.Objects;

/**
 * The configuration of an {@link Auditor}: one immutable value, held by the auditor as Jackson's {@code ObjectReader}
 * holds its config. Change it through the auditor's {@code with…} methods.
 *
 * @param budget the time budget of one audit, compilation and bounds included (see {@link #DEFAULT_BUDGET}); when it
 *     runs out the result is {@link AuditResult.Status#UNDECIDED} unless the best assignment found already satisfies
 *     the rules or a bound already proves that none does
 * @param conversions how credentials in another credit unit are converted to the rules' unit
 * @param mode exact (whole credentials) or the divisible-credit relaxation
 */
public record AuditOptions(Duration budget, CreditConversions conversions, AuditResult.Mode mode) {

  /** The default budget of one audit: 10 seconds. Typical audits take well under a millisecond. */
  public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(10);

  /** The defaults: {@link #DEFAULT_BUDGET}, {@link CreditConversions#defaults()}, exact mode. */
  public static final AuditOptions DEFAULTS =
      new AuditOptions(DEFAULT_BUDGET, CreditConversions.defaults(), AuditResult.Mode.EXACT);

  /** Validates. */
  public AuditOptions {
    Objects.requireNonNull(conversions, "conversions");
    Objects.requireNonNull(mode, "mode");
    Budgets.requirePositive(budget);
  }

  /** The budget in nanoseconds, saturated. */
  long budgetNanos() {
    return Budgets.nanos(budget);
  }
}
