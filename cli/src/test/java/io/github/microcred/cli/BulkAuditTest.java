package io.github.microcred.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.microcred.stacking.Rules;
import io.github.microcred.stacking.Stacking;
import io.github.microcred.stacking.Transcript;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mcred audit --bulk}: many transcripts, streamed, with progress; each line equals its own audit. */
class BulkAuditTest {
  static final long SEED = 20261122L;
  @TempDir Path dir;

  static String transcript(SplittableRandom r) {
    StringBuilder b = new StringBuilder("{\"credentials\":[");
    int n = r.nextInt(7);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append("{\"id\":\"C").append(r.nextInt(6)).append('-').append(i).append("\",\"credits\":")
          .append(1 + r.nextInt(6)).append(",\"level\":").append(4 + r.nextInt(4)).append(",\"tags\":[\"t")
          .append(r.nextInt(3)).append("\"],\"issued\":\"").append(2015 + r.nextInt(11)).append("-06-01\"}");
    }
    return b.append("]}").toString();
  }

  @Test
  void everyLineEqualsItsOwnAuditInOrderWithProgressAndTypedErrors() throws Exception {
    Path rules = dir.resolve("r.json");
    Files.writeString(rules, "{\"id\":\"q\",\"unit\":\"ECTS\",\"requirement\":{\"id\":\"root\",\"allOf\":["
        + "{\"id\":\"a\",\"credits\":5,\"where\":{\"tags\":[\"t0\"],\"minLevel\":5}},"
        + "{\"id\":\"b\",\"count\":1,\"where\":{\"tags\":[\"t1\"],\"withinYears\":5}}]},"
        + "\"constraints\":{\"totalCredits\":8}}");
    SplittableRandom r = new SplittableRandom(SEED);
    List<String> lines = new ArrayList<>();
    // far more lines than the in-flight window, so results must come back in line order as the window moves
    int n = 5000;
    for (int i = 0; i < n; i++) {
      lines.add(i == 17 ? "{\"credentials\":[{\"id\":\"X\",\"credits\":-1}]}"
          : i == 4500 ? "not json" : i == 300 ? "" : transcript(r));
    }
    Path bulk = dir.resolve("t.jsonl");
    Files.write(bulk, lines);
    MainTest.Run run = MainTest.run("audit", "--rules", rules.toString(), "--bulk", bulk.toString(), "--as-of",
        "2026-01-01");
    assertEquals(Main.FAILED, run.code(), run.err());
    String[] out = run.out().split("\n");
    assertEquals(n - 1, out.length, "one output line per non-blank input line");
    Rules rs = Rules.fromJson(Files.readString(rules));
    int satisfied = 0;
    int unsatisfied = 0;
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (lines.get(i).isEmpty()) {
        continue;
      }
      JsonNode o = CliFiles.JSON.readTree(out[k++]);
      assertEquals(i + 1, o.get("line").asLong(), "seed " + SEED + " line " + (i + 1));
      if (i == 17) {
        assertTrue(o.get("error").asText().startsWith("line 18: ")
            && o.get("error").asText().contains("$.credentials[0].credits: negative credits -1"), o.toString());
        continue;
      }
      if (i == 4500) {
        assertTrue(o.get("error").asText().startsWith("line 4501: ")
            && o.get("error").asText().contains("$: not JSON"), o.toString());
        continue;
      }
      JsonNode expected = CliFiles.JSON.readTree(
          Stacking.audit(rs, Transcript.fromJson(lines.get(i)), LocalDate.of(2026, 1, 1)).toJson().toString());
      assertEquals(expected, o.get("result"), "seed " + SEED + " line " + (i + 1));
      assertEquals(expected.get("status").asText(), o.get("status").asText(), "line " + (i + 1));
      if (expected.get("satisfied").asBoolean()) {
        satisfied++;
      } else {
        unsatisfied++;
      }
    }
    assertTrue(satisfied > 100 && unsatisfied > 100, satisfied + " / " + unsatisfied);
    List<String> progress = run.err().lines().filter(l -> l.startsWith("progress: ")).toList();
    assertTrue(progress.size() >= 2 && progress.size() <= 11, run.err());
    assertTrue(progress.get(progress.size() - 1).startsWith("progress: " + (n - 1) + "/" + (n - 1) + " (100%)"),
        run.err());
    assertTrue(run.err().contains("audited " + (n - 1) + " transcripts: " + satisfied + " satisfied, " + unsatisfied
        + " not satisfied, 0 undecided, 2 invalid"), run.err());
  }

  @Test
  void allSatisfiedExitsZeroAndOptionsAreExclusive() throws Exception {
    Path rules = dir.resolve("r.json");
    Files.writeString(rules, "{\"id\":\"q\",\"unit\":\"ECTS\",\"requirement\":{\"id\":\"a\",\"credits\":1}}");
    Path bulk = dir.resolve("t.jsonl");
    Files.writeString(bulk, "{\"credentials\":[{\"id\":\"A\",\"credits\":1,\"issued\":\"2025-01-01\"}]}\n"
        + "{\"credentials\":[{\"id\":\"B\",\"credits\":2,\"issued\":\"2025-01-01\"}]}\n");
    MainTest.Run ok = MainTest.run("audit", "--rules", rules.toString(), "--bulk", bulk.toString());
    assertEquals(Main.OK, ok.code(), ok.err());
    assertTrue(ok.err().contains("audited 2 transcripts: 2 satisfied, 0 not satisfied, 0 undecided, 0 invalid"), ok.err());
    MainTest.Run both = MainTest.run("audit", "--rules", rules.toString(), "--bulk", bulk.toString(),
        "--transcript", bulk.toString());
    assertEquals(Main.USAGE, both.code(), both.err());
    MainTest.Run none = MainTest.run("audit", "--rules", rules.toString());
    assertEquals(Main.USAGE, none.code(), none.err());
    MainTest.Run missing = MainTest.run("audit", "--rules", rules.toString(), "--bulk", dir.resolve("no").toString());
    assertEquals(Main.FAILED, missing.code());
    assertTrue(missing.err().contains("no such file"), missing.err());
  }
}
