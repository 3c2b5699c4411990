package io.github.microcred.ctdl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * The nodes of a CTDL document, each object's JSON path, and the nodes by {@code @id} (also under the normalised
 * form of the id, so legacy {@code /graph/}, {@code http://} and upper-case CTID links resolve).
 */
final class GraphIndex {
  private final List<JsonNode> nodes = new ArrayList<>();
  private final Map<String, JsonNode> byId = new HashMap<>();
  private final Map<JsonNode, String> paths = new IdentityHashMap<>();

  private GraphIndex() {}

  /**
   * Indexes a document: a node array, a {@code @graph} or a single resource.
   *
   * @param d the document
   * @param base its JSON path
   * @return the index
   * @throws IllegalArgumentException when the document holds no resource
   */
  static GraphIndex of(JsonNode d, String base) {
    GraphIndex g = new GraphIndex();
    if (d.isArray()) {
      for (int i = 0; i < d.size(); i++) {
        g.top(d.get(i), base + "[" + i + "]");
      }
    } else if (hasGraph(d)) {
      JsonNode a = d.get("@graph");
      for (int i = 0; i < a.size(); i++) {
        g.top(a.get(i), base + "['@graph'][" + i + "]");
      }
    } else if (d.isObject() && d.has("@type")) {
      g.top(d, base);
    }
    g.nodes.removeIf(n -> !n.isObject());
    if (g.nodes.isEmpty()) {
      throw new IllegalArgumentException(base + ": no CTDL resource (expected @graph, an envelope, a node array "
          + "or an object with @type)");
    }
    for (JsonNode n : g.nodes) {
      g.index(n);
    }
    return g;
  }

  /**
   * Whether a document is a graph object.
   *
   * @param d the document
   * @return true when it has a {@code @graph} array
   */
  static boolean hasGraph(JsonNode d) {
    return d.isObject() && d.has("@graph") && d.get("@graph").isArray();
  }

  private void top(JsonNode n, String path) {
    nodes.add(n);
    paths.put(n, path);
  }

  /**
   * The top-level nodes, in document order.
   *
   * @return the nodes (objects only)
   */
  List<JsonNode> nodes() {
    return nodes;
  }

  /**
   * The JSON path of a node or value of the document.
   *
   * @param n the node
   * @return its path, {@code $} when unknown
   */
  String path(JsonNode n) {
    String p = paths.get(n);
    return p == null ? "$" : p;
  }

  /**
   * The node with an id, as given or normalised.
   *
   * @param iri the id
   * @return the node, or null
   */
  JsonNode lookup(String iri) {
    JsonNode n = byId.get(iri);
    return n != null ? n : byId.get(normIri(iri));
  }

  private void index(JsonNode n) {
    if (!n.isObject()) {
      return;
    }
    JsonNode id = n.get("@id");
    if (id != null && id.isTextual() && n.size() > 1) {
      byId.putIfAbsent(id.asText(), n);
      byId.putIfAbsent(normIri(id.asText()), n);
    }
    Iterator<Map.Entry<String, JsonNode>> it = n.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String p = paths.get(n);
      JsonNode v = e.getValue();
      if (p != null && (v.isObject() || v.isArray())) {
        paths.putIfAbsent(v, p + "['" + e.getKey() + "']");
        if (v.isArray()) {
          for (int i = 0; i < v.size(); i++) {
            paths.putIfAbsent(v.get(i), p + "['" + e.getKey() + "'][" + i + "]");
          }
        }
      }
      if (v.isObject()) {
        index(v);
      } else if (v.isArray()) {
        v.forEach(this::index);
      }
    }
  }

  /**
   * Normalises a Registry IRI: /graph/ → /resources/, CTID lower case, http → https.
   *
   * @param iri the IRI
   * @return the normalised IRI
   */
  static String normIri(String iri) {
    String s = iri;
    Matcher m = Ctids.AT_END.matcher(s);
    if (m.find()) {
      s = s.substring(0, m.start()) + m.group(1).toLowerCase(Locale.ROOT);
    }
    s = s.replace("/graph/", "/resources/");
    if (s.startsWith("http://credentialengineregistry.org") || s.startsWith("http://sandbox.credentialengineregistry")) {
      s = "https://" + s.substring(7);
    }
    return s;
  }
}
