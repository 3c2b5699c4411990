package io.github.microcred.vc.ob3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.VcException;
import java.util.Optional;

/**
 * OB3 {@code Alignment}: a link to a competency, standard or framework item.
 *
 * @param targetName the target's name (required)
 * @param targetUrl the target's URL (required)
 * @param targetDescription a description
 * @param targetFramework the framework's name
 * @param targetCode a code within the framework
 * @param targetType e.g. {@code ceasn:Competency}, {@code CFItem}
 */
public record Alignment(String targetName, String targetUrl, Optional<String> targetDescription,
    Optional<String> targetFramework, Optional<String> targetCode, Optional<String> targetType) {
  /**
   * An alignment with the required members only.
   *
   * @param targetName the name
   * @param targetUrl the URL
   * @return the alignment
   */
  public static Alignment of(String targetName, String targetUrl) {
    return new Alignment(targetName, targetUrl, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty());
  }

  /**
   * The JSON-LD form.
   *
   * @return a new object
   */
  public ObjectNode toJson() {
    ObjectNode n = Json.typed("Alignment");
    n.put("targetName", targetName);
    n.put("targetUrl", targetUrl);
    Json.put(n, "targetDescription", targetDescription);
    Json.put(n, "targetFramework", targetFramework);
    Json.put(n, "targetCode", targetCode);
    Json.put(n, "targetType", targetType);
    return n;
  }

  static Alignment fromJson(JsonNode n, String path) throws VcException {
    return new Alignment(Json.required(n, "targetName", path), Json.required(n, "targetUrl", path),
        Json.str(n, "targetDescription"), Json.str(n, "targetFramework"), Json.str(n, "targetCode"),
        Json.str(n, "targetType"));
  }
}
