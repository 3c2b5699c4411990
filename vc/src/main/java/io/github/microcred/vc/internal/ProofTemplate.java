package io.github.microcred.vc.internal;

import io.github.microcred.vc.CanonicalizationLimits;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Canonical N-Quads of a proof configuration from a template: a proof configuration differs from call to call only
 * in its {@code created} dateTime, so its canonical N-Quads are those of an earlier configuration that is equal in
 * every other entry (the same {@code @context}, type, cryptosuite, verification method, purpose, ...) with the one
 * {@code created} literal replaced. The fast path computes them the first time; a template is kept only when that
 * replacement is provably the whole difference:
 *
 * <ul>
 *   <li>the earlier value occurs exactly once in the canonical N-Quads, as the typed literal
 *       {@code "value"^^<http://www.w3.org/2001/XMLSchema#dateTime>}, so the term is coerced to {@code xsd:dateTime}
 *       and its value expands to itself, whatever the characters;</li>
 *   <li>both values are made only of the characters {@code 0-9 T Z : . + -}, none of which N-Quads escapes;</li>
 *   <li>the dataset has at most one blank node ({@code _:c14n0}, the only canonical labelling, which no literal
 *       changes) and no other statement has the {@code created} statement's predicate, so the statement's place in
 *       the sorted output is fixed by its predicate alone (statements with different predicates are ordered within
 *       the predicates: IRIs hold no {@code >}, so two different predicates differ at or before the end of the shorter
 *       one).</li>
 * </ul>
 *
 * <p>Any other document (no string {@code created}, other characters, a dataset given to fill, another template
 * key) is canonicalized as before. The input bounds still run first, in the caller. Bounded: at most 256 templates
 * per context loader.
 */
final class ProofTemplate {
  private ProofTemplate() {}

  private static final int MAX_TEMPLATES = 256;
  private static final int MAX_VALUE_LENGTH = 64;
  private static final String DATE_TIME = "^^<http://www.w3.org/2001/XMLSchema#dateTime>";

  /** The document without {@code created}, the hash, and the {@code created} value. */
  record Key(JsonObject rest, String rdfcHash, String created) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key && ((Key) o).rest.equals(rest) && ((Key) o).rdfcHash.equals(rdfcHash);
    }

    @Override
    public int hashCode() {
      return rest.hashCode() * 31 + rdfcHash.hashCode();
    }
  }

  /** The template key of a document with a top-level string {@code created} of dateTime characters, or null. */
  static Key key(JsonObject document, String rdfcHash) {
    JsonValue created = document.get("created");
    if (!(created instanceof JsonString) || document.containsKey("proof")) {
      return null;
    }
    String value = ((JsonString) created).getString();
    if (!plain(value)) {
      return null;
    }
    JsonObjectBuilder b = JsonSupport.PROVIDER.createObjectBuilder();
    document.forEach((k, v) -> {
      if (!"created".equals(k)) {
        b.add(k, v);
      }
    });
    return new Key(b.build(), rdfcHash, value);
  }

  private static boolean plain(String v) {
    if (v.isEmpty() || v.length() > MAX_VALUE_LENGTH) {
      return false;
    }
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (!(c >= '0' && c <= '9' || c == 'T' || c == 'Z' || c == ':' || c == '.' || c == '+' || c == '-')) {
        return false;
      }
    }
    return true;
  }

  /** A learned template: the canonical N-Quads around the {@code created} value. */
  private record Template(String before, String after, int statements) {}

  /** The templates of one context loader. */
  static final class Cache {
    private final Map<Key, Template> templates = new ConcurrentHashMap<>();

    /** The canonical N-Quads of the document {@code key} was made from, or null when there is no template. */
    String apply(Key key, CanonicalizationLimits limits) {
      Template t = templates.get(key);
      // within every bound a fresh run would check (its nodes are at most two per statement, plus one)
      if (t == null || t.statements > limits.maxQuads() || 2L * t.statements + 1 > limits.maxNodes()
          || t.statements + 4L > limits.maxBlankNodeWork()) {
        return null;
      }
      return t.before + key.created() + t.after;
    }

    /** Keeps the template of {@code canonical} (the fast path's canonical N-Quads of the key's document) if safe. */
    void learn(Key key, String canonical) {
      if (templates.size() >= MAX_TEMPLATES || canonical.contains("_:c14n1")) {
        return;
      }
      String literal = '"' + key.created() + '"' + DATE_TIME;
      int at = canonical.indexOf('"' + key.created() + '"');
      if (at < 0 || !canonical.startsWith(literal, at)
          || canonical.indexOf('"' + key.created() + '"', at + 1) >= 0) {
        return;
      }
      int lineStart = canonical.lastIndexOf('\n', at) + 1;
      String line = canonical.substring(lineStart, canonical.indexOf('\n', at) + 1);
      // subject, then the predicate: "<subject> <predicate> " or "_:c14n0 <predicate> "
      int p0 = line.indexOf(' ') + 1;
      int p1 = line.indexOf(' ', p0);
      if (p0 <= 0 || p1 < 0 || line.charAt(p0) != '<') {
        return;
      }
      String predicate = line.substring(p0 - 1, p1 + 1);
      int n = 0;
      for (int i = canonical.indexOf(predicate); i >= 0; i = canonical.indexOf(predicate, i + 1)) {
        n++;
      }
      if (n != 1) {
        return;
      }
      int statements = 0;
      for (int i = canonical.indexOf('\n'); i >= 0; i = canonical.indexOf('\n', i + 1)) {
        statements++;
      }
      templates.putIfAbsent(key, new Template(canonical.substring(0, at + 1),
          canonical.substring(at + 1 + key.created().length()), statements));
    }
  }
}
