package io.github.microcred.stacking;

import java.time.LocalDate;

/**
 * The front door of the stacking module: audits a learner's transcript against a qualification's {@link Rules}, and
 * plans the cheapest completion from a catalogue.
 *
 * <pre>{@code
 * Rules rules = Rules.builder("msc").unit("ECTS").requirement(
 *     Requirement.allOf("root",
 *         Requirement.credential("intro", "MC-101"),
 *         Requirement.credits("electives", 10, Filter.builder().minLevel(6).build()))).build();
 * AuditResult r = Stacking.audit(rules, transcript, LocalDate.now());
 * Auditor fast = Stacking.auditor(rules).withBudget(Duration.ofMillis(200));
 * }</pre>
 */
public final class Stacking {
  private Stacking() {}

  /**
   * An auditor for the rules: validated and compiled once, reusable and thread-safe, configured with
   * {@code withBudget}, {@code withConversions} and {@code divisible()}.
   *
   * @param rules the rules
   * @return the auditor (default options: {@link AuditOptions#DEFAULTS})
   * @throws StackingException {@link StackingErrorCode#RULES_INVALID} listing every fault with its path
   */
  public static Auditor auditor(Rules rules) throws StackingException {
    return Auditor.of(rules);
  }

  /**
   * Exact audit with the default options ({@link AuditOptions#DEFAULTS}): whole credentials, each toward at most one
   * requirement unless whitelisted; the status is three-valued (see {@link AuditResult}). The same as
   * {@code auditor(rules).audit(transcript, asOf)}.
   *
   * @param rules the rules
   * @param transcript the learner's credentials
   * @param asOf the audit date (expiry, validity window, recency filters)
   * @return the result
   * @throws StackingException on invalid rules or a credit unit the conversion policy cannot convert
   */
  public static AuditResult audit(Rules rules, Transcript transcript, LocalDate asOf) throws StackingException {
    return auditor(rules).audit(transcript, asOf);
  }

  /**
   * A planner for the rules and catalogue, configured with {@code withObjective}, {@code withBudget} and
   * {@code withConversions}.
   *
   * @param rules the rules
   * @param catalogue what the learner could take
   * @return the planner (default options: {@link PlanOptions#DEFAULTS})
   * @throws StackingException on invalid rules or catalogue
   */
  public static Planner planner(Rules rules, Catalogue catalogue) throws StackingException {
    return Planner.of(rules, catalogue);
  }

  /**
   * Plans the cheapest completion with the default options ({@link PlanOptions#DEFAULTS}); the same as
   * {@code planner(rules, catalogue).plan(transcript, asOf)}.
   *
   * @param rules the rules
   * @param transcript what the learner holds
   * @param catalogue what the learner could take
   * @param asOf the date (catalogue items are taken as issued on it)
   * @return the plan
   * @throws StackingException on invalid input (including cyclic prerequisites) or an undefined conversion
   */
  public static Plan plan(Rules rules, Transcript transcript, Catalogue catalogue, LocalDate asOf)
      throws StackingException {
    return planner(rules, catalogue).plan(transcript, asOf);
  }
}
