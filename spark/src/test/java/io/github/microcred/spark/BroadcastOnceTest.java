package io.github.microcred.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.microcred.spark.internal.ExecutorCache;
import io.github.microcred.stacking.Rules;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What is broadcast is compiled once per executor JVM, not once per task or row: local[2] runs its tasks in this JVM,
 * so over 8 partitions the executor cache builds exactly one value per job (the budgets and the instant below are
 * used by no other test, so no earlier test has built them). The progress accumulators count every row once.
 */
class BroadcastOnceTest {
  static final long SEED = 0x18_0bcaL;

  static Path transcripts(Path dir, int n) throws Exception {
    SplittableRandom r = new SplittableRandom(SEED);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      lines.add(Generated.line(r, String.format("B%04d", i)));
    }
    Path file = dir.resolve("once.jsonl");
    Files.write(file, lines, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void rulesAreCompiledOncePerExecutorForAnAuditOfEightPartitions(@TempDir Path dir) throws Exception {
    System.out.println("BroadcastOnceTest seed " + Long.toHexString(SEED));
    Dataset<Row> in = SparkStacking.jsonLines(LocalSpark.get(), transcripts(dir, 400).toString()).repartition(8);
    List<Rules> rules = SparkAuditTest.sortedRules();
    AuditProgress progress = AuditProgress.register(LocalSpark.get().sparkContext(), "once audit");
    long before = ExecutorCache.builds();
    long rows = SparkStacking.auditor(rules).withAsOf(Generated.AS_OF).withBudget(Duration.ofMillis(1_811))
        .withProgress(progress).audit(in).count();
    assertEquals(800, rows);
    assertEquals(1, ExecutorCache.builds() - before, "one compilation of both rule sets for 8 tasks");
    assertEquals(800, progress.total(), progress.toString());
    assertTrue(progress.satisfied().value() > 0 && progress.notSatisfied().value() > 0, progress.toString());
  }

  @Test
  void rulesAndCatalogueAreCompiledOncePerExecutorForAPlan(@TempDir Path dir) throws Exception {
    Dataset<Row> in = SparkStacking.jsonLines(LocalSpark.get(), transcripts(dir, 120).toString()).repartition(8);
    AuditProgress progress = AuditProgress.register(LocalSpark.get().sparkContext(), "once plan");
    long before = ExecutorCache.builds();
    long rows = SparkStacking.planner(SparkAuditTest.sortedRules(),
            SparkPlanTest.catalogue(new SplittableRandom(SEED))).withAsOf(Generated.AS_OF)
        .withBudget(Duration.ofMillis(1_812)).withProgress(progress).plan(in).count();
    assertEquals(1, ExecutorCache.builds() - before);
    // every pair is counted by its audit status, the satisfied ones too (they give no row)
    assertEquals(240, progress.total(), progress.toString());
    assertEquals(240 - progress.satisfied().value(), rows, progress.toString());
  }

  @Test
  void verifyOptionsAreBuiltOncePerExecutor(@TempDir Path dir) throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      lines.add(i % 3 == 0 ? "not a credential" : "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"]}");
    }
    Path file = dir.resolve("c.txt");
    Files.write(file, lines, StandardCharsets.UTF_8);
    VerifyProgress progress = VerifyProgress.register(LocalSpark.get().sparkContext(), "once verify");
    long before = ExecutorCache.builds();
    long rows = SparkCredentials.verifier(Instant.parse("2026-07-18T18:18:18Z")).withProgress(progress)
        .verify(SparkCredentials.lines(LocalSpark.get(), file.toString()).repartition(8)).count();
    assertEquals(64, rows);
    assertEquals(1, ExecutorCache.builds() - before);
    assertEquals(64, progress.notVerified().value(), progress.toString());
    assertEquals(0, progress.verified().value());
  }
}
