package io.github.microcred.stacking;

import io.github.microcred.core.Code;
import io.github.microcred.core.Issue;

/**
 * What a stacking {@link Issue} is about, in one of two {@link Category categories}: a fault found by
 * {@link Rules#problems()} ({@link Category#RULES}; every rule problem is an error, and rules with one are refused with
 * {@link StackingErrorCode#RULES_INVALID}), or a global constraint an audit leaves unmet, in
 * {@link AuditResult#shortfalls()} ({@link Category#SHORTFALL}). The issue's path names the requirement ({@code $} for
 * the root, {@code $/child}, {@code $definitions/name}) or the JSON member of the rules
 * ({@code $.constraints.caps[0].max}, {@code $.constraints.totalCredits}) at fault.
 */
public enum StackingIssueCode implements Code {
  /** Two requirements share one {@code id}. */
  DUPLICATE_ID(Category.RULES),
  /** An {@code nOf} needs more children than it has. */
  TOO_FEW_CHILDREN(Category.RULES),
  /** A number that must not be negative is ({@code n}, credits, a count, a cap, years). */
  NEGATIVE_VALUE(Category.RULES),
  /** A {@code count} requirement whose amount is not a whole number. */
  NOT_WHOLE_COUNT(Category.RULES),
  /** A {@code credential} or {@code equivalent} requirement that names no credential. */
  NO_CREDENTIAL(Category.RULES),
  /** A {@code where} filter on a branch ({@code allOf}, {@code anyOf}, {@code nOf}, {@code ref}); filters apply to leaves. */
  FILTER_ON_BRANCH(Category.RULES),
  /** A filter's {@code referenceDate} without the {@code withinYears} window it is the reference of. */
  REFERENCE_DATE_WITHOUT_WINDOW(Category.RULES),
  /** A share cap outside {@code [0, 1]}. */
  SHARE_OUT_OF_RANGE(Category.RULES),
  /** A share cap while {@code constraints.totalCredits} is not set. */
  SHARE_WITHOUT_TOTAL(Category.RULES),
  /** A double-counting whitelist entry naming fewer than two requirements. */
  TOO_FEW_REQUIREMENTS(Category.RULES),
  /** A {@code ref} or a double-counting entry naming a requirement that is not defined. */
  UNKNOWN_REFERENCE(Category.RULES),
  /** A {@code ref} that leads back to itself. */
  CYCLIC_REFERENCE(Category.RULES),
  /** Rules that, written out, have too many requirement nodes or nest too deep (the message gives the limits). */
  TOO_LARGE(Category.RULES),
  /**
   * Fewer credits count toward the qualification than {@code constraints.totalCredits} asks (path
   * {@code $.constraints.totalCredits}; the message says how many count, of how many, and how many are missing).
   */
  TOTAL_CREDITS_SHORT(Category.SHORTFALL),
  /**
   * Fewer credits in residence than {@code constraints.minResidence} asks (path {@code $.constraints.minResidence}).
   */
  RESIDENCE_SHORT(Category.SHORTFALL),
  /**
   * The assignment the solver found failed the independent re-check, so the audit is not given as satisfied (path
   * {@code $}; the message names the failed check). Never expected: it would mean a solver defect.
   */
  WITNESS_REJECTED(Category.SHORTFALL),
  /**
   * The audit's budget ran out before anything was assigned (while compiling or bounding; path {@code $}): the
   * result is undecided and says which phase it reached.
   */
  BUDGET_EXHAUSTED(Category.SHORTFALL);

  /** What a code reports on. */
  public enum Category {
    /** A fault in the rules, from {@link Rules#problems()}: the rules are refused. */
    RULES,
    /** A global constraint an audit's best assignment leaves unmet, in {@link AuditResult#shortfalls()}. */
    SHORTFALL
  }

  private final Category category;

  StackingIssueCode(Category category) {
    this.category = category;
  }

  /**
   * What the code reports on.
   *
   * @return rules faults or audit shortfalls
   */
  public Category category() {
    return category;
  }

  /** {@inheritDoc} Always {@code stacking}. */
  @Override
  public String module() {
    return "stacking";
  }
}
