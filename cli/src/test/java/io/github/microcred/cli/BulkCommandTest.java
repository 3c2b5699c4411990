package io.github.microcred.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.microcred.stacking.AuditResult;
import io.github.microcred.stacking.Rules;
import io.github.microcred.stacking.Stacking;
import io.github.microcred.stacking.Transcript;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code mcred bulk --spark}: finding the job's classpath, the errors when it cannot, and a real {@code local[2]} job
 * started from the CLI whose rows equal the in-process audit.
 */
class BulkCommandTest {
  static final long SEED = 0x18_c11L;

  @Test
  void theEnvironmentVariableWinsElseTheSparkModulesBuildOutput(@TempDir Path home) throws Exception {
    assertEquals("/x/a.jar:/x/b.jar", BulkCommand.classpath("/x/a.jar:/x/b.jar", home));
    CliException none = assertThrows(CliException.class, () -> BulkCommand.classpath(null, home));
    assertTrue(none.getMessage().contains("./mvnw -pl spark -am package"), none.getMessage());
    Path target = Files.createDirectories(home.resolve("spark/target"));
    Files.writeString(target.resolve("spark-classpath.txt"), "/m2/spark-sql.jar:/m2/stacking.jar\n");
    CliException noJar = assertThrows(CliException.class, () -> BulkCommand.classpath("", home));
    assertTrue(noJar.getMessage().contains("no microcred-spark jar"), noJar.getMessage());
    Files.writeString(target.resolve("microcred-spark-0.1.0-SNAPSHOT-sources.jar"), "");
    Files.writeString(target.resolve("microcred-spark-0.1.0-SNAPSHOT.jar"), "");
    assertEquals(target.resolve("microcred-spark-0.1.0-SNAPSHOT.jar") + java.io.File.pathSeparator
        + "/m2/spark-sql.jar:/m2/stacking.jar", BulkCommand.classpath(null, home));
  }

  @Test
  void theJobsCommandIsRequired() {
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertEquals(Main.USAGE, cl.execute("bulk", "--spark", "local[1]"));
    assertTrue(err.toString().contains("audit, plan or verify"), err.toString());
    assertEquals(Main.USAGE, cl.execute("bulk", "audit", "--rules", "r.json"));
    assertEquals(Main.USAGE, cl.execute("bulk", "--spark", "local[1]", "--memory", "lots", "audit"));
  }

  /**
   * The whole path a user takes: {@code mcred bulk --spark local[2] audit ...} starts the job in a child JVM on the
   * spark module's build output, which a whole-project {@code ./mvnw verify} packages before cli's tests run (the
   * reactor builds spark first). Built alone ({@code -pl cli}), the classpath file may be absent: then this test is
   * skipped, and says why.
   */
  @Test
  void aLocalJobStartedFromTheCliWritesTheInProcessAuditRows(@TempDir Path dir) throws Exception {
    Path home = BulkCommand.home();
    Path cpFile = home.resolve("spark/target/spark-classpath.txt");
    Assumptions.assumeTrue(System.getenv(BulkCommand.CLASSPATH_ENV) == null, BulkCommand.CLASSPATH_ENV
        + " is set: this test runs the job on the checkout's own spark build only");
    if (!Files.isRegularFile(cpFile)) {
      String why = "spark/target/spark-classpath.txt is absent (" + cpFile + "): the spark module is not built in "
          + "this checkout (a whole-project ./mvnw verify builds it before cli; -pl cli does not)";
      // .ci/run's main build is a whole-project verify: there the job must run, not be skipped
      assertFalse("1".equals(System.getenv("MICROCRED_REQUIRE_PEERS")), "required (MICROCRED_REQUIRE_PEERS=1): "
          + why);
      Assumptions.abort(why);
    }
    System.out.println("BulkCommandTest seed " + Long.toHexString(SEED));
    Path rules = dir.resolve("r.json");
    Files.writeString(rules, "{\"id\":\"q\",\"unit\":\"ECTS\",\"requirement\":{\"id\":\"root\",\"allOf\":["
        + "{\"id\":\"a\",\"credits\":5,\"where\":{\"tags\":[\"t0\"],\"minLevel\":5}},"
        + "{\"id\":\"b\",\"count\":1,\"where\":{\"tags\":[\"t1\"],\"withinYears\":5}}]},"
        + "\"constraints\":{\"totalCredits\":8}}");
    SplittableRandom r = new SplittableRandom(SEED);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      String t = i == 7 ? "{\"credentials\":[{\"id\":\"X\",\"credits\":-1}]}" : BulkAuditTest.transcript(r);
      lines.add("{\"learner\":\"L" + i + "\"," + t.substring(1));
    }
    Path in = dir.resolve("t.jsonl");
    Files.write(in, lines, StandardCharsets.UTF_8);
    Path out = dir.resolve("results");
    MainTest.Run run = MainTest.run("bulk", "--spark", "local[2]", "--memory", "1g", "audit", "--rules",
        rules.toString(), "--transcripts", in.toString(), "--as-of", "2026-01-01", "--out", out.toString(),
        "--out-format", "json", "--partitions", "3", "--conf", "spark.ui.enabled=false");
    assertEquals(Main.OK, run.code(), run.out() + run.err());
    assertTrue(run.out().startsWith("mcred audit: 300 rows written to " + out), run.out());
    assertTrue(run.err().contains("mcred audit: 300 learner-qualification pairs so far"), run.err());

    Map<String, JsonNode> got = new TreeMap<>();
    try (var parts = Files.list(out)) {
      for (Path part : parts.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
        for (String line : Files.readAllLines(part, StandardCharsets.UTF_8)) {
          JsonNode row = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
          assertEquals(null, got.put(row.get("learner").asText(), row), "one row per learner: " + line);
        }
      }
    }
    assertEquals(300, got.size());
    Rules rs = Rules.fromJson(Files.readString(rules));
    LocalDate asOf = LocalDate.parse("2026-01-01");
    int satisfied = 0;
    for (int i = 0; i < lines.size(); i++) {
      JsonNode row = got.get("L" + i);
      String transcript = "{" + lines.get(i).substring(lines.get(i).indexOf(',') + 1);
      assertEquals("q", row.get("qualification").asText());
      if (i == 7) {
        assertEquals("INVALID", row.get("status").asText());
        assertTrue(row.get("error").asText().contains("$.credentials[0].credits"), row.toString());
        continue;
      }
      AuditResult want = Stacking.audit(rs, Transcript.fromJson(transcript), asOf);
      assertEquals(want.status().name(), row.get("status").asText(), "L" + i + " (seed " + Long.toHexString(SEED)
          + ")");
      assertEquals(want.toJson().toString(), row.get("result").asText(), "L" + i);
      satisfied += want.satisfied() ? 1 : 0;
    }
    assertTrue(satisfied > 0 && satisfied < 299, "both outcomes occur: " + satisfied);
    assertTrue(run.out().contains("status=SATISFIED " + satisfied), run.out());
  }
}
