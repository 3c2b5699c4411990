package io.github.microcred.stacking;

import io.github.microcred.core.CreditConversions;
import java.time.Duration;
import java.util.Objects;

/**
 * The configuration of a {@link Planner}: one immutable value held by the planner. Change it through the planner's
 * {@code with…} methods.
 *
 * @param objective what the plan minimises
 * @param budget the planner's whole time budget, its final check included (see {@link #DEFAULT_BUDGET})
 * @param conversions how credentials in another credit unit are converted to the rules' unit
 */
public record PlanOptions(Plan.Objective objective, Duration budget, CreditConversions conversions) {

  /** The default budget of one plan: 10 seconds. */
  public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(10);

  /** The defaults: minimise cost, {@link #DEFAULT_BUDGET}, {@link CreditConversions#defaults()}. */
  public static final PlanOptions DEFAULTS =
      new PlanOptions(Plan.Objective.COST, DEFAULT_BUDGET, CreditConversions.defaults());

  /** Validates. */
  public PlanOptions {
    Objects.requireNonNull(objective, "objective");
    Objects.requireNonNull(conversions, "conversions");
    Budgets.requirePositive(budget);
  }

  long budgetNanos() {
    return Budgets.nanos(budget);
  }
}
