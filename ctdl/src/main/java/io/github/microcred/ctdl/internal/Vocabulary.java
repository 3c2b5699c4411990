package io.github.microcred.ctdl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CTDL + CTDL-ASN vocabulary as the validator needs it: classes with their superclasses, properties with domain,
 * range and target concept scheme, concept schemes with their concepts, and the context's prefixes and term
 * coercions. Built with Jackson from the schema encodings ({@code https://credreg.net/ctdl/schema/encoding/json}
 * and the CTDL-ASN one) in their original shape or with their prose stripped (the shipped resources).
 */
public final class Vocabulary {
  /** SHA-256 of the pinned CTDL context, https://credreg.net/ctdl/schema/context/json (retrieved 2026-08-06). */
  public static final String CTDL_CONTEXT_SHA256 = "ddb6b4586c38df5fa43aa5f6a558de407dd7acdec9bc1329ce790e164bf40db5";
  /** SHA-256 of the pinned CTDL-ASN context, https://credreg.net/ctdlasn/schema/context/json. */
  public static final String CTDLASN_CONTEXT_SHA256 = "783a5a5e132deb0023f6a4ea5201b9b69e298e6c359c1fd8d3c595392f8e7e72";

  private static final String RES = "/io/github/microcred/ctdl/";
  private static volatile Vocabulary defaultInstance;

  /** A declared class. */
  public record ClassDef(String id, List<String> superClasses, boolean stable) {}

  /** A declared property. */
  public record PropertyDef(String id, Set<String> domain, List<String> range, List<String> targetSchemes,
      boolean stable) {}

  private final Map<String, ClassDef> classes = new HashMap<>();
  private final Map<String, PropertyDef> properties = new HashMap<>();
  private final Map<String, Set<String>> schemeConcepts = new HashMap<>();
  private final Map<String, Set<String>> conceptSchemes = new HashMap<>();
  private final Map<String, String> conceptLabels = new HashMap<>();
  private final Map<String, String> prefixes = new LinkedHashMap<>();
  private final Map<String, JsonNode> contextTerms = new HashMap<>();
  private final Map<String, Set<String>> ancestorCache = new ConcurrentHashMap<>();

  private Vocabulary() {}

  /**
   * The vocabulary built from the resources shipped in this jar.
   *
   * @return the shared instance
   */
  public static Vocabulary defaults() {
    Vocabulary v = defaultInstance;
    if (v == null) {
      synchronized (Vocabulary.class) {
        v = defaultInstance;
        if (v == null) {
          ObjectMapper m = Json.MAPPER;
          try {
            v = of(List.of(m.readTree(resource("ctdl-schema-terms.json")),
                    m.readTree(resource("ctdlasn-schema-terms.json"))),
                List.of(m.readTree(checked("ctdl-context.json", CTDL_CONTEXT_SHA256)),
                    m.readTree(checked("ctdlasn-context.json", CTDLASN_CONTEXT_SHA256))));
          } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CTDL schema resources", e);
          }
          defaultInstance = v;
        }
      }
    }
    return v;
  }

  /**
   * Builds a vocabulary from schema encodings and contexts.
   *
   * @param schemas schema documents ({@code @graph} of rdfs:Class, rdf:Property, skos:ConceptScheme, skos:Concept)
   * @param contexts context documents ({@code {"@context":{...}}})
   * @return the vocabulary
   */
  public static Vocabulary of(List<JsonNode> schemas, List<JsonNode> contexts) {
    Vocabulary v = new Vocabulary();
    for (JsonNode ctxDoc : contexts) {
      JsonNode ctx = ctxDoc.path("@context");
      ctx.fields().forEachRemaining(e -> {
        if (e.getValue().isTextual()) {
          v.prefixes.putIfAbsent(e.getKey(), e.getValue().asText());
        } else {
          v.contextTerms.putIfAbsent(e.getKey(), e.getValue());
        }
      });
    }
    for (JsonNode schema : schemas) {
      for (JsonNode n : schema.path("@graph")) {
        String id = n.path("@id").asText();
        String type = n.path("@type").asText();
        boolean stable = !"vs:unstable".equals(n.path("vs:term_status").asText());
        switch (type) {
          case "rdfs:Class" -> v.classes.putIfAbsent(id, new ClassDef(id, strings(n.path("rdfs:subClassOf")), stable));
          case "rdf:Property" -> {
            PropertyDef old = v.properties.get(id);
            Set<String> dom = new LinkedHashSet<>(strings(n.path("schema:domainIncludes")));
            List<String> range = new ArrayList<>(strings(n.path("schema:rangeIncludes")));
            List<String> schemes = new ArrayList<>(strings(n.path("meta:targetScheme")));
            if (old != null) { // CTDL-ASN re-declares a few CTDL terms: union them
              dom.addAll(old.domain());
              for (String r : old.range()) {
                if (!range.contains(r)) {
                  range.add(r);
                }
              }
              for (String s : old.targetSchemes()) {
                if (!schemes.contains(s)) {
                  schemes.add(s);
                }
              }
              stable = stable || old.stable();
            }
            v.properties.put(id, new PropertyDef(id, Collections.unmodifiableSet(dom), List.copyOf(range),
                List.copyOf(schemes), stable));
          }
          case "skos:ConceptScheme" -> {
            v.schemeConcepts.computeIfAbsent(id, k -> new LinkedHashSet<>());
            for (String c : strings(n.path("meta:hasConcept"))) {
              v.schemeConcepts.get(id).add(c);
              v.conceptSchemes.computeIfAbsent(c, k -> new LinkedHashSet<>()).add(id);
            }
          }
          case "skos:Concept" -> {
            for (String s : strings(n.path("skos:inScheme"))) {
              v.schemeConcepts.computeIfAbsent(s, k -> new LinkedHashSet<>()).add(id);
              v.conceptSchemes.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(s);
            }
            JsonNode label = n.path("skos:prefLabel");
            if (label.isObject() && label.size() > 0) {
              v.conceptLabels.put(id, label.elements().next().asText());
            }
          }
          default -> { }
        }
      }
    }
    return v;
  }

  /**
   * A vocabulary from other schema encodings with the pinned contexts.
   *
   * @param schemas the schema encodings
   * @return the vocabulary
   */
  public static Vocabulary withSchemas(List<JsonNode> schemas) {
    ObjectMapper m = Json.MAPPER;
    try {
      return of(schemas, List.of(m.readTree(checked("ctdl-context.json", CTDL_CONTEXT_SHA256)),
          m.readTree(checked("ctdlasn-context.json", CTDLASN_CONTEXT_SHA256))));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the pinned CTDL contexts", e);
    }
  }

  static List<String> strings(JsonNode n) {
    if (n.isMissingNode() || n.isNull()) {
      return List.of();
    }
    if (n.isArray()) {
      List<String> out = new ArrayList<>();
      n.forEach(e -> out.add(e.asText()));
      return out;
    }
    return List.of(n.asText());
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = Vocabulary.class.getResourceAsStream(RES + name);
    if (in == null) {
      throw new IOException("missing resource " + RES + name);
    }
    return in;
  }

  private static byte[] checked(String name, String sha256) throws IOException {
    byte[] bytes;
    try (InputStream in = resource(name)) {
      bytes = in.readAllBytes();
    }
    String actual = sha256Hex(bytes);
    if (!actual.equals(sha256)) {
      throw new IOException("pinned context " + name + " has SHA-256 " + actual + ", expected " + sha256);
    }
    return bytes;
  }

  /**
   * Hex SHA-256 of bytes.
   *
   * @param bytes the bytes
   * @return lowercase hex digest
   */
  public static String sha256Hex(byte[] bytes) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
      StringBuilder sb = new StringBuilder();
      for (byte b : d) {
        sb.append(String.format("%02x", b));
      }
      return sb.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** @return the class, or null */
  public ClassDef classDef(String curie) {
    return classes.get(curie);
  }

  /** @return the property, or null */
  public PropertyDef property(String curie) {
    return properties.get(curie);
  }

  /** @return whether the context maps the key (a term without schema declaration) */
  public boolean inContext(String curie) {
    return contextTerms.containsKey(curie);
  }

  /** @return whether the key is a declared concept scheme */
  public boolean isScheme(String curie) {
    return schemeConcepts.containsKey(curie);
  }

  /** @return the schemes a concept belongs to (empty if none) */
  public Set<String> schemesOf(String concept) {
    return conceptSchemes.getOrDefault(concept, Set.of());
  }

  /** @return the concepts of a scheme */
  public Set<String> conceptsOf(String scheme) {
    return schemeConcepts.getOrDefault(scheme, Set.of());
  }

  /** @return the English label of a concept, or the local name */
  public String conceptLabel(String concept) {
    String l = conceptLabels.get(concept);
    return l != null ? l : concept.substring(concept.indexOf(':') + 1);
  }

  /** @return prefix → namespace IRI */
  public Map<String, String> prefixes() {
    return Collections.unmodifiableMap(prefixes);
  }

  /**
   * The class and all its ancestors (transitively), including itself.
   *
   * @param curie the class
   * @return the set
   */
  public Set<String> selfAndAncestors(String curie) {
    return ancestorCache.computeIfAbsent(curie, c -> {
      Set<String> out = new LinkedHashSet<>();
      List<String> todo = new ArrayList<>(List.of(c));
      while (!todo.isEmpty()) {
        String x = todo.remove(todo.size() - 1);
        if (out.add(x)) {
          ClassDef d = classes.get(x);
          if (d != null) {
            todo.addAll(d.superClasses());
          }
        }
      }
      return Collections.unmodifiableSet(out);
    });
  }

  /**
   * Whether a class equals or is a subclass of one of the given classes.
   *
   * @param type a class
   * @param anyOf candidate superclasses
   * @return true if so
   */
  public boolean isA(String type, Collection<String> anyOf) {
    for (String a : selfAndAncestors(type)) {
      if (anyOf.contains(a)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Shortens an IRI to a CURIE with a known prefix (accepting {@code http://} for {@code https://} namespaces), or
   * returns the input unchanged when it is already a CURIE or no prefix matches.
   *
   * @param iri an IRI or CURIE
   * @return the CURIE or the input
   */
  public String compact(String iri) {
    if (!iri.contains("://")) {
      return iri;
    }
    String best = null;
    int bestLen = -1;
    for (Map.Entry<String, String> e : prefixes.entrySet()) {
      String ns = e.getValue();
      String alt = ns.startsWith("https://") ? "http://" + ns.substring(8) : ns;
      for (String n : new String[] {ns, alt}) {
        if (iri.startsWith(n) && n.length() > bestLen && iri.length() > n.length()) {
          best = e.getKey() + ":" + iri.substring(n.length());
          bestLen = n.length();
        }
      }
    }
    return best != null ? best : iri;
  }

  /**
   * Whether a string is a CURIE whose prefix the context declares.
   *
   * @param s the string
   * @return true if so
   */
  public boolean isKnownCurie(String s) {
    int i = s.indexOf(':');
    return i > 0 && !s.startsWith("_:") && !s.contains("://") && prefixes.containsKey(s.substring(0, i));
  }

  /** @return all declared class ids (for tests) */
  public Set<String> classIds() {
    return Collections.unmodifiableSet(new HashSet<>(classes.keySet()));
  }

  static String utf8(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
