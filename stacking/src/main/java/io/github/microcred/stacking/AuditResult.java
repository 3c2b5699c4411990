package io.github.microcred.stacking;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.core.CreditUnit;
import io.github.microcred.core.Issue;
import io.github.microcred.stacking.internal.ResultJson;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of {@link Auditor#audit(Transcript, LocalDate)}.
 *
 * <p>Its {@link #status()} is three-valued: {@link Status#SATISFIED} comes with a witness assignment
 * ({@link #assignments()}) that an independent checker has re-checked against the rules before the result is returned;
 * {@link Status#NOT_SATISFIED} is only returned when it is proven (an exhausted search or a bound); when the budget
 * runs out first the status is {@link Status#UNDECIDED}, with the best assignment found, what is missing under it
 * ({@link #requirements()}, {@link #shortfalls()}), and the {@link #bound()}.
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
 * @param status satisfied (with a re-checked witness), not satisfied (proven), or undecided (budget ran out)
 * @param provedOptimal whether the assignment is proven optimal for the objective (false when a time budget cut
 *     the search, or in the divisible relaxation, where it is the max-flow optimum instead)
 * @param bound upper bounds on the objective over every assignment (equal to the achieved values when proven)
 * @param satisfiedRequirements number of satisfied requirement nodes (informative)
 * @param appliedCredits objective component (2)
 * @param appliedCount objective component (3)
 * @param countedCredits objective component (4)
 * @param assignments credential-to-requirement assignments
 * @param requirements status of every requirement node, in tree pre-order
 * @param exclusions credentials that do not count and why
 * @param shortfalls unmet global constraints (total credits, residence), each an error {@link Issue} with a
 *     {@link StackingIssueCode} of category {@link StackingIssueCode.Category#SHORTFALL} and the rules' JSON path of the
 *     constraint ({@code $.constraints.totalCredits}); the message reads {@code total credits: 5 of 10 ECTS (5 missing)}
 */
public record AuditResult(
    String qualification,
    CreditUnit unit,
    LocalDate asOf,
    Mode mode,
    Status status,
    boolean provedOptimal,
    Bound bound,
    int satisfiedRequirements,
    BigDecimal appliedCredits,
    long appliedCount,
    BigDecimal countedCredits,
    List<Assignment> assignments,
    List<RequirementStatus> requirements,
    List<Exclusion> exclusions,
    List<Issue> shortfalls) {

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

  /** The three outcomes of an audit. */
  public enum Status {
    /** Satisfied: {@link AuditResult#assignments()} is a witness, re-checked independently of the solver. */
    SATISFIED,
    /** Proven not satisfiable by any assignment (in the divisible relaxation: by its max-flow). */
    NOT_SATISFIED,
    /** The budget ran out before a satisfying assignment or a proof that none exists was found. */
    UNDECIDED
  }

  /**
   * Upper bounds, over every admissible assignment, on the objective components: what the best assignment could at
   * most reach. When the search is proven, they equal the achieved values.
   *
   * @param satisfiable false when the bound proves that no assignment satisfies the qualification
   * @param appliedCredits upper bound on {@link AuditResult#appliedCredits()}
   * @param appliedCount upper bound on {@link AuditResult#appliedCount()}
   */
  public record Bound(boolean satisfiable, BigDecimal appliedCredits, long appliedCount) {
    /** Validates. */
    public Bound {
      Objects.requireNonNull(appliedCredits, "appliedCredits");
    }
  }

  /** Validates and copies. */
  public AuditResult {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(bound, "bound");
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
   * Whether the status is {@link Status#SATISFIED}.
   *
   * @return true only with a re-checked witness assignment
   */
  public boolean satisfied() {
    return status == Status.SATISFIED;
  }

  /**
   * This result with more exclusions appended (for example credentials that failed verification before the audit).
   *
   * @param more the exclusions to add
   * @return the new result
   */
  public AuditResult withExclusions(List<Exclusion> more) {
    List<Exclusion> all = new ArrayList<>(exclusions);
    all.addAll(more);
    return new AuditResult(qualification, unit, asOf, mode, status, provedOptimal, bound, satisfiedRequirements,
        appliedCredits, appliedCount, countedCredits, assignments, requirements, all, shortfalls);
  }

  /**
   * The status of a requirement by path.
   *
   * @param path stable path
   * @return the status, if the path exists
   */
  public Optional<RequirementStatus> requirement(String path) {
    return requirements.stream().filter(r -> r.path().equals(path)).findFirst();
  }

  /**
   * The result as JSON; {@code toPrettyString()} of the tree is the indented text, {@code toString()} the compact,
   * one-line text (as in bulk output).
   *
   * @return a new tree, owned by the caller
   */
  public ObjectNode toJson() {
    return ResultJson.tree(this);
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
