package io.github.microcred.vc.ob3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.VcErrorCode;
import io.github.microcred.vc.VcException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * OB3 {@code AchievementSubject}: the learner and what they achieved.
 *
 * @param id the learner's IRI (e.g. a DID); OB3 requires {@code id} or at least one identifier
 * @param identifiers identity objects
 * @param achievement the achievement
 * @param results the learner's results
 * @param creditsEarned credits earned
 * @param activityStartDate start of the activity (dateTime)
 * @param activityEndDate end of the activity (dateTime)
 * @param term academic term
 * @param role role of the learner
 */
public record AchievementSubject(Optional<String> id, List<IdentityObject> identifiers, Achievement achievement,
    List<Result> results, Optional<BigDecimal> creditsEarned, Optional<String> activityStartDate,
    Optional<String> activityEndDate, Optional<String> term, Optional<String> role) {
  /** Copies lists; requires an id or an identifier. */
  public AchievementSubject {
    identifiers = List.copyOf(identifiers);
    results = List.copyOf(results);
    if (id.isEmpty() && identifiers.isEmpty()) {
      throw new IllegalArgumentException("AchievementSubject needs an id or an identifier");
    }
  }

  /**
   * A subject with an id and an achievement.
   *
   * @param id the learner's IRI
   * @param achievement the achievement
   * @return the subject
   */
  public static AchievementSubject of(String id, Achievement achievement) {
    return new AchievementSubject(Optional.of(id), List.of(), achievement, List.of(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * The JSON-LD form.
   *
   * @return a new object
   */
  public ObjectNode toJson() {
    ObjectNode n = Json.obj();
    Json.put(n, "id", id);
    n.putArray("type").add("AchievementSubject");
    Json.putList(n, "identifier", identifiers, IdentityObject::toJson);
    n.set("achievement", achievement.toJson());
    Json.putList(n, "result", results, Result::toJson);
    Json.put(n, "creditsEarned", creditsEarned);
    Json.put(n, "activityStartDate", activityStartDate);
    Json.put(n, "activityEndDate", activityEndDate);
    Json.put(n, "term", term);
    Json.put(n, "role", role);
    return n;
  }

  static AchievementSubject fromJson(JsonNode n, String path) throws VcException {
    if (!n.path("achievement").isObject()) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, path + ".achievement is required (an object)");
    }
    try {
      return new AchievementSubject(Json.str(n, "id"), Json.list(n, "identifier", path, IdentityObject::fromJson),
          Achievement.fromJson(n.get("achievement"), path + ".achievement"),
          Json.list(n, "result", path, Result::fromJson), Json.dec(n, "creditsEarned"),
          Json.str(n, "activityStartDate"), Json.str(n, "activityEndDate"), Json.str(n, "term"),
          Json.str(n, "role"));
    } catch (IllegalArgumentException e) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, path + ": " + e.getMessage());
    }
  }
}
