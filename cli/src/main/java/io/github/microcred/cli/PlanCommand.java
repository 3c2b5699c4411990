package io.github.microcred.cli;

import io.github.microcred.stacking.Catalogue;
import io.github.microcred.stacking.Exclusion;
import io.github.microcred.stacking.Plan;
import io.github.microcred.stacking.Stacking;
import io.github.microcred.stacking.StackingException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code mcred plan}: the cheapest completion of a qualification from a catalogue. */
@Command(name = "plan", mixinStandardHelpOptions = true,
    description = "Plan the cheapest completion of a qualification from a catalogue (by cost, hours or number of "
        + "items), in prerequisite order, with a certified optimality gap. Exit 0 when the plan completes the "
        + "qualification, 1 when the catalogue cannot.")
public final class PlanCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--rules", required = true, paramLabel = "R.json", description = "the rules")
  Path rules;

  @Option(names = "--transcript", required = true, arity = "1..*", paramLabel = "T",
      description = "the transcript: a stacking transcript JSON file, or signed Open Badges 3.0 credentials (Data "
          + "Integrity JSON or vc+jwt files), each verified offline, as in mcred audit")
  List<Path> transcript;

  @Option(names = "--catalogue", required = true, paramLabel = "C.json", description = "the catalogue")
  Path catalogue;

  @Option(names = "--objective", defaultValue = "cost", paramLabel = "cost|hours|count",
      description = "what to minimise (default ${DEFAULT-VALUE})")
  String objective;

  @Option(names = "--budget-ms", defaultValue = "5000", paramLabel = "N",
      description = "time budget in milliseconds (default ${DEFAULT-VALUE}); the best plan found is returned with "
          + "its gap")
  long budgetMs;

  @CommandLine.Mixin AsOfOptions asOf;

  @CommandLine.Mixin ReportOptions report;

  @Override
  public Integer call() {
    Plan.Objective obj;
    try {
      obj = Plan.Objective.valueOf(objective.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new CliException(Main.USAGE, "--objective: expected cost, hours or count, got '" + objective + "'");
    }
    if (budgetMs <= 0) {
      throw new CliException(Main.USAGE, "--budget-ms: must be positive");
    }
    Catalogue c;
    try {
      c = Catalogue.fromJson(CliFiles.readText(catalogue));
    } catch (StackingException e) {
      throw new CliException(Main.FAILED, catalogue + ": " + e.getMessage());
    }
    Plan p;
    try {
      p = Stacking.planner(AuditCommand.rules(rules), c).withObjective(obj).withBudget(Duration.ofMillis(budgetMs))
          .plan(new AuditCommand().load(transcript, Set.of()).transcript(), asOf.date());
    } catch (StackingException e) {
      throw new CliException(Main.FAILED, e.getMessage());
    }
    if (!report.text) {
      spec.commandLine().getOut().println(p.toJson().toPrettyString());
      spec.commandLine().getOut().flush();
    }
    (report.text ? spec.commandLine().getOut() : spec.commandLine().getErr()).println((p.satisfied() ? "plan: " + p.items() : "the catalogue cannot complete the "
        + "qualification") + renewals(p) + "; " + objective + " " + p.value().toPlainString() + ", lower bound "
        + p.lowerBound().toPlainString() + ", gap " + p.gap().toPlainString() + (p.optimal() ? " (optimal)" : ""));
    spec.commandLine().getOut().flush();
    spec.commandLine().getErr().flush();
    return p.satisfied() ? Main.OK : Main.FAILED;
  }

  /** The re-earned credentials, each with why the held copy does not count; empty when there are none. */
  static String renewals(Plan p) {
    StringBuilder b = new StringBuilder();
    for (Exclusion x : p.renewals()) {
      b.append(b.length() == 0 ? " (renews " : ", ").append(x.credentialId()).append(": ").append(x.reason())
          .append(", ").append(x.detail());
    }
    return b.length() == 0 ? "" : b.append(')').toString();
  }
}
