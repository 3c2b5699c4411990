package io.github.microcred.vc.ob3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.VcException;
import java.util.List;
import java.util.Optional;

/**
 * OB3 {@code ResultDescription}: what kind of result an achievement records (grade, score, rubric level, ...).
 *
 * @param id IRI (required; results refer to it)
 * @param name name (required)
 * @param resultType e.g. {@code GradePointAverage}, {@code LetterGrade}, {@code RubricCriterionLevel},
 *     {@code ext:...} (required)
 * @param allowedValues allowed values, for enumerated results
 * @param requiredLevel id of the rubric level required to earn the achievement
 * @param requiredValue value required to earn the achievement
 * @param valueMin minimum value
 * @param valueMax maximum value
 * @param rubricCriterionLevels rubric levels
 * @param alignments alignments
 */
public record ResultDescription(String id, String name, String resultType, List<String> allowedValues,
    Optional<String> requiredLevel, Optional<String> requiredValue, Optional<String> valueMin,
    Optional<String> valueMax, List<RubricCriterionLevel> rubricCriterionLevels, List<Alignment> alignments) {
  /** Copies the lists. */
  public ResultDescription {
    allowedValues = List.copyOf(allowedValues);
    rubricCriterionLevels = List.copyOf(rubricCriterionLevels);
    alignments = List.copyOf(alignments);
  }

  /**
   * The JSON-LD form.
   *
   * @return a new object
   */
  public ObjectNode toJson() {
    ObjectNode n = Json.obj();
    n.put("id", id);
    n.putArray("type").add("ResultDescription");
    n.put("name", name);
    n.put("resultType", resultType);
    Json.putStrings(n, "allowedValue", allowedValues);
    Json.put(n, "requiredLevel", requiredLevel);
    Json.put(n, "requiredValue", requiredValue);
    Json.put(n, "valueMin", valueMin);
    Json.put(n, "valueMax", valueMax);
    Json.putList(n, "rubricCriterionLevel", rubricCriterionLevels, RubricCriterionLevel::toJson);
    Json.putList(n, "alignment", alignments, Alignment::toJson);
    return n;
  }

  static ResultDescription fromJson(JsonNode n, String path) throws VcException {
    return new ResultDescription(Json.required(n, "id", path), Json.required(n, "name", path),
        Json.required(n, "resultType", path), Json.strings(n, "allowedValue"), Json.str(n, "requiredLevel"),
        Json.str(n, "requiredValue"), Json.str(n, "valueMin"), Json.str(n, "valueMax"),
        Json.list(n, "rubricCriterionLevel", path, RubricCriterionLevel::fromJson),
        Json.list(n, "alignment", path, Alignment::fromJson));
  }
}
