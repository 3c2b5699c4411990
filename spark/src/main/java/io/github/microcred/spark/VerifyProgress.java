package io.github.microcred.spark;

import java.io.Serializable;
import java.util.Objects;
import org.apache.spark.SparkContext;
import org.apache.spark.util.LongAccumulator;

/**
 * Live progress of a verification job through Spark's own accumulators, named {@code mcred verify verified} and
 * {@code mcred verify not verified} (with the prefix given), so they show in the Spark UI's stage pages while the job
 * runs. As with {@link AuditProgress}, a retried task can count twice: the result Dataset gives the totals.
 *
 * @param verified rows whose every check passed
 * @param notVerified rows with at least one failed check
 */
public record VerifyProgress(LongAccumulator verified, LongAccumulator notVerified) implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Both accumulators are required. */
  public VerifyProgress {
    Objects.requireNonNull(verified, "verified");
    Objects.requireNonNull(notVerified, "notVerified");
  }

  /**
   * Registers the two accumulators with a Spark context.
   *
   * @param sc the context
   * @param prefix the name prefix, e.g. {@code "mcred verify"}
   * @return the progress
   */
  public static VerifyProgress register(SparkContext sc, String prefix) {
    return new VerifyProgress(sc.longAccumulator(prefix + " verified"), sc.longAccumulator(prefix + " not verified"));
  }

  /**
   * All rows counted so far.
   *
   * @return the sum of both accumulators
   */
  public long total() {
    return verified.value() + notVerified.value();
  }

  void count(boolean ok) {
    (ok ? verified : notVerified).add(1);
  }

  @Override
  public String toString() {
    return verified.value() + " verified, " + notVerified.value() + " not verified";
  }
}
