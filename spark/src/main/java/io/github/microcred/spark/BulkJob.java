package io.github.microcred.spark;

import io.github.microcred.stacking.Plan;
import io.github.microcred.stacking.Rules;
import io.github.microcred.stacking.StackingException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code spark-submit} job (and what {@code mcred bulk --spark MASTER} runs): audit, plan or verify in bulk,
 * write the result rows, and print a summary. Usage:
 *
 * <pre>
 * spark-submit --class io.github.microcred.spark.BulkJob microcred-spark-job.jar COMMAND [OPTIONS]
 *   audit   --rules R.json [--rules R2.json ...] --transcripts PATH [--format jsonl|credentials|transcripts]
 *           [--as-of YYYY-MM-DD] [--budget-ms N] --out DIR [--out-format parquet|json]
 *   plan    (the audit options) --catalogue C.json [--objective COST|HOURS|COUNT] [--budget-ms N (per plan)]
 *   verify  --credentials PATH [--now INSTANT] [--controller DOC.json ...] [--status-list LIST ...] --out DIR
 *   common: [--master URL] (only when not given to spark-submit, e.g. local[*]) [--partitions N]
 *           [--conf KEY=VALUE ...] (Spark configuration, as spark-submit's --conf)
 * </pre>
 *
 * <p>{@code --format jsonl} (default): one transcript per line, the {@code mcred audit --bulk} format with an optional
 * {@code learner}; {@code credentials}: Parquet with one credential per row and a {@code learner} column;
 * {@code transcripts}: Parquet with {@code learner} and a {@code credentials} array (or a {@code transcript} JSON
 * column). Rule, catalogue, controller and status list files are read on the driver and broadcast. Progress (rows per
 * status, or verified / not verified) is printed to the error stream every 10 seconds from Spark accumulators, which
 * the Spark UI shows too; the summary at the end counts the written rows. With a {@code local} master the driver
 * binds to 127.0.0.1 only. Exit 0 when the job ran (whatever the statuses), 1 on unreadable input or a failed job,
 * 2 on a usage error.
 */
public final class BulkJob {
  /** Exit code: the job ran. */
  public static final int OK = 0;
  /** Exit code: unreadable input or a failed job. */
  public static final int FAILED = 1;
  /** Exit code: usage error. */
  public static final int USAGE = 2;

  private BulkJob() {}

  /** A usage or input error, with its exit code. */
  static final class JobException extends Exception {
    private static final long serialVersionUID = 1L;
    final int code;

    JobException(int code, String message) {
      super(message);
      this.code = code;
    }
  }

  /** The parsed arguments. */
  static final class Args {
    String command;
    String master;
    final List<String> rules = new ArrayList<>();
    String transcripts;
    String format = "jsonl";
    LocalDate asOf = LocalDate.now(ZoneOffset.UTC);
    Long budgetMs;
    String out;
    String outFormat = "parquet";
    String catalogue;
    Plan.Objective objective = Plan.Objective.COST;
    String credentials;
    Instant at = Instant.now();
    final List<String> controllers = new ArrayList<>();
    final List<String> statusLists = new ArrayList<>();
    Integer partitions;
    final Map<String, String> conf = new LinkedHashMap<>();

    static Args parse(String[] a) throws JobException {
      Args x = new Args();
      if (a.length == 0 || a[0].equals("--help") || a[0].equals("-h")) {
        throw new JobException(USAGE, usage());
      }
      x.command = a[0];
      if (!List.of("audit", "plan", "verify").contains(x.command)) {
        throw new JobException(USAGE, "unknown command '" + x.command + "' (expected audit, plan or verify)\n"
            + usage());
      }
      for (int i = 1; i < a.length; i++) {
        String o = a[i];
        if (i + 1 >= a.length) {
          throw new JobException(USAGE, o + ": a value is expected");
        }
        String v = a[++i];
        switch (o) {
          case "--master" -> x.master = v;
          case "--rules" -> x.rules.add(v);
          case "--transcripts" -> x.transcripts = v;
          case "--format" -> x.format = oneOf(o, v, "jsonl", "credentials", "transcripts");
          case "--as-of" -> x.asOf = date(o, v);
          case "--budget-ms" -> x.budgetMs = positive(o, v);
          case "--out" -> x.out = v;
          case "--out-format" -> x.outFormat = oneOf(o, v, "parquet", "json");
          case "--catalogue" -> x.catalogue = v;
          case "--objective" -> x.objective = Plan.Objective.valueOf(oneOf(o, v.toUpperCase(Locale.ROOT), "COST",
              "HOURS", "COUNT"));
          case "--credentials" -> x.credentials = v;
          case "--now" -> x.at = instant(o, v); // the name of mcred verify's option (cli ClockOptions)
          case "--controller" -> x.controllers.add(v);
          case "--status-list" -> x.statusLists.add(v);
          case "--partitions" -> x.partitions = (int) Math.min(Integer.MAX_VALUE, positive(o, v));
          case "--conf" -> {
            int eq = v.indexOf('=');
            if (eq <= 0) {
              throw new JobException(USAGE, "--conf: expected KEY=VALUE, got '" + v + "'");
            }
            x.conf.put(v.substring(0, eq), v.substring(eq + 1));
          }
          default -> throw new JobException(USAGE, "unknown option '" + o + "'\n" + usage());
        }
      }
      if (x.out == null) {
        throw new JobException(USAGE, "--out DIR is required");
      }
      if (x.command.equals("verify")) {
        if (x.credentials == null) {
          throw new JobException(USAGE, "verify: --credentials PATH is required");
        }
      } else {
        if (x.rules.isEmpty() || x.transcripts == null) {
          throw new JobException(USAGE, x.command + ": --rules and --transcripts are required");
        }
        if (x.command.equals("plan") && x.catalogue == null) {
          throw new JobException(USAGE, "plan: --catalogue C.json is required");
        }
      }
      return x;
    }

    private static String oneOf(String o, String v, String... allowed) throws JobException {
      if (!List.of(allowed).contains(v)) {
        throw new JobException(USAGE, o + ": expected one of " + List.of(allowed) + ", got '" + v + "'");
      }
      return v;
    }

    private static LocalDate date(String o, String v) throws JobException {
      try {
        return LocalDate.parse(v);
      } catch (DateTimeParseException e) {
        throw new JobException(USAGE, o + ": expected a date YYYY-MM-DD, got '" + v + "'");
      }
    }

    private static Instant instant(String o, String v) throws JobException {
      try {
        return Instant.parse(v);
      } catch (DateTimeParseException e) {
        throw new JobException(USAGE, o + ": expected an instant such as 2026-12-01T00:00:00Z, got '" + v + "'");
      }
    }

    private static long positive(String o, String v) throws JobException {
      try {
        long n = Long.parseLong(v);
        if (n > 0) {
          return n;
        }
      } catch (NumberFormatException e) {
        // below
      }
      throw new JobException(USAGE, o + ": expected a positive integer, got '" + v + "'");
    }
  }

  static String usage() {
    return String.join("\n",
        "usage: BulkJob audit  --rules R.json [--rules ...] --transcripts PATH [--format jsonl|credentials|transcripts]",
        "                      [--as-of YYYY-MM-DD] [--budget-ms N] --out DIR [--out-format parquet|json]",
        "       BulkJob plan   (audit options) --catalogue C.json [--objective COST|HOURS|COUNT]",
        "       BulkJob verify --credentials PATH [--now INSTANT] [--controller DOC.json ...] [--status-list F ...]",
        "                      --out DIR [--out-format parquet|json]",
        "       common: [--master URL] [--partitions N] [--conf KEY=VALUE ...]");
  }

  /**
   * Runs the job and exits with its code.
   *
   * @param args the arguments (see the class description)
   */
  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    System.exit(code);
  }

  /**
   * Runs the job in this JVM.
   *
   * @param args the arguments
   * @param out where the summary goes
   * @param err where progress and errors go
   * @return the exit code
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Args a;
    try {
      a = Args.parse(args);
    } catch (JobException e) {
      err.println(e.getMessage());
      return e.code;
    }
    SparkSession.Builder b = SparkSession.builder().appName("mcred " + a.command);
    if (a.master != null) {
      // local mode from mcred bulk: Spark's INFO lines would bury the progress and the summary
      b = b.master(a.master).config("spark.log.level", "WARN");
      if (a.master.startsWith("local")) {
        b = b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
      }
    }
    for (var e : a.conf.entrySet()) {
      b = b.config(e.getKey(), e.getValue());
    }
    SparkSession spark = b.getOrCreate();
    try {
      return run(spark, a, out, err);
    } catch (JobException e) {
      err.println("mcred " + a.command + ": " + e.getMessage());
      return e.code;
    } finally {
      if (a.master != null) {
        spark.stop();
      }
    }
  }

  static int run(SparkSession spark, Args a, PrintStream out, PrintStream err) throws JobException {
    long start = System.nanoTime();
    AuditProgress progress = AuditProgress.register(spark.sparkContext(), "mcred " + a.command);
    VerifyProgress verified = VerifyProgress.register(spark.sparkContext(), "mcred " + a.command);
    Dataset<Row> results;
    try {
      results = switch (a.command) {
        case "verify" -> {
          SparkVerifier v = SparkCredentials.verifier(a.at).withProgress(verified);
          for (String c : a.controllers) {
            try {
              v = v.withControllerDocument(read(c));
            } catch (SparkException e) {
              throw new JobException(FAILED, "--controller " + c + ": " + e.getMessage());
            }
          }
          for (String s : a.statusLists) {
            try {
              v = v.withStatusList(read(s));
            } catch (SparkException e) {
              throw new JobException(FAILED, "--status-list " + s + ": " + e.getMessage());
            }
          }
          yield v.verify(partitioned(SparkCredentials.lines(spark, a.credentials), a.partitions));
        }
        case "plan" -> {
          SparkPlanner p = SparkStacking.planner(rules(a.rules), read(a.catalogue)).withAsOf(a.asOf)
              .withObjective(a.objective).withProgress(progress);
          if (a.budgetMs != null) {
            p = p.withBudget(Duration.ofMillis(a.budgetMs));
          }
          yield p.plan(partitioned(transcripts(spark, a), a.partitions));
        }
        default -> {
          SparkAuditor au = SparkStacking.auditor(rules(a.rules)).withAsOf(a.asOf).withProgress(progress);
          if (a.budgetMs != null) {
            au = au.withBudget(Duration.ofMillis(a.budgetMs));
          }
          yield au.audit(partitioned(transcripts(spark, a), a.partitions));
        }
      };
    } catch (SparkException e) {
      throw new JobException(FAILED, (e.code() == SparkErrorCode.INPUT_COLUMNS ? "--transcripts " + a.transcripts
          + " (--format " + a.format + "): " : "") + e.getMessage());
    } catch (StackingException e) {
      throw new JobException(FAILED, e.getMessage());
    }
    boolean verify = a.command.equals("verify");
    Runnable report = () -> {
      err.printf("mcred %s: %d %s so far (%s), %.0f s%n", a.command, verify ? verified.total() : progress.total(),
          verify ? "credentials" : "learner-qualification pairs", verify ? verified : progress,
          (System.nanoTime() - start) / 1e9);
      err.flush();
    };
    Thread reporter = new Thread(() -> {
      try {
        while (true) {
          Thread.sleep(10_000);
          report.run();
        }
      } catch (InterruptedException e) {
        // done
      }
    }, "mcred-progress");
    reporter.setDaemon(true);
    reporter.start();
    try {
      var w = results.write().mode(SaveMode.ErrorIfExists);
      if (a.outFormat.equals("json")) {
        w.json(a.out);
      } else {
        w.parquet(a.out);
      }
    } catch (Exception e) { // Spark's AnalysisException is checked but not declared
      throw new JobException(FAILED, "the job failed: " + e.getMessage());
    } finally {
      reporter.interrupt();
    }
    report.run(); // the accumulators' final counts (a retried task counts twice: the summary below counts rows)
    Dataset<Row> written = a.outFormat.equals("json") ? spark.read().json(a.out) : spark.read().parquet(a.out);
    List<Row> summary = switch (a.command) {
      case "verify" -> written.groupBy("kind", "verified").count().orderBy("kind", "verified").collectAsList();
      case "plan" -> written.groupBy("qualification", "status", "complete").count()
          .orderBy("qualification", "status", "complete").collectAsList();
      default -> SparkAuditor.summary(written).collectAsList();
    };
    long rows = 0;
    for (Row r : summary) {
      rows += r.getLong(r.length() - 1);
    }
    out.printf("mcred %s: %d rows written to %s in %.1f s%n", a.command, rows, a.out,
        (System.nanoTime() - start) / 1e9);
    for (Row r : summary) {
      StringBuilder s = new StringBuilder("  ");
      for (int i = 0; i < r.length() - 1; i++) {
        s.append(r.schema().fieldNames()[i]).append('=').append(r.get(i)).append(' ');
      }
      out.println(s.append(r.getLong(r.length() - 1)));
    }
    out.flush();
    return OK;
  }

  private static Dataset<Row> partitioned(Dataset<Row> d, Integer partitions) {
    return partitions == null ? d : d.repartition(partitions);
  }

  private static Dataset<Row> transcripts(SparkSession spark, Args a) throws SparkException {
    return switch (a.format) {
      case "credentials" -> SparkStacking.fromCredentials(spark.read().parquet(a.transcripts));
      case "transcripts" -> SparkStacking.fromTranscripts(spark.read().parquet(a.transcripts));
      default -> SparkStacking.jsonLines(spark, a.transcripts);
    };
  }

  private static List<Rules> rules(List<String> files) throws JobException {
    List<Rules> out = new ArrayList<>();
    for (String f : files) {
      try {
        out.add(Rules.fromJson(read(f)));
      } catch (StackingException e) {
        throw new JobException(FAILED, "--rules " + f + ": " + e.getMessage());
      }
    }
    return out;
  }

  private static String read(String file) throws JobException {
    try {
      return Files.readString(Path.of(file), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new JobException(FAILED, "no such file: " + file);
    } catch (IOException e) {
      throw new JobException(FAILED, file + ": " + e.getMessage());
    }
  }
}
