package io.github.microcred.vc.internal;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.flattening.NodeMap;
import com.apicatalog.jsonld.lang.Keywords;
import com.apicatalog.jsonld.lang.NodeObject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Node Map Generation (JSON-LD 1.1 Processing Algorithms and API, section 7.2.2) over an expanded document, in
 * time linear in its size, producing titanium's {@link NodeMap} for titanium's own RDF serialization.
 *
 * <p>Why: titanium-json-ld 1.7's {@code NodeMapBuilder} copies a property's whole value array and scans it for a
 * duplicate each time it adds one value, so a node with n values of one property ({@code tag} with 100,000
 * strings) costs O(n²): 20,000 values took 21 s. Here each (graph, subject, property) keeps its values in a list
 * with a hash set of those already present, so adding a value is O(1) expected, and the node map is handed to
 * titanium once, complete. The algorithm's decisions (which values are kept, blank-node relabelling through the
 * map's own identifier generator, lists never deduplicated, types merged in order) are the specification's and
 * titanium's; {@code LinearNodeMapOracleTest} checks the canonical N-Quads against titanium's on every spec vector
 * and a seeded corpus.
 *
 * <p>Bounded: the number of node objects and of property values is counted while the map is built, and the build
 * fails with {@link Budget.Exceeded} (naming the budget) as soon as one is passed; every 1,024 nodes or values the
 * time budget ({@link Deadline}) is checked.
 */
final class LinearNodeMap {
  /** Work bounds of one build. */
  static final class Budget {
    final long maxNodes;
    final long maxValues;
    final Deadline deadline;
    long nodes;
    long values;

    Budget(long maxNodes, long maxValues, Deadline deadline) {
      this.maxNodes = maxNodes;
      this.maxValues = maxValues;
      this.deadline = deadline;
    }

    /** A bound was passed. */
    static final class Exceeded extends RuntimeException {
      private static final long serialVersionUID = 1L;

      Exceeded(String message) {
        super(message, null, false, false);
      }
    }

    void node() {
      if (++nodes > maxNodes) {
        throw new Exceeded("the document has more than " + maxNodes + " nodes (node objects)");
      }
      if ((nodes & 1023) == 0) {
        deadline.check("node map generation");
      }
    }

    void value() {
      if (++values > maxValues) {
        throw new Exceeded("the document has more than " + maxValues + " property values (RDF statements)");
      }
      if ((values & 1023) == 0) {
        deadline.check("node map generation");
      }
    }
  }

  /** The values of one property of one node: insertion order, with a set for the duplicate test. */
  private static final class Values {
    final List<JsonValue> items = new ArrayList<>();
    Set<JsonValue> present;

    /** Adds {@code v} unless an equal value is present (JSON-P equality, as titanium's). */
    void addIfAbsent(JsonValue v, Budget budget) {
      if (present == null) {
        present = new HashSet<>();
      }
      if (present.add(v)) {
        budget.value();
        items.add(v);
      }
    }

    void add(JsonValue v, Budget budget) {
      budget.value();
      items.add(v);
      if (present != null) {
        present.add(v);
      }
    }
  }

  /** One node: {@code @id}, {@code @index}, merged {@code @type}s, and properties. */
  private static final class Node {
    final String id;
    JsonValue index;
    Set<JsonValue> types;
    final Map<String, Values> properties = new LinkedHashMap<>();

    Node(String id) {
      this.id = id;
    }

    Values values(String property) {
      return properties.computeIfAbsent(property, p -> new Values());
    }
  }

  private final NodeMap target;
  private final Budget budget;
  private final Map<String, Map<String, Node>> graphs = new LinkedHashMap<>();

  private LinearNodeMap(NodeMap target, Budget budget) {
    this.target = target;
    this.budget = budget;
    graphs.put(Keywords.DEFAULT, new LinkedHashMap<>());
  }

