package io.github.microcred.vc.internal.verify;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.microcred.vc.CheckName;
import io.github.microcred.vc.ContextLoader;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.VerificationCheck;
import io.github.microcred.vc.VerificationCode;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.regex.Pattern;

/**
 * The policy for inline {@code @context} objects (VC 2.0 §4.3 allows "objects where each is processable as a
 * JSON-LD Context" after the base context). An inline context is not a pinned document, and for RDFC proofs only its
 * effect on the graph is signed, so a holder could re-spell a member through it ({@code {"until":
 * "https://www.w3.org/2018/credentials#validUntil"}} and an {@code "until"} key hold the same RDF as
 * {@code validUntil}). It is therefore accepted only when none of its definitions can change what any check or JSON
 * reader reads:
 * <ul>
 *   <li>only in the top-level {@code @context} of a document, after the first entry (the VC base context);
 *   <li>only simple term definitions ({@code "Term": "https://..."}) and {@code "@protected": true|false}: no
 *       {@code @vocab}, {@code @base}, {@code @import}, {@code @propagate}, {@code @version}, no expanded
 *       definitions (so no {@code @reverse}, {@code @type} coercion, {@code @container}, scoped contexts), no keyword
 *       aliases ({@code "ident": "@id"}), and no other keyword as a key (the wrapped form
 *       {@code {"@context": {...}}} included: JSON-LD 1.1 makes it a keyword redefinition error);
 *   <li>each term a plain name ({@code [A-Za-z_][A-Za-z0-9_.-]*}, at most 128 characters) that no context the loader
 *       knows defines anywhere (no redefinition, protected or not, so a pinned term always means what its pinned
 *       context says) and that no other inline context in the document defines;
 *   <li>each IRI an absolute {@code http(s)} IRI (at most 2,048 characters) that does not end with a URI gen-delim
 *       ({@code : / ? # [ ] @}: such a term would be a JSON-LD 1.1 prefix, and {@code "did:key:..."} values could then
 *       expand through it) and lies outside every vocabulary of the contexts the loader knows (the VC, Data Integrity,
 *       status, Open Badges, CLR, schema.org, XML Schema, ... namespaces, computed from the pinned documents; the W3C
 *       examples contexts' vocabularies only when the document uses them), so no inline term aliases an IRI that a
 *       check or a pinned term reads;
 *   <li>an inline term is used only as a key or as a {@code type} value, never as another string value (where a
 *       pinned context might coerce it as a vocabulary term);
 *   <li>at most 8 inline objects and 128 terms in all.
 * </ul>
 * Together with the compact-form rules ({@link CompactForm}: no full-IRI, CURIE or keyword keys) every key and type
 * a check reads is a pinned term whose definition no inline context can touch, and every inline term expands into a
 * vocabulary no check reads; the Data Integrity verifier still reads its decisions from the signed graph.
 */
