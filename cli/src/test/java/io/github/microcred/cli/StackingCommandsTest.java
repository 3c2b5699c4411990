package io.github.microcred.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackingCommandsTest {
  @TempDir Path dir;

  /** Exit code, stdout, stderr of a run (see {@link MainTest#run}). */
  static String[] run(String... args) {
    MainTest.Run r = MainTest.run(args);
    return new String[] {Integer.toString(r.code()), r.out(), r.err()};
  }

  @Test
  void auditAndPlan() throws Exception {
    Path rules = dir.resolve("r.json");
    Files.writeString(rules, "{\"id\":\"cert\",\"unit\":\"ECTS\",\"requirement\":{\"allOf\":["
        + "{\"id\":\"core\",\"credential\":\"MC-1\"},{\"id\":\"el\",\"credits\":10,\"where\":{\"minLevel\":6}}]}}");
    Path t = dir.resolve("t.json");
    Files.writeString(t, "{\"credentials\":[{\"id\":\"MC-1\",\"credits\":5,\"level\":6,\"issued\":\"2025-01-01\"},"
        + "{\"id\":\"X\",\"credits\":2.5,\"unit\":\"SCH\",\"level\":7,\"issued\":\"2025-01-01\"}]}");
    String[] r = run("audit", "--rules", rules.toString(), "--transcript", t.toString(), "--as-of", "2026-01-01");
    assertEquals("1", r[0], r[2]);
    assertTrue(r[1].contains("\"satisfied\" : false"), r[1]);
    assertTrue(r[2].contains("NOT SATISFIED") && r[2].contains(" more "), r[2]);
    Path c = dir.resolve("c.json");
    Files.writeString(c, "{\"items\":[{\"id\":\"A\",\"credits\":5,\"level\":6,\"cost\":100,\"hours\":125},"
        + "{\"id\":\"B\",\"credits\":5,\"level\":6,\"cost\":30,\"hours\":125,\"prerequisites\":[\"P\"]},"
        + "{\"id\":\"P\",\"credits\":1,\"level\":3,\"cost\":10,\"hours\":25}]}");
    String[] p = run("plan", "--rules", rules.toString(), "--transcript", t.toString(), "--catalogue", c.toString(),
        "--objective", "cost", "--as-of", "2026-01-01");
    assertEquals("0", p[0], p[2]);
    assertTrue(p[1].contains("\"items\" : [ \"P\", \"B\" ]"), p[1]);
    assertTrue(p[1].contains("\"optimal\" : true"), p[1]);
    Files.writeString(t, "{\"credentials\":[{\"id\":\"MC-1\",\"credits\":5,\"level\":6},"
        + "{\"id\":\"Y\",\"credits\":10,\"level\":6}]}");
    assertEquals("0", run("audit", "--rules", rules.toString(), "--transcript", t.toString())[0]);
    String[] bad = run("audit", "--rules", t.toString(), "--transcript", t.toString());
    assertEquals("1", bad[0]);
    assertTrue(bad[2].contains("$.credentials: unknown field"), bad[2]);
  }

  @Test
  void theReadmeExamplesRun() throws Exception {
    // surefire runs in cli/; the README's commands run from the repository root
    Path ex = Path.of("").toAbsolutePath().getParent().resolve("examples").resolve("stacking");
    String rules = ex.resolve("certificate-rules.json").toString();
    String transcript = ex.resolve("transcript.json").toString();
    String[] a = run("audit", "--rules", rules, "--transcript", transcript, "--as-of", "2026-11-22");
    assertEquals("1", a[0], a[2]);
    // the same outcome as the demo's verified credentials: 5 of 10 ECTS, spreadsheet basics below level 6
    assertTrue(a[2].contains("NOT SATISFIED (exact, proven optimal), 5 ECTS counted, as of 2026-11-22"), a[2]);
    assertTrue(a[2].contains("$/methods: level too low (4 < 6)"), a[2]);
    String[] p = run("plan", "--rules", rules, "--transcript", transcript, "--catalogue",
        ex.resolve("catalogue.json").toString(), "--objective", "cost", "--as-of", "2026-11-22");
    assertEquals("0", p[0], p[2]);
    assertTrue(p[1].contains("\"items\" : [ \"https://credentials.example.edu/micro/survey-methods\", "
        + "\"https://credentials.example.edu/micro/psa-capstone\" ]"), p[1]);
    assertTrue(p[1].contains("\"optimal\" : true"), p[1]);
  }
}
