package io.github.microcred.ctdl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.microcred.core.Issue;
import io.github.microcred.core.Severity;
import io.github.microcred.ctdl.internal.GraphValidator;
import io.github.microcred.ctdl.internal.Json;
import io.github.microcred.ctdl.internal.Policy;
import io.github.microcred.ctdl.internal.Vocabulary;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Objects;

/**
 * An offline CTDL validator, configured and immutable. Obtain one with {@link Ctdl#validator()}; the defaults use
 * the CTDL and CTDL-ASN schema encodings and Credential Engine minimum-data policy shipped in this jar.
 *
 * <pre>{@code
 * CtdlReport report = Ctdl.validator().withPolicy(myPolicyTsv).validate(graphJson);
 * }</pre>
 */
public final class CtdlValidator {
  private final Vocabulary vocab;
  private final Policy policy;

  private CtdlValidator(Vocabulary vocab, Policy policy) {
    this.vocab = vocab;
    this.policy = policy;
  }

  static CtdlValidator defaults() {
    return new CtdlValidator(Vocabulary.defaults(), Policy.defaults());
  }

  /**
   * Returns a validator that reads the minimum-data policy from a TSV (columns {@code class, level, label,
   * properties}, levels {@code REQUIRED} / {@code RECOMMENDED}, properties separated by {@code |}).
   *
   * @param policyTsv the policy table
   * @return a new validator
   * @throws CtdlException {@link CtdlErrorCode#INVALID_POLICY} naming the bad line
   */
  public CtdlValidator withPolicy(String policyTsv) throws CtdlException {
    Objects.requireNonNull(policyTsv, "policyTsv");
    try {
      return new CtdlValidator(vocab, Policy.parse(new StringReader(policyTsv)));
    } catch (IOException e) {
      throw new CtdlException(CtdlErrorCode.INVALID_POLICY, e.getMessage(), e);
    }
  }

  /**
   * Returns a validator that checks the schema only, without the minimum-data policy.
   *
   * @return a new validator
   */
  public CtdlValidator withoutPolicy() {
    return new CtdlValidator(vocab, null);
  }

  /**
   * Returns a validator that uses other schema encodings, e.g. a newer copy of
   * {@code https://credreg.net/ctdl/schema/encoding/json} and the CTDL-ASN one, with the pinned contexts.
   *
   * @param ctdlSchema the CTDL schema encoding (JSON)
   * @param ctdlasnSchema the CTDL-ASN schema encoding (JSON)
   * @return a new validator
   * @throws CtdlException {@link CtdlErrorCode#INVALID_SCHEMA} when a document is not JSON with a {@code @graph}
   */
  public CtdlValidator withSchema(String ctdlSchema, String ctdlasnSchema) throws CtdlException {
    try {
      JsonNode a = Json.MAPPER.readTree(ctdlSchema);
      JsonNode b = Json.MAPPER.readTree(ctdlasnSchema);
      if (!a.path("@graph").isArray() || !b.path("@graph").isArray()) {
        throw new CtdlException(CtdlErrorCode.INVALID_SCHEMA, "a schema encoding must be an object with a @graph array");
      }
      return new CtdlValidator(Vocabulary.withSchemas(List.of(a, b)), policy);
    } catch (JsonProcessingException e) {
      throw new CtdlException(CtdlErrorCode.INVALID_SCHEMA, "schema is not JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Validates a parsed document: a graph ({@code @graph}), a Registry envelope ({@code decoded_resource}), an
   * array of nodes or a single resource. A tree nested deeper than 256 levels gives one
   * {@link CtdlProblemCode#NOT_A_GRAPH} error at the path where it went too deep (nothing recurses into it).
   *
   * @param document the JSON
   * @return the report of all problems
   */
  public CtdlReport validate(JsonNode document) {
    Objects.requireNonNull(document, "document");
    String deep = Json.tooDeep(document);
    if (deep != null) {
      return new CtdlReport(List.of(new Issue(deep, CtdlProblemCode.NOT_A_GRAPH, Severity.ERROR,
          Json.tooDeepMessage(deep))));
    }
    return new CtdlReport(new GraphValidator(vocab, policy).validate(document));
  }

  /**
   * Parses and validates a document. Malformed JSON gives a report with one {@link CtdlProblemCode#NOT_A_GRAPH}
   * error naming the line and column.
   *
   * @param json the JSON text (a UTF-8 byte order mark is tolerated)
   * @return the report
   */
  public CtdlReport validate(String json) {
    Objects.requireNonNull(json, "json");
    try {
      return validate(Json.parse(json));
    } catch (JsonProcessingException e) {
      return new CtdlReport(List.of(new Issue("$", CtdlProblemCode.NOT_A_GRAPH, Severity.ERROR,
          Json.describe(e))));
    }
  }
}
