package io.github.microcred.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine;

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
        SignCommand.class, DeriveCommand.class, VerifyCommand.class, StatusCommand.class, PresentCommand.class, CtdlCommand.class, AuditCommand.class,
        PlanCommand.class, ServeCommand.class, ElmCommand.class, ConvertCommand.class, BulkCommand.class})
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
          String msg = ex instanceof CliException ? ex.getMessage()
              : "internal error (" + ex.getClass().getSimpleName() + (ex.getMessage() == null ? ""
                  : ": " + ex.getMessage()) + "); please report it";
          commandLine.getErr().println("error: " + msg);
          commandLine.getErr().flush();
          return ex instanceof CliException ce ? ce.exitCode() : FAILED;
        });
    cl.setParameterExceptionHandler(Main::usageError);
    // mcred bulk --spark MASTER audit --rules ...: everything after the job's command is the job's
    cl.getSubcommands().get("bulk").setStopAtPositional(true);
    cl.setExecutionStrategy(parseResult -> {
      // "mcred derive --help": picocli would print the top-level help for the unknown word; it is a usage error
      for (CommandLine.ParseResult p = parseResult; p != null; p = p.subcommand()) {
        if (!p.unmatched().isEmpty()) {
          throw new CommandLine.UnmatchedArgumentException(p.commandSpec().commandLine(), p.unmatched());
        }
      }
      return new CommandLine.RunLast().execute(parseResult);
    });
    exitCodeFooter(cl);
    return cl;
  }

  /** A usage error: one line on stderr naming what was wrong and where to look, exit {@value #USAGE}. */
  private static int usageError(CommandLine.ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    String name = cmd.getCommandSpec().qualifiedName();
    String msg = ex.getMessage();
    if (ex instanceof CommandLine.UnmatchedArgumentException u && !cmd.getSubcommands().isEmpty()
        && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
      msg = "unknown command '" + u.getUnmatched().get(0) + "'; expected one of: "
          + String.join(", ", cmd.getSubcommands().keySet());
    } else if (msg.startsWith("Unmatched argument") && ex instanceof CommandLine.UnmatchedArgumentException u) {
      msg = "unknown " + (u.getUnmatched().get(0).startsWith("-") ? "option" : "argument") + " '"
          + u.getUnmatched().get(0) + "'";
    }
    if (!msg.isEmpty() && Character.isUpperCase(msg.charAt(0))) {
      msg = Character.toLowerCase(msg.charAt(0)) + msg.substring(1);
    }
    cmd.getErr().println("error: " + msg.replace("\n", " ").strip() + " (see '" + name + " --help')");
    cmd.getErr().flush();
    return USAGE;
  }

  /** Every command's help ends with the exit codes; commands with their own list keep it. */
  private static void exitCodeFooter(CommandLine cl) {
    CommandLine.Model.UsageMessageSpec u = cl.getCommandSpec().usageMessage();
    if (u.exitCodeList().isEmpty()) {
      Map<String, String> codes = new LinkedHashMap<>();
      codes.put(" " + OK, "success (valid, verified, satisfied, written)");
      codes.put(" " + FAILED, "invalid input or a failed check (invalid, not verified, not satisfied, unreadable file)");
      codes.put(" " + USAGE, "usage error (unknown command or option, bad option value)");
      u.exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
    }
    for (CommandLine sub : cl.getSubcommands().values()) {
      exitCodeFooter(sub);
    }
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
