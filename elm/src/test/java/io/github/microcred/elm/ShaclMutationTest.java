package io.github.microcred.elm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.path.P_Link;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;

/**
 * The SHACL check can fail, shape family by shape family: mutants of a conforming export, one per constraint of the
 * EDC shapes that the export exercises, each caught at the node and property it broke. The constraints are read from
 * the shapes files themselves ({@code EDC-generic-no-cv.ttl} and {@code EDC-generic-full.ttl}), not listed by hand:
 * <ul>
 *   <li>every property shape with {@code sh:minCount} ≥ 1 of a node shape whose {@code sh:targetClass} occurs in the
 *       export: the property is removed from one node of that class (a missing mandatory value);</li>
 *   <li>every property shape whose {@code sh:node} restriction requires a concept scheme ({@code skos:inScheme}
 *       {@code sh:hasValue}): the value's scheme is replaced by another one (a concept from the wrong vocabulary).</li>
 * </ul>
 */
class ShaclMutationTest {
  private static final String SH = "http://www.w3.org/ns/shacl#";
  private static final Node TARGET_CLASS = uri(SH + "targetClass");
  private static final Node PROPERTY = uri(SH + "property");
  private static final Node PATH = uri(SH + "path");
  private static final Node MIN_COUNT = uri(SH + "minCount");
  private static final Node NODE = uri(SH + "node");
  private static final Node HAS_VALUE = uri(SH + "hasValue");
  private static final Node IN_SCHEME = uri("http://www.w3.org/2004/02/skos/core#inScheme");
  private static final Node CONCEPT_SCHEME = uri("http://www.w3.org/2004/02/skos/core#ConceptScheme");
  private static final Node OTHER_SCHEME = uri("urn:example:not-the-required-scheme");

  private static Node uri(String s) {
    return NodeFactory.createURI(s);
  }

  @Test
  void everyConstraintTheExportExercisesCatchesItsMutant() throws Exception {
    ElmCredential c = ShaclShapesTest.EXPORTER.export(ShaclShapesTest.euOnly(Fixtures.award()));
    assertEquals("http://data.europa.eu/snb/model/ap/edc-generic-full",
        c.toJson().path("credentialSchema").path("id").asText());
    Graph g = Shacl.graph(c.toJson().toString());
    ValidationReport clean = ShaclValidator.get().validate(Shacl.FULL, g);
    assertTrue(clean.conforms(), ShaclShapesTest.report(clean));
    Graph shapes = Shacl.FULL_GRAPH;
    Map<String, List<String>> caught = new TreeMap<>();
    List<String> missed = new ArrayList<>();
    int mutants = 0;
    for (Triple t : shapes.find(Node.ANY, TARGET_CLASS, Node.ANY).toList()) {
      Node shape = t.getSubject();
      List<Node> focus = g.find(Node.ANY, RDF.type.asNode(), t.getObject()).mapWith(Triple::getSubject).toList();
      if (focus.isEmpty()) {
        continue;
      }
      for (Triple pt : shapes.find(shape, PROPERTY, Node.ANY).toList()) {
        Node ps = pt.getObject();
        Node path = one(shapes, ps, PATH);
        if (path == null || !path.isURI()) {
          continue;
        }
        Node scheme = requiredScheme(shapes, one(shapes, ps, NODE));
        Node min = one(shapes, ps, MIN_COUNT);
        boolean mandatory = min != null && ((Number) min.getLiteralValue()).intValue() >= 1;
        for (Node n : focus) {
          List<Triple> values = g.find(n, path, Node.ANY).toList();
          if (values.isEmpty()) {
            continue;
          }
          String family = local(shape) + " " + local(path);
          if (mandatory) {
            Graph m = copy(g);
            values.forEach(m::delete);
            mutants++;
            record(caught, missed, family + " (removed)", m, n, path);
          }
          if (scheme != null) {
            Node v = values.get(0).getObject();
            Graph m = copy(g);
            m.delete(Triple.create(v, IN_SCHEME, scheme));
            m.add(Triple.create(v, IN_SCHEME, OTHER_SCHEME));
            m.add(Triple.create(OTHER_SCHEME, RDF.type.asNode(), CONCEPT_SCHEME));
            mutants++;
            record(caught, missed, family + " (wrong scheme)", m, n, path);
          }
          break;   // one node per constraint
        }
      }
    }
    System.out.printf("[elm shacl mutants] %d mutants, %d caught, over %d node shapes:%n", mutants,
        mutants - missed.size(), caught.size());
    caught.forEach((k, v) -> System.out.println("[elm shacl mutants]   " + k + ": " + v));
    assertTrue(missed.isEmpty(), "mutants the shapes did not catch: " + missed);
    assertTrue(caught.size() >= 10 && mutants >= 30, "too few shape families exercised: " + caught.keySet());
    assertTrue(caught.keySet().stream().anyMatch(k -> k.endsWith("CV")), "the full shapes' families are exercised: "
        + caught.keySet());
  }

  private static void record(Map<String, List<String>> caught, List<String> missed, String family, Graph mutant,
      Node focus, Node path) {
    ValidationReport r = ShaclValidator.get().validate(Shacl.FULL, mutant);
    boolean hit = r.getEntries().stream().anyMatch(e -> focus.equals(e.focusNode())
        && e.resultPath() instanceof P_Link l && l.getNode().equals(path));
    if (hit) {
      caught.computeIfAbsent(family.substring(0, family.indexOf(' ')), k -> new ArrayList<>())
          .add(family.substring(family.indexOf(' ') + 1));
    } else {
      missed.add(family + " at " + focus);
    }
  }

  /** The scheme a {@code sh:node} restriction requires ({@code sh:path skos:inScheme; sh:hasValue S}), if any. */
  private static Node requiredScheme(Graph shapes, Node restriction) {
    if (restriction == null) {
      return null;
    }
    for (Triple p : shapes.find(restriction, PROPERTY, Node.ANY).toList()) {
      if (IN_SCHEME.equals(one(shapes, p.getObject(), PATH))) {
        return one(shapes, p.getObject(), HAS_VALUE);
      }
    }
    return null;
  }

  private static Node one(Graph g, Node s, Node p) {
    List<Triple> t = g.find(s, p, Node.ANY).toList();
    return t.isEmpty() ? null : t.get(0).getObject();
  }

  private static Graph copy(Graph g) {
    Graph c = GraphFactory.createDefaultGraph();
    GraphUtil.addInto(c, g);
    return c;
  }

  private static String local(Node n) {
    String s = n.isURI() ? n.getURI() : n.toString();
    return s.substring(Math.max(s.lastIndexOf('/'), s.lastIndexOf('#')) + 1);
  }
}
