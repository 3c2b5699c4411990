package io.github.microcred.vc.ob3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.VcException;
import java.util.List;
import java.util.Optional;

/**
 * OB3 {@code RubricCriterionLevel}: one level of a rubric used by a {@link ResultDescription}.
 *
 * @param id IRI of the level (required; results refer to it by {@code achievedLevel})
 * @param name the level's name (required)
 * @param description a description
 * @param level the level's label, e.g. "Proficient"
 * @param points points for this level, as text
 * @param alignments alignments
 */
public record RubricCriterionLevel(String id, String name, Optional<String> description, Optional<String> level,
    Optional<String> points, List<Alignment> alignments) {
  /** Copies the list. */
  public RubricCriterionLevel {
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
    n.putArray("type").add("RubricCriterionLevel");
    n.put("name", name);
    Json.put(n, "description", description);
    Json.put(n, "level", level);
    Json.put(n, "points", points);
    Json.putList(n, "alignment", alignments, Alignment::toJson);
    return n;
  }

  static RubricCriterionLevel fromJson(JsonNode n, String path) throws VcException {
    return new RubricCriterionLevel(Json.required(n, "id", path), Json.required(n, "name", path),
        Json.str(n, "description"), Json.str(n, "level"), Json.str(n, "points"),
        Json.list(n, "alignment", path, Alignment::fromJson));
  }
}
