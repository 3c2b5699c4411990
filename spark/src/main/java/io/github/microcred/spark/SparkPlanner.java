package io.github.microcred.spark;

import io.github.microcred.spark.internal.ExecutorCache;
import io.github.microcred.stacking.AuditOptions;
import io.github.microcred.stacking.AuditResult;
import io.github.microcred.stacking.Auditor;
import io.github.microcred.stacking.Catalogue;
import io.github.microcred.stacking.Plan;
import io.github.microcred.stacking.PlanOptions;
import io.github.microcred.stacking.Planner;
import io.github.microcred.stacking.Rules;
import io.github.microcred.stacking.Stacking;
import io.github.microcred.stacking.StackingException;
import io.github.microcred.stacking.Transcript;
import java.io.Serializable;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * An immutable planner of completions on Spark: each learner's transcript is audited against each rule set (as
 * {@link SparkAuditor} does) and, where it is not {@code SATISFIED}, the cheapest completion is planned from the
 * catalogue by {@code Stacking.planner(rules, catalogue)}, as in process. Rules and catalogue are broadcast once as
 * JSON and compiled once per executor. Configured with {@link #withAsOf}, {@link #withObjective},
 * {@link #withBudget} (the planner's) and {@link #withAuditBudget}.
 */
public final class SparkPlanner {
  private final Spec spec;
  private final List<Rules> rules;
  private final AuditProgress progress;

  /** What is broadcast. */
  record Spec(List<String> rulesJson, String catalogueJson, LocalDate asOf, Plan.Objective objective,
      Duration budget, Duration auditBudget) implements Serializable {
    private static final long serialVersionUID = 1L;

    String key() {
      List<String> parts = new ArrayList<>(rulesJson);
      parts.add(catalogueJson);
      parts.add("plan " + objective + " " + budget + " " + auditBudget);
      return ExecutorCache.digest(parts);
    }

    Object[][] compile() {
      try {
        Catalogue c = Catalogue.fromJson(catalogueJson);
        Object[][] out = new Object[rulesJson.size()][];
        for (int i = 0; i < out.length; i++) {
          Rules r = Rules.fromJson(rulesJson.get(i));
          out[i] = new Object[] {Stacking.auditor(r).withBudget(auditBudget),
              Stacking.planner(r, c).withObjective(objective).withBudget(budget)};
        }
        return out;
      } catch (StackingException e) {
        throw new IllegalStateException("rules or catalogue do not compile on this executor: " + e.getMessage(), e);
      }
    }
  }

  private SparkPlanner(Spec spec, List<Rules> rules) {
    this(spec, rules, null);
  }

  private SparkPlanner(Spec spec, List<Rules> rules, AuditProgress progress) {
    this.spec = spec;
    this.rules = rules;
    this.progress = progress;
  }

  static SparkPlanner of(List<Rules> rules, String catalogueJson) throws StackingException, SparkException {
    Catalogue.fromJson(Objects.requireNonNull(catalogueJson, "catalogue"));
    return new SparkPlanner(new Spec(SparkAuditor.portable(rules), catalogueJson, LocalDate.now(ZoneOffset.UTC),
        PlanOptions.DEFAULTS.objective(), PlanOptions.DEFAULT_BUDGET, AuditOptions.DEFAULT_BUDGET),
        List.copyOf(rules));
  }

  /** What this planner broadcasts. */
  Spec spec() {
    return spec;
  }

  /**
   * The rule sets.
   *
   * @return the rules, in result order
   */
  public List<Rules> rules() {
    return rules;
  }

  /**
   * As of another date (catalogue items are taken as issued on it).
   *
   * @param date the date
   * @return a new planner
   */
  public SparkPlanner withAsOf(LocalDate date) {
    return new SparkPlanner(new Spec(spec.rulesJson(), spec.catalogueJson(), Objects.requireNonNull(date, "asOf"),
        spec.objective(), spec.budget(), spec.auditBudget()), rules, progress);
  }

  /**
   * With another objective (default {@code COST}).
   *
   * @param o what to minimise
   * @return a new planner
   */
  public SparkPlanner withObjective(Plan.Objective o) {
    return new SparkPlanner(new Spec(spec.rulesJson(), spec.catalogueJson(), spec.asOf(),
        Objects.requireNonNull(o, "objective"), spec.budget(), spec.auditBudget()), rules, progress);
  }

  /**
   * With a budget per plan (default {@link PlanOptions#DEFAULT_BUDGET}); a plan cut by it reports its gap.
   *
   * @param b positive duration
   * @return a new planner
   */
  public SparkPlanner withBudget(Duration b) {
    return new SparkPlanner(new Spec(spec.rulesJson(), spec.catalogueJson(), spec.asOf(), spec.objective(),
        AuditSpec.budget(b), spec.auditBudget()), rules, progress);
  }

  /**
   * With a budget for the audit that decides whether a learner needs a plan (default
   * {@link AuditOptions#DEFAULT_BUDGET}).
   *
   * @param b positive duration
   * @return a new planner
   */
  public SparkPlanner withAuditBudget(Duration b) {
    return new SparkPlanner(new Spec(spec.rulesJson(), spec.catalogueJson(), spec.asOf(), spec.objective(),
        spec.budget(), AuditSpec.budget(b)), rules, progress);
  }

  /**
   * Counting each learner and rule set by its audit status into accumulators as they are planned (live progress in
   * the Spark UI; {@code SATISFIED} pairs are counted though they give no row).
   *
   * @param p the accumulators
   * @return a new planner
   */
  public SparkPlanner withProgress(AuditProgress p) {
    return new SparkPlanner(spec, rules, Objects.requireNonNull(p, "progress"));
  }

  /**
   * Plans, for each learner and each rule set the learner does not satisfy, the cheapest completion: one
   * {@link PlanRow} per such pair ({@link PlanRow#SCHEMA}), lazily. Satisfied pairs give no row; unreadable
   * transcripts give {@code INVALID} rows.
   *
   * @param transcripts a Dataset with {@code learner} and {@code transcript} (and optionally {@code error}) columns
   * @return the plans
   * @throws SparkException {@link SparkErrorCode#INPUT_COLUMNS} when the Dataset has neither shape
   */
  public Dataset<Row> plan(Dataset<Row> transcripts) throws SparkException {
    Dataset<Row> in = SparkStacking.fromTranscripts(transcripts);
    Broadcast<Spec> b = JavaSparkContext.fromSparkContext(in.sparkSession().sparkContext()).broadcast(spec);
    return in.mapPartitions(new Partition(b, progress), Encoders.row(PlanRow.SCHEMA));
  }

  /** The plan rows of one learner (in-process, as every executor computes them). */
  static List<PlanRow> planOne(Spec s, Object[][] compiled, String learner, String transcript, String error,
      AuditProgress progress) {
    List<PlanRow> out = new ArrayList<>();
    long budget = s.budget().toMillis();
    AuditSpec.Input in = AuditSpec.Input.read(learner, transcript, error);
    Transcript t = in.transcript();
    learner = in.learner();
    for (Object[] c : compiled) {
      Auditor a = (Auditor) c[0];
      Planner p = (Planner) c[1];
      String q = a.rules().id();
      if (t == null) {
        out.add(PlanRow.invalid(learner, q, in.problem(), budget));
        count(progress, AuditRow.INVALID);
        continue;
      }
      long start = System.nanoTime();
      try {
        AuditResult r = a.audit(t, s.asOf());
        count(progress, r.status().name());
        if (r.satisfied()) {
          continue;
        }
        Plan plan = p.plan(t, s.asOf());
        out.add(PlanRow.of(learner, q, r.status().name(), plan, budget, (System.nanoTime() - start) / 1000));
      } catch (StackingException e) {
        out.add(PlanRow.invalid(learner, q, e.getMessage(), budget));
        count(progress, AuditRow.INVALID);
      }
    }
    return out;
  }

  private static void count(AuditProgress progress, String status) {
    if (progress != null) {
      progress.count(status);
    }
  }

  static final class Partition implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<Spec> spec;
    private final AuditProgress progress;

    Partition(Broadcast<Spec> spec, AuditProgress progress) {
      this.spec = spec;
      this.progress = progress;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> input) {
      Spec s = spec.value();
      Object[][] compiled = ExecutorCache.get(s.key(), k -> s.compile());
      return LazyRows.of(input, in -> planOne(s, compiled, in.getString(0), in.getString(1), in.getString(2),
          progress).stream().map(PlanRow::toRow).toList());
    }
  }

  @Override
  public String toString() {
    return "SparkPlanner[" + rules.stream().map(Rules::id).toList() + ", asOf " + spec.asOf() + ", "
        + spec.objective() + ", budget " + spec.budget() + "]";
  }
}
