package io.github.microcred.vc.internal.verify;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.microcred.vc.ContextLoader;
import io.github.microcred.vc.VcException;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The compact-form rules on a credential's JSON, so that whoever reads JSON keys after verification (the
 * verifiers' own JWT checks, {@code ob3.Awards}, the stacking audit) reads the same statements the JSON-LD
 * processor turns into the signed RDF. The document must be in the compact form its pinned contexts define:
 * <ul>
 *   <li>no key that is an absolute IRI or a CURIE (any key with a {@code ':'}), so a defined term cannot be
 *       spelled another way ({@code "https://www.w3.org/2018/credentials#validUntil"}, {@code "cred:validUntil"});
 *   <li>no keyword key ({@code @id}, {@code @type}, {@code @graph}, {@code @included}, {@code @nest},
 *       {@code @reverse}, {@code @vocab}, {@code @list}, {@code @set}, {@code @index}, ...) except {@code @context}
 *       at the top and {@code @value} / {@code @language} / {@code @direction} in a value object outside the checked
 *       members;
 *   <li>an inline context object only in the top-level {@code @context}, as {@link InlineContexts} admits it (the
 *       data-model check), and its terms used only as keys or {@code type} values;
 *   <li>no {@code @context} below the top, except in a {@code proof} a copy of the secured document's own
 *       {@code @context} (the jcs suites sign it there), and (when the policy allows, the default) a pinned URL or
 *       list of URLs
 *       at the top of an embedded credential ({@code verifiableCredential}, {@code endorsement});
 *   <li>the checked members in their plain compact shape: {@code id} a string, {@code type} a string or array of
 *       strings, {@code validFrom} / {@code validUntil} / {@code issuanceDate} / {@code expirationDate} strings,
 *       {@code issuer} a string or an object with a string {@code id}, {@code credentialSubject} an object or array
 *       of objects, {@code credentialStatus} an object or array of objects holding no value objects or keywords,
 *       each {@code proof} only the Data Integrity proof members, as strings.
 * </ul>
 * Values under a term the contexts define as a JSON literal ({@code "@type": "@json"}) are data, not JSON-LD, and
 * are not walked. The Data Integrity verifier adds the second half of the rule: the checked members agree with the
 * signed graph ({@link SignedGraph}).
 */
public final class CompactForm {
  /** The members every verifier decides on. */
  public static final List<String> DATES = List.of("validFrom", "validUntil", "issuanceDate", "expirationDate");
  /** Keys a Data Integrity proof may have. */
  public static final Set<String> PROOF_MEMBERS = Set.of("@context", "id", "type", "cryptosuite",
      "verificationMethod", "proofPurpose", "proofValue", "created", "expires", "challenge", "domain", "nonce",
      "previousProof");
  /** Members under which an object is an embedded credential that may carry its own {@code @context}. */
  public static final Set<String> EMBEDDED_CREDENTIALS = Set.of("verifiableCredential", "endorsement");
  private static final Set<String> VALUE_OBJECT_KEYS = Set.of("@value", "@language", "@direction");

  private CompactForm() {}

  /**
   * The problems of a credential (or presentation) JSON, each naming the JSON path and what is expected.
   *
   * @param doc the document
   * @param jsonLiterals the terms defined as JSON literals (see {@link #jsonLiteralTerms})
   * @param embeddedContexts whether embedded credentials may carry their own (URL-only) {@code @context}
   * @return the problems, empty when the document is in compact form
   */
  public static List<String> problems(JsonNode doc, Set<String> jsonLiterals, boolean embeddedContexts) {
    List<String> out = new ArrayList<>();
    if (!doc.isObject()) {
      out.add("$ must be a JSON object");
      return out;
    }
    topLevelShapes(doc, out);
    walk(doc, "$", true, false, null, jsonLiterals, embeddedContexts, out);
    idReuse(doc, jsonLiterals, out);
    InlineContexts.useProblems(doc, InlineContexts.terms(doc.get("@context")), jsonLiterals, out);
    return out;
  }

  /**
   * No node below the top may reuse the id of the credential or of a status entry to add statements to it: in
   * JSON-LD they would be statements about that node, which a JSON reader of the top-level members does not see.
   * A bare reference ({@code {"id": ...}} alone) adds none and is allowed.
   */
  private static void idReuse(JsonNode doc, Set<String> jsonLiterals, List<String> out) {
    Set<String> checked = new HashSet<>();
    Set<JsonNode> owners = Collections.newSetFromMap(new IdentityHashMap<>());
    if (doc.path("id").isTextual()) {
      checked.add(doc.get("id").asText());
    }
    owners.add(doc);
    JsonNode status = doc.get("credentialStatus");
    if (status != null) {
      for (JsonNode e : list(status)) {
        if (e.path("id").isTextual()) {
          checked.add(e.get("id").asText());
          owners.add(e);
        }
      }
    }
    if (!checked.isEmpty()) {
      reuse(doc, "$", checked, owners, jsonLiterals, out);
    }
  }

