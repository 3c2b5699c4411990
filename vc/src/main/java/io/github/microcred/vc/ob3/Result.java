package io.github.microcred.vc.ob3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.VcException;
import java.util.List;
import java.util.Optional;

/**
 * OB3 {@code Result}: the learner's result for a {@link ResultDescription}.
 *
 * @param resultDescription IRI of the result description
 * @param value the value (grade, score...)
 * @param achievedLevel IRI of the achieved rubric level
 * @param status e.g. {@code Completed}, {@code Enrolled}
 * @param alignments alignments
 */
public record Result(Optional<String> resultDescription, Optional<String> value, Optional<String> achievedLevel,
    Optional<String> status, List<Alignment> alignments) {
  /** Copies the list. */
  public Result {
    alignments = List.copyOf(alignments);
  }

  /**
   * The JSON-LD form.
   *
   * @return a new object
   */
  public ObjectNode toJson() {
    ObjectNode n = Json.typed("Result");
    Json.put(n, "resultDescription", resultDescription);
    Json.put(n, "value", value);
    Json.put(n, "achievedLevel", achievedLevel);
    Json.put(n, "status", status);
    Json.putList(n, "alignment", alignments, Alignment::toJson);
    return n;
  }

  static Result fromJson(JsonNode n, String path) throws VcException {
    return new Result(Json.str(n, "resultDescription"), Json.str(n, "value"), Json.str(n, "achievedLevel"),
        Json.str(n, "status"), Json.list(n, "alignment", path, Alignment::fromJson));
  }
}
