package io.github.microcred.cli;

import io.github.microcred.ctdl.Ctdl;
import io.github.microcred.ctdl.CtdlReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mcred ctdl ...}: Credential Engine CTDL export, import and offline validation. */
@Command(
    name = "ctdl",
    mixinStandardHelpOptions = true,
    description = "Credential Transparency Description Language (Credential Engine): export, import, validate.",
    subcommands = {CtdlCommand.Validate.class})
public final class CtdlCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new CliException(Main.FAILED, "no such file: " + file);
    } catch (IOException e) {
      throw new CliException(Main.FAILED, "cannot read " + file + ": " + e.getMessage());
    }
  }

  static void write(CommandLine.Model.CommandSpec spec, Path out, String text) {
    if (out == null) {
      spec.commandLine().getOut().println(text);
      return;
    }
    try {
      Files.writeString(out, text + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CliException(Main.FAILED, "cannot write " + out + ": " + e.getMessage());
    }
  }

  /** {@code mcred ctdl validate GRAPH.json}. */
  @Command(name = "validate", mixinStandardHelpOptions = true,
      description = "Validate a CTDL graph, envelope or resource offline against the pinned CTDL / CTDL-ASN schema "
          + "and Credential Engine's minimum-data policy. Exit 1 with the report when invalid.")
  static final class Validate implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "GRAPH.json", description = "the CTDL document")
    Path file;

    @CommandLine.Option(names = "--no-policy", description = "check the schema only, not the minimum-data policy")
    boolean noPolicy;

    @Override
    public Integer call() {
      String json = read(file);
      CtdlReport r = noPolicy ? Ctdl.validator().withoutPolicy().validate(json) : Ctdl.validate(json);
      (r.isValid() ? spec.commandLine().getOut() : spec.commandLine().getErr()).print(r);
      spec.commandLine().getOut().flush();
      spec.commandLine().getErr().flush();
      return r.isValid() ? Main.OK : Main.FAILED;
    }
  }
}
