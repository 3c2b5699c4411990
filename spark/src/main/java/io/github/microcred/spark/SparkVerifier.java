package io.github.microcred.spark;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.microcred.spark.internal.ExecutorCache;
import io.github.microcred.vc.ControllerDocument;
import io.github.microcred.vc.Credentials;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.VerifyOptions;
import io.github.microcred.vc.jose.JwtVerification;
import io.github.microcred.vc.jose.VcJwt;
import io.github.microcred.vc.status.BitstringStatusCheck;
import io.github.microcred.vc.status.StatusListOptions;
import io.github.microcred.vc.status.StatusListSource;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * An immutable verification of credentials on Spark, configured as {@code VerifyOptions} is: one verification time,
 * trusted controller documents and published status lists. {@link #verify} broadcasts them once (as JSON text);
 * each executor builds its {@code VerifyOptions} once, with a {@code BitstringStatusCheck} over the broadcast lists
 * (offline: no network from executors), whose decoded lists every task of the executor shares. Each row is verified
 * by {@code Credentials.verify} or {@code VcJwt.verify} with those options, so each result equals the in-process one.
 */
public final class SparkVerifier {
  private final Spec spec;
  private final VerifyProgress progress;

  /** What is broadcast: the verification time and skew, controller documents and status lists as text. */
  record Spec(Instant at, Duration skew, List<String> controllers, Map<String, String> statusLists)
      implements Serializable {
    private static final long serialVersionUID = 1L;

    String key() {
      List<String> parts = new ArrayList<>();
      parts.add("verify " + at + " " + skew);
      parts.addAll(controllers);
      statusLists.forEach((k, v) -> {
        parts.add(k);
        parts.add(v);
      });
      return ExecutorCache.digest(parts);
    }

    /** The options every row is verified with (built once per executor). */
    VerifyOptions options() {
      Clock clock = Clock.fixed(at, ZoneOffset.UTC);
      VerifyOptions o = VerifyOptions.defaults().withClock(clock).withMaxClockSkew(skew);
      StatusListOptions lists = StatusListOptions
          .defaults().withClock(clock);
      for (String c : controllers) {
        ControllerDocument d;
        try {
          d = controller(c);
        } catch (SparkException e) { // parsed on the driver already
          throw new IllegalStateException(e.getMessage(), e);
        }
        o = o.withControllerDocument(d);
        lists = lists.withControllerDocument(d);
      }
      return o.withStatus(BitstringStatusCheck.create(StatusListSource.offline(statusLists), lists));
    }
  }

  private SparkVerifier(Spec spec) {
    this(spec, null);
  }

  private SparkVerifier(Spec spec, VerifyProgress progress) {
    this.spec = spec;
    this.progress = progress;
  }

  static SparkVerifier at(Instant at) {
    return new SparkVerifier(new Spec(Objects.requireNonNull(at, "at"), VerifyOptions.DEFAULT_SKEW, List.of(),
        Map.of()));
  }

  static ControllerDocument controller(String json) throws SparkException {
    try {
      return ControllerDocument.fromJson(Credentials.readObject(Objects.requireNonNull(json, "json")
          .getBytes(StandardCharsets.UTF_8)));
    } catch (VcException e) {
      throw new SparkException(SparkErrorCode.CONTROLLER_DOCUMENT_INVALID, "controller document: " + e.getMessage(),
          e);
    }
  }

  /**
   * Trusting a controller document (e.g. an {@code https:} issuer's), for credentials and status lists alike.
   *
   * @param json the document's JSON text
   * @return a new verifier
   * @throws SparkException {@link SparkErrorCode#CONTROLLER_DOCUMENT_INVALID} when it is not a controller document
   *     (checked here, on the driver)
   */
  public SparkVerifier withControllerDocument(String json) throws SparkException {
    controller(json);
    List<String> c = new ArrayList<>(spec.controllers());
    c.add(json);
    return new SparkVerifier(new Spec(spec.at(), spec.skew(), List.copyOf(c), spec.statusLists()), progress);
  }

  /**
   * Checking {@code credentialStatus} against a published status list credential (Data Integrity JSON or
   * {@code vc+jwt}), served offline under its own {@code id}. Without a list a credential with a status fails
   * closed.
   *
   * @param published the list credential's text
   * @return a new verifier
   * @throws SparkException {@link SparkErrorCode#STATUS_LIST_INVALID} when it is neither JSON nor a JWT with a
   *     string {@code id}
   */
  public SparkVerifier withStatusList(String published) throws SparkException {
    String text = Objects.requireNonNull(published, "published").strip();
    Map<String, String> m = new LinkedHashMap<>(spec.statusLists());
    m.put(listId(text), text);
    return new SparkVerifier(new Spec(spec.at(), spec.skew(), spec.controllers(),
        Collections.unmodifiableMap(m)), progress);
  }

  /**
   * With another tolerated clock skew (default {@link VerifyOptions#DEFAULT_SKEW}).
   *
   * @param s the skew, 0 to {@link VerifyOptions#MAX_SKEW}
   * @return a new verifier
   */
  public SparkVerifier withMaxClockSkew(Duration s) {
    VerifyOptions.defaults().withMaxClockSkew(s); // the same bounds check
    return new SparkVerifier(new Spec(spec.at(), s, spec.controllers(), spec.statusLists()), progress);
  }

  /**
   * Counting rows as verified or not into accumulators as they are verified (live progress in the Spark UI).
   *
   * @param p the accumulators
   * @return a new verifier
   */
  public SparkVerifier withProgress(VerifyProgress p) {
    return new SparkVerifier(spec, Objects.requireNonNull(p, "progress"));
  }

  /**
   * The options each row is verified with, as the executors build them: for an in-process comparison.
   *
   * @return the options
   */
  public VerifyOptions options() {
    return spec.options();
  }

  private static String listId(String list) throws SparkException {
    try {
      JsonNode doc = VcJwt.looksLikeJwt(list)
          ? SparkStacking.JSON.readTree(Base64.getUrlDecoder().decode(list.split("\\.")[1]))
          : SparkStacking.JSON.readTree(list);
      if (doc != null && doc.path("id").isTextual()) {
        return doc.get("id").asText();
      }
    } catch (IOException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      // reported below
    }
    throw new SparkException(SparkErrorCode.STATUS_LIST_INVALID, "status list: expected a status list credential "
        + "(JSON, or a JWT whose payload is one) with a string 'id', got "
        + (list.length() > 40 ? list.substring(0, 40) + "..." : list));
  }

  /**
   * Verifies every credential: one {@link VerifyRow} per input row ({@link VerifyRow#SCHEMA}), lazily. A bad
   * credential is a row with {@code verified = false} and its failed checks; it never fails the job.
   *
   * @param credentials a Dataset with {@code id} and {@code credential} columns ({@link SparkCredentials#CREDENTIALS})
   * @return the results
   */
  public Dataset<Row> verify(Dataset<Row> credentials) {
    Dataset<Row> in = credentials.select(functions.col(SparkCredentials.ID).cast(DataTypes.StringType),
        functions.col(SparkCredentials.CREDENTIAL).cast(DataTypes.StringType));
    Broadcast<Spec> b = JavaSparkContext.fromSparkContext(in.sparkSession().sparkContext()).broadcast(spec);
    return in.mapPartitions(new Partition(b, progress), Encoders.row(VerifyRow.SCHEMA));
  }

  /**
   * Verifies one credential as every executor does.
   *
   * @param id the row id
   * @param text the credential (JSON text or compact JWT)
   * @param options the options
   * @return the row
   */
  static VerifyRow verifyOne(String id, String text, VerifyOptions options) {
    if (text != null && VcJwt.looksLikeJwt(text)) {
      JwtVerification v = VcJwt.verify(text.strip()).withOptions(options).get();
      return VerifyRow.of(id, v.legacy() ? "vc-jwt-1.1" : "vc+jwt", v.result(),
          v.rejections().stream().map(Enum::name).toList());
    }
    return VerifyRow.of(id, "data-integrity", Credentials.verify(text == null ? "" : text).withOptions(options).get(),
        List.of());
  }

  static final class Partition implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<Spec> spec;
    private final VerifyProgress progress;

    Partition(Broadcast<Spec> spec, VerifyProgress progress) {
      this.spec = spec;
      this.progress = progress;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> input) {
      Spec s = spec.value();
      VerifyOptions options = ExecutorCache.get(s.key(), k -> s.options());
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return input.hasNext();
        }

        @Override
        public Row next() {
          if (!input.hasNext()) {
            throw new NoSuchElementException();
          }
          Row in = input.next();
          String id = in.isNullAt(0) ? "" : in.getString(0);
          VerifyRow r = verifyOne(id, in.isNullAt(1) ? null : in.getString(1), options);
          if (progress != null) {
            progress.count(r.verified());
          }
          return r.toRow();
        }
      };
    }
  }

  @Override
  public String toString() {
    return "SparkVerifier[at " + spec.at() + ", " + spec.controllers().size() + " controller documents, "
        + spec.statusLists().keySet() + "]";
  }
}
