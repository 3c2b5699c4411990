package io.github.microcred.cli;

import io.github.microcred.core.MicroCredential;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main job end to end: {@code mcred demo} exits 0, lists its numbered steps with one-line outcomes, writes every
 * file it names into its folder, and every "check:" command it prints runs and exits as it says.
 */
class DemoTest {
  @TempDir static Path tmp;
  static Path dir;
  static MainTest.Run demo;

  @BeforeAll
  static void runTheDemo() {
    dir = tmp.resolve("mcred-demo");
    demo = MainTest.run("demo", "--dir", dir.toString());
  }

  static List<String> lines() {
    return Arrays.asList(demo.out().split("\n"));
  }

  @Test
  void exitsZeroAndListsEachStepInOrderWithAOneLineOutcome() {
    assertEquals(Main.OK, demo.code(), demo.out() + demo.err());
    List<String> steps = lines().stream().filter(l -> l.matches("^\\d+\\. .*")).toList();
    assertEquals(DemoCommand.Story.STEPS, steps.size(), demo.out());
    String[] titles = {"define the micro-credential", "create the issuer's signing key", "issue it to",
        "verify it offline, then tamper with it", "revoke it", "publish it to the Credential Registry", "export it to Europass (ELM / EDC)",
        "audit the learner's credentials", "plan the cheapest completion"};
    for (int i = 0; i < steps.size(); i++) {
      assertTrue(steps.get(i).startsWith((i + 1) + ". " + titles[i]), steps.get(i));
      assertTrue(steps.get(i).indexOf(": ") > 0, "an outcome after the title: " + steps.get(i));
    }
    assertTrue(lines().get(0).contains(dir + "/"), "names its folder first: " + lines().get(0));
    assertTrue(lines().get(lines().size() - 1).startsWith("next: mcred serve "), "ends with the service: "
        + lines().get(lines().size() - 1));
    assertTrue(demo.out().lines().count() < 60, "a summary, not a dump: " + demo.out().lines().count() + " lines");
    assertTrue(!demo.out().contains("\"@graph\""), "no CTDL graph on the console");
  }

  @Test
  void eachStepSaysWhatHappened() {
    String out = demo.out();
    assertTrue(out.contains("\"Data Literacy for Public Services\", 50 h, 2 ECTS, EQF 6; valid with 0 warning(s); "
        + "EU mandatory 100%, EU optional 100%, Oliver 100%"), out);
    assertTrue(out.contains("with the achievement name changed: NOT VERIFIED, PROOF: "), out);
    assertTrue(Pattern.compile("VERIFIED before, NOT VERIFIED \\[STATUS] after revocation \\(revoked "
        + "\\(statusListIndex \\d+ of https://issuer.example/status/1\\)\\)").matcher(out).find(), out);
    assertTrue(out.contains("offline validation: 0 errors, "), out);
    assertTrue(out.contains("4 signed credentials, 3 verify (" + dir.resolve("learner/data-visualisation.json")
        + " was altered after signing: PROOF: "), out);
    assertTrue(out.contains("NOT SATISFIED, 5 ECTS counted; shortfall: total credits: 5 of 10 ECTS (5 missing)"),
        out);
    assertTrue(out.contains("excluded https://credentials.example.edu/micro/spreadsheet-basics (NOT_ELIGIBLE): "),
        out);
    assertTrue(out.contains("$/methods: level too low (4 < 6)"), out);
    assertTrue(out.contains("7. export it to Europass (ELM / EDC): EuropeanDigitalCredential "), out);
    assertTrue(out.contains("Annex I complete; "), out);
    assertTrue(out.contains("OB3 / CLR: 39 carried"), out);
    assertTrue(out.contains("ELM:       28 carried; changed: awardingBodies, award.issuer; lost: equivalentLevel, "), out);
    assertTrue(java.nio.file.Files.exists(dir.resolve("formats.md")), "the table is written");
    assertTrue(out.contains("9. plan the cheapest completion: https://credentials.example.edu/micro/survey-methods "
        + "-> https://credentials.example.edu/micro/psa-capstone (cost 650, proven optimal)"), out);
  }

  @Test
  void theFolderHoldsEveryFileNamedInTheOutput() throws Exception {
    List<Path> named = new ArrayList<>();
    for (String l : lines()) {
      String t = l.strip();
      if (t.startsWith(dir.toString())) {
        named.add(Path.of(t.split("\\s+")[0]));
      }
    }
    for (String f : new String[] {"micro-credential.json", "issuer-key.json", "credential-unsigned.json",
        "credential-signed.json", "credential-tampered.json", "credential-with-status.jwt", "status-list.jwt",
        "status-list-revoked.jwt", "ctdl-graph.json", "certificate-rules.json", "audit-result.json", "catalogue.json",
        "plan.json"}) {
      assertTrue(named.contains(dir.resolve(f)), f + " is named in the output");
    }
    for (Path p : named) {
      assertTrue(Files.isRegularFile(p) && Files.size(p) > 0, p + " exists");
    }
    assertEquals(MicroCredential.fromJson(Files.readString(
        dir.resolve("micro-credential.json"))), DemoCommand.sample());
    JsonNode graph = CliFiles.JSON.readTree(dir.resolve("ctdl-graph.json").toFile());
    assertTrue(io.github.microcred.ctdl.Ctdl.validate(graph).valid());
    JsonNode audit = CliFiles.JSON.readTree(dir.resolve("audit-result.json").toFile());
    assertEquals(false, audit.get("satisfied").asBoolean());
    JsonNode plan = CliFiles.JSON.readTree(dir.resolve("plan.json").toFile());
    assertTrue(plan.get("satisfied").asBoolean(), plan.toString());
  }

  @Test
  void everyCheckCommandItPrintsRunsAndExitsAsItSays() {
    Pattern check = Pattern.compile("check: mcred (.+?)(\\s+\\(exit (\\d)[^)]*\\))?$");
    int checked = 0;
    for (String l : lines()) {
      Matcher m = check.matcher(l.strip());
      if (!m.find()) {
        continue;
      }
      String[] args = m.group(1).strip().split("\\s+");
      int expected = m.group(3) == null ? Main.OK : Integer.parseInt(m.group(3));
      MainTest.Run r = MainTest.run(args);
      assertEquals(expected, r.code(), String.join(" ", args) + "\n" + r.out() + r.err());
      checked++;
    }
    assertTrue(checked >= 9, "the demo prints a check for each artifact, found " + checked);
  }

  @Test
  void runningItAgainInTheSameFolderWorks() {
    MainTest.Run again = MainTest.run("demo", "--dir", dir.toString());
    assertEquals(Main.OK, again.code(), again.out() + again.err());
  }
}
