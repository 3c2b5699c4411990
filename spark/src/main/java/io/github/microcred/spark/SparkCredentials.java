package io.github.microcred.spark;

import java.time.Instant;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The front door of bulk credential verification on Spark: read signed credentials into the one credentials shape
 * ({@link #CREDENTIALS}: {@code id}, {@code credential} text), then verify them with {@link #verifier(Instant)}.
 *
 * <pre>{@code
 * Dataset<Row> creds = SparkCredentials.lines(spark, "hdfs:///issued/2026-12/*.txt");
 * Dataset<Row> results = SparkCredentials.verifier(Instant.parse("2026-12-01T00:00:00Z"))
 *     .withControllerDocument(universityDoc).withStatusList(revocationListJwt).verify(creds);
 * }</pre>
 */
public final class SparkCredentials {
  /** The id column: the key of a credential, and of its result row. */
  public static final String ID = "id";
  /** The credential column: a Data Integrity credential as JSON text, or a {@code vc+jwt} in compact form. */
  public static final String CREDENTIAL = "credential";
  /** The shape the verifier reads. */
  public static final StructType CREDENTIALS = new StructType()
      .add(ID, DataTypes.StringType, false)
      .add(CREDENTIAL, DataTypes.StringType, false);

  private SparkCredentials() {}

  /**
   * Reads text with one credential per line (a Data Integrity credential as one-line JSON, or a compact
   * {@code vc+jwt}); blank lines are skipped; each row's id is {@code line:N}, N its 1-based line number over the
   * whole input.
   *
   * @param spark the session
   * @param path a file, directory or glob Spark's text source reads
   * @return the credentials ({@link #CREDENTIALS})
   */
  public static Dataset<Row> lines(SparkSession spark, String path) {
    JavaRDD<Row> rows = spark.read().textFile(path).javaRDD().zipWithIndex()
        .filter(t -> !t._1().isBlank())
        .map(t -> RowFactory.create("line:" + (t._2() + 1), t._1()));
    return spark.createDataFrame(rows, CREDENTIALS);
  }

  /**
   * A verifier of credentials as of one instant (every row is verified at the same time, whichever executor runs
   * it), with the pinned contexts, offline DID resolution, and no controller documents or status lists until added.
   *
   * @param at the verification time (validity periods, JWT {@code exp} / {@code nbf}, status list validity)
   * @return the verifier
   */
  public static SparkVerifier verifier(Instant at) {
    return SparkVerifier.at(at);
  }
}
