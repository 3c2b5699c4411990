package io.github.microcred.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.microcred.stacking.Rules;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spark-submit job's arguments, output and summary, run in the tests' local[2] session. */
class BulkJobTest {
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  int run(String... args) throws Exception {
    BulkJob.Args a;
    try {
      a = BulkJob.Args.parse(args);
    } catch (BulkJob.JobException e) {
      new PrintStream(err, true, StandardCharsets.UTF_8).println(e.getMessage());
      return e.code;
    }
    try {
      return BulkJob.run(LocalSpark.get(), a, new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));
    } catch (BulkJob.JobException e) {
      new PrintStream(err, true, StandardCharsets.UTF_8).println(e.getMessage());
      return e.code;
    }
  }

  @Test
  void auditWritesOneRowPerLearnerAndQualificationAndSummarises(@TempDir Path dir) throws Exception {
    SplittableRandom r = new SplittableRandom(7);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      lines.add(Generated.line(r, "L" + i));
    }
    Path t = dir.resolve("t.jsonl");
    Files.write(t, lines, StandardCharsets.UTF_8);
    List<String> ruleFiles = new ArrayList<>();
    for (Rules rules : Generated.rules()) {
      Path f = dir.resolve(ruleFiles.size() + ".json");
      Files.writeString(f, rules.toJson().toPrettyString());
      ruleFiles.add(f.toString());
    }
    String results = dir.resolve("results").toString();
    assertEquals(BulkJob.OK, run("audit", "--rules", ruleFiles.get(0), "--rules", ruleFiles.get(1),
        "--transcripts", t.toString(), "--as-of", "2026-12-01", "--out", results, "--partitions", "3"), err.toString());
    String summary = out.toString(StandardCharsets.UTF_8);
    assertTrue(summary.startsWith("mcred audit: 600 rows written to " + results), summary);
    List<Row> written = LocalSpark.get().read().parquet(results).collectAsList();
    assertEquals(600, written.size());
    long satisfied = written.stream().filter(x -> AuditRow.of(x).satisfied()).count();
    assertTrue(summary.contains("status=SATISFIED " ), summary);
    long inSummary = summary.lines().filter(l -> l.contains("status=SATISFIED "))
        .mapToLong(l -> Long.parseLong(l.substring(l.lastIndexOf(' ') + 1))).sum();
    assertEquals(satisfied, inSummary, summary);
    // the accumulators' progress line, printed once more at the end, agrees with the rows written
    assertTrue(err.toString().contains("mcred audit: 600 learner-qualification pairs so far (" + satisfied
        + " satisfied, "), err.toString());
    // an existing output directory is never overwritten
    out.reset();
    assertEquals(BulkJob.FAILED, run("audit", "--rules", ruleFiles.get(0), "--transcripts", t.toString(), "--out",
        results));
    assertTrue(err.toString().contains("already exists"), err.toString());
  }

  @Test
  void verifyAndPlanRunThroughTheJobWithTheirSummaries(@TempDir Path dir) throws Exception {
    SparkVerifyTest v = new SparkVerifyTest();
    List<String> creds = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      creds.add(i < 3 ? v.di(v.credential(v.issuer, i, null), v.didKey, null) : "not a credential");
    }
    Path c = dir.resolve("c.txt");
    Files.write(c, creds, StandardCharsets.UTF_8);
    String verified = dir.resolve("verified").toString();
    assertEquals(BulkJob.OK, run("verify", "--credentials", c.toString(), "--now", "2026-06-01T12:00:00Z", "--out",
        verified, "--out-format", "json"), err.toString());
    String summary = out.toString(StandardCharsets.UTF_8);
    assertTrue(summary.startsWith("mcred verify: 5 rows written to " + verified), summary);
    assertTrue(summary.contains("kind=data-integrity verified=false 2") && summary.contains(
        "kind=data-integrity verified=true 3"), summary);
    assertTrue(err.toString().contains("mcred verify: 5 credentials so far (3 verified, 2 not verified)"),
        err.toString());

    out.reset();
    SplittableRandom r = new SplittableRandom(11);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      lines.add(Generated.line(r, "P" + i));
    }
    Path t = dir.resolve("t.jsonl");
    Files.write(t, lines, StandardCharsets.UTF_8);
    Path rules = dir.resolve("r.json");
    Rules rule = Generated.rules().get(0);
    Files.writeString(rules, rule.toJson().toPrettyString());
    String catalogue = SparkPlanTest.catalogue(new SplittableRandom(3));
    Path cat = dir.resolve("catalogue.json");
    Files.writeString(cat, catalogue);
    long unsatisfied = 0;
    for (String line : lines) {
      try {
        if (!io.github.microcred.stacking.Stacking.audit(rule, io.github.microcred.stacking.Transcript.fromJson(
            Generated.transcript(line)), java.time.LocalDate.parse("2026-12-01")).satisfied()) {
          unsatisfied++;
        }
      } catch (io.github.microcred.stacking.StackingException e) {
        unsatisfied++; // an INVALID row
      }
    }
    String planned = dir.resolve("planned").toString();
    assertEquals(BulkJob.OK, run("plan", "--rules", rules.toString(), "--transcripts", t.toString(), "--catalogue",
        cat.toString(), "--objective", "hours", "--as-of", "2026-12-01", "--out", planned), err.toString());
    summary = out.toString(StandardCharsets.UTF_8);
    assertTrue(summary.startsWith("mcred plan: " + unsatisfied + " rows written to " + planned), summary);
    assertEquals(unsatisfied, LocalSpark.get().read().parquet(planned).count());
  }

  @Test
  void usageErrorsExitTwoAndMissingFilesOne(@TempDir Path dir) throws Exception {
    assertEquals(BulkJob.USAGE, run());
    assertEquals(BulkJob.USAGE, run("audit", "--rules", "r.json"));
    assertEquals(BulkJob.USAGE, run("frobnicate", "--out", "x"));
    assertEquals(BulkJob.USAGE, run("audit", "--rules", "r", "--transcripts", "t", "--out", "o", "--as-of", "12/1"));
    assertTrue(err.toString().contains("--as-of: expected a date"), err.toString());
    assertEquals(BulkJob.USAGE, run("plan", "--rules", "r", "--transcripts", "t", "--out", "o"));
    assertEquals(BulkJob.FAILED, run("audit", "--rules", dir.resolve("none.json").toString(), "--transcripts", "t",
        "--out", dir.resolve("o").toString()));
    assertTrue(err.toString().contains("no such file"), err.toString());
    assertEquals(BulkJob.USAGE, run("verify", "--credentials", "c", "--out", "o", "--conf", "novalue"));
    assertTrue(err.toString().contains("--conf: expected KEY=VALUE"), err.toString());
    // the verification time is --now, as in mcred verify
    assertEquals(BulkJob.USAGE, run("verify", "--credentials", "c", "--out", "o", "--now", "1 June"));
    assertTrue(err.toString().contains("--now: expected an instant such as 2026-12-01T00:00:00Z, got '1 June'"),
        err.toString());
    assertEquals(BulkJob.USAGE, run("verify", "--credentials", "c", "--out", "o", "--at", "2026-06-01T12:00:00Z"));
  }
}
