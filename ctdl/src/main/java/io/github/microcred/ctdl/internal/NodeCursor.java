package io.github.microcred.ctdl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.microcred.core.internal.JsonValues;
import io.github.microcred.ctdl.CtdlProblemCode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the properties of one node of a CTDL document, recording in its {@link ReadContext} each property it reads
 * (so that the ones left are reported as unmapped) and warning, with the property's JSON path, where a value was
 * normalised or only partly read. The {@code peek...} methods read without recording.
 */
final class NodeCursor {
  private final ReadContext ctx;
  private final JsonNode node;

  NodeCursor(ReadContext ctx, JsonNode node) {
    this.ctx = ctx;
    this.node = node;
  }

  JsonNode node() {
    return node;
  }

  /** The JSON path of the node. */
  String path() {
    return ctx.graph.path(node);
  }

  /** The JSON path of a property of the node. */
  String path(String key) {
    return path() + "['" + key + "']";
  }

  boolean has(String key) {
    return node.has(key);
  }

  /** A property's value, recorded as read when present. */
  JsonNode get(String key) {
    JsonNode v = node.get(key);
    if (v != null) {
      ctx.markRead(node, key);
    }
    return v;
  }

  /** A property's value, not recorded. */
  JsonNode peek(String key) {
    return node.get(key);
  }

  /** Records properties as read (present or not). */
  void use(String... keys) {
    ctx.markRead(node, keys);
  }

  /** A property's values (one value or a list), recorded as read. */
  List<JsonNode> all(String key) {
    return values(get(key));
  }

  /** A property's values, not recorded. */
  List<JsonNode> peekAll(String key) {
    return values(node.get(key));
  }

  /**
   * One value or a list as a list; none for null.
   *
   * @param v the value
   * @return the values
   */
  static List<JsonNode> values(JsonNode v) {
    return JsonValues.list(v);
  }

  /** The node's types, compacted to CURIEs. */
  List<String> types() {
    List<String> out = new ArrayList<>();
    for (JsonNode t : values(node.get("@type"))) {
      out.add(ctx.vocab.compact(t.asText()));
    }
    return out;
  }

  /** Language-tagged text of a property (first text per language), warning about texts left out. */
  Map<String, String> text(String key) {
    Map<String, String> out = peekText(key);
    JsonNode v = get(key);
    if (v != null && v.isObject()) {
      v.fields().forEachRemaining(e -> {
        if (e.getValue().isArray() && e.getValue().size() > 1) {
          ctx.warn(path(key) + "['" + e.getKey() + "']", CtdlProblemCode.PARTLY_MAPPED, "only the first of " + e.getValue().size()
              + " texts is mapped");
        }
      });
    } else if (v != null && v.isArray() && v.size() > 1) {
      ctx.warn(path(key), CtdlProblemCode.PARTLY_MAPPED, "only the first of " + v.size() + " texts is mapped");
    }
    return out;
  }

