package io.github.microcred.stacking;

import io.github.microcred.core.CreditConversions;
import io.github.microcred.stacking.internal.CreditConverter;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An immutable, reusable, thread-safe pathway planner for one set of {@link Rules} and one {@link Catalogue}: plans
 * the cheapest completion of a learner's transcript, with a certified lower bound. It holds the validated inputs and
 * one {@link PlanOptions} value; each {@code with…} method returns a new planner.
 *
 * <pre>{@code
 * Plan p = Stacking.planner(rules, catalogue).withObjective(Plan.Objective.HOURS)
 *     .withBudget(Duration.ofSeconds(2)).plan(transcript, LocalDate.of(2026, 12, 1));
 * }</pre>
 *
 * <p>{@link Plan#satisfied()} holds exactly when {@link Plan#audit()} is {@link AuditResult.Status#SATISFIED}. The
 * planner stops searching early enough to keep a reserved share of the budget for its final check; its wall time
 * stays within the budget plus a small margin (see the README's benchmark table).
 */
public final class Planner {
  private final Rules rules;
  private final Catalogue catalogue;
  private final PlanOptions options;

  private Planner(Rules rules, Catalogue catalogue, PlanOptions options) {
    this.rules = rules;
    this.catalogue = catalogue;
    this.options = options;
  }

  static Planner of(Rules rules, Catalogue catalogue) throws StackingException {
    return new Planner(Objects.requireNonNull(rules, "rules").validated(),
        Objects.requireNonNull(catalogue, "catalogue").validated(), PlanOptions.DEFAULTS);
  }

  private Planner with(PlanOptions o) {
    return o.equals(options) ? this : new Planner(rules, catalogue, o);
  }

  /**
   * The configuration.
   *
   * @return options
   */
  public PlanOptions options() {
    return options;
  }

  /**
   * With another configuration.
   *
   * @param o the options
   * @return a planner with these options
   */
  public Planner withOptions(PlanOptions o) {
    return with(Objects.requireNonNull(o, "options"));
  }

  /**
   * With another objective (default {@link Plan.Objective#COST}).
   *
   * @param objective what to minimise
   * @return a planner with this objective
   */
  public Planner withObjective(Plan.Objective objective) {
    return with(new PlanOptions(objective, options.budget(), options.conversions()));
  }

  /**
   * With a time budget (default {@link PlanOptions#DEFAULT_BUDGET}); when it runs out the best plan found is returned
   * with its gap to the lower bound.
   *
   * @param budget positive duration
   * @return a planner with this budget
   */
  public Planner withBudget(Duration budget) {
    return with(new PlanOptions(options.objective(), budget, options.conversions()));
  }

  /**
   * With a credit conversion policy (default {@link CreditConversions#defaults()}).
   *
   * @param conversions the policy
   * @return a planner with this policy
   */
  public Planner withConversions(CreditConversions conversions) {
    return with(new PlanOptions(options.objective(), options.budget(), conversions));
  }

  /**
   * Plans.
   *
   * @param transcript what the learner holds
   * @param asOf the date (catalogue items are taken as issued on it)
   * @return the plan
   * @throws StackingException on invalid input (including cyclic prerequisites and, TRANSCRIPT_INVALID, a repeated
   *     credential id) or an undefined conversion
   */
  public Plan plan(Transcript transcript, LocalDate asOf) throws StackingException {
    Objects.requireNonNull(transcript, "transcript");
    Objects.requireNonNull(asOf, "asOf");
    transcript.requireUniqueIds();
    // qualified: the internal Planner shares this class's name
    return new io.github.microcred.stacking.internal.Planner(rules, transcript, catalogue, options.objective(), asOf,
        options.budgetNanos(), new CreditConverter(options.conversions())).run();
  }

  @Override
  public String toString() {
    return "Planner[" + rules.id() + ", " + catalogue.items().size() + " items, " + options + "]";
  }
}
