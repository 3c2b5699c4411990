package io.github.microcred.spark;

import java.io.Serializable;
import org.apache.spark.SparkContext;
import org.apache.spark.util.LongAccumulator;

/**
 * Live progress of an audit job through Spark's own accumulators, named {@code mcred audit SATISFIED} (and
 * {@code NOT_SATISFIED}, {@code UNDECIDED}, {@code INVALID}) so they show in the Spark UI's stage pages while the job
 * runs. Accumulators updated inside a transformation can count a retried task twice: use them for progress, and the
 * result Dataset (e.g. {@link SparkAuditor#summary}) for the totals.
 *
 * @param satisfied rows {@code SATISFIED}
 * @param notSatisfied rows {@code NOT_SATISFIED}
 * @param undecided rows {@code UNDECIDED}
 * @param invalid rows {@code INVALID}
 */
public record AuditProgress(LongAccumulator satisfied, LongAccumulator notSatisfied, LongAccumulator undecided,
    LongAccumulator invalid) implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * Registers the four accumulators with a Spark context.
   *
   * @param sc the context
   * @param prefix the name prefix, e.g. {@code "mcred audit"}
   * @return the progress
   */
  public static AuditProgress register(SparkContext sc, String prefix) {
    return new AuditProgress(sc.longAccumulator(prefix + " SATISFIED"), sc.longAccumulator(prefix + " NOT_SATISFIED"),
        sc.longAccumulator(prefix + " UNDECIDED"), sc.longAccumulator(prefix + " " + AuditRow.INVALID));
  }

  /**
   * All rows counted so far.
   *
   * @return the sum of the four accumulators
   */
  public long total() {
    return satisfied.value() + notSatisfied.value() + undecided.value() + invalid.value();
  }

  void count(String status) {
    switch (status) {
      case "SATISFIED" -> satisfied.add(1);
      case "NOT_SATISFIED" -> notSatisfied.add(1);
      case "UNDECIDED" -> undecided.add(1);
      default -> invalid.add(1);
    }
  }

  @Override
  public String toString() {
    return satisfied.value() + " satisfied, " + notSatisfied.value() + " not satisfied, " + undecided.value()
        + " undecided, " + invalid.value() + " invalid";
  }
}
