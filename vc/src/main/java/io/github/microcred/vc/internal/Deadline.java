package io.github.microcred.vc.internal;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The time budget of one expansion and canonicalization: a deadline on a monotonic nanosecond ticker
 * ({@link System#nanoTime()} in production; independent of the verification {@link java.time.Clock}, which may be
 * fixed), checked between titanium's stages and inside our own loops (node map, quad stream, RDFC-1.0 ticks,
 * N-Quads writing). Titanium's expansion runs without a check inside it; it is bounded by the document size, array
 * and nesting limits that are checked before it starts, and the deadline is checked as soon as it returns.
 */
final class Deadline {
  /** The budget ran out; the message names the stage and the budget. */
  static final class Exceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Exceeded(String message) {
      super(message, null, false, false);
    }
  }

  private final LongSupplier nanoTime;
  private final long start;
  private final long budgetNanos;
  private final Duration budget;

  private Deadline(Duration budget, LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
    this.budget = budget;
    long n;
    try {
      n = budget.toNanos();
    } catch (ArithmeticException e) {
      n = Long.MAX_VALUE;
    }
    this.budgetNanos = n;
    this.start = nanoTime.getAsLong();
  }

  /**
   * Starts the budget now.
   *
   * @param budget the time allowed
   * @param nanoTime the monotonic ticker
   * @return the deadline
   */
  static Deadline start(Duration budget, LongSupplier nanoTime) {
    return new Deadline(budget, nanoTime);
  }

  /**
   * Fails when the budget is spent.
   *
   * @param stage the stage that is running, for the message
   * @throws Exceeded when the budget is spent
   */
  void check(String stage) {
    if (nanoTime.getAsLong() - start >= budgetNanos) {
      throw new Exceeded("time budget of " + budget.toMillis() + " ms exceeded during " + stage);
    }
  }
}
