package io.github.microcred.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MainTest {

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void versionPrintsTheProjectVersion() {
    Run r = run("--version");
    assertEquals(Main.OK, r.code());
    assertTrue(r.out().startsWith("mcred "), r.out());
    assertTrue(!r.out().contains("unknown") && !r.out().contains("${"), "version filtered: " + r.out());
  }

  @Test
  void helpListsUsage() {
    Run r = run("--help");
    assertEquals(Main.OK, r.code());
    assertTrue(r.out().contains("Usage: mcred"), r.out());
  }

  /** Every command path, e.g. {@code [status, revoke]}, walked from the real command tree. */
  static java.util.stream.Stream<java.util.List<String>> commandPaths() {
    java.util.List<java.util.List<String>> paths = new java.util.ArrayList<>();
    collect(Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())),
        new java.util.ArrayList<>(), paths);
    return paths.stream();
  }

  private static void collect(picocli.CommandLine cl, java.util.List<String> prefix,
      java.util.List<java.util.List<String>> paths) {
    cl.getSubcommands().forEach((name, sub) -> {
      if (name.equals("help")) {
        return;
      }
      java.util.List<String> path = new java.util.ArrayList<>(prefix);
      path.add(name);
      paths.add(path);
      collect(sub, path, paths);
    });
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.MethodSource("commandPaths")
  void everyCommandAnswersVersionAndHelp(java.util.List<String> path) {
    java.util.List<String> args = new java.util.ArrayList<>(path);
    args.add("--version");
    Run v = run(args.toArray(String[]::new));
    assertEquals(Main.OK, v.code(), path + ": " + v.err());
    assertTrue(v.out().startsWith("mcred ") && !v.out().contains("unknown"), path + ": " + v.out());
    args.set(args.size() - 1, "--help");
    Run h = run(args.toArray(String[]::new));
    assertEquals(Main.OK, h.code(), path + ": " + h.err());
    assertTrue(h.out().contains("Usage: mcred " + String.join(" ", path)), path + ": " + h.out());
  }

  @Test
  void everyCommandIsReachable() {
    assertTrue(commandPaths().count() >= 12, "the command tree has at least the documented commands");
  }

  @Test
  void unknownOptionIsAUsageError() {
    Run r = run("--no-such-option");
    assertEquals(Main.USAGE, r.code());
    assertTrue(r.err().contains("--no-such-option"), r.err());
  }

  @Test
  void missingSubcommandIsAUsageError() {
    Run r = run();
    assertEquals(Main.USAGE, r.code());
    assertTrue(r.err().contains("subcommand"), r.err());
  }
}
