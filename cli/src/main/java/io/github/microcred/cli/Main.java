package io.github.microcred.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code mcred} command line tool.
 *
 * <p>Exit codes: {@value #OK} when the command succeeded, {@value #FAILED} for invalid input or a failed
 * check, {@value #USAGE} for a usage error.
 */
@Command(
    name = "mcred",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Define, issue, verify, publish and stack micro-credentials.",
    subcommands = {CommandLine.HelpCommand.class, DemoCommand.class, ValidateCommand.class, KeygenCommand.class, IssueCommand.class,
        SignCommand.class, VerifyCommand.class, StatusCommand.class, PresentCommand.class, CtdlCommand.class, AuditCommand.class,
        PlanCommand.class})
public final class Main implements Runnable {

  /** Exit code: the command succeeded. */
  public static final int OK = 0;
  /** Exit code: invalid input or a failed check. */
  public static final int FAILED = 1;
  /** Exit code: usage error. */
  public static final int USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
  }

  /**
   * Builds the configured command line, so tests can run commands in-process.
   *
   * @param out where normal output goes
   * @param err where diagnostics go
   * @return the command line
   */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new Main());
    shareVersion(cl, new Version());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExitCodeExceptionMapper(t -> t instanceof CommandLine.ParameterException ? USAGE : FAILED);
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          // Expected failures carry a message for the user; never print a stack trace for them.
          String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
          commandLine.getErr().println("error: " + msg);
          commandLine.getErr().flush();
          return ex instanceof CliException ce ? ce.exitCode() : FAILED;
        });
    return cl;
  }

  /** Every command, however deep, answers {@code --version} with the tool's version. */
  private static void shareVersion(CommandLine cl, CommandLine.IVersionProvider version) {
    cl.getCommandSpec().versionProvider(version);
    for (CommandLine sub : cl.getSubcommands().values()) {
      shareVersion(sub, version);
    }
  }

  /**
   * Entry point.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int code = commandLine(out, err).execute(args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Reads the version that Maven filtered into {@code version.properties}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {
        "mcred " + p.getProperty("version", "unknown"),
        "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
      };
    }
  }
}
