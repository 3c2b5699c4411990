package io.github.microcred.cli;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code mcred bulk --spark MASTER}: runs the spark module's job ({@code io.github.microcred.spark.BulkJob}) in a
 * child JVM on the spark module's classpath, so that the CLI jar carries no Spark.
 */
@Command(name = "bulk", mixinStandardHelpOptions = true,
    description = "Bulk audit, plan or verify on Apache Spark: runs the microcred-spark job (BulkJob) with the given "
        + "master in a child JVM. The CLI jar has no Spark: the job's classpath is $MCRED_SPARK_CLASSPATH, else "
        + "spark/target/spark-classpath.txt of this checkout, which `./mvnw -pl spark -am package -DskipTests` "
        + "writes. The job's arguments follow: audit --rules R.json --transcripts T.jsonl --out DIR, "
        + "plan ... --catalogue C.json, verify --credentials C.txt [--status-list F] [--controller D] --out DIR "
        + "(see the README's spark section). Exit codes are the job's.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {" 0:the job ran and wrote its rows", " 1:unreadable input, a failed job or no Spark classpath",
        " 2:usage error"})
public final class BulkCommand implements Callable<Integer> {
  /** The job's main class in microcred-spark. */
  static final String JOB = "io.github.microcred.spark.BulkJob";
  /** The environment variable that overrides where the job's classpath comes from. */
  static final String CLASSPATH_ENV = "MCRED_SPARK_CLASSPATH";
  /** The JVM flags Spark needs on Java 17 (what spark-submit adds itself). */
  static final List<String> JVM_FLAGS = List.of("-XX:+IgnoreUnrecognizedVMOptions",
      "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
      "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
      "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
      "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED", "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
      "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED", "-Djdk.reflect.useDirectMethodHandle=false",
      "-Dio.netty.tryReflectionSetAccessible=true");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--spark", required = true, paramLabel = "MASTER",
      description = "the Spark master: local[*] (every core of this machine), local[N], or a cluster URL")
  String master;

  @CommandLine.Parameters(paramLabel = "JOB", description = "the job's command (audit, plan or verify) and its "
      + "options, passed on as they are (Main stops option parsing at the first positional argument of bulk)")
  List<String> job = new ArrayList<>();

  @Option(names = "--memory", paramLabel = "SIZE",
      description = "the child JVM's heap (-Xmx), e.g. 4g; in local mode the driver runs every task")
  String memory;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (job.isEmpty() || !List.of("audit", "plan", "verify").contains(job.get(0))) {
      throw new CliException(Main.USAGE, "bulk: expected the job's command, audit, plan or verify, after --spark "
          + master);
    }
    if (memory != null && !memory.matches("[1-9][0-9]*[kKmMgG]?")) {
      throw new CliException(Main.USAGE, "--memory: expected a heap size such as 512m or 4g, got '" + memory + "'");
    }
    String classpath = classpath(System.getenv(CLASSPATH_ENV), home());
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(JVM_FLAGS);
    if (memory != null) {
      cmd.add("-Xmx" + memory);
    }
    cmd.add("-cp");
    cmd.add(classpath);
    cmd.add(JOB);
    cmd.addAll(job);
    cmd.add("--master");
    cmd.add(master);
    ProcessBuilder pb = new ProcessBuilder(cmd);
    if (master.startsWith("local")) {
      pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1"); // local mode binds to loopback only
    }
    Process p = pb.start();
    // ^C on mcred stops the job too
    Thread stop = new Thread(p::destroy, "mcred-bulk-stop");
    Runtime.getRuntime().addShutdownHook(stop);
    try {
      p.getOutputStream().close();
      Thread out = pipe(p.getInputStream(), spec.commandLine().getOut());
      Thread err = pipe(p.getErrorStream(), spec.commandLine().getErr());
      int code = p.waitFor();
      out.join();
      err.join();
      return code;
    } finally {
      p.destroy();
      try {
        Runtime.getRuntime().removeShutdownHook(stop);
      } catch (IllegalStateException e) {
        // shutting down: the hook runs
      }
    }
  }

  /** Copies the child's output, line by line, to the command's writer (stdout or stderr). */
  private static Thread pipe(InputStream in, PrintWriter to) {
    Thread t = new Thread(() -> {
      try (var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          to.println(line);
          to.flush();
        }
      } catch (IOException e) {
        to.println("mcred bulk: the job's output was cut: " + e.getMessage());
        to.flush();
      }
    }, "mcred-bulk-pipe");
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** The checkout this CLI jar was built in (cli/target/mcred.jar), or the working directory. */
  static Path home() {
    try {
      Path jar = Path.of(BulkCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path cli = jar.getParent() == null ? null : jar.getParent().getParent();
      if (cli != null && cli.getParent() != null && Files.isDirectory(cli.getParent().resolve("spark"))) {
        return cli.getParent();
      }
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      // below
    }
    return Path.of("").toAbsolutePath();
  }

  /**
   * The job's classpath: the environment variable's value when set, else the spark module's jar and the classpath
   * file its build writes.
   */
  static String classpath(String env, Path home) {
    if (env != null && !env.isBlank()) {
      return env;
    }
    Path file = home.resolve("spark/target/spark-classpath.txt");
    Path target = home.resolve("spark/target");
    if (!Files.isRegularFile(file)) {
      throw new CliException(Main.FAILED, "bulk: no Spark classpath: set " + CLASSPATH_ENV + " or build the spark "
          + "module first (./mvnw -pl spark -am package -DskipTests writes " + file + ")");
    }
    try (var jars = Files.list(target)) {
      Path jar = jars.filter(f -> f.getFileName().toString().matches("microcred-spark-.*\\.jar")
          && !f.getFileName().toString().endsWith("-sources.jar")
          && !f.getFileName().toString().endsWith("-javadoc.jar")).findFirst()
          .orElseThrow(() -> new CliException(Main.FAILED, "bulk: no microcred-spark jar in " + target
              + "; build it with ./mvnw -pl spark -am package -DskipTests"));
      return jar + File.pathSeparator + CliFiles.readText(file).strip();
    } catch (IOException e) {
      throw CliFiles.readFailure(target, e);
    }
  }
}
