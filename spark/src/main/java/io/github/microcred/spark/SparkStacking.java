package io.github.microcred.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.stacking.Rules;
import io.github.microcred.stacking.StackingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The front door of bulk stacking on Spark: read transcripts into the one transcripts shape ({@link #TRANSCRIPTS}:
 * {@code learner}, {@code transcript} JSON text, {@code error}), then audit them against one or many rule sets
 * ({@link #auditor}), or plan completions for those not yet satisfied ({@link #planner}). Every transcript is read by {@code Transcript.fromJson}
 * and audited by {@code Stacking.auditor(rules)} on the executors, so each result row equals the in-process result.
 *
 * <pre>{@code
 * Dataset<Row> transcripts = SparkStacking.jsonLines(spark, "hdfs:///audits/transcripts.jsonl");
 * Dataset<Row> results = SparkStacking.auditor(List.of(msc, certificate)).withAsOf(LocalDate.of(2026, 12, 1))
 *     .audit(transcripts);                       // one AuditRow per learner and qualification
 * results.write().parquet("hdfs:///audits/results");
 * }</pre>
 */
public final class SparkStacking {
  /** The learner column: the key of a transcript, and of its result rows. */
  public static final String LEARNER = "learner";
  /** The transcript column: a stacking transcript as JSON text, {@code {"credentials":[...]}}. */
  public static final String TRANSCRIPT = "transcript";
  /** The error column: why the input row could not be read as a transcript (null when it could). */
  public static final String ERROR = "error";

  /** The shape the auditor and the planner read: learner, transcript JSON text, and a reading error or null. */
  public static final StructType TRANSCRIPTS = new StructType()
      .add(LEARNER, DataTypes.StringType, false)
      .add(TRANSCRIPT, DataTypes.StringType, true)
      .add(ERROR, DataTypes.StringType, true);

  /** The credential members of a stacking transcript, the columns {@link #fromCredentials} accepts. */
  public static final Set<String> CREDENTIAL_COLUMNS = Set.of("id", "title", "credits", "unit", "level", "issuer",
      "provider", "origin", "kind", "subjects", "competencies", "tags", "issued", "expires", "creditBearing",
      "assessed");

  static final JsonMapper JSON = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private SparkStacking() {}

  /**
   * Reads JSON lines: one transcript per line, the format of {@code mcred audit --bulk}
   * ({@code {"credentials":[...]}}) with an optional {@code "learner"} string member. Blank lines are skipped. A line
   * without {@code learner} is keyed {@code line:N}, N its 1-based line number over the whole input (in file order;
   * give {@code learner} when the input is many files). The line without its {@code learner} member is the
   * transcript ({@code Transcript.fromJson} refuses any other unknown member). A line that is not a JSON object,
   * repeats a key or has a non-string {@code learner} becomes a row with an {@code error}, which audits as
   * {@code INVALID}.
   *
   * @param spark the session
   * @param path a file, directory or glob Spark's text source reads
   * @return the transcripts ({@link #TRANSCRIPTS})
   */
  public static Dataset<Row> jsonLines(SparkSession spark, String path) {
    JavaRDD<Row> rows = spark.read().textFile(path).javaRDD().zipWithIndex()
        .filter(t -> !t._1().isBlank())
        .map(t -> line(t._1(), t._2() + 1));
    return spark.createDataFrame(rows, TRANSCRIPTS);
  }

  /**
   * One line of a JSON lines input as a transcripts row.
   *
   * @param text the line
   * @param number its line number
   * @return the row
   */
  static Row line(String text, long number) {
    String key = "line:" + number;
    JsonNode n;
    try {
      n = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      return RowFactory.create(key, null, "$: not JSON: " + e.getOriginalMessage());
    }
    if (n == null || !n.isObject()) {
      return RowFactory.create(key, null, "$: expected a transcript object, got " + (n == null ? "nothing"
          : n.getNodeType().name().toLowerCase(Locale.ROOT)));
    }
    JsonNode learner = n.get(LEARNER);
    if (learner != null && !learner.isTextual()) {
      return RowFactory.create(key, null, "$.learner: expected a string, got "
          + learner.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    if (learner != null && learner.asText().isEmpty()) {
      return RowFactory.create(key, null, "$.learner: expected a non-empty string");
    }
    // the line without its learner member: Transcript.fromJson reads (and names any fault in) the rest
    ObjectNode rest = ((ObjectNode) n)
        .deepCopy();
    rest.remove(LEARNER);
    String transcript = rest.toString();
    return RowFactory.create(learner == null ? key : learner.asText(), transcript, null);
  }

  /**
   * Groups a table with one credential per row (Parquet, a catalog table, ...) into transcripts: a {@code learner}
   * column, and credential columns named as the transcript's members ({@link #CREDENTIAL_COLUMNS}; dates as
   * {@code DATE} or ISO strings, sets as string arrays). A learner's credentials are ordered by {@code id} (then by
   * their other values), so results do not depend on partitioning.
   *
   * @param credentials the table
   * @return the transcripts ({@link #TRANSCRIPTS})
   * @throws SparkException {@link SparkErrorCode#INPUT_COLUMNS} when {@code learner} or {@code id} is missing or a
   *     column is not a credential member (the message names the columns)
   */
  public static Dataset<Row> fromCredentials(Dataset<Row> credentials) throws SparkException {
    List<String> cols = Arrays.asList(credentials.columns());
    if (!cols.contains(LEARNER) || !cols.contains("id")) {
      throw new SparkException(SparkErrorCode.INPUT_COLUMNS, "credentials table: expected columns 'learner' and 'id', got " + cols);
    }
    List<Column> members = new ArrayList<>();
    for (String c : cols) {
      if (c.equals(LEARNER)) {
        continue;
      }
      if (!CREDENTIAL_COLUMNS.contains(c)) {
        throw new SparkException(SparkErrorCode.INPUT_COLUMNS, "credentials table: column '" + c + "' is not a transcript credential "
            + "member (expected " + new TreeSet<>(CREDENTIAL_COLUMNS) + ")");
      }
      members.add(functions.col(c));
    }
    Dataset<Row> one = credentials.select(functions.col(LEARNER).cast(DataTypes.StringType).as(LEARNER),
        functions.struct(functions.col("id").cast(DataTypes.StringType).as("k"),
            functions.to_json(functions.struct(members.toArray(new Column[0]))).as("c")).as("kc"));
    return one.groupBy(LEARNER)
        .agg(functions.sort_array(functions.collect_list(functions.col("kc"))).as("cs"))
        .select(functions.col(LEARNER),
            functions.expr("concat('{\"credentials\":[', array_join(transform(cs, x -> x.c), ','), ']}')")
                .as(TRANSCRIPT),
            functions.lit(null).cast(DataTypes.StringType).as(ERROR));
  }

  /**
   * Reads a table with one transcript per row: a {@code learner} column and a {@code credentials} array of structs
   * whose fields are the transcript's credential members (what Spark's JSON or Parquet source makes of a JSON lines
   * file), or a {@code transcript} column of JSON text.
   *
   * @param table the table
   * @return the transcripts ({@link #TRANSCRIPTS})
   * @throws SparkException {@link SparkErrorCode#INPUT_COLUMNS} when the columns are neither shape (the message
   *     names the columns found)
   */
  public static Dataset<Row> fromTranscripts(Dataset<Row> table) throws SparkException {
    List<String> cols = Arrays.asList(table.columns());
    if (!cols.contains(LEARNER) || !(cols.contains("credentials") || cols.contains(TRANSCRIPT))) {
      throw new SparkException(SparkErrorCode.INPUT_COLUMNS, "transcripts table: expected 'learner' and 'credentials' (or "
          + "'transcript'), got " + cols);
    }
    Column transcript = cols.contains(TRANSCRIPT) ? functions.col(TRANSCRIPT).cast(DataTypes.StringType)
        : functions.to_json(functions.struct(functions.col("credentials")));
    return table.select(functions.col(LEARNER).cast(DataTypes.StringType).as(LEARNER), transcript.as(TRANSCRIPT),
        cols.contains(ERROR) ? functions.col(ERROR).cast(DataTypes.StringType).as(ERROR)
            : functions.lit(null).cast(DataTypes.StringType).as(ERROR));
  }

  /**
   * An auditor of transcripts against rule sets: each learner's transcript is audited against every rule set,
   * giving one {@link AuditRow} per learner and qualification.
   *
   * @param rules the rule sets (validated here, on the driver)
   * @return the auditor (as of today, UTC; the default budget)
   * @throws StackingException {@link io.github.microcred.stacking.StackingErrorCode#RULES_INVALID} for invalid rules
   * @throws SparkException {@link SparkErrorCode#INVALID_ARGUMENT} for no rule set or two with one id,
   *     {@link SparkErrorCode#NOT_PORTABLE} for rules whose JSON form does not read back the same
   */
  public static SparkAuditor auditor(List<Rules> rules) throws StackingException, SparkException {
    return SparkAuditor.of(rules);
  }

  /**
   * A planner of completions for the learners who do not yet satisfy a rule set, against a catalogue.
   *
   * @param rules the rule sets
   * @param catalogueJson the catalogue in the JSON form {@code Catalogue.fromJson} reads (broadcast as it is)
   * @return the planner (as of today, UTC; minimising cost; the default budgets)
   * @throws StackingException on invalid rules or catalogue (checked here, on the driver)
   * @throws SparkException as {@link #auditor(List)} does for the rule sets
   */
  public static SparkPlanner planner(List<Rules> rules, String catalogueJson) throws StackingException,
      SparkException {
    return SparkPlanner.of(rules, catalogueJson);
  }
}