public final class InlineContexts {
  /** At most this many inline context objects in one {@code @context}. */
  public static final int MAX_OBJECTS = 8;
  /** At most this many inline terms in one document. */
  public static final int MAX_TERMS = 128;
  private static final int MAX_TERM_LENGTH = 128;
  private static final int MAX_IRI_LENGTH = 2048;
  private static final Pattern TERM = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]*");
  private static final String GEN_DELIMS = ":/?#[]@";
  /** The keywords a context definition may hold (JSON-LD 1.1 API 4.1.2 step 5.13); any other is a term. */
  private static final Set<String> CONTEXT_KEYWORDS = Set.of("@base", "@direction", "@import", "@language",
      "@propagate", "@protected", "@version", "@vocab");
  /** The W3C examples contexts: their vocabularies are reserved only for documents that use them. */
  private static final Set<String> EXAMPLES = Set.of("https://www.w3.org/2018/credentials/examples/v1",
      "https://www.w3.org/ns/credentials/examples/v2");
  private static final Map<ContextLoader, Known> KNOWN = Collections.synchronizedMap(new WeakHashMap<>());

  private InlineContexts() {}

  /** What the loader's contexts define: every term name, and the vocabularies of every IRI, per context URL. */
  private record Known(Set<String> names, Map<String, Set<String>> namespaces) {}

  /**
   * The inline terms a {@code @context} value defines (its object entries' non-keyword keys).
   *
   * @param context the {@code @context} value, or null
   * @return the terms, empty when there is no inline context
   */
  public static Set<String> terms(JsonNode context) {
    Set<String> out = new LinkedHashSet<>();
    if (context == null) {
      return out;
    }
    for (JsonNode e : CompactForm.list(context)) {
      if (e.isObject()) {
        e.fieldNames().forEachRemaining(k -> {
          if (!k.startsWith("@")) {
            out.add(k);
          }
        });
      }
    }
    return out;
  }

  /**
   * The problems of the inline objects of a top-level {@code @context} (the URL entries are the data-model check's),
   * each naming its JSON path and what is expected.
   *
   * @param context the document's {@code @context}
   * @param loader the verifier's context loader
   * @return failed {@link CheckName#CONTEXTS} checks; empty when there is no inline context or every one follows the
   *     policy
   */
  public static List<VerificationCheck> definitionProblems(JsonNode context, ContextLoader loader) {
    List<VerificationCheck> out = new ArrayList<>();
    if (context == null || !context.isArray()) {
      if (context != null && context.isObject()) {
        fail(out, "$.@context", "$.@context: an inline context must follow the VC base context URL in an array");
      }
      return out;
    }
    Set<String> urls = new HashSet<>();
    int objects = 0;
    for (JsonNode e : context) {
      if (e.isTextual()) {
        urls.add(e.asText());
      } else if (e.isObject()) {
        objects++;
      }
    }
    if (objects == 0) {
      return out;
    }
    if (objects > MAX_OBJECTS) {
      fail(out, "$.@context", "$.@context: " + objects + " inline contexts, at most " + MAX_OBJECTS + " allowed");
      return out;
    }
    Known known = known(loader);
    List<String> reserved = reservedNamespaces(known, urls, loader);
    Set<String> seen = new HashSet<>();
    int terms = 0;
    for (int i = 0; i < context.size(); i++) {
      JsonNode e = context.get(i);
      String at = "$.@context[" + i + "]";
      if (!e.isObject()) {
        continue;
      }
      if (i == 0) {
        fail(out, at, at + ": the first @context entry must be the VC base context URL, not an inline context");
        continue;
      }
      for (Map.Entry<String, JsonNode> d : e.properties()) {
        String term = d.getKey();
        JsonNode def = d.getValue();
        String p = at + "." + term;
        if (term.equals("@protected")) {
          if (!def.isBoolean()) {
            fail(out, p, p + " must be true or false");
          }
          continue;
        }
        if (term.startsWith("@") && !CONTEXT_KEYWORDS.contains(term)) {
          // JSON-LD 1.1 API 4.1.2 step 5.13 hands every other entry to Create Term Definition, whose step 5 says
          // "since keywords cannot be overridden, term MUST NOT be a keyword and a keyword redefinition error has
          // been detected and processing is aborted" (test expand#ter56 is exactly {"@context": {"@context": ...}})
          fail(out, p, p + ": " + term + " is a JSON-LD keyword, which no context may define (a keyword redefinition"
              + " error, JSON-LD 1.1 API Create Term Definition step 5)" + (term.equals("@context")
                  ? "; the wrapped form {\"@context\": {...}} is that of a context document loaded from a URL, not of"
                  + " an inline context" : ""));
          continue;
        }
        if (term.startsWith("@")) {
          fail(out, p, p + ": " + term + " is not allowed in an inline context (only term definitions and @protected;"
              + " it could change how the pinned terms are read)");
          continue;
        }
        if (++terms > MAX_TERMS) {
          fail(out, at, at + ": more than " + MAX_TERMS + " inline terms");
          return out;
        }
        if (term.length() > MAX_TERM_LENGTH || !TERM.matcher(term).matches()) {
          fail(out, p, p + ": an inline term must be a plain name ([A-Za-z_][A-Za-z0-9_.-]*, at most " + MAX_TERM_LENGTH
              + " characters)");
          continue;
        }
        if (known.names().contains(term)) {
          fail(out, p, p + ": " + term + " is a term of a pinned context; an inline context may not redefine it");
          continue;
        }
        if (!seen.add(term)) {
          fail(out, p, p + ": " + term + " is defined by another inline context of this document");
          continue;
        }
        if (!def.isTextual()) {
          fail(out, p, p + ": only simple term definitions (\"" + term + "\": \"https://...\") are allowed in an inline"
              + " context, no expanded definitions (@reverse, @type, @container, @context could change what is read)");
          continue;
        }
        String iri = def.asText();
        if (!(iri.startsWith("https://") || iri.startsWith("http://")) || !DataModel.isIri(iri)
            || iri.length() > MAX_IRI_LENGTH) {
          fail(out, p, p + ": the IRI of an inline term must be an absolute http(s) IRI (at most " + MAX_IRI_LENGTH
              + " characters), got \"" + abbreviate(iri) + "\"");
          continue;
        }
        if (GEN_DELIMS.indexOf(iri.charAt(iri.length() - 1)) >= 0) {
          fail(out, p, p + ": the IRI " + abbreviate(iri) + " ends with '" + iri.charAt(iri.length() - 1) + "', which makes"
              + " " + term + " a prefix that could re-spell the document's IRIs (" + term + ":...)");
          continue;
        }
        for (String ns : reserved) {
          if (iri.startsWith(ns)) {
            fail(out, p, p + ": " + abbreviate(iri) + " is in the vocabulary " + ns + " of a pinned context; an inline term"
                + " may not alias it (it could re-spell a member the checks read)");
            break;
          }
        }
      }
    }
    return out;
  }

  /**
   * Where an inline term is used as a string value other than a {@code type}: there a pinned context might coerce
   * it as a vocabulary term, so the JSON reader and the graph would disagree.
   *
   * @param doc the document
   * @param terms the document's inline terms
   * @param jsonLiterals terms whose values are JSON literals (not walked)
   * @param out receives the problems
   */
  public static void useProblems(JsonNode doc, Set<String> terms, Set<String> jsonLiterals, List<String> out) {
    if (!terms.isEmpty()) {
      uses(doc, "$", false, terms, jsonLiterals, out);
    }
  }

  private static void uses(JsonNode n, String path, boolean typeValue, Set<String> terms, Set<String> jsonLiterals,
      List<String> out) {
    if (n.isTextual()) {
      if (!typeValue && terms.contains(n.asText())) {
        out.add(path + ": the inline term " + n.asText() + " is used as a value (inline terms may be keys or types"
            + " only)");
      }
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        uses(n.get(i), path + "[" + i + "]", typeValue, terms, jsonLiterals, out);
      }
    } else if (n.isObject()) {
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        String k = e.getKey();
        if (k.equals("@context") || jsonLiterals.contains(k)) {
          continue;
        }
        uses(e.getValue(), path + "." + k, k.equals("type"), terms, jsonLiterals, out);
      }
    }
  }

  private static List<String> reservedNamespaces(Known known, Set<String> urls, ContextLoader loader) {
    Set<String> ns = new HashSet<>();
    for (Map.Entry<String, Set<String>> e : known.namespaces().entrySet()) {
      if (!EXAMPLES.contains(e.getKey()) || urls.contains(e.getKey())) {
        ns.addAll(e.getValue());
      }
    }
    for (String u : urls) {
      if (!known.namespaces().containsKey(u)) {
        try {
          collect(loader.load(u), new HashSet<>(), ns);
        } catch (VcException | RuntimeException e) {
          // reported by the contexts check
        }
      }
    }
    List<String> out = new ArrayList<>(ns);
    Collections.sort(out);
    return out;
  }

  private static Known known(ContextLoader loader) {
    synchronized (KNOWN) {
      Known k = KNOWN.get(loader);
      if (k != null) {
        return k;
      }
      Set<String> names = new HashSet<>();
      Map<String, Set<String>> namespaces = new HashMap<>();
      for (String url : loader.pinnedUrls()) {
        Set<String> ns = new HashSet<>();
        try {
          collect(loader.load(url), names, ns);
        } catch (VcException | RuntimeException e) {
          continue;
        }
        namespaces.put(url, ns);
      }
      k = new Known(Set.copyOf(names), Map.copyOf(namespaces));
      KNOWN.put(loader, k);
      return k;
    }
  }

  /** Every non-keyword key (a term name) and the namespace of every http(s) IRI string, anywhere in a context. */
  private static void collect(JsonValue v, Set<String> names, Set<String> namespaces) {
    switch (v.getValueType()) {
      case OBJECT:
        for (Map.Entry<String, JsonValue> e : v.asJsonObject().entrySet()) {
          if (!e.getKey().startsWith("@")) {
            names.add(e.getKey());
          }
          collect(e.getValue(), names, namespaces);
        }
        break;
      case ARRAY:
        v.asJsonArray().forEach(x -> collect(x, names, namespaces));
        break;
      case STRING:
        String s = ((JsonString) v).getString();
        if (s.startsWith("https://") || s.startsWith("http://")) {
          namespaces.add(namespace(s));
        }
        break;
      default:
        break;
    }
  }

  /** The IRI up to its last {@code #}, or else its last {@code /} (after the authority). */
  static String namespace(String iri) {
    int hash = iri.lastIndexOf('#');
    if (hash >= 0) {
      return iri.substring(0, hash + 1);
    }
    int slash = iri.lastIndexOf('/');
    return slash > iri.indexOf("//") + 1 ? iri.substring(0, slash + 1) : iri + "/";
  }

  private static void fail(List<VerificationCheck> out, String path, String message) {
    out.add(VerificationCheck.failed(CheckName.CONTEXTS, path, VerificationCode.INLINE_CONTEXT_REFUSED, message));
  }

  private static String abbreviate(String s) {
    return s.length() > 100 ? s.substring(0, 100) + "..." : s;
  }
}
