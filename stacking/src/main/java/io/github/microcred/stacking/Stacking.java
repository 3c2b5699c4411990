package io.github.microcred.stacking;

import io.github.microcred.stacking.internal.Auditor;
import io.github.microcred.stacking.internal.Compiled;
import io.github.microcred.stacking.internal.CreditConverter;
import java.time.LocalDate;
import java.util.Objects;

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
 * }</pre>
 */
public final class Stacking {
  private Stacking() {}

  /**
   * Exact audit: whole credentials, each toward at most one requirement unless whitelisted, provably optimal under the
   * lexicographic objective documented on {@link AuditResult}.
   *
   * @param rules the rules
   * @param transcript the learner's credentials
   * @param asOf the audit date (expiry, validity window, recency filters)
   * @return the result
   * @throws StackingException on invalid rules or a credit unit the conversion policy cannot convert
   */
  public static AuditResult audit(Rules rules, Transcript transcript, LocalDate asOf) throws StackingException {
    return audit(rules, transcript, asOf, false);
  }

  /**
   * Audit, exact or in the divisible-credit relaxation.
   *
   * @param rules the rules
   * @param transcript the learner's credentials
   * @param asOf the audit date
   * @param divisible whether to use the divisible-credit (max-flow) relaxation
   * @return the result
   * @throws StackingException on invalid rules or an undefined credit conversion
   */
  public static AuditResult audit(Rules rules, Transcript transcript, LocalDate asOf, boolean divisible)
      throws StackingException {
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(transcript, "transcript");
    Objects.requireNonNull(asOf, "asOf");
    Compiled k = Compiled.of(rules.validated(), transcript.credentials(), asOf, converter());
    return divisible ? Auditor.divisible(k, asOf) : Auditor.exact(k, asOf, Long.MAX_VALUE);
  }

  /**
   * Exact audit with a time budget: when the budget runs out the best assignment found is returned with
   * {@link AuditResult#provedOptimal()} false.
   *
   * @param rules the rules
   * @param transcript the learner's credentials
   * @param asOf the audit date
   * @param budget the time budget
   * @return the result
   * @throws StackingException on invalid rules or an undefined credit conversion
   */
  public static AuditResult audit(Rules rules, Transcript transcript, LocalDate asOf, java.time.Duration budget)
      throws StackingException {
    Compiled k = Compiled.of(rules.validated(), transcript.credentials(), asOf, converter());
    return Auditor.exact(k, asOf, budget.toNanos());
  }

  static CreditConverter converter() {
    return CreditConverter.SAME_UNIT_ONLY;
  }
}
