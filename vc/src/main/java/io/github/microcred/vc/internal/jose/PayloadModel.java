package io.github.microcred.vc.internal.jose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.CheckName;
import io.github.microcred.vc.ContextLoader;
import io.github.microcred.vc.VerificationCheck;
import io.github.microcred.vc.internal.JsonSupport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The VC Data Model 2.0 checks on a secured document read as JSON, without JSON-LD processing: the document of a
 * {@code vc+jwt} / {@code vp+jwt} payload and of a Data Integrity presentation. Every {@code @context} entry a pinned
 * context URL, the first the VC 2.0 context ({@code https://www.w3.org/2018/credentials/v1} only for legacy VC-JWT
 * 1.1 tokens), the {@code VerifiableCredential} / {@code VerifiablePresentation} type, a {@code credentialSubject},
 * an issuer (holder) that is an IRI or an object with an IRI id.
 */
public final class PayloadModel {
  /** The VC 2.0 base context. */
  public static final String VC2 = "https://www.w3.org/ns/credentials/v2";
  /** The VC 1.1 base context. */
  public static final String VC1 = "https://www.w3.org/2018/credentials/v1";

  private PayloadModel() {}

  /**
   * The problems of a credential.
   *
   * @param doc the credential
   * @param legacy whether it came from a VC-JWT 1.1 {@code vc} claim (then the VC 1.1 context may come first)
   * @return failed checks, empty when the document is a well-formed credential
   */
  public static List<VerificationCheck> credential(JsonNode doc, boolean legacy) {
    List<VerificationCheck> out = new ArrayList<>();
    contexts(doc, legacy, out);
    type(doc, "VerifiableCredential", out);
    JsonNode subject = doc.get("credentialSubject");
    boolean subjectOk = subject != null && (subject.isObject() || subject.isArray() && !subject.isEmpty());
    if (subject != null && subject.isArray()) {
      for (JsonNode s : subject) {
        subjectOk &= s.isObject();
      }
    }
    if (!subjectOk) {
      out.add(VerificationCheck.failed(CheckName.SYNTAX, "$.credentialSubject",
          "credentialSubject must be an object or a non-empty array of objects"));
    }
    party(doc, "issuer", true, out);
    id(doc, out);
    return out;
  }

  /**
   * The problems of a presentation.
   *
   * @param doc the presentation
   * @param legacy whether it came from a VC-JWT 1.1 {@code vp} claim
   * @return failed checks, empty when the document is a well-formed presentation
   */
  public static List<VerificationCheck> presentation(JsonNode doc, boolean legacy) {
    List<VerificationCheck> out = new ArrayList<>();
    contexts(doc, legacy, out);
    type(doc, "VerifiablePresentation", out);
    party(doc, "holder", false, out);
    id(doc, out);
    JsonNode vcs = doc.get("verifiableCredential");
    if (vcs != null && !(vcs.isObject() || vcs.isArray() || vcs.isTextual())) {
      out.add(VerificationCheck.failed(CheckName.SYNTAX, "$.verifiableCredential",
          "verifiableCredential must be a credential object or an array of them"));
    }
    return out;
  }

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
    if (payload.path("nbf").isNumber() && !doc.has("issuanceDate")) {
      doc.put("issuanceDate", Instant.ofEpochSecond(payload.get("nbf").asLong()).toString());
    }
    if (payload.path("exp").isNumber() && !doc.has("expirationDate")) {
      doc.put("expirationDate", Instant.ofEpochSecond(payload.get("exp").asLong()).toString());
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
  public static java.util.Optional<ObjectNode> unverifiedDocument(String jwt) {
    String[] parts = jwt.strip().split("\\.", -1);
    if (parts.length != 3) {
      return java.util.Optional.empty();
    }
    try {
      JsonNode p = JsonSupport.readTree(java.util.Base64.getUrlDecoder().decode(parts[1]), "payload");
      if (!p.isObject()) {
        return java.util.Optional.empty();
      }
      for (String claim : List.of("vc", "vp")) {
        if (p.get(claim) != null && p.get(claim).isObject() && !p.has("@context")) {
          return java.util.Optional.of(fromLegacy((ObjectNode) p, (ObjectNode) p.get(claim)));
        }
      }
      return java.util.Optional.of((ObjectNode) p);
    } catch (io.github.microcred.vc.VcException | IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
  }

  private static void contexts(JsonNode doc, boolean legacy, List<VerificationCheck> out) {
    JsonNode ctx = doc.get("@context");
    if (ctx == null) {
      out.add(VerificationCheck.failed(CheckName.CONTEXTS, "$.@context", "@context is missing: the payload is not a "
          + "VC Data Model 2.0 document"));
      return;
    }
    List<JsonNode> entries = new ArrayList<>();
    if (ctx.isArray()) {
      ctx.forEach(entries::add);
    } else {
      entries.add(ctx);
    }
    if (entries.isEmpty()) {
      out.add(VerificationCheck.failed(CheckName.CONTEXTS, "$.@context", "@context is empty"));
      return;
    }
    String first = entries.get(0).asText("");
    if (!(VC2.equals(first) || legacy && VC1.equals(first))) {
      out.add(VerificationCheck.failed(CheckName.CONTEXTS, ctx.isArray() ? "$.@context[0]" : "$.@context",
          "the first @context must be " + VC2 + (legacy ? " (or " + VC1 + ")" : "") + ", got " + entries.get(0)));
    }
    ContextLoader loader = ContextLoader.pinned();
    for (int i = 0; i < entries.size(); i++) {
      JsonNode e = entries.get(i);
      String path = ctx.isArray() ? "$.@context[" + i + "]" : "$.@context";
      if (!e.isTextual()) {
        out.add(VerificationCheck.failed(CheckName.CONTEXTS, path,
            "an inline context; only pinned context URLs are accepted (context injection)"));
      } else if (!loader.isPinned(e.asText())) {
        out.add(VerificationCheck.failed(CheckName.CONTEXTS, path, "context " + e.asText() + " is not pinned"));
      }
    }
  }

  private static void type(JsonNode doc, String required, List<VerificationCheck> out) {
    JsonNode t = doc.get("type");
    boolean found = false;
    boolean strings = t != null && (t.isTextual() || t.isArray());
    if (t != null && t.isTextual()) {
      found = t.asText().equals(required);
    } else if (t != null && t.isArray()) {
      for (JsonNode x : t) {
        strings &= x.isTextual();
        found |= x.isTextual() && x.asText().equals(required);
      }
    }
    if (!found || !strings) {
      out.add(VerificationCheck.failed(CheckName.SYNTAX, "$.type",
          "type must be a string or an array of strings including " + required + ", got " + t));
    }
  }

  private static void party(JsonNode doc, String member, boolean required, List<VerificationCheck> out) {
    JsonNode n = doc.get(member);
    if (n == null) {
      if (required) {
        out.add(VerificationCheck.failed(CheckName.SYNTAX, "$." + member, member + " is missing"));
      }
      return;
    }
    JsonNode id = n.isObject() ? n.get("id") : n;
    if (id == null || !id.isTextual() || !isIri(id.asText())) {
      out.add(VerificationCheck.failed(CheckName.SYNTAX, "$." + member, member
          + " must be an IRI or an object with an IRI id, got " + n));
    }
  }

  private static void id(JsonNode doc, List<VerificationCheck> out) {
    JsonNode id = doc.get("id");
    if (id != null && (!id.isTextual() || !isIri(id.asText()))) {
      out.add(VerificationCheck.failed(CheckName.SYNTAX, "$.id", "id must be an IRI, got " + id));
    }
  }

  /** An absolute IRI: a scheme ({@code ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )}), a colon, no spaces. */
  static boolean isIri(String s) {
    int colon = s.indexOf(':');
    if (colon <= 0 || colon == s.length() - 1) {
      return false;
    }
    for (int i = 0; i < colon; i++) {
      char c = s.charAt(i);
      boolean alpha = c < 128 && Character.isLetter(c);
      if (!(alpha || i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'))) {
        return false;
      }
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c <= ' ' || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' || c == '\\' || c == '^'
          || c == '`') {
        return false;
      }
    }
    return true;
  }
}
