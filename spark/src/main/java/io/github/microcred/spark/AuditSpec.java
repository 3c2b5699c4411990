package io.github.microcred.spark;

import io.github.microcred.spark.internal.ExecutorCache;
import io.github.microcred.stacking.AuditOptions;
import io.github.microcred.stacking.AuditResult;
import io.github.microcred.stacking.Auditor;
import io.github.microcred.stacking.Rules;
import io.github.microcred.stacking.Stacking;
import io.github.microcred.stacking.StackingException;
import io.github.microcred.stacking.Transcript;
import java.io.Serializable;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;

/** What an audit broadcasts: the rules' JSON and the options; compiled once per executor JVM. */
record AuditSpec(List<String> rulesJson, LocalDate asOf, Duration budget, boolean divisible, boolean resultJson)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  String key() {
    List<String> parts = new ArrayList<>(rulesJson);
    parts.add("audit " + budget + " " + divisible);
    return ExecutorCache.digest(parts);
  }

  /** The compiled auditors, in rule-set order. */
  Auditor[] compile() {
    Auditor[] out = new Auditor[rulesJson.size()];
    for (int i = 0; i < out.length; i++) {
      try {
        Rules r = Rules.fromJson(rulesJson.get(i));
        Auditor a = Stacking.auditor(r).withBudget(budget);
        out[i] = divisible ? a.divisible() : a;
      } catch (StackingException e) {
        // validated and round-tripped on the driver: unreachable unless the executor runs another stacking version
        throw new IllegalStateException("rules[" + i + "] do not compile on this executor: " + e.getMessage(), e);
      }
    }
    return out;
  }

  /** Audits one partition, lazily: one input row gives one output row per rule set. */
  static final class Partition implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<AuditSpec> spec;
    private final AuditProgress progress;

    Partition(Broadcast<AuditSpec> spec, AuditProgress progress) {
      this.spec = spec;
      this.progress = progress;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> input) {
      AuditSpec s = spec.value();
      Auditor[] auditors = ExecutorCache.get(s.key(), k -> s.compile());
      return LazyRows.of(input, in -> {
        List<Row> rows = audit(s, auditors, in.getString(0), in.getString(1), in.getString(2));
        if (progress != null) {
          rows.forEach(r -> progress.count(r.getString(2)));
        }
        return rows;
      });
    }
  }

  /**
   * A budget as the audit and the planner take it, checked where stacking checks it ({@code AuditOptions}: positive),
   * so that the spark operations refuse exactly what {@code Auditor.withBudget} refuses, with its message.
   *
   * @throws IllegalArgumentException {@code budget: must be positive, got ...}
   * @throws NullPointerException if {@code b} is null
   */
  static Duration budget(Duration b) {
    return new AuditOptions(b, AuditOptions.DEFAULTS.conversions(), AuditOptions.DEFAULTS.mode()).budget();
  }

  /**
   * One input row as the executors read it, for the audit and the planner alike: the learner ({@code ""} when
   * missing) and either the transcript or the problem that an {@code INVALID} row names.
   */
  record Input(String learner, Transcript transcript, String problem) {
    static Input read(String learner, String transcript, String error) {
      String problem = error;
      if (learner == null) {
        learner = "";
        problem = problem == null ? "$.learner: missing (null)" : problem;
      }
      if (problem == null) {
        if (transcript == null) {
          problem = "$: no transcript";
        } else {
          try {
            return new Input(learner, Transcript.fromJson(transcript), null);
          } catch (StackingException e) {
            problem = e.getMessage();
          }
        }
      }
      return new Input(learner, null, problem);
    }
  }

  /** The result rows of one learner, one per rule set. */
  static List<Row> audit(AuditSpec s, Auditor[] auditors, String learner, String transcript, String error) {
    List<Row> out = new ArrayList<>(auditors.length);
    long budgetMillis = s.budget().toMillis();
    Input in = Input.read(learner, transcript, error);
    for (Auditor a : auditors) {
      if (in.transcript() == null) {
        out.add(AuditRow.invalid(in.learner(), a.rules().id(), in.problem(), budgetMillis).toRow());
        continue;
      }
      long start = System.nanoTime();
      try {
        AuditResult r = a.audit(in.transcript(), s.asOf());
        out.add(AuditRow.of(in.learner(), r, budgetMillis, (System.nanoTime() - start) / 1000, s.resultJson())
            .toRow());
      } catch (StackingException e) {
        out.add(AuditRow.invalid(in.learner(), a.rules().id(), e.getMessage(), budgetMillis).toRow());
      }
    }
    return out;
  }

}
