package io.github.microcred.stacking.internal;

/**
 * Thrown inside a phase that is not a search (compilation, explanation) when the audit's deadline has passed; the
 * auditor turns it into an UNDECIDED result. Carries no stack trace.
 */
public final class BudgetExceeded extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates.
   *
   * @param phase what was running
   */
  public BudgetExceeded(String phase) {
    super(phase, null, false, false);
  }

  /**
   * Throws when the deadline has passed.
   *
   * @param deadline {@link System#nanoTime()} deadline, Long.MAX_VALUE for none
   */
  public static void check(long deadline) {
    if (deadline != Long.MAX_VALUE && System.nanoTime() - deadline > 0) {
      throw new BudgetExceeded("compiling the audit");
    }
  }
}
