package io.github.microcred.stacking;

import io.github.microcred.core.CreditConversions;
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

  /**
   * Audit with an explicit credit conversion policy.
   *
   * @param rules the rules
   * @param transcript the learner's credentials
   * @param asOf the audit date
   * @param divisible whether to use the divisible-credit (max-flow) relaxation
   * @param conversions the conversion policy (credentials in other units are converted to the rules' unit)
   * @return the result
   * @throws StackingException on invalid rules or an undefined credit conversion
   */
  public static AuditResult audit(Rules rules, Transcript transcript, LocalDate asOf, boolean divisible,
      CreditConversions conversions) throws StackingException {
    Compiled k = Compiled.of(rules.validated(), transcript.credentials(), asOf, new CreditConverter(conversions));
    return divisible ? Auditor.divisible(k, asOf) : Auditor.exact(k, asOf, Long.MAX_VALUE);
  }

  /**
   * Plans the cheapest completion of the qualification from a catalogue, with a certified optimality gap.
   *
   * @param rules the rules
   * @param transcript what the learner holds
   * @param catalogue what the learner could take
   * @param objective cost, hours or number of items
   * @return the plan (proven optimal, no time limit)
   * @throws StackingException on invalid input (including cyclic prerequisites) or an undefined conversion
   */
  public static Plan plan(Rules rules, Transcript transcript, Catalogue catalogue, Plan.Objective objective)
      throws StackingException {
    return plan(rules, transcript, catalogue, objective, LocalDate.now(java.time.ZoneOffset.UTC),
        java.time.Duration.ofDays(365));
  }

  /**
   * Plans with a time budget: when it runs out, the best plan found is returned with its gap to the lower bound.
   *
   * @param rules the rules
   * @param transcript what the learner holds
   * @param catalogue what the learner could take
   * @param objective cost, hours or number of items
   * @param asOf the date (catalogue items are taken as issued on it)
   * @param budget the time budget
   * @return the plan
   * @throws StackingException on invalid input (including cyclic prerequisites) or an undefined conversion
   */
  public static Plan plan(Rules rules, Transcript transcript, Catalogue catalogue, Plan.Objective objective,
      LocalDate asOf, java.time.Duration budget) throws StackingException {
    return new io.github.microcred.stacking.internal.Planner(rules.validated(), transcript, catalogue.validated(),
        objective, asOf, budget.toNanos(), converter()).run();
  }

  /**
   * Audits many transcripts against the same rules (exact mode), in parallel, reporting progress.
   *
   * @param rules the rules
   * @param transcripts the transcripts
   * @param asOf the audit date
   * @param progress called with (done, total) after each audit, from worker threads
   * @return the results, in the order of the transcripts
   * @throws StackingException on invalid rules or an undefined conversion
   */
  public static java.util.List<AuditResult> auditAll(Rules rules, java.util.List<Transcript> transcripts,
      LocalDate asOf, java.util.function.BiConsumer<Long, Long> progress) throws StackingException {
    Rules r = rules.validated();
    int n = transcripts.size();
    AuditResult[] out = new AuditResult[n];
    java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
    StackingException[] fail = new StackingException[1];
    java.util.stream.IntStream.range(0, n).parallel().forEach(i -> {
      try {
        out[i] = Auditor.exact(Compiled.of(r, transcripts.get(i).credentials(), asOf, converter()), asOf,
            Long.MAX_VALUE);
      } catch (StackingException e) {
        synchronized (fail) {
          if (fail[0] == null) {
            fail[0] = new StackingException(e.code(), "transcripts[" + i + "]: " + e.getMessage(), e);
          }
        }
      }
      progress.accept(done.incrementAndGet(), (long) n);
    });
    if (fail[0] != null) {
      throw fail[0];
    }
    return java.util.List.of(out);
  }

  static CreditConverter converter() {
    return DEFAULT;
  }

  private static final CreditConverter DEFAULT = new CreditConverter(CreditConversions.defaults());
}