  private static void reuse(JsonNode n, String path, Set<String> checked, Set<JsonNode> owners,
      Set<String> jsonLiterals, List<String> out) {
    if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        reuse(n.get(i), path + "[" + i + "]", checked, owners, jsonLiterals, out);
      }
      return;
    }
    if (!n.isObject()) {
      return;
    }
    if (!owners.contains(n) && n.path("id").isTextual() && checked.contains(n.get("id").asText()) && n.size() > 1) {
      out.add(path + ": a nested node reuses the id " + n.get("id").asText() + " of the credential or a status entry"
          + " (its statements would belong to that node)");
    }
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      if (!jsonLiterals.contains(e.getKey()) && !"@context".equals(e.getKey())) {
        reuse(e.getValue(), path + "." + e.getKey(), checked, owners, jsonLiterals, out);
      }
    }
  }

  private static void topLevelShapes(JsonNode doc, List<String> out) {
    JsonNode id = doc.get("id");
    if (id != null && !id.isTextual()) {
      out.add("$.id must be a string (an IRI)");
    }
    JsonNode type = doc.get("type");
    if (type != null && !stringOrStrings(type)) {
      out.add("$.type must be a string or an array of strings");
    }
    for (String d : DATES) {
      JsonNode v = doc.get(d);
      if (v != null && !v.isTextual()) {
        out.add("$." + d + " must be a dateTime string (not " + kind(v) + ")");
      }
    }
    JsonNode issuer = doc.get("issuer");
    if (issuer != null && !issuer.isTextual() && !(issuer.isObject() && issuer.path("id").isTextual())) {
      out.add("$.issuer must be an IRI string or an object with a string id");
    }
    JsonNode subject = doc.get("credentialSubject");
    if (subject != null && !objectOrObjects(subject)) {
      out.add("$.credentialSubject must be an object or an array of objects");
    }
    JsonNode status = doc.get("credentialStatus");
    if (status != null) {
      if (!objectOrObjects(status)) {
        out.add("$.credentialStatus must be an object or an array of objects");
      } else {
        List<JsonNode> entries = list(status);
        for (int i = 0; i < entries.size(); i++) {
          String p = status.isArray() ? "$.credentialStatus[" + i + "]" : "$.credentialStatus";
          JsonNode e = entries.get(i);
          if (!e.path("type").isTextual() && !(e.path("type").isArray() && stringOrStrings(e.get("type")))) {
            out.add(p + ".type must be a string or an array of strings");
          }
          if (e.has("id") && !e.get("id").isTextual()) {
            out.add(p + ".id must be a string");
          }
          plain(e, p, out);
        }
      }
    }
    JsonNode proof = doc.get("proof");
    if (proof != null && objectOrObjects(proof)) {
      List<JsonNode> proofs = list(proof);
      for (int i = 0; i < proofs.size(); i++) {
        String p = proof.isArray() ? "$.proof[" + i + "]" : "$.proof";
        for (Map.Entry<String, JsonNode> e : proofs.get(i).properties()) {
          String k = e.getKey();
          if (!PROOF_MEMBERS.contains(k)) {
            out.add(p + "." + k + " is not a Data Integrity proof member (expected one of "
                + new TreeSet<>(PROOF_MEMBERS) + ")");
          } else if ("@context".equals(k) && e.getValue().equals(doc.get("@context"))) {
            continue; // a jcs proof's copy of the document's @context (inline objects included)
          } else if ("@context".equals(k) || "previousProof".equals(k) || "domain".equals(k)) {
            if (!stringOrStrings(e.getValue())) {
              out.add(p + "." + k + " must be a string or an array of strings");
            }
          } else if (!e.getValue().isTextual()) {
            out.add(p + "." + k + " must be a string");
          }
        }
      }
    }
  }

  /** A checked subtree: no keyword keys at all (no value objects), only plain JSON. */
  private static void plain(JsonNode n, String path, List<String> out) {
    if (n.isObject()) {
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        if (e.getKey().startsWith("@")) {
          out.add(path + "." + e.getKey() + ": no keywords or value objects in a checked member");
        } else {
          plain(e.getValue(), path + "." + e.getKey(), out);
        }
      }
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        plain(n.get(i), path + "[" + i + "]", out);
      }
    }
  }

  /**
   * @param proofContext for a proof object, the {@code @context} of the document it secures: the JCS suites put
   *     that same value into the proof (it is signed there), so the proof may carry it and nothing else
   */
  private static void walk(JsonNode n, String path, boolean top, boolean embedded, JsonNode proofContext,
      Set<String> jsonLiterals, boolean embeddedContexts, List<String> out) {
    if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        walk(n.get(i), path + "[" + i + "]", false, embedded, proofContext, jsonLiterals, embeddedContexts, out);
      }
      return;
    }
    if (!n.isObject()) {
      return;
    }
    boolean valueObject = n.has("@value");
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      String k = e.getKey();
      String p = path + "." + k;
      if (jsonLiterals.contains(k)) {
        continue; // a JSON literal: data, not JSON-LD
      }
      if ("@context".equals(k)) {
        if (proofContext != null && proofContext.equals(e.getValue())) {
          continue; // a jcs proof's copy of the secured document's @context
        }
        if (!top && !(embedded && embeddedContexts)) {
          out.add(p + ": a @context below the top of the document is not allowed (it could redefine terms)");
        } else if (!top && !stringOrStrings(e.getValue())) {
          out.add(p + ": an embedded credential's @context must be a URL or a list of URLs (no inline context)");
        }
        continue;
      }
      if (k.startsWith("@")) {
        if (!(valueObject && VALUE_OBJECT_KEYS.contains(k))) {
          out.add(p + ": the keyword " + k + " is not allowed; use the terms the contexts define (compact form)");
        }
        continue;
      }
      if (k.indexOf(':') >= 0) {
        out.add(p + ": a key that is an absolute IRI or a CURIE is not allowed; use the term the contexts define"
            + " (compact form)");
        continue;
      }
      JsonNode v = e.getValue();
      boolean childEmbedded = EMBEDDED_CREDENTIALS.contains(k);
      JsonNode childProofContext = "proof".equals(k) ? n.get("@context") : null;
      if (v.isArray()) {
        for (int i = 0; i < v.size(); i++) {
          walk(v.get(i), p + "[" + i + "]", false, childEmbedded, childProofContext, jsonLiterals,
              embeddedContexts, out);
        }
      } else {
        walk(v, p, false, childEmbedded, childProofContext, jsonLiterals, embeddedContexts, out);
      }
    }
  }

  /**
   * The terms the document's contexts define as JSON literals ({@code "@type": "@json"}), in any context of the
   * tree, type- and property-scoped contexts included.
   *
   * @param context the document's {@code @context}
   * @param loader the loader
   * @return the term names
   */
  public static Set<String> jsonLiteralTerms(JsonNode context, ContextLoader loader) {
    Set<String> out = new HashSet<>();
    if (context == null) {
      return out;
    }
    for (JsonNode e : list(context)) {
      if (e.isTextual()) {
        out.addAll(jsonLiteralTerms(e.asText(), loader));
      }
    }
    return out;
  }

  /**
   * The JSON-literal terms of each pinned context, per loader: a loader's pinned documents never change, so each is
   * walked once (weak in the loader, as the canonicalizer's caches). Unpinned (remote) contexts are walked per call.
   */
  private static final Map<ContextLoader, Map<String, Set<String>>> JSON_LITERALS =
      Collections.synchronizedMap(new WeakHashMap<>());

  private static Set<String> jsonLiteralTerms(String url, ContextLoader loader) {
    Map<String, Set<String>> cache = loader.isPinned(url)
        ? JSON_LITERALS.computeIfAbsent(loader, l -> new ConcurrentHashMap<>()) : null;
    Set<String> terms = cache == null ? null : cache.get(url);
    if (terms != null) {
      return terms;
    }
    terms = new HashSet<>();
    try {
      collectJsonLiteralTerms(loader.load(url), terms);
    } catch (VcException | RuntimeException ex) {
      return Set.of(); // reported by the contexts check
    }
    terms = Set.copyOf(terms);
    if (cache != null) {
      cache.put(url, terms);
    }
    return terms;
  }

  private static void collectJsonLiteralTerms(JsonValue v, Set<String> out) {
    if (v.getValueType() == JsonValue.ValueType.OBJECT) {
      for (Map.Entry<String, JsonValue> e : v.asJsonObject().entrySet()) {
        JsonValue def = e.getValue();
        if (!e.getKey().startsWith("@") && def.getValueType() == JsonValue.ValueType.OBJECT
            && def.asJsonObject().get("@type") instanceof JsonString
            && "@json".equals(((JsonString) def.asJsonObject().get("@type")).getString())) {
          out.add(e.getKey());
        }
        collectJsonLiteralTerms(def, out);
      }
    } else if (v.getValueType() == JsonValue.ValueType.ARRAY) {
      v.asJsonArray().forEach(x -> collectJsonLiteralTerms(x, out));
    }
  }

  static List<JsonNode> list(JsonNode n) {
    List<JsonNode> out = new ArrayList<>();
    if (n.isArray()) {
      n.forEach(out::add);
    } else {
      out.add(n);
    }
    return out;
  }

  private static boolean stringOrStrings(JsonNode n) {
    if (n.isTextual()) {
      return true;
    }
    if (!n.isArray()) {
      return false;
    }
    for (JsonNode x : n) {
      if (!x.isTextual()) {
        return false;
      }
    }
    return true;
  }

  private static boolean objectOrObjects(JsonNode n) {
    if (n.isObject()) {
      return true;
    }
    if (!n.isArray()) {
      return false;
    }
    for (JsonNode x : n) {
      if (!x.isObject()) {
        return false;
      }
    }
    return true;
  }

  private static String kind(JsonNode v) {
    return v.isObject() ? (v.has("@value") ? "a value object" : "an object") : v.isArray() ? "an array"
        : v.getNodeType().toString().toLowerCase(Locale.ROOT);
  }
}
