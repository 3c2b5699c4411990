package io.github.microcred.vc.ob3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.VcErrorCode;
import io.github.microcred.vc.VcException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * CLR 2.0 {@code ClrCredential}: bundles a learner's signed Open Badges (the "learner passport").
 *
 * @param id IRI of the CLR
 * @param name name (required by CLR)
 * @param issuer the issuer
 * @param validFrom start of validity
 * @param learnerId the learner's IRI ({@code ClrSubject.id})
 * @param verifiableCredentials the bundled, signed credentials, kept exactly as they are
 * @param achievements achievements listed in the CLR (optional)
 */
public record ClrCredential(String id, String name, Profile issuer, String validFrom, String learnerId,
    List<ObjectNode> verifiableCredentials, List<Achievement> achievements) {
  /** The CLR 2.0.1 context URL. */
  public static final String CLR2 = "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json";
  /** The 1EdTech JSON-LD schema URL for ClrCredential. */
  public static final String SCHEMA =
      "https://purl.imsglobal.org/spec/clr/v2p0/schema/json/clr_v2p0_clrcredential_schema.json";

  /** Copies the lists (deep copies of the credentials). */
  public ClrCredential {
    Objects.requireNonNull(id, "id");
    List<ObjectNode> copies = new ArrayList<>();
    verifiableCredentials.forEach(v -> copies.add(v.deepCopy()));
    verifiableCredentials = List.copyOf(copies);
    achievements = List.copyOf(achievements);
  }

  @Override
  public List<ObjectNode> verifiableCredentials() {
    List<ObjectNode> copies = new ArrayList<>();
    verifiableCredentials.forEach(v -> copies.add(v.deepCopy()));
    return List.copyOf(copies);
  }

  /**
   * The unsigned VC 2.0 JSON-LD.
   *
   * @return a new object
   */
  public ObjectNode toJson() {
    ObjectNode n = Json.obj();
    n.putArray("@context").add(OpenBadgeCredential.VC2).add(CLR2).add(OpenBadgeCredential.OB3).add(OpenBadgeCredential.OB3_EXTENSIONS);
    n.put("id", id);
    n.putArray("type").add("VerifiableCredential").add("ClrCredential");
    n.put("name", name);
    n.set("issuer", issuer.toJson());
    n.put("validFrom", validFrom);
    ObjectNode s = n.putObject("credentialSubject");
    s.put("id", learnerId);
    s.putArray("type").add("ClrSubject");
    ArrayNode vcs = s.putArray("verifiableCredential");
    verifiableCredentials.forEach(v -> vcs.add(v.deepCopy()));
    Json.putList(s, "achievement", achievements, Achievement::toJson);
    n.putArray("credentialSchema").addObject().put("id", SCHEMA).put("type", "1EdTechJsonSchemaValidator2019");
    return n;
  }

  /**
   * Reads a CLR.
   *
   * @param n the JSON
   * @return the CLR
   * @throws VcException naming the JSON path that is wrong
   */
  public static ClrCredential fromJson(JsonNode n) throws VcException {
    if (!Json.strings(n, "type").contains("ClrCredential")) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, "$.type must include ClrCredential");
    }
    JsonNode s = n.path("credentialSubject");
    List<ObjectNode> vcs = new ArrayList<>();
    for (JsonNode v : Json.many(s, "verifiableCredential")) {
      if (!v.isObject()) {
        throw new VcException(VcErrorCode.INVALID_DOCUMENT,
            "$.credentialSubject.verifiableCredential must hold objects");
      }
      vcs.add((ObjectNode) v);
    }
    Optional<String> from = Json.str(n, "validFrom").or(() -> Json.str(n, "issuanceDate"));
    return new ClrCredential(Json.required(n, "id", "$"), Json.required(n, "name", "$"),
        Profile.fromJson(n.path("issuer"), "$.issuer"),
        from.orElseThrow(() -> new VcException(VcErrorCode.INVALID_DOCUMENT, "$.validFrom is required")),
        Json.required(s, "id", "$.credentialSubject"), vcs,
        Json.list(s, "achievement", "$.credentialSubject", Achievement::fromJson));
  }
}
