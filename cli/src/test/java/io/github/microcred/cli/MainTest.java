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
