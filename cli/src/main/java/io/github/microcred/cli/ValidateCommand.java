package io.github.microcred.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.core.MicroCredentialValidator;
import io.github.microcred.core.ValidationReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code mcred validate FILE}: validates a micro-credential (or, with {@code --award}, an award) JSON file. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Validate a micro-credential JSON file and print every problem with its JSON path.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {" 0:valid (warnings allowed)", " 1:invalid or unreadable", " 2:usage error"})
public final class ValidateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Parameters(index = "0", paramLabel = "FILE", description = "the micro-credential JSON")
  Path file;

  @CommandLine.Option(names = "--award", description = "the file is an award (a micro-credential awarded to a learner)")
  boolean award;

  @CommandLine.Mixin ReportOptions report;

  @Override
  public Integer call() {
    String json = CliFiles.readText(file);
    ValidationReport r = award ? MicroCredentialValidator.validateAward(json) : MicroCredentialValidator.validate(json);
    PrintWriter out = spec.commandLine().getOut();
    if (report.text) {
      out.println(file + ": " + r.summary());
    } else {
      out.println(json(file, r).toPrettyString());
    }
    out.flush();
    return r.valid() ? Main.OK : Main.FAILED;
  }

  /** The JSON report: {@code file}, {@code valid}, counts and every issue with its path, code and severity. */
  static ObjectNode json(Path file, ValidationReport r) {
    return ReportOptions.issueReport(file, r.valid(), r.errors().size(), "warnings", r.warnings().size(),
        r.issues(), i -> null);
  }
}
