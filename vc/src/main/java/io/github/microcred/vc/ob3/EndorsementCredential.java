package io.github.microcred.vc.ob3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.VcErrorCode;
import io.github.microcred.vc.VcException;
import java.util.Optional;

/**
 * OB3 {@code EndorsementCredential}: a third party endorses an achievement, profile or credential.
 *
 * @param id IRI of the endorsement
 * @param name name (required by OB3)
 * @param issuer the endorser
 * @param validFrom start of validity
 * @param subjectId IRI of what is endorsed
 * @param endorsementComment the endorser's comment (Markdown)
 */
public record EndorsementCredential(String id, String name, Profile issuer, String validFrom, String subjectId,
    Optional<String> endorsementComment) {
  /** The 1EdTech JSON-LD schema URL for EndorsementCredential. */
  public static final String SCHEMA =
      "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_endorsementcredential_schema.json";

  /**
   * The unsigned VC 2.0 JSON-LD.
   *
   * @return a new object
   */
  public ObjectNode toJson() {
    ObjectNode n = Json.obj();
    n.putArray("@context").add(OpenBadgeCredential.VC2).add(OpenBadgeCredential.OB3).add(OpenBadgeCredential.OB3_EXTENSIONS);
    n.put("id", id);
    n.putArray("type").add("VerifiableCredential").add("EndorsementCredential");
    n.put("name", name);
    n.set("issuer", issuer.toJson());
    n.put("validFrom", validFrom);
    ObjectNode s = n.putObject("credentialSubject");
    s.put("id", subjectId);
    s.putArray("type").add("EndorsementSubject");
    Json.put(s, "endorsementComment", endorsementComment);
    n.putArray("credentialSchema").addObject().put("id", SCHEMA).put("type", "1EdTechJsonSchemaValidator2019");
    return n;
  }

  /**
   * Reads an endorsement.
   *
   * @param n the JSON
   * @return the endorsement
   * @throws VcException naming the missing member
   */
  public static EndorsementCredential fromJson(JsonNode n) throws VcException {
    if (!Json.strings(n, "type").contains("EndorsementCredential")) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, "$.type must include EndorsementCredential");
    }
    JsonNode s = n.path("credentialSubject");
    return new EndorsementCredential(Json.required(n, "id", "$"), Json.required(n, "name", "$"),
        Profile.fromJson(n.path("issuer"), "$.issuer"),
        Json.str(n, "validFrom").or(() -> Json.str(n, "issuanceDate")).orElseThrow(
            () -> new VcException(VcErrorCode.INVALID_DOCUMENT, "$.validFrom is required")),
        Json.required(s, "id", "$.credentialSubject"), Json.str(s, "endorsementComment"));
  }
}
