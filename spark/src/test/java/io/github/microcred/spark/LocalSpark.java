package io.github.microcred.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/** One local[2] Spark session for all the tests of the JVM, bound to 127.0.0.1, without its web UI. */
final class LocalSpark {
  private static SparkSession session;

  private LocalSpark() {}

  static synchronized SparkSession get() {
    if (session == null) {
      try {
        Path warehouse = Files.createTempDirectory("mcred-spark-warehouse");
        session = SparkSession.builder().master("local[2]").appName("microcred-spark-tests")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "4")
            .config("spark.sql.warehouse.dir", warehouse.toUri().toString())
            .getOrCreate();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> session.stop()));
    }
    return session;
  }
}
