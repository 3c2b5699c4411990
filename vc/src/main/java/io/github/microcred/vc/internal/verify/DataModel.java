package io.github.microcred.vc.internal.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The VC data model rules every credential verifier applies to the JSON, whatever secures it (Data Integrity or
 * {@code vc+jwt}): {@code @context} first entry the VC 2.0 (or 1.1) context, {@code type} includes
 * {@code VerifiableCredential}, an {@code issuer} IRI (or object with an IRI {@code id}), a
 * {@code credentialSubject} object or array of objects, VC 1.1 {@code issuanceDate}.
 */
public final class DataModel {
  /** The VC 2.0 base context. */
  public static final String VC2 = "https://www.w3.org/ns/credentials/v2";
  /** The VC 1.1 base context. */
  public static final String VC1 = "https://www.w3.org/2018/credentials/v1";

  private DataModel() {}

  /**
   * Whether a string is an absolute IRI (scheme ':' ...) or a blank node identifier, with no characters IRIs forbid.
   *
   * @param s the string
   * @return true if so
   */
  public static boolean isIri(String s) {
    if (s.startsWith("_:") && s.length() > 2) {
      return true;
    }
    int colon = s.indexOf(':');
    if (colon <= 0) {
      return false;
    }
    for (int i = 0; i < colon; i++) {
      char c = s.charAt(i);
      boolean ok = Character.isLetter(c) && c < 128 || i > 0 && (Character.isDigit(c) || c == '+' || c == '-'
          || c == '.');
      if (!ok) {
        return false;
      }
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c <= ' ' || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' || c == '\\'
          || c == '^' || c == '`') {
        return false;
      }
    }
    return true;
  }

  /**
   * The first {@code @context} entry, when it is a string.
   *
   * @param doc the document
   * @return the URL, or null
   */
  public static String firstContext(JsonNode doc) {
    JsonNode ctx = doc.get("@context");
    if (ctx == null) {
      return null;
    }
    JsonNode first = ctx.isArray() ? ctx.path(0) : ctx;
    return first.isTextual() ? first.asText() : null;
  }

  /**
   * Whether {@code type} is, or includes, a type.
   *
   * @param doc the document
   * @param type the type term
   * @return true if so
   */
  public static boolean hasType(JsonNode doc, String type) {
    JsonNode t = doc.get("type");
    if (t == null) {
      return false;
    }
    if (t.isTextual()) {
      return t.asText().equals(type);
    }
    if (t.isArray()) {
      for (JsonNode x : t) {
        if (x.isTextual() && x.asText().equals(type)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The issuer (or holder) id: the string, or the object's {@code id}, when it is an IRI.
   *
   * @param party the {@code issuer} / {@code holder} value, or null
   * @return the id, or null
   */
  public static String partyId(JsonNode party) {
    String id = null;
    if (party != null && party.isTextual()) {
      id = party.asText();
    } else if (party != null && party.isObject() && party.path("id").isTextual()) {
      id = party.get("id").asText();
    }
    return id != null && isIri(id) ? id : null;
  }

  /**
   * The data model problems of a credential, each naming its JSON path.
   *
   * @param doc the credential
   * @return the problems, empty when the credential follows the data model
   */
  public static List<String> credentialProblems(JsonNode doc) {
    List<String> p = new ArrayList<>();
    JsonNode ctx = doc.get("@context");
    String first = firstContext(doc);
    if (ctx == null) {
      p.add("$.@context is missing");
    } else if (!VC2.equals(first) && !VC1.equals(first)) {
      p.add("$.@context[0] must be " + VC2 + " (or " + VC1 + ")");
    }
    if (!hasType(doc, "VerifiableCredential")) {
      p.add("$.type must include VerifiableCredential");
    }
    JsonNode issuer = doc.get("issuer");
    if (issuer == null) {
      p.add("$.issuer is missing");
    } else if (partyId(issuer) == null) {
      p.add("$.issuer must be an IRI or an object with an IRI id");
    }
    JsonNode subj = doc.get("credentialSubject");
    boolean subjectsOk = subj != null && (subj.isObject() || subj.isArray() && !subj.isEmpty());
    if (subjectsOk && subj.isArray()) {
      for (JsonNode s : subj) {
        subjectsOk &= s.isObject();
      }
    }
    if (!subjectsOk) {
      p.add("$.credentialSubject must be an object or a non-empty array of objects");
    }
    if (VC1.equals(first) && !doc.has("issuanceDate")) {
      p.add("$.issuanceDate is required by VC 1.1");
    }
    return p;
  }
}
