package io.github.microcred.cli;

import io.github.microcred.stacking.AuditResult;
import io.github.microcred.stacking.Rules;
import io.github.microcred.stacking.Stacking;
import io.github.microcred.stacking.StackingException;
import io.github.microcred.stacking.Transcript;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mcred audit}: audit a transcript against qualification rules. */
@Command(name = "audit", mixinStandardHelpOptions = true,
    description = "Audit a learner's transcript against qualification rules (exact, provably optimal; or the "
        + "divisible-credit relaxation). Prints the JSON result, then a readable summary on stderr. Exit 0 when "
        + "the qualification is satisfied, 1 when not.")
public final class AuditCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--rules", required = true, paramLabel = "R.json", description = "the rules")
  Path rules;

  @Option(names = "--transcript", required = true, paramLabel = "T.json", description = "the transcript")
  Path transcript;

  @Option(names = "--as-of", paramLabel = "DATE", description = "audit date (YYYY-MM-DD), default today (UTC)")
  String asOf;

  @Option(names = "--divisible", description = "divisible-credit relaxation (max-flow; may overstate progress)")
  boolean divisible;

  static LocalDate date(String s) {
    if (s == null) {
      return LocalDate.now(java.time.ZoneOffset.UTC);
    }
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw new CliException(Main.USAGE, "--as-of: expected YYYY-MM-DD, got '" + s + "'");
    }
  }

  static Rules rules(Path p) {
    try {
      return Rules.fromJson(CtdlCommand.read(p));
    } catch (StackingException e) {
      throw new CliException(Main.FAILED, p + ": " + e.getMessage());
    }
  }

  static Transcript transcript(Path p) {
    try {
      return Transcript.fromJson(CtdlCommand.read(p));
    } catch (StackingException e) {
      throw new CliException(Main.FAILED, p + ": " + e.getMessage());
    }
  }

  @Override
  public Integer call() {
    Rules r = rules(rules);
    Transcript t = transcript(transcript);
    AuditResult a;
    try {
      a = Stacking.audit(r, t, date(asOf), divisible);
    } catch (StackingException e) {
      throw new CliException(Main.FAILED, e.getMessage());
    }
    spec.commandLine().getOut().println(a.toJson());
    spec.commandLine().getOut().flush();
    spec.commandLine().getErr().print(a.summary());
    spec.commandLine().getErr().flush();
    return a.satisfied() ? Main.OK : Main.FAILED;
  }
}
