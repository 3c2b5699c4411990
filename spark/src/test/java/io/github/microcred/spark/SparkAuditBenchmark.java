package io.github.microcred.spark;

import io.github.microcred.stacking.Auditor;
import io.github.microcred.stacking.Rules;
import io.github.microcred.stacking.Stacking;
import io.github.microcred.stacking.StackingException;
import io.github.microcred.stacking.Transcript;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Timeout;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmark (single shot, not a test): {@code n} audits (default 10^6) of the generated learners against the
 * generated certificate rules through Spark in local mode ({@link SparkAuditor}, every row computed and dropped by a
 * {@code noop} write) and, as the baseline in the same run, through the in-process streamed engine
 * ({@code Auditor.auditAll} on every core, the engine of {@code mcred audit --bulk}); both read every transcript from
 * its JSON text, from a pool of 10,000 distinct lines, and both print their counts per status, which must agree. Each
 * benchmark runs in its own fork with the JVM flags Spark needs on Java 17. Run (the whole suite takes about twice
 * the Spark figure):
 *
 * <pre>
 * ./mvnw -B -ntp -o -pl spark test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *   -Dexec.args="-cp %classpath org.openjdk.jmh.Main SparkAuditBenchmark"
 * </pre>
 * ({@code -p n=100000} for a short run, {@code -p master=local[4]} on more cores).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Timeout(time = 2, timeUnit = TimeUnit.HOURS) // JMH's default 10 min per iteration would cut a 10^6 run on a loaded machine
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g", "-XX:+IgnoreUnrecognizedVMOptions",
    "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
    "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
    "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED", "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
    "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED", "-Djdk.reflect.useDirectMethodHandle=false",
    "-Dio.netty.tryReflectionSetAccessible=true"})
public class SparkAuditBenchmark {
  static final int POOL = 10_000;

  /** The learners and rules both engines audit. */
  @State(Scope.Benchmark)
  public static class Input {
    /** How many audits. */
    @Param("1000000")
    public long n;
    List<String> lines;
    Rules rules;

    /**
     * Generates the pool (seed 42) and takes one rule set, so that both engines parse each transcript once per audit.
     *
     * @throws StackingException never (generated rules)
     */
    @Setup(Level.Trial)
    public void setup() throws StackingException {
      SplittableRandom r = new SplittableRandom(42);
      lines = new ArrayList<>();
      for (int i = 0; i < POOL; i++) {
        lines.add(Generated.transcript(Generated.line(r, "L" + i))); // the transcript JSON, without learner
      }
      rules = Generated.rules().get(0);
    }
  }

  /** A local Spark session, for the Spark benchmark only. */
  @State(Scope.Benchmark)
  public static class Local {
    /** The master: local[2] is this machine's 2 cores. */
    @Param("local[2]")
    public String master;
    SparkSession spark;

    /** Starts the session (127.0.0.1 only, no web UI). */
    @Setup(Level.Trial)
    public void start() {
      spark = SparkSession.builder().master(master).appName("SparkAuditBenchmark")
          .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.ui.enabled", "false").config("spark.log.level", "WARN").getOrCreate();
    }

    /** Stops it. */
    @TearDown(Level.Trial)
    public void stop() {
      spark.stop();
    }
  }

  /**
   * n audits through Spark: a Dataset of n rows (learner, transcript JSON) made from the pool by the executors, audited
   * by {@code SparkAuditor} without the result JSON column, written to the {@code noop} sink.
   *
   * @param in the input
   * @param local the session
   * @return the rows counted by status
   * @throws StackingException never (generated rules)
   * @throws SparkException never (one rule set, the transcripts' columns)
   */
  @Benchmark
  public String sparkLocal(Input in, Local local) throws StackingException, SparkException {
    List<String> pool = List.copyOf(in.lines);
    MapFunction<Long, Row> toRow = i -> RowFactory.create("L" + i, pool.get((int) (i % POOL)), null);
    Dataset<Row> transcripts = local.spark.range(in.n).map(toRow, Encoders.row(SparkStacking.TRANSCRIPTS));
    AuditProgress progress = AuditProgress.register(local.spark.sparkContext(), "bench");
    SparkStacking.auditor(List.of(in.rules)).withAsOf(Generated.AS_OF).withoutResultJson().withProgress(progress)
        .audit(transcripts).write().format("noop").mode("overwrite").save();
    String s = "sparkLocal " + local.master + ": " + progress;
    System.out.println(s);
    return s;
  }

  /**
   * Baseline: the same n audits through the in-process streamed engine ({@code Auditor.auditAll}, every core), each
   * transcript read from the same JSON text.
   *
   * @param in the input
   * @return the summary
   * @throws StackingException never (generated rules)
   */
  @Benchmark
  public Auditor.BulkSummary baselineStreamed(Input in) throws StackingException {
    Iterator<String> it = new Iterator<>() {
      long i;

      @Override
      public boolean hasNext() {
        return i < in.n;
      }

      @Override
      public String next() {
        return in.lines.get((int) (i++ % POOL));
      }
    };
    Auditor.BulkSummary s = Stacking.auditor(in.rules).auditAll(it, Transcript::fromJson,
        Generated.AS_OF, x -> { }, x -> { });
    System.out.println("baselineStreamed: " + s);
    return s;
  }
}
