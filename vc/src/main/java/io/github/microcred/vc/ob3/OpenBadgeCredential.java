package io.github.microcred.vc.ob3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.VcErrorCode;
import io.github.microcred.vc.VcException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * OB3 {@code OpenBadgeCredential} (alias {@code AchievementCredential}): a VC 2.0 credential asserting that a
 * learner earned an {@link Achievement}. {@link #toJson()} produces the unsigned JSON-LD, ready for
 * {@code Credentials.sign}. {@link #fromJson} reads VC 2.0 and VC 1.1 forms.
 *
 * @param id the credential's IRI (e.g. {@code urn:uuid:...})
 * @param name a name
 * @param description a description
 * @param issuer the issuer's profile
 * @param validFrom when it becomes valid (dateTime)
 * @param validUntil when it expires (dateTime)
 * @param awardedDate when the achievement was awarded (dateTime)
 * @param subject the learner and achievement
 * @param evidence evidence
 * @param extraContexts further pinned context URLs after the OB 3.0.3 context (e.g. the microcred extension)
 * @param extensions further top-level members defined by {@code extraContexts}, copied as they are
 */
public record OpenBadgeCredential(String id, Optional<String> name, Optional<String> description, Profile issuer,
    String validFrom, Optional<String> validUntil, Optional<String> awardedDate, AchievementSubject subject,
    List<Evidence> evidence, List<String> extraContexts, ObjectNode extensions) {
  /** The VC 2.0 context URL. */
  public static final String VC2 = "https://www.w3.org/ns/credentials/v2";
  /** The VC 1.1 context URL. */
  public static final String VC1 = "https://www.w3.org/2018/credentials/v1";
  /** The OB 3.0.3 context URL. */
  public static final String OB3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
  /** The OB 3.0 extensions context URL (defines {@code 1EdTechJsonSchemaValidator2019}). */
  public static final String OB3_EXTENSIONS = "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json";
  /** The 1EdTech JSON-LD schema URL for AchievementCredential. */
  public static final String SCHEMA =
      "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json";

  /** Copies lists and the extension object. */
  public OpenBadgeCredential {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(validFrom, "validFrom");
    Objects.requireNonNull(subject, "subject");
    evidence = List.copyOf(evidence);
    extraContexts = List.copyOf(extraContexts);
    extensions = extensions.deepCopy();
  }

  /**
   * A credential with the required members.
   *
   * @param id the IRI
   * @param name the name
   * @param issuer the issuer
   * @param validFrom the start of validity
   * @param subject the subject
   * @return the credential
   */
  public static OpenBadgeCredential of(String id, String name, Profile issuer, String validFrom,
      AchievementSubject subject) {
    return new OpenBadgeCredential(id, Optional.of(name), Optional.empty(), issuer, validFrom, Optional.empty(),
        Optional.empty(), subject, List.of(), List.of(), Json.obj());
  }

  @Override
  public ObjectNode extensions() {
    return extensions.deepCopy();
  }

  /**
   * The unsigned VC 2.0 JSON-LD.
   *
   * @return a new object
   */
  public ObjectNode toJson() {
    ObjectNode n = Json.obj();
    ArrayNode ctx = n.putArray("@context").add(VC2).add(OB3).add(OB3_EXTENSIONS);
    extraContexts.forEach(ctx::add);
    n.put("id", id);
    n.putArray("type").add("VerifiableCredential").add("OpenBadgeCredential");
    Json.put(n, "name", name);
    Json.put(n, "description", description);
    n.set("issuer", issuer.toJson());
    n.put("validFrom", validFrom);
    Json.put(n, "validUntil", validUntil);
    Json.put(n, "awardedDate", awardedDate);
    n.set("credentialSubject", subject.toJson());
    Json.putList(n, "evidence", evidence, Evidence::toJson);
    n.putArray("credentialSchema").addObject().put("id", SCHEMA).put("type", "1EdTechJsonSchemaValidator2019");
    extensions.fields().forEachRemaining(e -> n.set(e.getKey(), e.getValue().deepCopy()));
    return n;
  }

  private static final Set<String> KNOWN = Set.of("@context", "id", "type", "name", "description", "issuer",
      "validFrom", "validUntil", "issuanceDate", "expirationDate", "awardedDate", "credentialSubject", "evidence",
      "credentialSchema", "proof");

  /**
   * Reads an Open Badge (VC 2.0, or VC 1.1 with {@code issuanceDate}/{@code expirationDate}). A {@code proof} is
   * ignored: verify first with {@code Credentials.verify}.
   *
   * @param n the JSON
   * @return the credential
   * @throws VcException {@link VcErrorCode#INVALID_DOCUMENT} naming the JSON path that is wrong
   */
  public static OpenBadgeCredential fromJson(JsonNode n) throws VcException {
    List<String> types = Json.strings(n, "type");
    if (!types.contains("OpenBadgeCredential") && !types.contains("AchievementCredential")) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT,
          "$.type must include OpenBadgeCredential or AchievementCredential");
    }
    List<String> ctx = Json.strings(n, "@context");
    List<String> extra = ctx.stream().filter(c -> !c.equals(VC2) && !c.equals(VC1) && !c.equals(OB3_EXTENSIONS) && !c.startsWith(
        "https://purl.imsglobal.org/spec/ob/v3p0/context")).collect(Collectors.toList());
    if (!n.has("issuer")) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, "$.issuer is required");
    }
    Optional<String> from = Json.str(n, "validFrom").or(() -> Json.str(n, "issuanceDate"));
    List<JsonNode> subjects = Json.many(n, "credentialSubject");
    if (subjects.size() != 1) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, "$.credentialSubject must be exactly one object");
    }
    ObjectNode ext = Json.obj();
    n.fields().forEachRemaining(e -> {
      if (!KNOWN.contains(e.getKey())) {
        ext.set(e.getKey(), e.getValue().deepCopy());
      }
    });
    return new OpenBadgeCredential(Json.required(n, "id", "$"), Json.str(n, "name"), Json.str(n, "description"),
        Profile.fromJson(n.get("issuer"), "$.issuer"),
        from.orElseThrow(() -> new VcException(VcErrorCode.INVALID_DOCUMENT,
            "$.validFrom (or VC 1.1 $.issuanceDate) is required")),
        Json.str(n, "validUntil").or(() -> Json.str(n, "expirationDate")), Json.str(n, "awardedDate"),
        AchievementSubject.fromJson(subjects.get(0), "$.credentialSubject"),
        Json.list(n, "evidence", "$", (e, p) -> Evidence.fromJson(e, p)), extra, ext);
  }
}
