package io.github.microcred.spark;

import io.github.microcred.core.Issue;
import io.github.microcred.stacking.Assignment;
import io.github.microcred.stacking.AuditResult;
import io.github.microcred.stacking.Exclusion;
import io.github.microcred.stacking.RequirementStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One result row of {@link SparkAuditor#audit}: one learner against one qualification. The Dataset carries these
 * columns ({@link #SCHEMA}); {@link #of(Row)} reads a row back as this record. Amounts are in the rules' unit, read
 * back without trailing zeros ({@code 5}, not {@code 5.000000000000000000}).
 *
 * @param learner the learner (the transcript's key)
 * @param qualification the rules' id
 * @param status {@code SATISFIED}, {@code NOT_SATISFIED} or {@code UNDECIDED} (the audit's three-valued status), or
 *     {@code INVALID} when the transcript could not be read or audited ({@link #error()} says why)
 * @param unit the credit unit of the amounts (empty for {@code INVALID})
 * @param appliedCredits the credit applied toward credit requirements, each capped at its minimum
 * @param appliedCount the credentials applied toward count requirements, each capped at its minimum
 * @param countedCredits the credits of the credentials that count toward at least one requirement
 * @param satisfiedRequirements the number of satisfied requirement nodes
 * @param provedOptimal whether the assignment is proven optimal
 * @param missing the unmet requirements, in tree pre-order, each with what would close it
 * @param shortfalls unmet global constraints (total credits, residence): the messages of {@link AuditResult#shortfalls()}
 * @param assignments which credential counts toward which requirement, with its credits
 * @param exclusions credentials that do not count, and why
 * @param budgetMillis the time budget of each audit
 * @param elapsedMicros the time this audit took (the budget used), on its executor
 * @param error why the transcript is {@code INVALID}, naming the JSON path; null otherwise
 * @param result the whole audit result as compact JSON ({@code AuditResult.toJson().toString()}), null when the
 *     auditor was configured {@link SparkAuditor#withoutResultJson()} or the row is {@code INVALID}
 */
public record AuditRow(String learner, String qualification, String status, String unit, BigDecimal appliedCredits,
    long appliedCount, BigDecimal countedCredits, int satisfiedRequirements, boolean provedOptimal,
    List<Missing> missing, List<String> shortfalls, List<Applied> assignments, List<Excluded> exclusions,
    long budgetMillis, long elapsedMicros, String error, String result) {

  /** The status of a row whose transcript could not be read or audited. */
  public static final String INVALID = "INVALID";

  private static final StructType MISSING = new StructType()
      .add("path", DataTypes.StringType, false)
      .add("kind", DataTypes.StringType, false)
      .add("required", Columns.DECIMAL, false)
      .add("applied", Columns.DECIMAL, false)
      .add("missing", Columns.DECIMAL, false)
      .add("toClose", DataTypes.createArrayType(DataTypes.StringType, false), false);
  private static final StructType APPLIED = new StructType()
      .add("credentialId", DataTypes.StringType, false)
      .add("requirement", DataTypes.StringType, false)
      .add("credits", Columns.DECIMAL, false);
  private static final StructType EXCLUDED = new StructType()
      .add("credentialId", DataTypes.StringType, false)
      .add("reason", DataTypes.StringType, false)
      .add("detail", DataTypes.StringType, false);

  /** The columns of an audit result Dataset, in order. */
  public static final StructType SCHEMA = new StructType()
      .add("learner", DataTypes.StringType, false)
      .add("qualification", DataTypes.StringType, false)
      .add("status", DataTypes.StringType, false)
      .add("unit", DataTypes.StringType, false)
      .add("appliedCredits", Columns.DECIMAL, false)
      .add("appliedCount", DataTypes.LongType, false)
      .add("countedCredits", Columns.DECIMAL, false)
      .add("satisfiedRequirements", DataTypes.IntegerType, false)
      .add("provedOptimal", DataTypes.BooleanType, false)
      .add("missing", DataTypes.createArrayType(MISSING, false), false)
      .add("shortfalls", DataTypes.createArrayType(DataTypes.StringType, false), false)
      .add("assignments", DataTypes.createArrayType(APPLIED, false), false)
      .add("exclusions", DataTypes.createArrayType(EXCLUDED, false), false)
      .add("budgetMillis", DataTypes.LongType, false)
      .add("elapsedMicros", DataTypes.LongType, false)
      .add("error", DataTypes.StringType, true)
      .add("result", DataTypes.StringType, true);

  /**
   * An unmet requirement.
   *
   * @param path its stable path
   * @param kind its kind ({@code CREDITS}, {@code ALL_OF}, ...)
   * @param required credits or count required (for combinators: children required)
   * @param applied what is applied
   * @param missing {@code required - applied}
   * @param toClose what would close it: a sentence for a leaf, the unmet children's paths for a combinator
   */
  public record Missing(String path, String kind, BigDecimal required, BigDecimal applied, BigDecimal missing,
      List<String> toClose) {
    /** Copies. */
    public Missing {
      toClose = List.copyOf(toClose);
    }
  }

  /**
   * A credential counted toward a requirement.
   *
   * @param credentialId the credential
   * @param requirement the requirement's path
   * @param credits the credits it contributes
   */
  public record Applied(String credentialId, String requirement, BigDecimal credits) {}

  /**
   * A credential that does not count.
   *
   * @param credentialId the credential
   * @param reason the {@code Exclusion.Reason} name
   * @param detail why
   */
  public record Excluded(String credentialId, String reason, String detail) {}

  /** Copies the lists. */
  public AuditRow {
    Objects.requireNonNull(learner, "learner");
    Objects.requireNonNull(qualification, "qualification");
    Objects.requireNonNull(status, "status");
    missing = List.copyOf(missing);
    shortfalls = List.copyOf(shortfalls);
    assignments = List.copyOf(assignments);
    exclusions = List.copyOf(exclusions);
  }

  /**
   * Whether the audit is {@code SATISFIED}.
   *
   * @return true for a satisfied qualification
   */
  public boolean satisfied() {
    return "SATISFIED".equals(status);
  }

  /**
   * The row of an in-process result: what the executors compute for each learner and rule set.
   *
   * @param learner the learner
   * @param r the result of {@code Auditor.audit}
   * @param budgetMillis the budget of the audit
   * @param elapsedMicros the time it took
   * @param json whether to keep the whole result as JSON in {@link #result()}
   * @return the row
   */
  public static AuditRow of(String learner, AuditResult r, long budgetMillis, long elapsedMicros, boolean json) {
    List<Missing> missing = new ArrayList<>();
    for (RequirementStatus m : r.requirements()) {
      if (!m.satisfied()) {
        missing.add(new Missing(m.path(), m.kind().name(), Columns.dec(m.required()), Columns.dec(m.applied()),
            Columns.dec(m.missing()), m.toClose()));
      }
    }
    List<Applied> applied = new ArrayList<>();
    for (Assignment x : r.assignments()) {
      applied.add(new Applied(x.credentialId(), x.requirement(), Columns.dec(x.credits())));
    }
    List<Excluded> excluded = new ArrayList<>();
    for (Exclusion x : r.exclusions()) {
      excluded.add(new Excluded(x.credentialId(), x.reason().name(), x.detail()));
    }
    return new AuditRow(learner, r.qualification(), r.status().name(), r.unit().name(),
        Columns.dec(r.appliedCredits()), r.appliedCount(), Columns.dec(r.countedCredits()),
        r.satisfiedRequirements(), r.provedOptimal(), missing, r.shortfalls().stream().map(Issue::message).toList(),
        applied, excluded, budgetMillis, elapsedMicros, null, json ? r.toJson().toString() : null);
  }

  /**
   * The row of a transcript that could not be read or audited.
   *
   * @param learner the learner
   * @param qualification the rules' id
   * @param error why, naming the JSON path
   * @param budgetMillis the budget of the audit
   * @return the row
   */
  public static AuditRow invalid(String learner, String qualification, String error, long budgetMillis) {
    return new AuditRow(learner, qualification, INVALID, "", BigDecimal.ZERO, 0, BigDecimal.ZERO, 0, false,
        List.of(), List.of(), List.of(), List.of(), budgetMillis, 0, Objects.requireNonNull(error, "error"), null);
  }

  /**
   * This record with another {@link #elapsedMicros()} (e.g. 0, to compare rows of two runs).
   *
   * @param micros the time
   * @return a new record
   */
  public AuditRow withElapsedMicros(long micros) {
    return new AuditRow(learner, qualification, status, unit, appliedCredits, appliedCount, countedCredits,
        satisfiedRequirements, provedOptimal, missing, shortfalls, assignments, exclusions, budgetMillis, micros,
        error, result);
  }

  /**
   * This record as a row of {@link #SCHEMA}.
   *
   * @return the row
   */
  public Row toRow() {
    List<Row> m = new ArrayList<>();
    for (Missing x : missing) {
      m.add(RowFactory.create(x.path(), x.kind(), x.required(), x.applied(), x.missing(), Columns.seq(x.toClose())));
    }
    List<Row> a = new ArrayList<>();
    for (Applied x : assignments) {
      a.add(RowFactory.create(x.credentialId(), x.requirement(), x.credits()));
    }
    List<Row> e = new ArrayList<>();
    for (Excluded x : exclusions) {
      e.add(RowFactory.create(x.credentialId(), x.reason(), x.detail()));
    }
    return new GenericRowWithSchema(new Object[] {learner, qualification, status, unit, appliedCredits,
        appliedCount, countedCredits, satisfiedRequirements, provedOptimal, Columns.seq(m), Columns.seq(shortfalls),
        Columns.seq(a), Columns.seq(e), budgetMillis, elapsedMicros, error, result}, SCHEMA);
  }

  /**
   * Reads a row of an audit result Dataset.
   *
   * @param row a row with the {@link #SCHEMA} columns
   * @return the record
   */
  public static AuditRow of(Row row) {
    List<Missing> missing = new ArrayList<>();
    for (Row m : row.<Row>getList(row.fieldIndex("missing"))) {
      missing.add(new Missing(m.getString(0), m.getString(1), Columns.dec(m.getDecimal(2)),
          Columns.dec(m.getDecimal(3)), Columns.dec(m.getDecimal(4)), m.<String>getList(5)));
    }
    List<Applied> applied = new ArrayList<>();
    for (Row a : row.<Row>getList(row.fieldIndex("assignments"))) {
      applied.add(new Applied(a.getString(0), a.getString(1), Columns.dec(a.getDecimal(2))));
    }
    List<Excluded> excluded = new ArrayList<>();
    for (Row x : row.<Row>getList(row.fieldIndex("exclusions"))) {
      excluded.add(new Excluded(x.getString(0), x.getString(1), x.getString(2)));
    }
    return new AuditRow(row.getAs("learner"), row.getAs("qualification"), row.getAs("status"), row.getAs("unit"),
        Columns.dec(row.getAs("appliedCredits")), row.<Long>getAs("appliedCount"),
        Columns.dec(row.getAs("countedCredits")), row.<Integer>getAs("satisfiedRequirements"),
        row.<Boolean>getAs("provedOptimal"), missing, row.<String>getList(row.fieldIndex("shortfalls")), applied,
        excluded, row.<Long>getAs("budgetMillis"), row.<Long>getAs("elapsedMicros"), row.getAs("error"),
        row.getAs("result"));
  }
}
