package io.github.microcred.vc.ob3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.VcException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * OB3 {@code Achievement}: what is earned (a micro-credential, badge, course, competency...).
 *
 * @param id IRI (required)
 * @param achievementType e.g. {@code Badge}, {@code MicroCredential}, {@code Course}, {@code ext:...}
 * @param name name (required)
 * @param description description (required)
 * @param criteriaId IRI of the criteria page
 * @param criteriaNarrative criteria as Markdown text (OB3 requires criteria id or narrative)
 * @param alignments alignments to competencies/frameworks
 * @param creditsAvailable credits a learner can earn
 * @param resultDescriptions possible results, with rubric levels
 * @param fieldOfStudy field of study
 * @param humanCode the human-readable code, e.g. "CS-101"
 * @param tags tags
 * @param creator the creator's profile
 * @param inLanguage BCP 47 language of the achievement's texts
 * @param version version
 * @param extensions extra JSON-LD members (terms defined by a pinned extension context), copied as they are
 */
public record Achievement(String id, Optional<String> achievementType, String name, String description,
    Optional<String> criteriaId, Optional<String> criteriaNarrative, List<Alignment> alignments,
    Optional<BigDecimal> creditsAvailable, List<ResultDescription> resultDescriptions, Optional<String> fieldOfStudy,
    Optional<String> humanCode, List<String> tags, Optional<Profile> creator, Optional<String> inLanguage,
    Optional<String> version, ObjectNode extensions) {
  /** Copies lists and the extension object. */
  public Achievement {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    alignments = List.copyOf(alignments);
    resultDescriptions = List.copyOf(resultDescriptions);
    tags = List.copyOf(tags);
    extensions = extensions.deepCopy();
  }

  /**
   * A minimal achievement.
   *
   * @param id the IRI
   * @param name the name
   * @param description the description
   * @param criteriaNarrative the criteria text
   * @return the achievement
   */
  public static Achievement of(String id, String name, String description, String criteriaNarrative) {
    return new Achievement(id, Optional.empty(), name, description, Optional.empty(),
        Optional.of(criteriaNarrative), List.of(), Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
        List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Json.obj());
  }

  @Override
  public ObjectNode extensions() {
    return extensions.deepCopy();
  }

  /**
   * The JSON-LD form.
   *
   * @return a new object
   */
  public ObjectNode toJson() {
    ObjectNode n = Json.obj();
    n.put("id", id);
    n.putArray("type").add("Achievement");
    Json.put(n, "achievementType", achievementType);
    n.put("name", name);
    n.put("description", description);
    ObjectNode c = n.putObject("criteria");
    Json.put(c, "id", criteriaId);
    Json.put(c, "narrative", criteriaNarrative);
    Json.putList(n, "alignment", alignments, Alignment::toJson);
    Json.put(n, "creditsAvailable", creditsAvailable);
    Json.putList(n, "resultDescription", resultDescriptions, ResultDescription::toJson);
    Json.put(n, "fieldOfStudy", fieldOfStudy);
    Json.put(n, "humanCode", humanCode);
    Json.putStrings(n, "tag", tags);
    creator.ifPresent(p -> n.set("creator", p.toJson()));
    Json.put(n, "inLanguage", inLanguage);
    Json.put(n, "version", version);
    extensions.fields().forEachRemaining(e -> n.set(e.getKey(), e.getValue().deepCopy()));
    return n;
  }

  static final Set<String> KNOWN = Set.of("id", "type", "achievementType", "name",
      "description", "criteria", "alignment", "creditsAvailable", "resultDescription", "fieldOfStudy", "humanCode",
      "tag", "creator", "inLanguage", "version");

  /**
   * Reads an achievement; members this record has no component for are kept in {@link #extensions()}.
   *
   * @param n the JSON
   * @param path the JSON path, for errors
   * @return the achievement
   * @throws VcException naming the missing member
   */
  public static Achievement fromJson(JsonNode n, String path) throws VcException {
    JsonNode c = n.path("criteria");
    ObjectNode ext = Json.obj();
    n.fields().forEachRemaining(e -> {
      if (!KNOWN.contains(e.getKey())) {
        ext.set(e.getKey(), e.getValue().deepCopy());
      }
    });
    Optional<Profile> creator = Optional.empty();
    if (n.has("creator")) {
      creator = Optional.of(Profile.fromJson(n.get("creator"), path + ".creator"));
    }
    return new Achievement(Json.required(n, "id", path), Json.str(n, "achievementType"),
        Json.required(n, "name", path), Json.required(n, "description", path), Json.str(c, "id"),
        Json.str(c, "narrative"), Json.list(n, "alignment", path, Alignment::fromJson),
        Json.dec(n, "creditsAvailable"), Json.list(n, "resultDescription", path, ResultDescription::fromJson),
        Json.str(n, "fieldOfStudy"), Json.str(n, "humanCode"), Json.strings(n, "tag"), creator,
        Json.str(n, "inLanguage"), Json.str(n, "version"), ext);
  }
}