  /**
   * Builds the node map of an expanded document.
   *
   * @param expanded the expanded document
   * @param budget the bounds
   * @return titanium's node map, filled
   * @throws JsonLdError {@code CONFLICTING_INDEXES} as the algorithm requires
   * @throws Budget.Exceeded if a bound is passed
   */
  static NodeMap build(JsonValue expanded, Budget budget) throws JsonLdError {
    NodeMap target = new NodeMap();
    LinearNodeMap b = new LinearNodeMap(target, budget);
    b.generate(expanded, Keywords.DEFAULT, null, null, null, null);
    b.transfer();
    return target;
  }

  private Node node(String graph, String subject) {
    return graphs.computeIfAbsent(graph, g -> new LinkedHashMap<>()).get(subject);
  }

  /**
   * The algorithm; {@code list} is the array of the list object being built (step 5), {@code referenced} the
   * node reference of a reverse property (step 6.9).
   */
  private void generate(JsonValue element, String activeGraph, String activeSubject, String activeProperty,
      List<JsonValue> list, JsonObject referenced) throws JsonLdError {
    // 1. arrays: each item in turn
    if (element.getValueType() == JsonValue.ValueType.ARRAY) {
      for (JsonValue item : element.asJsonArray()) {
        if (item.getValueType() != JsonValue.ValueType.OBJECT && item.getValueType() != JsonValue.ValueType.ARRAY) {
          throw new JsonLdError(JsonLdErrorCode.UNSPECIFIED, "expanded form expected: " + item.getValueType());
        }
        generate(item, activeGraph, activeSubject, activeProperty, list, referenced);
      }
      return;
    }
    JsonObject object = element.asJsonObject();
    // 4. value objects, added as they are (their @type is an IRI, never relabelled in the result)
    if (object.containsKey(Keywords.VALUE)) {
      if (list == null) {
        Node subject = node(activeGraph, activeSubject);
        if (subject != null) {
          subject.values(activeProperty).addIfAbsent(object, budget);
        }
      } else {
        budget.value();
        list.add(object);
      }
      return;
    }
    // 5. list objects: the list is built first, then added (lists are never deduplicated)
    if (object.containsKey(Keywords.LIST)) {
      List<JsonValue> items = new ArrayList<>();
      JsonValue content = object.get(Keywords.LIST);
      if (content.getValueType() == JsonValue.ValueType.ARRAY || content.getValueType() == JsonValue.ValueType.OBJECT) {
        generate(content, activeGraph, activeSubject, activeProperty, items, referenced);
      }
      JsonArrayBuilder array = JsonSupport.PROVIDER.createArrayBuilder();
      items.forEach(array::add);
      JsonObject result = JsonSupport.PROVIDER.createObjectBuilder().add(Keywords.LIST, array).build();
      if (list == null) {
        Node subject = node(activeGraph, activeSubject);
        if (subject != null) {
          subject.values(activeProperty).add(result, budget);
        }
      } else {
        budget.value();
        list.add(result);
      }
      return;
    }
    if (!NodeObject.isNodeObject(object)) {
      return;
    }
    // 6. node objects
    String id;
    JsonValue idValue = object.get(Keywords.ID);
    if (idValue != null) {
      if (idValue.getValueType() != JsonValue.ValueType.STRING) {
        return;
      }
      id = ((JsonString) idValue).getString();
      if (id.startsWith("_:")) {
        id = target.createIdentifier(id);
      }
    } else {
      id = target.createIdentifier();
    }
    Map<String, Node> graph = graphs.computeIfAbsent(activeGraph, g -> new LinkedHashMap<>());
    Node node = graph.get(id);
    if (node == null) {
      budget.node();
      node = new Node(id);
      graph.put(id, node);
    }
    if (referenced != null) {
      // 6.5 a reverse property: the referencing node becomes a value of this node
      node.values(activeProperty).addIfAbsent(referenced, budget);
    } else if (activeProperty != null) {
      // 6.6 a reference to this node from the active subject
      JsonObject reference = JsonSupport.PROVIDER.createObjectBuilder().add(Keywords.ID, id).build();
      if (list == null) {
        Node subject = node(activeGraph, activeSubject);
        if (subject != null) {
          subject.values(activeProperty).addIfAbsent(reference, budget);
        }
      } else {
        budget.value();
        list.add(reference);
      }
    }
    // 6.7 types, blank-node types relabelled, merged in order without repeats
    JsonValue type = object.get(Keywords.TYPE);
    if (type != null) {
      if (node.types == null) {
        node.types = new LinkedHashSet<>();
      }
      for (JsonValue t : type.getValueType() == JsonValue.ValueType.ARRAY ? type.asJsonArray() : List.of(type)) {
        if (t.getValueType() == JsonValue.ValueType.NULL) {
          continue;
        }
        if (t instanceof JsonString && ((JsonString) t).getString().startsWith("_:")) {
          t = JsonSupport.PROVIDER.createValue(target.createIdentifier(((JsonString) t).getString()));
        }
        if (node.types.add(t)) {
          budget.value();
        }
      }
    }
    // 6.8 index
    JsonValue index = object.get(Keywords.INDEX);
    if (index != null) {
      if (node.index != null) {
        throw new JsonLdError(JsonLdErrorCode.CONFLICTING_INDEXES);
      }
      node.index = index;
    }
    // 6.9 reverse properties
    JsonValue reverse = object.get(Keywords.REVERSE);
    if (reverse != null && reverse.getValueType() == JsonValue.ValueType.OBJECT) {
      JsonObject ref = JsonSupport.PROVIDER.createObjectBuilder().add(Keywords.ID, id).build();
      for (Map.Entry<String, JsonValue> e : reverse.asJsonObject().entrySet()) {
        if (e.getValue().getValueType() != JsonValue.ValueType.ARRAY) {
          continue;
        }
        for (JsonValue v : e.getValue().asJsonArray()) {
          generate(v, activeGraph, null, e.getKey(), null, ref);
        }
      }
    }
    // 6.10 a named graph
    JsonValue graphValue = object.get(Keywords.GRAPH);
    if (graphValue != null && isStructure(graphValue)) {
      graphs.computeIfAbsent(id, g -> new LinkedHashMap<>());
      generate(graphValue, id, null, null, null, null);
    }
    // 6.11 included nodes
    JsonValue included = object.get(Keywords.INCLUDED);
    if (included != null && isStructure(included)) {
      generate(included, activeGraph, null, null, null, null);
    }
    // 6.12 the other properties, in sorted order (as titanium: it fixes the order of blank-node identifiers)
    for (String property : new TreeSet<>(object.keySet())) {
      if (Keywords.ID.equals(property) || Keywords.TYPE.equals(property) || Keywords.INDEX.equals(property)
          || Keywords.REVERSE.equals(property) || Keywords.GRAPH.equals(property)
          || Keywords.INCLUDED.equals(property)) {
        continue;
      }
      JsonValue value = object.get(property);
      if (!isStructure(value)) {
        continue; // not expanded form (titanium skips these too)
      }
      String p = property.startsWith("_:") ? target.createIdentifier(property) : property;
      node.values(p);
      generate(value, activeGraph, id, p, null, null);
    }
  }

  private static boolean isStructure(JsonValue v) {
    return v.getValueType() == JsonValue.ValueType.ARRAY || v.getValueType() == JsonValue.ValueType.OBJECT;
  }

  /** Hands the finished map to titanium's {@link NodeMap}: one array per property, built once. */
  private void transfer() {
    for (Map.Entry<String, Map<String, Node>> g : graphs.entrySet()) {
      for (Node n : g.getValue().values()) {
        target.set(g.getKey(), n.id, Keywords.ID, JsonSupport.PROVIDER.createValue(n.id));
        if (n.types != null) {
          JsonArrayBuilder t = JsonSupport.PROVIDER.createArrayBuilder();
          n.types.forEach(t::add);
          target.set(g.getKey(), n.id, Keywords.TYPE, t.build());
        }
        if (n.index != null) {
          target.set(g.getKey(), n.id, Keywords.INDEX, n.index);
        }
        for (Map.Entry<String, Values> p : n.properties.entrySet()) {
          JsonArrayBuilder a = JsonSupport.PROVIDER.createArrayBuilder();
          p.getValue().items.forEach(a::add);
          target.set(g.getKey(), n.id, p.getKey(), a.build());
        }
      }
    }
  }
}
