package io.github.microcred.vc.ob3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * OB3 {@code Evidence}: work that supports the award.
 *
 * @param id IRI of the evidence
 * @param name name
 * @param narrative Markdown narrative
 * @param description description
 * @param genre e.g. "Research paper"
 * @param audience intended audience
 */
public record Evidence(Optional<String> id, Optional<String> name, Optional<String> narrative,
    Optional<String> description, Optional<String> genre, Optional<String> audience) {
  /**
   * The JSON-LD form.
   *
   * @return a new object
   */
  public ObjectNode toJson() {
    ObjectNode n = Json.obj();
    Json.put(n, "id", id);
    n.putArray("type").add("Evidence");
    Json.put(n, "name", name);
    Json.put(n, "narrative", narrative);
    Json.put(n, "description", description);
    Json.put(n, "genre", genre);
    Json.put(n, "audience", audience);
    return n;
  }

  static Evidence fromJson(JsonNode n, String path) {
    return new Evidence(Json.str(n, "id"), Json.str(n, "name"), Json.str(n, "narrative"), Json.str(n, "description"),
        Json.str(n, "genre"), Json.str(n, "audience"));
  }
}
