package io.github.microcred.vc.internal.jose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.internal.JsonSupport;
import io.github.microcred.vc.internal.verify.ValidityWindow;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The document a JWT carries: the {@code vc+jwt} / {@code vp+jwt} payload itself, or for a legacy VC-JWT 1.1 token
 * its {@code vc} / {@code vp} claim with the registered claims mapped back. The document then passes the one
 * data-model check ({@link io.github.microcred.vc.internal.verify.DataModel}) that every verifier applies.
 */
public final class JwtDocuments {
  private JwtDocuments() {}

  /**
   * The credential (presentation) of a legacy VC-JWT 1.1 token, with the registered claims mapped back (VC Data
   * Model 1.1 §JWT decoding).
   *
   * @param payload the JWT claims
   * @param vc the {@code vc} / {@code vp} claim
   * @return a new document
   */
  public static ObjectNode fromLegacy(ObjectNode payload, ObjectNode vc) {
    ObjectNode doc = vc.deepCopy();
    if (payload.path("iss").isTextual() && !doc.has("issuer") && !doc.has("holder")) {
      doc.put(doc.has("verifiableCredential") || doc.path("type").toString().contains("Presentation")
          ? "holder" : "issuer", payload.get("iss").asText());
    }
    if (payload.path("jti").isTextual() && !doc.has("id")) {
      doc.put("id", payload.get("jti").asText());
    }
    if (payload.path("sub").isTextual() && doc.path("credentialSubject").isObject()
        && !doc.get("credentialSubject").has("id")) {
      ((ObjectNode) doc.get("credentialSubject")).put("id", payload.get("sub").asText());
    }
    // a NumericDate out of range fills in nothing: the time check refuses the claim itself (BAD_TIME)
    Instant nbf = ValidityWindow.numericDate(payload.get("nbf"));
    if (nbf != null && !doc.has("issuanceDate")) {
      doc.put("issuanceDate", nbf.toString());
    }
    Instant exp = ValidityWindow.numericDate(payload.get("exp"));
    if (exp != null && !doc.has("expirationDate")) {
      doc.put("expirationDate", exp.toString());
    }
    return doc;
  }

  /**
   * The document a compact JWT carries, read <em>without</em> verifying it (for callers that verified it already):
   * the payload, or for a legacy token its mapped {@code vc} / {@code vp} claim.
   *
   * @param jwt the compact serialization
   * @return the document, or empty when the payload is not a JSON object
   */
  public static Optional<ObjectNode> unverifiedDocument(String jwt) {
    String[] parts = jwt.strip().split("\\.", -1);
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      JsonNode p = JsonSupport.readTree(Base64.getUrlDecoder().decode(parts[1]), "payload");
      if (!p.isObject()) {
        return Optional.empty();
      }
      for (String claim : List.of("vc", "vp")) {
        if (p.get(claim) != null && p.get(claim).isObject() && !p.has("@context")) {
          return Optional.of(fromLegacy((ObjectNode) p, (ObjectNode) p.get(claim)));
        }
      }
      return Optional.of((ObjectNode) p);
    } catch (VcException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
