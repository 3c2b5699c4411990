package io.github.microcred.vc.internal.sd;

import com.apicatalog.rdf.api.RdfQuadConsumer;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One RDF quad as titanium hands it over (blank nodes as {@code _:label}; a literal has a datatype), with the
 * N-Quads line of the canonical form (the same writer every RDFC suite of this module hashes) and blank-node
 * relabelling.
 *
 * @param subject IRI or blank node
 * @param predicate IRI
 * @param object IRI, blank node or literal value
 * @param datatype the literal's datatype, null for an IRI or blank node
 * @param language the literal's language, or null
 * @param direction the literal's direction, or null
 * @param graph the graph name, null for the default graph
 */
public record Quad(String subject, String predicate, String object, String datatype, String language,
    String direction, String graph) {

  /**
   * Whether the object is a literal.
   *
   * @return true for a literal
   */
  public boolean literal() {
    return RdfQuadConsumer.isLiteral(datatype, language, direction);
  }

  /**
   * The N-Quads line, with its final newline.
   *
   * @return the line
   */
  public String nquad() {
    return NQuadsWriter.nquad(subject, predicate, object, datatype, language, direction, graph);
  }

  /**
   * This quad with each IRI or blank node term (subject, non-literal object, graph) passed through {@code f}.
   *
   * @param f maps a term to its replacement
   * @return the new quad
   */
  public Quad mapNodes(UnaryOperator<String> f) {
    return new Quad(f.apply(subject), predicate, literal() ? object : f.apply(object), datatype, language,
        direction, graph == null ? null : f.apply(graph));
  }

  /**
   * Relabels blank nodes: {@code _:x} becomes {@code _:labels(x)}.
   *
   * @param labels blank-node label (without {@code _:}) to new label
   * @param what the map's name, for the message
   * @return the relabelled quad
   * @throws IllegalArgumentException naming the label if one is not in the map
   */
  public Quad relabel(Map<String, String> labels, String what) {
    return mapNodes(t -> {
      if (!t.startsWith("_:")) {
        return t;
      }
      String n = labels.get(t.substring(2));
      if (n == null) {
        throw new IllegalArgumentException("blank node " + t + " has no entry in the " + what);
      }
      return "_:" + n;
    });
  }

  /**
   * A consumer that appends every quad to a list.
   *
   * @param into the list
   * @return the consumer
   */
  public static RdfQuadConsumer collector(List<Quad> into) {
    return (s, p, o, dt, lang, dir, g) -> {
      into.add(new Quad(s, p, o, dt, lang, dir, g));
      return null;
    };
  }
}
