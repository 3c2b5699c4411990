package io.github.microcred.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.core.MicroCredential;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateAndDemoTest {

  static final Path EXAMPLE = Path.of("../examples/micro-credential.json");

  @Test
  void theDemoSampleIsTheExampleFile() throws Exception {
    assertEquals(MicroCredential.fromJson(Files.readString(EXAMPLE)), DemoCommand.sample());
  }

  @Test
  void validateAcceptsTheExample() throws Exception {
    MainTest.Run r = MainTest.run("validate", EXAMPLE.toString());
    assertEquals(Main.OK, r.code(), r.out() + r.err());
    com.fasterxml.jackson.databind.JsonNode report = CliFiles.JSON.readTree(r.out());
    assertTrue(report.get("valid").asBoolean(), r.out());
    assertEquals(0, report.get("issues").size(), r.out());
    assertTrue(MainTest.run("validate", "--text", EXAMPLE.toString()).out().contains("valid: no problems found"));
  }

  @Test
  void aMutatedFixtureExitsOneAndNamesTheField(@TempDir Path dir) throws Exception {
    ObjectNode tree = (ObjectNode) new ObjectMapper().readTree(Files.readString(EXAMPLE));
    tree.remove("awardingBodies");
    ((ObjectNode) tree.get("workload").get("credits").get(0)).put("unit", "ECTZ");
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, tree.toString());
    MainTest.Run r = MainTest.run("validate", bad.toString());
    assertEquals(Main.FAILED, r.code(), r.out());
    assertTrue(r.out().contains("$.awardingBodies") && r.out().contains("MISSING_AWARDING_BODY"), r.out());
    assertTrue(r.out().contains("$.workload.credits[0].unit"), r.out());
  }

  @Test
  void malformedJsonExitsOneWithLineAndColumn(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("broken.json");
    Files.writeString(bad, "{\n \"title\": \"x\",\n}");
    MainTest.Run r = MainTest.run("validate", bad.toString());
    assertEquals(Main.FAILED, r.code());
    assertTrue(r.out().contains("MALFORMED_JSON") && r.out().contains("line 3"), r.out());
  }

  @Test
  void missingFileAndMissingArgument() {
    assertEquals(Main.FAILED, MainTest.run("validate", "no/such/file.json").code());
    assertEquals(Main.USAGE, MainTest.run("validate").code());
  }
}
