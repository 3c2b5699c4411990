package io.github.microcred.vc.internal.verify;

import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.api.RdfQuadConsumer;
import com.apicatalog.rdf.nquads.NQuadsReader;
import com.apicatalog.rdf.nquads.NQuadsReaderException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The default graph of the canonical N-Quads that a Data Integrity proof hashes: the statements the signature
 * covers, and nothing else. Verifiers read every decision value of a Data Integrity credential from here (the
 * credential node, its types, issuer, validity dates, status entries and subjects), so a JSON-LD spelling that the
 * JSON reader would not see ({@code "https://www.w3.org/2018/credentials#validUntil"}, a CURIE, a value object,
 * {@code @graph} / {@code @included} / {@code @nest} / {@code @reverse}, a nested node that reuses the credential's
 * id) is still read, because it produces the same statements.
 */
public final class SignedGraph {
  /** RDF type. */
  public static final String RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
  /** RDF language-tagged string. */
  public static final String RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";
  /** The VC vocabulary namespace (VC 1.1 and 2.0). */
  public static final String CRED = "https://www.w3.org/2018/credentials#";
  /** XML Schema dateTime. */
  public static final String XSD_DATE_TIME = "http://www.w3.org/2001/XMLSchema#dateTime";

  /**
   * An RDF term in object position: an IRI or blank node ({@code datatype} null), or a literal.
   *
   * @param value the IRI, blank node label ({@code _:...}) or lexical form
   * @param datatype the literal's datatype IRI, or null for IRIs and blank nodes
   * @param language the literal's language tag, or null
   */
  public record Term(String value, String datatype, String language) {
    /**
     * Whether this is a literal.
     *
     * @return true for a literal
     */
    public boolean literal() {
      return datatype != null;
    }

    /**
     * Whether this is a blank node.
     *
     * @return true for a blank node
     */
    public boolean blank() {
      return datatype == null && value.startsWith("_:");
    }
  }

  private final Map<String, Map<String, List<Term>>> statements;
  private final Set<String> objects;

  private SignedGraph(Map<String, Map<String, List<Term>>> statements, Set<String> objects) {
    this.statements = statements;
    this.objects = objects;
  }

  /**
   * Reads the default graph of canonical N-Quads.
   *
   * @param nquads the N-Quads
   * @return the graph
   * @throws IllegalArgumentException if the text is not N-Quads
   */
  public static SignedGraph parse(String nquads) {
    Builder b = new Builder();
    try {
      new NQuadsReader(new StringReader(nquads)).provide(b);
    } catch (NQuadsReaderException | RdfConsumerException e) {
      throw new IllegalArgumentException("not N-Quads: " + e.getMessage(), e);
    }
    return b.build();
  }

  /**
   * Builds the default graph from quads as they are produced (the canonical quads a canonicalization hands to its
   * dataset consumer, or the statements of a document), without writing and re-reading N-Quads: the same graph as
   * {@link #parse} of the N-Quads of those quads. A statement given twice is kept once (a dataset is a set).
   */
  public static final class Builder implements RdfQuadConsumer {
    private final Map<String, Map<String, List<Term>>> statements = new HashMap<>();
    private final Set<String> objects = new HashSet<>();
    /** Every statement given so far, so a repeated one is found in constant time (a property may have 10^5 values). */
    private final Set<Statement> seen = new HashSet<>();
    private boolean built;

    private record Statement(String subject, String predicate, Term term) {}

    /** An empty graph. */
    public Builder() {}

    @Override
    public RdfQuadConsumer quad(String subject, String predicate, String object, String datatype, String language,
        String direction, String graph) {
      if (built) {
        throw new IllegalStateException("the graph is already built");
      }
      if (graph == null) {
        List<Term> values = statements.computeIfAbsent(subject, k -> new LinkedHashMap<>())
            .computeIfAbsent(predicate, k -> new ArrayList<>(2));
        // as N-Quads read it back: a language-tagged literal is rdf:langString (titanium hands it over as
        // xsd:string with the language; no direction is ever handed over, as rdfDirection is not set)
        Term t = new Term(object, language != null ? RDF_LANG_STRING : datatype, language);
        if (seen.add(new Statement(subject, predicate, t))) {
          values.add(t);
        }
        if (datatype == null) {
          objects.add(object);
        }
      }
      return this;
    }

    /**
     * The graph of the quads given so far; the builder takes no more.
     *
     * @return the graph
     */
    public SignedGraph build() {
      built = true;
      return new SignedGraph(statements, objects);
    }
  }

  /**
   * Whether two graphs have the same statements under the same labels (for tests).
   *
   * @param other the other graph
   * @return true if equal
   */
  public boolean sameStatements(SignedGraph other) {
    return statements.equals(other.statements) && objects.equals(other.objects);
  }

  /**
   * The objects of a subject's predicate.
   *
   * @param subject the subject
   * @param predicate the predicate IRI
   * @return the objects, possibly empty
   */
  public List<Term> values(String subject, String predicate) {
    Map<String, List<Term>> m = statements.get(subject);
    List<Term> v = m == null ? null : m.get(predicate);
    return v == null ? List.of() : Collections.unmodifiableList(v);
  }

  /**
   * The credential node: the node typed {@code cred:VerifiableCredential} (or the given type) whose id is the JSON
   * document's top-level {@code id}, or, when the document has no id, the one such blank node that is not the
   * object of any statement (embedded credentials such as endorsements are objects of a statement).
   *
   * @param jsonId the document's top-level {@code id}, or null
   * @param typeIri the type the node must have, e.g. {@code cred:VerifiableCredential}
   * @return the node, or null when there is not exactly one
   */
  public String root(String jsonId, String typeIri) {
    Term type = new Term(typeIri, null, null);
    if (jsonId != null && !jsonId.startsWith("_:")) {
      return values(jsonId, RDF_TYPE).contains(type) ? jsonId : null;
    }
    String found = null;
    for (Map.Entry<String, Map<String, List<Term>>> e : statements.entrySet()) {
      List<Term> types = e.getValue().get(RDF_TYPE);
      if (types != null && types.contains(type) && e.getKey().startsWith("_:") && !objects.contains(e.getKey())) {
        if (found != null) {
          return null;
        }
        found = e.getKey();
      }
    }
    return found;
  }

  /**
   * A description of a term that does not depend on blank node labels: literals with datatype and language, IRIs,
   * and (down to {@code depth}) every statement about an IRI or blank node, sorted.
   *
   * @param t the term
   * @param depth how many levels of statements to include
   * @return the description
   */
  public String describe(Term t, int depth) {
    if (t.literal()) {
      return '"' + t.value() + "\"^^<" + t.datatype() + ">" + (t.language() == null ? "" : "@" + t.language());
    }
    String head = t.blank() ? "_" : "<" + t.value() + ">";
    if (depth <= 0) {
      return head;
    }
    Map<String, List<Term>> m = statements.get(t.value());
    if (m == null) {
      return head;
    }
    List<String> props = new ArrayList<>();
    for (Map.Entry<String, List<Term>> e : m.entrySet()) {
      props.add("<" + e.getKey() + ">=" + describeAll(e.getValue(), depth - 1));
    }
    Collections.sort(props);
    return head + "{" + String.join(",", props) + "}";
  }

  /**
   * The sorted descriptions of several terms.
   *
   * @param terms the terms
   * @param depth see {@link #describe}
   * @return the description
   */
  public String describeAll(List<Term> terms, int depth) {
    List<String> d = new ArrayList<>();
    for (Term t : terms) {
      d.add(describe(t, depth));
    }
    Collections.sort(d);
    return d.toString();
  }
}