  /** Language-tagged text of a property, without marking it as read. */
  Map<String, String> peekText(String key) {
    JsonNode v = node.get(key);
    Map<String, String> out = new LinkedHashMap<>();
    if (v == null) {
      return out;
    }
    if (v.isTextual()) {
      out.put("en", v.asText());
    } else if (v.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = v.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode x = e.getValue();
        if (x.isTextual()) {
          out.put(e.getKey(), x.asText());
        } else if (x.isArray() && x.size() > 0) {
          out.put(e.getKey(), x.get(0).asText());
        }
      }
    } else if (v.isArray() && v.size() > 0) {
      out.put("en", v.get(0).asText());
    }
    return out;
  }

  /** The first text of a property in the first language, recorded as read. */
  String firstText(String key) {
    return first(text(key));
  }

  /** The first text of a property in the first language, not recorded. */
  String peekFirstText(String key) {
    return first(peekText(key));
  }

  /** All texts of a property in its first language (a list property such as keywords or conditions). */
  List<String> texts(String key) {
    JsonNode v = get(key);
    List<String> out = new ArrayList<>();
    if (v == null) {
      return out;
    }
    if (v.isObject()) {
      JsonNode first = v.elements().hasNext() ? v.elements().next() : null;
      for (JsonNode x : values(first)) {
        if (x.isTextual()) {
          out.add(x.asText());
        }
      }
      if (v.size() > 1) {
        List<String> langs = new ArrayList<>();
        v.fieldNames().forEachRemaining(langs::add);
        ctx.warn(path(key), CtdlProblemCode.PARTLY_MAPPED, "only the '" + langs.get(0) + "' texts are mapped; not mapped: "
            + String.join(", ", langs.subList(1, langs.size())));
      }
    } else {
      for (JsonNode x : values(v)) {
        if (x.isTextual()) {
          out.add(x.asText());
        }
      }
    }
    return out;
  }

  /** A property as a string (the first of a list), recorded as read. */
  String string(String key) {
    JsonNode v = get(key);
    if (v == null) {
      return null;
    }
    if (v.isArray()) {
      return v.size() > 0 ? v.get(0).asText() : null;
    }
    return v.asText();
  }

  /**
   * The first value of a language map.
   *
   * @param m the map
   * @return the text, or null
   */
  static String first(Map<String, String> m) {
    return m.isEmpty() ? null : m.values().iterator().next();
  }

  /** The concepts of a property (local names), checked against the property's concept schemes. */
  List<String> concepts(String key) {
    List<String> out = new ArrayList<>();
    Vocabulary.PropertyDef p = ctx.vocab.property(key);
    List<JsonNode> values = all(key);
    for (int i = 0; i < values.size(); i++) {
      String c = concept(values.get(i));
      if (c == null) {
        continue;
      }
      if (p != null && !p.targetSchemes().isEmpty()) {
        String known = conceptIn(p.targetSchemes(), c);
        if (known == null) {
          ctx.warn(path(key) + (values.size() > 1 ? "[" + i + "]" : ""), CtdlProblemCode.NOT_MAPPED,
              "'" + c + "' is not a concept of " + String.join(", ", p.targetSchemes()) + ": not mapped");
          continue;
        }
        if (!known.equals(c)) {
          ctx.warn(path(key), CtdlProblemCode.LEGACY_SHAPE, "concept '" + c + "' read as " + known);
        }
        c = known;
      }
      out.add(c);
    }
    return out;
  }

  /** The local name of a concept given as a CAO, a CURIE, a full IRI or a bare name. */
  private String concept(JsonNode v) {
    String s = null;
    if (v.isObject()) {
      NodeCursor cao = ctx.at(v);
      JsonNode tn = cao.get("ceterms:targetNode");
      cao.use("@type", "ceterms:framework", "ceterms:frameworkName", "ceterms:targetNodeName",
          "ceterms:targetNodeDescription");
      if (tn == null) {
        tn = v.get("@id");
        cao.use("@id");
      }
      s = tn == null ? null : tn.isObject() ? tn.path("@id").asText(null) : tn.asText();
    } else if (v.isTextual()) {
      s = v.asText();
    }
    if (s == null) {
      return null;
    }
    String c = ctx.vocab.compact(s);
    int i = c.lastIndexOf(':');
    int j = c.lastIndexOf('/');
    return c.substring(Math.max(i, j) + 1);
  }

  private static String flat(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  /** The local name of the concept of one of the schemes whose name or label matches, ignoring case and punctuation. */
  private String conceptIn(List<String> schemes, String local) {
    String f = flat(local);
    for (String scheme : schemes) {
      for (String c : ctx.vocab.conceptsOf(scheme)) {
        String name = c.substring(c.indexOf(':') + 1);
        if (flat(name).equals(f) || flat(ctx.vocab.conceptLabel(c)).equals(f)) {
          return name;
        }
      }
    }
    return null;
  }

  /** The node's CTID (its {@code ceterms:ctid}, else the one ending its {@code @id}), in lower case. */
  String ctid() {
    JsonNode c = get("ceterms:ctid");
    use("@id");
    if (c == null) {
      return Ctids.lowerAtEnd(node.path("@id").asText());
    }
    String s = c.asText();
    String low = s.toLowerCase(Locale.ROOT);
    if (!low.equals(s)) {
      ctx.warn(path("ceterms:ctid"), CtdlProblemCode.LEGACY_SHAPE, "upper-case CTID " + s + " normalised to " + low);
    }
    return low;
  }
}
