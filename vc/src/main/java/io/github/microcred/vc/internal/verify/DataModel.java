package io.github.microcred.vc.internal.verify;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.microcred.vc.CheckName;
import io.github.microcred.vc.ContextLoader;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.VerificationCheck;
import io.github.microcred.vc.VerificationCode;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one VC data-model check, applied to the JSON of every document a verifier accepts, whatever secures it: Data
 * Integrity credentials and presentations, {@code vc+jwt} / {@code vp+jwt} payloads (and VC-JWT 1.1 {@code vc} /
 * {@code vp} claims, mapped back). Each problem is a failed {@link CheckName#CONTEXTS} or {@link CheckName#SYNTAX}
 * check naming its JSON path and what was expected:
 * <ul>
 *   <li>{@code @context}: present, not empty, every entry a URL the context loader provides or an inline context
 *       object that the inline-context policy ({@link InlineContexts}) admits, the first the VC 2.0 context
 *       ({@code https://www.w3.org/2018/credentials/v1} only where the caller allows VC 1.1);
 *   <li>{@code type}: a string or an array of strings that includes {@code VerifiableCredential}
 *       ({@code VerifiablePresentation});
 *   <li>a credential's {@code credentialSubject}: an object or a non-empty array of objects;
 *   <li>{@code issuer} (required) / {@code holder} (optional): an IRI or an object with an IRI {@code id};
 *   <li>every {@code id} in the document an absolute IRI or a blank node identifier (terms the contexts define as
 *       JSON literals are data and not walked; embedded credentials are checked when they are verified), the
 *       top-level one an absolute IRI;
 *   <li>a VC 1.1 credential's {@code issuanceDate}; a presentation's {@code verifiableCredential} an object, a
 *       string or an array.
 * </ul>
 */
public final class DataModel {
  /** The VC 2.0 base context. */
  public static final String VC2 = "https://www.w3.org/ns/credentials/v2";
  /** The VC 1.1 base context. */
  public static final String VC1 = "https://www.w3.org/2018/credentials/v1";

  /** What is checked: a credential or a presentation. */
  public enum Kind {
    /** A verifiable credential: type {@code VerifiableCredential}, an {@code issuer}, a {@code credentialSubject}. */
    CREDENTIAL("VerifiableCredential", "issuer"),
    /** A verifiable presentation: type {@code VerifiablePresentation}, an optional {@code holder}. */
    PRESENTATION("VerifiablePresentation", "holder");

    final String type;
    final String party;

    Kind(String type, String party) {
      this.type = type;
      this.party = party;
    }
  }

  private DataModel() {}

  /**
   * The data-model problems of a document.
   *
   * @param doc the credential or presentation JSON
   * @param kind what it must be
   * @param allowVc1 whether the VC 1.1 context may come first (Data Integrity; VC-JWT 1.1 claims), else only VC 2.0
   * @param loader the verifier's context loader: each {@code @context} URL must load from it
   * @param jsonLiterals the terms the contexts define as JSON literals (see {@link CompactForm#jsonLiteralTerms})
   * @return failed checks, in document order; empty when the document follows the data model
   */
  public static List<VerificationCheck> problems(JsonNode doc, Kind kind, boolean allowVc1, ContextLoader loader,
      Set<String> jsonLiterals) {
    List<VerificationCheck> out = new ArrayList<>();
    if (!doc.isObject()) {
      out.add(syntax("$", "the document must be a JSON object"));
      return out;
    }
    contexts(doc, allowVc1, loader, out);
    type(doc, kind.type, out);
    if (kind == Kind.CREDENTIAL) {
      JsonNode subject = doc.get("credentialSubject");
      boolean subjectOk = subject != null && (subject.isObject() || subject.isArray() && !subject.isEmpty());
      if (subject != null && subject.isArray()) {
        for (JsonNode s : subject) {
          subjectOk &= s.isObject();
        }
      }
      if (!subjectOk) {
        out.add(syntax("$.credentialSubject", "credentialSubject must be an object or a non-empty array of objects"));
      } else {
        claimRules(doc, subject, out);
      }
    }
    party(doc, kind.party, kind == Kind.CREDENTIAL, out);
    JsonNode id = doc.get("id");
    if (id != null && (!id.isTextual() || !isIri(id.asText()))) {
      out.add(syntax("$.id", "id must be an absolute IRI, got " + id));
    }
    ids(doc, "$", jsonLiterals, out);
    if (kind == Kind.CREDENTIAL && VC1.equals(firstContext(doc)) && !doc.has("issuanceDate")) {
      out.add(syntax("$.issuanceDate", "issuanceDate is required by VC 1.1"));
    }
    if (kind == Kind.PRESENTATION) {
      JsonNode vcs = doc.get("verifiableCredential");
      if (vcs != null && !(vcs.isObject() || vcs.isArray() || vcs.isTextual())) {
        out.add(syntax("$.verifiableCredential", "verifiableCredential must be a credential object or an array of "
            + "them"));
      }
    }
    return out;
  }

  /**
   * VC 2.0 rules the W3C vc-data-model-2.0 suite checks: each subject object makes a claim; validFrom / validUntil
   * are dateTimeStamps; credentialStatus, credentialSchema (also an id), refreshService, termsOfUse and evidence
   * objects specify their type (§4.5); relatedResource entries (§5.3) have a unique URL id and a digest.
   */
  private static void claimRules(JsonNode doc, JsonNode subj, List<VerificationCheck> out) {
    for (int i = 0; i < (subj.isArray() ? subj.size() : 1); i++) {
      JsonNode s = subj.isArray() ? subj.get(i) : subj;
      String at = subj.isArray() ? "$.credentialSubject[" + i + "]" : "$.credentialSubject";
      if (s.isEmpty()) {
        out.add(syntax(at, at + " makes no claim (VC 2.0: each subject object is the subject of one or more claims)"));
      }
    }
    for (String d : List.of("validFrom", "validUntil")) {
      JsonNode v = doc.get(d);
      if (v != null) {
        boolean ok = v.isTextual();
        if (ok) {
          try {
            XsdDateTime.parse(v.asText());
          } catch (DateTimeParseException e) {
            ok = false;
          }
        }
        if (!ok) {
          out.add(syntax("$." + d, "$." + d + " must be an XML Schema dateTimeStamp string (YYYY-MM-DDThh:mm:ssZ), "
              + "got " + abbreviate(v.toString())));
        }
      }
    }
    for (String m : List.of("credentialStatus", "credentialSchema", "refreshService", "termsOfUse", "evidence")) {
      JsonNode v = doc.get(m);
      if (v == null) {
        continue;
      }
      for (int i = 0; i < (v.isArray() ? v.size() : 1); i++) {
        JsonNode o = v.isArray() ? v.get(i) : v;
        String at = "$." + m + (v.isArray() ? "[" + i + "]" : "");
        if (!o.isObject()) {
          out.add(syntax(at, at + " must be an object"));
        } else if (!o.has("type")) {
          out.add(syntax(at + ".type", at + ".type is missing (VC 2.0: each " + m + " object specifies its type)"));
        } else if (m.equals("credentialSchema") && !o.path("id").isTextual()) {
          out.add(syntax(at + ".id", at + ".id must be the schema's URL"));
        }
      }
    }
    JsonNode rr = doc.get("relatedResource");
    if (rr == null) {
      return;
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < (rr.isArray() ? rr.size() : 1); i++) {
      JsonNode o = rr.isArray() ? rr.get(i) : rr;
      String at = "$.relatedResource" + (rr.isArray() ? "[" + i + "]" : "");
      if (!o.isObject()) {
        out.add(syntax(at, at + " must be an object with id and digestSRI or digestMultibase"));
      } else if (!o.path("id").isTextual() || !isIri(o.get("id").asText())) {
        out.add(syntax(at + ".id", at + ".id must be the resource's URL"));
      } else if (!seen.add(o.get("id").asText())) {
        out.add(syntax(at + ".id", at + ".id " + o.get("id").asText() + " is listed twice (the ids must be unique)"));
      } else if (!o.has("digestSRI") && !o.has("digestMultibase")) {
        out.add(syntax(at, at + " needs a digestSRI or a digestMultibase"));
      }
    }
  }

  private static VerificationCheck syntax(String path, String message) {
    return VerificationCheck.failed(CheckName.SYNTAX, path, VerificationCode.DATA_MODEL, message);
  }

  private static void contexts(JsonNode doc, boolean allowVc1, ContextLoader loader, List<VerificationCheck> out) {
    JsonNode ctx = doc.get("@context");
    if (ctx == null) {
      out.add(VerificationCheck.failed(CheckName.CONTEXTS, "$.@context", VerificationCode.CONTEXT_INVALID,
          "@context is missing: the document is not "
          + "a VC Data Model document"));
      return;
    }
    List<JsonNode> entries = CompactForm.list(ctx);
    if (entries.isEmpty()) {
      out.add(VerificationCheck.failed(CheckName.CONTEXTS, "$.@context", VerificationCode.CONTEXT_INVALID,
          "@context is empty"));
      return;
    }
    String first = entries.get(0).asText("");
    if (!(VC2.equals(first) || allowVc1 && VC1.equals(first))) {
      out.add(VerificationCheck.failed(CheckName.CONTEXTS, ctx.isArray() ? "$.@context[0]" : "$.@context",
          VerificationCode.CONTEXT_INVALID,
          "the first @context must be " + VC2 + (allowVc1 ? " (or " + VC1 + ")" : "") + ", got " + entries.get(0)));
    }
    for (int i = 0; i < entries.size(); i++) {
      JsonNode e = entries.get(i);
      String path = ctx.isArray() ? "$.@context[" + i + "]" : "$.@context";
      if (e.isObject()) {
        continue; // an inline context: the inline-context policy below
      }
      if (!e.isTextual()) {
        out.add(VerificationCheck.failed(CheckName.CONTEXTS, path, VerificationCode.CONTEXT_INVALID,
            "a @context entry must be a context URL or an inline context object, got " + abbreviate(e.toString())));
        continue;
      }
      try {
        loader.load(e.asText());
      } catch (VcException ex) {
        out.add(VerificationCheck.failed(CheckName.CONTEXTS, path, VerificationCode.CONTEXT_UNAVAILABLE,
            ex.getMessage()));
      }
    }
    out.addAll(InlineContexts.definitionProblems(ctx, loader));
  }

  private static void type(JsonNode doc, String required, List<VerificationCheck> out) {
    JsonNode t = doc.get("type");
    boolean strings = t != null && (t.isTextual() || t.isArray());
    if (t != null && t.isArray()) {
      for (JsonNode x : t) {
        strings &= x.isTextual();
      }
    }
    if (!strings || !hasType(doc, required)) {
      out.add(syntax("$.type", "type must be a string or an array of strings including " + required + ", got "
          + t));
    }
  }

  private static void party(JsonNode doc, String member, boolean required, List<VerificationCheck> out) {
    JsonNode n = doc.get(member);
    if (n == null) {
      if (required) {
        out.add(syntax("$." + member, member + " is missing"));
      }
      return;
    }
    if (partyId(n) == null) {
      out.add(syntax("$." + member, member + " must be an IRI or an object with an IRI id, got " + n));
    }
  }

  /** Every {@code id} / {@code @id} an absolute IRI or a blank node id; JSON literals are data. */
  private static void ids(JsonNode v, String path, Set<String> jsonLiterals, List<VerificationCheck> out) {
    if (v.isObject()) {
      for (Map.Entry<String, JsonNode> e : v.properties()) {
        String k = e.getKey();
        if ("@context".equals(k) || "@value".equals(k) || jsonLiterals.contains(k)
            || CompactForm.EMBEDDED_CREDENTIALS.contains(k)) {
          continue; // an embedded credential's ids are checked when it is verified, with its own contexts
        }
        String p = path + "." + k;
        if (("id".equals(k) || "@id".equals(k)) && e.getValue().isTextual() && !"$.id".equals(p)) {
          String s = e.getValue().asText();
          if (!isIri(s) && !(s.startsWith("_:") && s.length() > 2)) {
            out.add(syntax(p, p + " must be an absolute IRI, got \"" + abbreviate(s) + "\""));
          }
        }
        ids(e.getValue(), p, jsonLiterals, out);
      }
    } else if (v.isArray()) {
      for (int i = 0; i < v.size(); i++) {
        ids(v.get(i), path + "[" + i + "]", jsonLiterals, out);
      }
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "..." : s;
  }

  /**
   * Whether a string is an absolute IRI: a scheme ({@code ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )}), a colon,
   * something after it, and no character IRIs forbid (spaces, controls, {@code <>"{}|\^`}).
   *
   * @param s the string
   * @return true if so
   */
  public static boolean isIri(String s) {
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
   * The issuer (or holder) id: the string, or the object's {@code id}, when it is an absolute IRI.
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
}
