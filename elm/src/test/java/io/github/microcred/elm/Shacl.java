package io.github.microcred.elm;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * The EDC SHACL shapes ({@code EDC-generic-no-cv.ttl}, and {@code EDC-generic-full.ttl} with it) run with Apache Jena SHACL on a JSON-LD document turned into
 * RDF by titanium with the two pinned contexts only (each checked by SHA-256; anything else is refused, so nothing is
 * fetched).
 */
final class Shacl {
  private static final Map<String, String[]> CONTEXTS = Map.of(
      Elm.VC_CONTEXT, new String[] {"credentials-v1.jsonld",
          "ab4ddd9a531758807a79a5b450510d61ae8d147eab966cc9a200c07095b0cdcc"},
      Elm.EDC_CONTEXT, new String[] {"edc-ap-context.jsonld",
          "528f8a0e86dbbec7db2216c61806e6311feedac77a51d1a38b0a1d49e4c337fb"});
  private static final Map<String, Document> LOADED = new java.util.concurrent.ConcurrentHashMap<>();
  static final Shapes SHAPES = Shapes.parse(RDFParser.fromString(Fixtures.resource("EDC-generic-no-cv.ttl"), Lang.TURTLE)
      .toGraph());
  /** The shapes graph of {@code EDC-generic-full.ttl} with the no-cv shapes it {@code owl:imports}. */
  static final Graph FULL_GRAPH = GraphFactory.createDefaultGraph();

  static {
    RDFParser.fromString(Fixtures.resource("EDC-generic-no-cv.ttl"), Lang.TURTLE).parse(FULL_GRAPH);
    RDFParser.fromString(Fixtures.resource("EDC-generic-full.ttl"), Lang.TURTLE).parse(FULL_GRAPH);
  }

  /** The full shapes: the no-cv ones and the controlled-vocabulary ones. */
  static final Shapes FULL = Shapes.parse(FULL_GRAPH);

  private Shacl() {}

  static final DocumentLoader PINNED = (url, options) -> {
    String[] pin = CONTEXTS.get(url.toString());
    if (pin == null) {
      throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED, "not a pinned context: " + url);
    }
    return LOADED.computeIfAbsent(url.toString(), u -> {
      byte[] bytes = Fixtures.resource(pin[0]).getBytes(StandardCharsets.UTF_8);
      try {
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        if (!sha.equals(pin[1])) {
          throw new IllegalStateException(pin[0] + ": SHA-256 " + sha + ", pinned " + pin[1]);
        }
        JsonDocument d = JsonDocument.of(new ByteArrayInputStream(bytes));
        d.setDocumentUrl(URI.create(u));
        return d;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  };

  private static final com.apicatalog.jsonld.JsonLdOptions OPTIONS = new com.apicatalog.jsonld.JsonLdOptions(PINNED);

  static {
    OPTIONS.setContextCache(new com.apicatalog.jsonld.context.cache.LruCache<>(16));
    OPTIONS.setDocumentCache(new com.apicatalog.jsonld.context.cache.LruCache<>(16));
  }

  /** The document's RDF (default graph). */
  static Graph graph(String json) throws JsonLdError {
    Graph g = GraphFactory.createDefaultGraph();
    JsonLd.toRdf(JsonDocument.of(new StringReader(json))).options(OPTIONS).provide(
        (subject, predicate, object, datatype, language, direction, graphName) -> {
          if (graphName == null) {
            Node o;
            if (language != null) {
              o = NodeFactory.createLiteralLang(object, language);
            } else if (datatype != null) {
              o = NodeFactory.createLiteralDT(object, TypeMapper.getInstance().getSafeTypeByName(datatype));
            } else {
              o = resource(object);
            }
            g.add(Triple.create(resource(subject), NodeFactory.createURI(predicate), o));
          }
          return null;
        });
    return g;
  }

  private static Node resource(String s) {
    return s.startsWith("_:") ? NodeFactory.createBlankNode(s.substring(2)) : NodeFactory.createURI(s);
  }

  /** The SHACL report of a document (no-cv shapes). */
  static ValidationReport validate(String json) throws JsonLdError {
    return ShaclValidator.get().validate(SHAPES, graph(json));
  }

  /** The SHACL report of a document against the shapes its {@code credentialSchema} names (full or no-cv). */
  static ValidationReport validateNamed(String json, String schemaId) throws JsonLdError {
    return ShaclValidator.get().validate(schemaId.endsWith("/edc-generic-full") ? FULL : SHAPES, graph(json));
  }
}
