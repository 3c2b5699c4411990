package io.github.microcred.spark;

import io.github.microcred.stacking.Plan;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One result row of {@link SparkPlanner#plan}: the cheapest completion for one learner who does not yet satisfy one
 * qualification. The Dataset carries these columns ({@link #SCHEMA}); {@link #of(Row)} reads a row back.
 *
 * @param learner the learner
 * @param qualification the rules' id
 * @param status the audit status of the learner's transcript today: {@code NOT_SATISFIED}, {@code UNDECIDED}, or
 *     {@code INVALID} (then {@link #error()} says why and there is no plan)
 * @param complete whether the plan completes the qualification
 * @param items the catalogue items to take, in an order that respects prerequisites
 * @param value the plan's objective value (cost, hours or count)
 * @param lowerBound a certified lower bound on every completing plan's value
 * @param gap {@code (value - lowerBound) / value}, 0 when proven optimal
 * @param optimal whether the plan is proven optimal
 * @param budgetMillis the planner's budget
 * @param elapsedMicros the time the audit and the plan took on the executor
 * @param error why the row is {@code INVALID}; null otherwise
 * @param plan the whole plan as JSON ({@code Plan.toJson()}, with the audit of the completed transcript); null for
 *     {@code INVALID}
 */
public record PlanRow(String learner, String qualification, String status, boolean complete, List<String> items,
    BigDecimal value, BigDecimal lowerBound, BigDecimal gap, boolean optimal, long budgetMillis, long elapsedMicros,
    String error, String plan) {

  /** The columns of a plan result Dataset, in order. */
  public static final StructType SCHEMA = new StructType()
      .add("learner", DataTypes.StringType, false)
      .add("qualification", DataTypes.StringType, false)
      .add("status", DataTypes.StringType, false)
      .add("complete", DataTypes.BooleanType, false)
      .add("items", DataTypes.createArrayType(DataTypes.StringType, false), false)
      .add("value", Columns.DECIMAL, false)
      .add("lowerBound", Columns.DECIMAL, false)
      .add("gap", Columns.DECIMAL, false)
      .add("optimal", DataTypes.BooleanType, false)
      .add("budgetMillis", DataTypes.LongType, false)
      .add("elapsedMicros", DataTypes.LongType, false)
      .add("error", DataTypes.StringType, true)
      .add("plan", DataTypes.StringType, true);

  /** Copies. */
  public PlanRow {
    Objects.requireNonNull(learner, "learner");
    Objects.requireNonNull(qualification, "qualification");
    Objects.requireNonNull(status, "status");
    items = List.copyOf(items);
  }

  /**
   * The row of an in-process plan.
   *
   * @param learner the learner
   * @param qualification the rules' id
   * @param status the audit status before the plan
   * @param p the plan
   * @param budgetMillis the planner's budget
   * @param elapsedMicros the time taken
   * @return the row
   */
  public static PlanRow of(String learner, String qualification, String status, Plan p, long budgetMillis,
      long elapsedMicros) {
    return new PlanRow(learner, qualification, status, p.satisfied(), p.items(), Columns.dec(p.value()),
        Columns.dec(p.lowerBound()), Columns.dec(p.gap()), p.optimal(), budgetMillis, elapsedMicros, null,
        p.toJson().toPrettyString());
  }

  /**
   * The row of a transcript that could not be read, audited or planned.
   *
   * @param learner the learner
   * @param qualification the rules' id
   * @param error why
   * @param budgetMillis the planner's budget
   * @return the row
   */
  public static PlanRow invalid(String learner, String qualification, String error, long budgetMillis) {
    return new PlanRow(learner, qualification, AuditRow.INVALID, false, List.of(), BigDecimal.ZERO, BigDecimal.ZERO,
        BigDecimal.ZERO, false, budgetMillis, 0, Objects.requireNonNull(error, "error"), null);
  }

  /**
   * This record with another {@link #elapsedMicros()}.
   *
   * @param micros the time
   * @return a new record
   */
  public PlanRow withElapsedMicros(long micros) {
    return new PlanRow(learner, qualification, status, complete, items, value, lowerBound, gap, optimal,
        budgetMillis, micros, error, plan);
  }

  /**
   * Reads a row of a plan result Dataset.
   *
   * @param row a row with the {@link #SCHEMA} columns
   * @return the record
   */
  public static PlanRow of(Row row) {
    return new PlanRow(row.getAs("learner"), row.getAs("qualification"), row.getAs("status"),
        row.<Boolean>getAs("complete"), row.<String>getList(row.fieldIndex("items")), Columns.dec(row.getAs("value")),
        Columns.dec(row.getAs("lowerBound")), Columns.dec(row.getAs("gap")), row.<Boolean>getAs("optimal"),
        row.<Long>getAs("budgetMillis"), row.<Long>getAs("elapsedMicros"), row.getAs("error"), row.getAs("plan"));
  }

  /**
   * This record as a row of {@link #SCHEMA}.
   *
   * @return the row
   */
  public Row toRow() {
    return new GenericRowWithSchema(new Object[] {learner, qualification, status, complete, Columns.seq(items), value,
        lowerBound, gap, optimal, budgetMillis, elapsedMicros, error, plan}, SCHEMA);
  }
}
