package io.github.microcred.spark;

import io.github.microcred.vc.VerificationCheck;
import io.github.microcred.vc.VerificationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One result row of {@link SparkVerifier#verify}: the verification of one credential. The Dataset carries these
 * columns ({@link #SCHEMA}); {@link #of(Row)} reads a row back as this record.
 *
 * @param id the input row's id
 * @param kind {@code data-integrity}, {@code vc+jwt} or {@code vc-jwt-1.1} (as {@code mcred verify} reports it)
 * @param verified whether every check passed
 * @param failures the failed checks, each {@code check}, {@code path}, {@code message}
 * @param rejections the JWT rejection reasons ({@code JwtRejection} names); empty for Data Integrity
 * @param result the whole {@code VerificationResult.toJson()} as compact JSON text
 */
public record VerifyRow(String id, String kind, boolean verified, List<Failure> failures, List<String> rejections,
    String result) {

  /** The columns of a verification result Dataset, in order. */
  public static final StructType SCHEMA = new StructType()
      .add("id", DataTypes.StringType, false)
      .add("kind", DataTypes.StringType, false)
      .add("verified", DataTypes.BooleanType, false)
      .add("failures", DataTypes.createArrayType(new StructType()
          .add("check", DataTypes.StringType, false)
          .add("path", DataTypes.StringType, false)
          .add("message", DataTypes.StringType, false), false), false)
      .add("rejections", DataTypes.createArrayType(DataTypes.StringType, false), false)
      .add("result", DataTypes.StringType, false);

  /**
   * A failed check.
   *
   * @param check the {@code CheckName} name
   * @param path where
   * @param message why
   */
  public record Failure(String check, String path, String message) {}

  /** Copies. */
  public VerifyRow {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    failures = List.copyOf(failures);
    rejections = List.copyOf(rejections);
    Objects.requireNonNull(result, "result");
  }

  /**
   * The row of an in-process verification.
   *
   * @param id the input's id
   * @param kind the kind
   * @param r the result
   * @param rejections JWT rejection names
   * @return the row
   */
  public static VerifyRow of(String id, String kind, VerificationResult r, List<String> rejections) {
    List<Failure> f = new ArrayList<>();
    for (VerificationCheck c : r.failures()) {
      f.add(new Failure(c.name().name(), c.path(), c.message()));
    }
    return new VerifyRow(id, kind, r.verified(), f, rejections, r.toJson().toString());
  }

  /**
   * Reads a row of a verification result Dataset.
   *
   * @param row a row with the {@link #SCHEMA} columns
   * @return the record
   */
  public static VerifyRow of(Row row) {
    List<Failure> f = new ArrayList<>();
    for (Row x : row.<Row>getList(row.fieldIndex("failures"))) {
      f.add(new Failure(x.getString(0), x.getString(1), x.getString(2)));
    }
    return new VerifyRow(row.getAs("id"), row.getAs("kind"), row.<Boolean>getAs("verified"), f,
        row.<String>getList(row.fieldIndex("rejections")), row.getAs("result"));
  }

  /**
   * This record as a row of {@link #SCHEMA}.
   *
   * @return the row
   */
  public Row toRow() {
    List<Row> f = new ArrayList<>();
    for (Failure x : failures) {
      f.add(RowFactory.create(x.check(), x.path(), x.message()));
    }
    return new GenericRowWithSchema(new Object[] {id, kind, verified, Columns.seq(f), Columns.seq(rejections),
        result}, SCHEMA);
  }
}
