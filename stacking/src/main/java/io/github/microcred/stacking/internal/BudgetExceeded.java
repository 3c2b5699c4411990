package io.github.microcred.stacking.internal;

/**
 * Thrown inside a phase that is not a search (compilation, explanation) when the audit's deadline has passed; the
 * auditor turns it into an UNDECIDED result. Carries no stack trace.
 */
public final class BudgetExceeded extends RuntimeException {
  private static final long serialVersionUID = 1L;
  /** What was compiled before the deadline (its up-front exclusions are complete), or null. */
  private transient Compiled partial;

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
   * @param partial what was compiled so far, or null
   */
  public static void check(long deadline, Compiled partial) {
    if (deadline != Long.MAX_VALUE && System.nanoTime() - deadline > 0) {
      throw new BudgetExceeded("compiling the audit").with(partial);
    }
  }

  /**
   * Attaches what was compiled so far.
   *
   * @param k the partial compilation
   * @return this
   */
  public BudgetExceeded with(Compiled k) {
    if (partial == null) {
      partial = k;
    }
    return this;
  }

  /**
   * What was compiled before the deadline.
   *
   * @return the partial compilation, or null
   */
  public Compiled partial() {
    return partial;
  }
}
