package io.github.microcred.cli;

import io.github.microcred.core.MicroCredentialValidator;
import io.github.microcred.core.ValidationReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code mcred validate FILE}: validates a micro-credential (or, with {@code --award}, an award) JSON file. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Validate a micro-credential JSON file and print every problem with its JSON path.",
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:valid (warnings allowed)", "1:invalid or unreadable", "2:usage error"})
public final class ValidateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Parameters(index = "0", paramLabel = "FILE", description = "the micro-credential JSON")
  Path file;

  @CommandLine.Option(names = "--award", description = "the file is an award (a micro-credential awarded to a learner)")
  boolean award;

  @Override
  public Integer call() {
    String json;
    try {
      json = Files.readString(file);
    } catch (IOException e) {
      throw new CliException(Main.FAILED, "cannot read " + file + ": " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : " " + e.getMessage()));
    }
    ValidationReport r = award ? MicroCredentialValidator.validateAward(json) : MicroCredentialValidator.validate(json);
    PrintWriter out = spec.commandLine().getOut();
    out.println(file + ": " + r.summary());
    out.flush();
    return r.isValid() ? Main.OK : Main.FAILED;
  }
}
