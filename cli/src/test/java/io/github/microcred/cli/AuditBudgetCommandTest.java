package io.github.microcred.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mcred audit --budget-ms}: an audit the budget cuts is UNDECIDED (exit 3), alone and in bulk. */
class AuditBudgetCommandTest {
  @TempDir Path dir;

  /**
   * 30 credentials eligible for three credit requirements that must each be met exactly (supply = demand); 29
   * credits are divisible by 3, one is not, and the demands are 1, 1 and 2 modulo 3: unsatisfiable, and hard to
   * prove so.
   */
  static String[] partitionLike() {
    StringBuilder t = new StringBuilder("{\"credentials\":[");
    long supply = 0;
    for (int i = 0; i < 30; i++) {
      long w = i == 0 ? 3L * 97 + 1 : 3L * (1 + (i * 137L) % 300);
      supply += w;
      t.append(i == 0 ? "" : ",").append("{\"id\":\"C").append(i).append("\",\"credits\":").append(w)
          .append(",\"tags\":[\"x\"],\"issued\":\"2025-06-01\"}");
    }
    t.append("]}");
    long a = supply / 3 - supply / 3 % 3 + 1;
    long b = a + 3;
    long c = supply - a - b;
    String rules = "{\"id\":\"partition\",\"unit\":\"ECTS\",\"requirement\":{\"id\":\"root\",\"allOf\":["
        + "{\"id\":\"a\",\"credits\":" + a + ",\"where\":{\"tags\":[\"x\"]}},"
        + "{\"id\":\"b\",\"credits\":" + b + ",\"where\":{\"tags\":[\"x\"]}},"
        + "{\"id\":\"c\",\"credits\":" + c + ",\"where\":{\"tags\":[\"x\"]}}]}}";
    return new String[] {rules, t.toString()};
  }

  @Test
  void budgetCutAuditIsUndecidedWithExitThree() throws Exception {
    String[] in = partitionLike();
    Path rules = dir.resolve("r.json");
    Path transcript = dir.resolve("t.json");
    Files.writeString(rules, in[0]);
    Files.writeString(transcript, in[1]);
    MainTest.Run run = MainTest.run("audit", "--rules", rules.toString(), "--transcript", transcript.toString(),
        "--budget-ms", "50", "--as-of", "2026-12-01");
    assertEquals(AuditCommand.UNDECIDED, run.code(), run.err());
    JsonNode o = CliFiles.JSON.readTree(run.out());
    assertEquals("UNDECIDED", o.get("status").asText());
    assertTrue(o.get("bound").get("satisfiable").asBoolean(), run.out());
    assertTrue(run.err().startsWith("partition: UNDECIDED"), run.err());
    MainTest.Run bad = MainTest.run("audit", "--rules", rules.toString(), "--transcript", transcript.toString(),
        "--budget-ms", "0");
    assertEquals(Main.USAGE, bad.code(), bad.err());

    // bulk: each transcript with its own budget
    Path bulk = dir.resolve("t.jsonl");
    Files.writeString(bulk, in[1] + "\n" + in[1] + "\n");
    MainTest.Run b2 = MainTest.run("audit", "--rules", rules.toString(), "--bulk", bulk.toString(), "--budget-ms",
        "50", "--as-of", "2026-12-01");
    assertEquals(AuditCommand.UNDECIDED, b2.code(), b2.err());
    for (String line : b2.out().split("\n")) {
      assertEquals("UNDECIDED", CliFiles.JSON.readTree(line).get("status").asText(), line);
    }
    assertTrue(b2.err().contains("audited 2 transcripts: 0 satisfied, 0 not satisfied, 2 undecided, 0 invalid"),
        b2.err());
  }

  /**
   * {@code --budget-ms} with {@code --bulk} is each transcript's own budget, counted from when its audit starts: after
   * four hard lines per core (each cut by its budget, so they occupy every worker for several budgets in a row), easy
   * lines are still SATISFIED. A budget for the whole run, or one counted from when a line was read, would have run
   * out before they started, making them UNDECIDED.
   */
  @Test
  void bulkBudgetIsPerTranscriptNotForTheWholeRun() throws Exception {
    String[] in = partitionLike();
    Path rules = dir.resolve("r.json");
    Files.writeString(rules, in[0]);
    JsonNode legs = CliFiles.JSON.readTree(in[0]).get("requirement").get("allOf");
    String easy = "{\"credentials\":[" + java.util.stream.IntStream.range(0, 3).mapToObj(i -> "{\"id\":\"E" + i
        + "\",\"credits\":" + legs.get(i).get("credits").asLong() + ",\"tags\":[\"x\"],\"issued\":\"2025-06-01\"}")
        .collect(java.util.stream.Collectors.joining(",")) + "]}";
    int hard = 4 * Runtime.getRuntime().availableProcessors();
    int easyLines = 10;
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < hard; i++) {
      b.append(in[1]).append('\n');
    }
    for (int i = 0; i < easyLines; i++) {
      b.append(easy).append('\n');
    }
    Path bulk = dir.resolve("mixed.jsonl");
    Files.writeString(bulk, b.toString());
    MainTest.Run run = MainTest.run("audit", "--rules", rules.toString(), "--bulk", bulk.toString(), "--budget-ms",
        "100", "--as-of", "2026-12-01");
    assertEquals(AuditCommand.UNDECIDED, run.code(), run.err());
    String[] out = run.out().split("\n");
    assertEquals(hard + easyLines, out.length, run.out());
    for (int i = 0; i < out.length; i++) {
      JsonNode o = CliFiles.JSON.readTree(out[i]);
      assertEquals(i + 1, o.get("line").asInt());
      assertEquals(i < hard ? "UNDECIDED" : "SATISFIED", o.get("status").asText(), out[i]);
      assertEquals(o.get("status"), o.get("result").get("status"), out[i]);
    }
    assertTrue(run.err().contains("audited " + (hard + easyLines) + " transcripts: " + easyLines + " satisfied, 0 not "
        + "satisfied, " + hard + " undecided, 0 invalid"), run.err());
  }

  @Test
  void bulkRefusesOptionsThatApplyToOneTranscript() throws Exception {
    String[] in = partitionLike();
    Path rules = dir.resolve("r.json");
    Files.writeString(rules, in[0]);
    Path bulk = dir.resolve("t.jsonl");
    Files.writeString(bulk, in[1] + "\n");
    for (String[] extra : new String[][] {{"--text"}, {"--divisible"}}) {
      java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("audit", "--rules", rules.toString(),
          "--bulk", bulk.toString()));
      args.addAll(java.util.List.of(extra));
      MainTest.Run run = MainTest.run(args.toArray(new String[0]));
      assertEquals(Main.USAGE, run.code(), run.err());
      assertTrue(run.err().contains(extra[0]) && run.out().isEmpty(), run.err());
    }
  }
}
