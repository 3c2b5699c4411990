package io.github.microcred.stacking;

import io.github.microcred.stacking.internal.ResultJson;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The result of {@link Stacking#audit(Rules, Transcript, LocalDate)}.
 *
 * <p>Objective (exact mode), maximised lexicographically:
 * <ol>
 *   <li>the qualification is satisfied (requirement tree, total credit minimum and residence minimum);
 *   <li>{@code appliedCredits}: the sum over credit requirements (leaves) of the credit applied, each capped at the
 *       leaf's minimum;
 *   <li>{@code appliedCount}: the sum over count requirements (count, credential, equivalence leaves) of the number of
 *       credentials applied, each capped at the leaf's minimum;
 *   <li>{@code countedCredits}: the credits of the credentials that count toward at least one requirement.
 * </ol>
 * Ties are broken deterministically by the search order.
 *
 * @param qualification the rules' id
 * @param unit the credit unit of all amounts
 * @param asOf the audit date
 * @param mode exact, or the divisible-credit relaxation
 * @param satisfied whether the qualification is satisfied
 * @param provedOptimal whether the assignment is proven optimal for the objective (false only when a time budget cut
 *     the search, or in the divisible relaxation, where it is the max-flow optimum instead)
 * @param satisfiedRequirements number of satisfied requirement nodes (informative)
 * @param appliedCredits objective component (2)
 * @param appliedCount objective component (3)
 * @param countedCredits objective component (4)
 * @param assignments credential-to-requirement assignments
 * @param requirements status of every requirement node, in tree pre-order
 * @param exclusions credentials that do not count and why
 * @param shortfalls unmet global constraints (total credits, residence)
 */
public record AuditResult(
    String qualification,
    io.github.microcred.core.CreditUnit unit,
    LocalDate asOf,
    Mode mode,
    boolean satisfied,
    boolean provedOptimal,
    int satisfiedRequirements,
    BigDecimal appliedCredits,
    long appliedCount,
    BigDecimal countedCredits,
    List<Assignment> assignments,
    List<RequirementStatus> requirements,
    List<Exclusion> exclusions,
    List<String> shortfalls) {

  /** Audit modes. */
  public enum Mode {
    /** Whole credentials, each toward at most one requirement unless whitelisted; provably optimal. */
    EXACT,
    /**
     * The divisible-credit relaxation: a credential's credits may be split across requirements (per sharing group
     * max-flow, as UT Dallas Nebula's validator does). It can overstate progress.
     */
    DIVISIBLE_RELAXATION
  }

  /** Validates and copies. */
  public AuditResult {
    Objects.requireNonNull(qualification, "qualification");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(appliedCredits, "appliedCredits");
    Objects.requireNonNull(countedCredits, "countedCredits");
    assignments = List.copyOf(assignments);
    requirements = List.copyOf(requirements);
    exclusions = List.copyOf(exclusions);
    shortfalls = List.copyOf(shortfalls);
  }

  /**
   * The status of a requirement by path.
   *
   * @param path stable path
   * @return the status, if the path exists
   */
  public java.util.Optional<RequirementStatus> requirement(String path) {
    return requirements.stream().filter(r -> r.path().equals(path)).findFirst();
  }

  /**
   * The result as JSON.
   *
   * @return JSON text
   */
  public String toJson() {
    return ResultJson.write(this);
  }

  /**
   * A readable multi-line summary.
   *
   * @return text
   */
  public String summary() {
    return ResultJson.summary(this);
  }
}
