package io.github.microcred.ctdl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.microcred.ctdl.CtdlProblemCode;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state of one read: the graph, the vocabulary, the result being filled, and which properties of which node
 * were read. Resource readers read through {@link #at(JsonNode) cursors}; at the end {@link #reportUnread()} warns
 * about every property no reader took, with its JSON path.
 */
final class ReadContext {
  final Vocabulary vocab;
  final GraphIndex graph;
  final CtdlReader.Result result;
  private final Map<JsonNode, Set<String>> read = new IdentityHashMap<>();

  ReadContext(Vocabulary vocab, GraphIndex graph, CtdlReader.Result result) {
    this.vocab = vocab;
    this.graph = graph;
    this.result = result;
  }

  /**
   * A cursor on a node of the document.
   *
   * @param n the node
   * @return the cursor
   */
  NodeCursor at(JsonNode n) {
    return new NodeCursor(this, n);
  }

  /**
   * The model being filled.
   *
   * @return the model
   */
  CtdlModel model() {
    return result.model;
  }

  void warn(String path, CtdlProblemCode code, String message) {
    result.warnings.add(new CtdlReader.Warning(path == null ? "$" : path, code, message));
  }

  /** Records that properties of a node were read. */
  void markRead(JsonNode n, String... keys) {
    Set<String> u = read.computeIfAbsent(n, k -> new LinkedHashSet<>());
    for (String k : keys) {
      u.add(k);
    }
  }

  /**
   * Resolves a value to a node: an embedded object, or a reference ({@code {"@id": ...}} or an IRI string) to a node
   * of the graph.
   *
   * @param v the value
   * @return the node, or null
   */
  JsonNode resolve(JsonNode v) {
    if (v.isObject()) {
      if (v.size() == 1 && v.has("@id")) {
        markRead(v, "@id");
        return graph.lookup(v.get("@id").asText());
      }
      return v;
    }
    if (v.isTextual()) {
      return graph.lookup(v.asText());
    }
    return null;
  }

  /**
   * A link normalised as {@link GraphIndex#normIri}, warning when that changed it.
   *
   * @param iri the link
   * @param path where it was read
   * @return the normalised link
   */
  String refIri(String iri, String path) {
    String n = GraphIndex.normIri(iri);
    if (!n.equals(iri)) {
      warn(path, CtdlProblemCode.LEGACY_SHAPE, "legacy link " + iri + " normalised to " + n);
    }
    return n;
  }

  /**
   * A reference to another resource (credential, part, prerequisite): its normalised link and CTID, and the name of
   * the node when the record describes it.
   *
   * @param v the value (IRI, {@code {"@id": ...}} or embedded node)
   * @param path where it was read
   * @return the reference
   */
  CtdlModel.Ref reference(JsonNode v, String path) {
    CtdlModel.Ref ref = new CtdlModel.Ref();
    JsonNode n = resolve(v);
    String iri = v.isObject() ? v.path("@id").asText(null) : v.asText();
    if (iri != null) {
      ref.uri = refIri(iri, path);
      ref.ctid = Ctids.atEnd(ref.uri).orElse(null);
    }
    if (n != null && n.isObject()) {
      NodeCursor c = at(n);
      ref.name = c.firstText("ceterms:name");
      if (ref.ctid == null) {
        ref.ctid = c.ctid();
      }
    }
    return ref;
  }

  /** Warns about every property of every top-level node (and of the values read) that no reader took. */
  void reportUnread() {
    for (JsonNode n : graph.nodes()) {
      reportUnread(n);
    }
  }

  private void reportUnread(JsonNode n) {
    Set<String> u = read.get(n);
    if (u == null) {
      if (n.isObject() && n.has("@type")) {
        warn(graph.path(n), CtdlProblemCode.NOT_MAPPED, "node " + at(n).types() + " not mapped to the core model");
      }
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> it = n.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!u.contains(e.getKey())) {
        if (!e.getKey().equals("@context") && !e.getKey().equals("@id")) {
          warn(graph.path(n) + "['" + e.getKey() + "']", CtdlProblemCode.NOT_MAPPED, "unmapped property " + e.getKey());
        }
      } else {
        List<JsonNode> values = NodeCursor.values(e.getValue());
        for (int i = 0; i < values.size(); i++) {
          JsonNode v = values.get(i);
          if (v.isObject() && read.containsKey(v)) {
            reportUnread(v);
          } else if (v.isObject() && (v.has("@type") || v.size() > 1 && v.has("@id"))) {
            warn(graph.path(n) + "['" + e.getKey() + "']" + (e.getValue().isArray() ? "[" + i + "]" : ""), CtdlProblemCode.NOT_MAPPED,
                "unmapped value " + at(v).types() + " of " + e.getKey());
          }
        }
      }
    }
  }
}
