package io.github.microcred.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The options commands share through one mixin each ({@code --key}, {@code --now}, {@code --controller} /
 * {@code --status-list}, {@code --out}) and the shared I/O ({@link CliFiles}) behave the same in every command.
 */
class SharedOptionsTest {
  @TempDir Path dir;

  private Path sample() throws Exception {
    Path mc = dir.resolve("mc.json");
    Files.writeString(mc, DemoCommand.sample().toJson().toPrettyString());
    return mc;
  }

  private static List<String> args(String command, String... more) {
    List<String> a = new ArrayList<>(List.of(command.split(" ")));
    a.addAll(List.of(more));
    return a;
  }

  @ParameterizedTest
  @ValueSource(strings = {"ctdl export", "convert --to ctdl", "convert --to core",
      "elm export --learner did:example:l --issued 2026-06-30T12:00:00Z --issuer-legal-id VATIE-1"})
  void outWritesWhatStdoutShowsAndCreatesItsFolder(String command) throws Exception {
    Path mc = sample();
    Path out = dir.resolve("new/folder/out.json");
    MainTest.Run toFile = MainTest.run(args(command, mc.toString(), "--out", out.toString()).toArray(String[]::new));
    assertEquals(Main.OK, toFile.code(), toFile.err());
    assertEquals("", toFile.out(), "the document goes to --out only");
    MainTest.Run toStdout = MainTest.run(args(command, mc.toString()).toArray(String[]::new));
    assertEquals(Main.OK, toStdout.code(), toStdout.err());
    assertEquals(toStdout.out(), Files.readString(out));
    assertTrue(toStdout.out().startsWith("{"), toStdout.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"ctdl export", "convert --to core", "ctdl import"})
  void anUnwritableOutIsOneSentenceNamingTheFile(String command) throws Exception {
    Path in = sample();
    if (command.equals("ctdl import")) {
      in = dir.resolve("graph.json");
      Files.writeString(in, CtdlCommandTest.VALID);
    }
    Path folder = Files.createDirectories(dir.resolve("a-folder"));
    MainTest.Run r = MainTest.run(args(command, in.toString(), "--out", folder.toString()).toArray(String[]::new));
    assertEquals(Main.FAILED, r.code(), r.err());
    CliConventionTest.oneSentence(r, folder + ": cannot be written");
  }

  @Test
  void aMissingKeyFileReadsTheSameInEveryCommand() throws Exception {
    Path mc = sample();
    Path key = dir.resolve("no-such-key.json");
    Path vc = Files.writeString(dir.resolve("vc.json"), "{\"@context\": [\"https://www.w3.org/ns/credentials/v2\"]}");
    List<MainTest.Run> runs = List.of(
        MainTest.run("issue", "--key", key.toString(), "--credential", mc.toString(), "--learner", "did:example:l",
            dir.resolve("o1.json").toString()),
        MainTest.run("sign", "--key", key.toString(), vc.toString(), dir.resolve("o2.json").toString()),
        MainTest.run("present", "--key", key.toString(), "--challenge", "c", "--domain", "d", vc.toString(),
            dir.resolve("o3.json").toString()),
        MainTest.run("status", "publish", "--db", dir.resolve("db").toString(), "--list",
            "https://issuer.example/status/1", "--key", key.toString(), dir.resolve("o4.json").toString()));
    Set<String> messages = new HashSet<>();
    for (MainTest.Run r : runs) {
      assertEquals(Main.FAILED, r.code(), r.err());
      CliConventionTest.oneSentence(r, key.toString());
      messages.add(r.err());
    }
    assertEquals(1, messages.size(), "one message: " + messages);
  }

  @Test
  void aBadNowIsAUsageErrorNamingTheOption() throws Exception {
    Path vc = Files.writeString(dir.resolve("vc.json"), "{}");
    MainTest.Run r = MainTest.run("verify", "--now", "yesterday", vc.toString());
    assertEquals(Main.USAGE, r.code(), r.err());
    CliConventionTest.oneSentence(r, "--now: expected e.g. 2025-01-01T00:00:00Z, got 'yesterday'");
  }

  @Test
  void convertReportsBrokenJsonWithLineAndColumnAsEveryCommandDoes() throws Exception {
    Path broken = Files.writeString(dir.resolve("broken.json"), "{\n  \"title\": \"x\",\n  oops\n}");
    MainTest.Run c = MainTest.run("convert", "--to", "core", broken.toString());
    assertEquals(Main.FAILED, c.code(), c.err());
    CliConventionTest.oneSentence(c, broken + ": not JSON at line 3, column ");
  }

  @Test
  void theSharedOptionsHaveOneHelpTextInEveryCommand() {
    CommandLine root = Main.commandLine(new java.io.PrintWriter(new java.io.StringWriter()),
        new java.io.PrintWriter(new java.io.StringWriter()));
    for (String option : List.of("--key", "--now", "--controller", "--status-list", "--out", "--as-of", "--text")) {
      Set<String> texts = new HashSet<>();
      int commands = collect(root, option, texts);
      // --now is verify's alone today; the others are shared by several commands
      assertTrue(commands >= (option.equals("--now") ? 1 : 2), option + " is in " + commands + " command(s)");
      assertEquals(1, texts.size(), option + ": " + texts);
    }
  }

  private static int collect(CommandLine c, String option, Set<String> texts) {
    int n = 0;
    CommandLine.Model.OptionSpec o = c.getCommandSpec().findOption(option);
    // present's --key is the holder's key, keygen's --out the key file it creates: their own options
    if (o != null && !(option.equals("--key") && c.getCommandName().equals("present"))
        && !(option.equals("--out") && c.getCommandName().equals("keygen"))) {
      texts.add(String.join(" ", o.description()) + " " + o.paramLabel());
      n++;
    }
    for (CommandLine sub : c.getSubcommands().values()) {
      n += collect(sub, option, texts);
    }
    return n;
  }
}
