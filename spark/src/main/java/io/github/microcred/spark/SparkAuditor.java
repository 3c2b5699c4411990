package io.github.microcred.spark;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.stacking.AuditOptions;
import io.github.microcred.stacking.Rules;
import io.github.microcred.stacking.StackingException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * An immutable audit of transcripts against one or many rule sets on Spark, configured like
 * {@code Stacking.auditor(rules)}: {@link #withAsOf}, {@link #withBudget}, {@link #divisible()}. {@link #audit}
 * broadcasts the rules once (their JSON form, checked on the driver to read back to the same rules); each executor
 * compiles them once, on first use, and reuses the compiled auditors for every task. Transcripts are read by
 * {@code Transcript.fromJson} and audited by {@code Auditor.audit} on the executors: no network, no shared state.
 */
public final class SparkAuditor {
  private final List<Rules> rules;
  private final List<String> rulesJson;
  private final LocalDate asOf;
  private final Duration budget;
  private final boolean divisible;
  private final boolean resultJson;
  private final AuditProgress progress;

  private SparkAuditor(List<Rules> rules, List<String> rulesJson, LocalDate asOf, Duration budget, boolean divisible,
      boolean resultJson, AuditProgress progress) {
    this.rules = rules;
    this.rulesJson = rulesJson;
    this.asOf = asOf;
    this.budget = budget;
    this.divisible = divisible;
    this.resultJson = resultJson;
    this.progress = progress;
  }

  static SparkAuditor of(List<Rules> rules) throws StackingException, SparkException {
    return new SparkAuditor(List.copyOf(rules), portable(rules), LocalDate.now(ZoneOffset.UTC),
        AuditOptions.DEFAULT_BUDGET, false, true, null);
  }

  /**
   * The JSON form of each rule set, checked to read back to the same JSON, so that the executors audit against
   * exactly the rules the caller gave.
   */
  static List<String> portable(List<Rules> rules) throws StackingException, SparkException {
    if (rules.isEmpty()) {
      throw new SparkException(SparkErrorCode.INVALID_ARGUMENT, "rules: at least one rule set is needed, got none");
    }
    List<String> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Rules r : rules) {
      Rules v = Objects.requireNonNull(r, "rules").validated();
      if (!ids.add(v.id())) {
        throw new SparkException(SparkErrorCode.INVALID_ARGUMENT, "rules: two rule sets have the id '" + v.id()
            + "' (each result row is keyed by learner and rule set id)");
      }
      ObjectNode tree = v.toJson();
      String json = tree.toPrettyString();
      if (!Rules.fromJson(json).toJson().equals(tree)) {
        throw new SparkException(SparkErrorCode.NOT_PORTABLE, "rules " + v.id() + ": the JSON form does not read back to the same "
            + "rules, so executors could not audit against them");
      }
      out.add(json);
    }
    return List.copyOf(out);
  }

  /**
   * The rule sets.
   *
   * @return the validated rules, in result order
   */
  public List<Rules> rules() {
    return rules;
  }

  /**
   * The audit date.
   *
   * @return the date (expiry, validity window, recency filters)
   */
  public LocalDate asOf() {
    return asOf;
  }

  /**
   * As of another date.
   *
   * @param date the audit date
   * @return a new auditor
   */
  public SparkAuditor withAsOf(LocalDate date) {
    return new SparkAuditor(rules, rulesJson, Objects.requireNonNull(date, "asOf"), budget, divisible, resultJson,
        progress);
  }

  /**
   * With a time budget per audit (default {@link AuditOptions#DEFAULT_BUDGET}); an audit that runs out is
   * {@code UNDECIDED}.
   *
   * @param b positive duration
   * @return a new auditor
   */
  public SparkAuditor withBudget(Duration b) {
    return new SparkAuditor(rules, rulesJson, asOf, AuditSpec.budget(b), divisible, resultJson, progress);
  }

  /**
   * In the divisible-credit relaxation ({@code Auditor.divisible()}).
   *
   * @return a new auditor
   */
  public SparkAuditor divisible() {
    return new SparkAuditor(rules, rulesJson, asOf, budget, true, resultJson, progress);
  }

  /**
   * Without the {@code result} column's JSON (null instead): smaller rows when the typed columns are enough.
   *
   * @return a new auditor
   */
  public SparkAuditor withoutResultJson() {
    return new SparkAuditor(rules, rulesJson, asOf, budget, divisible, false, progress);
  }

  /**
   * Counting rows per status into accumulators as they are audited (live progress in the Spark UI).
   *
   * @param p the accumulators
   * @return a new auditor
   */
  public SparkAuditor withProgress(AuditProgress p) {
    return new SparkAuditor(rules, rulesJson, asOf, budget, divisible, resultJson, Objects.requireNonNull(p));
  }

  /**
   * Audits every transcript against every rule set: one row per learner and qualification ({@link AuditRow#SCHEMA}),
   * lazily (nothing runs until an action). A transcript that cannot be read gives {@code INVALID} rows naming the
   * fault; it never fails the job.
   *
   * @param transcripts a Dataset with {@code learner} and {@code transcript} (and optionally {@code error}) columns,
   *     as {@link SparkStacking#jsonLines}, {@link SparkStacking#fromCredentials} and
   *     {@link SparkStacking#fromTranscripts} give
   * @return the results
   * @throws SparkException {@link SparkErrorCode#INPUT_COLUMNS} when the Dataset has neither shape
   */
  public Dataset<Row> audit(Dataset<Row> transcripts) throws SparkException {
    Dataset<Row> in = SparkStacking.fromTranscripts(transcripts);
    AuditSpec spec = new AuditSpec(rulesJson, asOf, budget, divisible, resultJson);
    Broadcast<AuditSpec> b = JavaSparkContext.fromSparkContext(in.sparkSession().sparkContext()).broadcast(spec);
    return in.mapPartitions(new AuditSpec.Partition(b, progress), Encoders.row(AuditRow.SCHEMA));
  }

  /**
   * Counts result rows per qualification and status (an action over {@code results}).
   *
   * @param results what {@link #audit} returned
   * @return rows of {@code qualification}, {@code status}, {@code count}, sorted
   */
  public static Dataset<Row> summary(Dataset<Row> results) {
    return results.groupBy("qualification", "status").count().orderBy(functions.col("qualification"),
        functions.col("status"));
  }

  @Override
  public String toString() {
    return "SparkAuditor[" + rules.stream().map(Rules::id).toList() + ", asOf " + asOf + ", budget " + budget
        + (divisible ? ", divisible" : "") + "]";
  }
}
