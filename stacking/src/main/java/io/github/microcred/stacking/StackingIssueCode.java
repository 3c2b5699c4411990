package io.github.microcred.stacking;

import io.github.microcred.core.Code;
import io.github.microcred.core.Issue;

/**
 * What an {@link Issue} found by {@link Rules#problems()} is about. Every rule problem is an error: rules with one are
 * refused with {@link StackingErrorCode#RULES_INVALID}. The issue's path names the requirement ({@code $} for the root,
 * {@code $/child}, {@code $definitions/name}) or the JSON member ({@code $.constraints.caps[0].max}) at fault.
 */
public enum StackingIssueCode implements Code {
  /** Two requirements share one {@code id}. */
  DUPLICATE_ID,
  /** An {@code nOf} needs more children than it has. */
  TOO_FEW_CHILDREN,
  /** A number that must not be negative is ({@code n}, credits, a count, a cap, years). */
  NEGATIVE_VALUE,
  /** A {@code count} requirement whose amount is not a whole number. */
  NOT_WHOLE_COUNT,
  /** A {@code credential} or {@code equivalent} requirement that names no credential. */
  NO_CREDENTIAL,
  /** A {@code where} filter on a branch ({@code allOf}, {@code anyOf}, {@code nOf}, {@code ref}); filters apply to leaves. */
  FILTER_ON_BRANCH,
  /** A filter's {@code referenceDate} without the {@code withinYears} window it is the reference of. */
  REFERENCE_DATE_WITHOUT_WINDOW,
  /** A share cap outside {@code [0, 1]}. */
  SHARE_OUT_OF_RANGE,
  /** A share cap while {@code constraints.totalCredits} is not set. */
  SHARE_WITHOUT_TOTAL,
  /** A double-counting whitelist entry naming fewer than two requirements. */
  TOO_FEW_REQUIREMENTS,
  /** A {@code ref} or a double-counting entry naming a requirement that is not defined. */
  UNKNOWN_REFERENCE,
  /** A {@code ref} that leads back to itself. */
  CYCLIC_REFERENCE,
  /** Rules that, written out, have too many requirement nodes or nest too deep (the message gives the limits). */
  TOO_LARGE;

  /** {@inheritDoc} Always {@code stacking}. */
  @Override
  public String module() {
    return "stacking";
  }
}
