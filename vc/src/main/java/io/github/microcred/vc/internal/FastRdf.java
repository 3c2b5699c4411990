package io.github.microcred.vc.internal;

import com.apicatalog.jcs.Jcs;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.context.ActiveContext;
import com.apicatalog.jsonld.context.TermDefinition;
import com.apicatalog.jsonld.lang.DirectionType;
import com.apicatalog.jsonld.lang.Keywords;
import com.apicatalog.jsonld.uri.UriUtils;
import com.apicatalog.jsonld.uri.UriValidationPolicy;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.api.RdfQuadConsumer;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The compiled-context fast path of JSON-LD to RDF: expansion and deserialization to RDF in one walk over a
 * document whose top-level {@code @context} is a list of pinned URLs, driven by term definitions compiled once per
 * active context (term → IRI, type mapping, container, scoped context) and by the type- and property-scoped
 * contexts, each processed once by titanium for a (context, scoped context) pair and then reused.
 *
 * <p>It follows titanium-json-ld 1.7's expansion (JSON-LD 1.1 Expansion Algorithm steps 7, 8, 10, 11 and 13 with
 * the same context objects, the same IRI expansion and the same value expansion) and its Object to RDF conversion
 * (numbers, booleans, {@code @json} through the same JCS, lists), so the dataset is the one the general path builds.
 * It covers node objects, {@code @id}/{@code @type} and their aliases, terms with no container, {@code @set},
 * {@code @list} or {@code @graph}, type mappings {@code @id}, {@code @vocab}, {@code @json}, {@code @none} and
 * datatype IRIs, strings without language or direction, numbers, booleans, nested arrays (flattened) and blank-node
 * identifiers. Anything else (value, list or set objects written out, other keywords, compact or absolute IRIs as
 * keys, language, index or id maps, reverse or nested properties, inline or nested contexts, an IRI that is not
 * absolute, a repeated statement, a node count above the bound) makes {@link #toRdf} return null, and the caller
 * runs the general path, which then gives the answer (or the error) it always gave.
 *
 * <p>Bounded like the general path: the statements and nodes are counted as they are produced, the work stops (null,
 * so the general path reports the bound) as soon as either passes its limit, and the deadline is checked every
 * 1,024 statements.
 */
final class FastRdf {
  static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
  static final String RDF_TYPE = RDF + "type";
  static final String RDF_FIRST = RDF + "first";
  static final String RDF_REST = RDF + "rest";
  static final String RDF_NIL = RDF + "nil";
  static final String RDF_JSON = RDF + "JSON";
  static final String XSD = "http://www.w3.org/2001/XMLSchema#";
  static final String XSD_STRING = XSD + "string";
  static final String XSD_BOOLEAN = XSD + "boolean";
  static final String XSD_INTEGER = XSD + "integer";
  static final String XSD_DOUBLE = XSD + "double";
  static final String XSD_FLOAT = XSD + "float";

  /** Bound on the compiled contexts one processor keeps (derived ones included); past it, compiled per call. */
  private static final int MAX_COMPILED = 1024;
  /**
   * Bound on the terms and vocabulary IRIs cached per compiled context. Only keys and values that are terms of the
   * context (or keywords) are cached, so what a document brings cannot grow the caches beyond the contexts' size.
   */
  private static final int MAX_CACHED_PER_CONTEXT = 1024;

  /** One statement; {@code datatype} null for an IRI or blank-node object; {@code graph} null for the default. */
  record Quad(String subject, String predicate, String object, String datatype, String graph) {}

  /** The document needs the general path. Carries the reason; no stack trace. */
  static final class Unsupported extends Exception {
    private static final long serialVersionUID = 1L;

    Unsupported(String reason) {
      super(reason, null, false, false);
    }
  }

  private final UriValidationPolicy uriValidation;
  private final Map<ActiveContext, Compiled> roots = new ConcurrentHashMap<>();
  private final AtomicInteger compiledCount = new AtomicInteger();

  FastRdf(UriValidationPolicy uriValidation) {
    this.uriValidation = uriValidation;
  }

  /** Bound on the IRIs whose absoluteness is remembered; past it the memory is dropped and refilled. */
  private static final int MAX_CACHED_IRIS = 4096;
  /** Longer IRIs are checked every time (the cache must not hold a document's large strings). */
  private static final int MAX_CACHED_IRI_LENGTH = 512;

  /**
   * Whether titanium takes {@code iri} as an absolute IRI ({@code UriUtils.isAbsoluteUri} under the processor's
   * validation policy, which parses it with {@code java.net.URI}), remembered per IRI: the answer depends only on
   * the string and the policy, and the same vocabulary, type and issuer IRIs come back in every document.
   */
  private final Map<String, Boolean> absoluteIris = new ConcurrentHashMap<>();

  private boolean absolute(String iri) {
    Boolean known = absoluteIris.get(iri);
    if (known != null) {
      return known;
    }
    boolean a = UriUtils.isAbsoluteUri(iri, uriValidation);
    if (iri.length() <= MAX_CACHED_IRI_LENGTH) {
      if (absoluteIris.size() >= MAX_CACHED_IRIS) {
        absoluteIris.clear();
      }
      absoluteIris.put(iri, a);
    }
    return a;
  }

  /** The compiled form of a top-level active context (one the processor caches). */
  Compiled root(ActiveContext context) {
    Compiled c = roots.get(context);
    if (c == null) {
      c = new Compiled(context, null);
      if (compiledCount.incrementAndGet() <= MAX_COMPILED) {
        Compiled raced = roots.putIfAbsent(context, c);
        if (raced != null) {
          c = raced;
        }
      }
    }
    return c;
  }

  // ------------------------------------------------------------------------------------------------ compiled terms

  enum Kind { ID, TYPE, CONTEXT, PROPERTY, UNSUPPORTED }

  enum ValueType { NONE, ID, VOCAB, JSON, DATATYPE }

  enum Container { NONE, LIST, GRAPH }

  /**
   * How scoped contexts are processed: property-scoped on a node, on a scalar, type-scoped, or an embedded
   * {@code @context} of URLs (cached by its value; the others by the identity of the scoped context).
   */
  enum Scope { PROPERTY_NODE, PROPERTY_SCALAR, TYPE, EMBEDDED }

  /** A term definition compiled for this walk. */
  static final class Term {
    final Kind kind;
    final String reason;
    final String iri;
    final ValueType type;
    final String datatype;
    final Container container;
    /** A string value becomes a plain {@code xsd:string} literal (no language, no direction). */
    final boolean plainStrings;
    final JsonValue localContext;
    /** Set once, before the term is shared: the key is a keyword or an alias of one ({@link #keyword}). */
    boolean keyword;

    Term(Kind kind, String reason) {
      this(kind, reason, null, ValueType.NONE, null, Container.NONE, true, null);
    }

    Term(Kind kind, String reason, String iri, ValueType type, String datatype, Container container,
        boolean plainStrings, JsonValue localContext) {
      this.kind = kind;
      this.reason = reason;
      this.iri = iri;
      this.type = type;
      this.datatype = datatype;
      this.container = container;
      this.plainStrings = plainStrings;
      this.localContext = localContext;
    }
  }

  /** A key that is (or is an alias of) a keyword the walk does not take: {@code @value}, {@code @list}, ... */
  private static Term keyword(String reason) {
    Term t = new Term(Kind.UNSUPPORTED, reason);
    t.keyword = true;
    return t;
  }

  private static final Term ID_TERM = new Term(Kind.ID, null);
  private static final Term TYPE_TERM = new Term(Kind.TYPE, null);
  private static final Term CONTEXT_TERM = new Term(Kind.CONTEXT, null);

  /** Key of a derived context: the scoped context (by identity), its base URL and how it is applied. */
  private record ScopeKey(Object local, URI baseUrl, Scope scope) {}

  private static final class IdentityKey {
    final Object o;

    IdentityKey(Object o) {
      this.o = o;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof IdentityKey && ((IdentityKey) other).o == o;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(o);
    }
  }

  private static final String NULL_IRI = new String("(null)");

  /** One active context with its compiled terms, vocabulary IRIs and derived (scoped) contexts. */
  final class Compiled {
    final ActiveContext context;
    private Compiled previous;
    private final Map<String, Term> terms = new ConcurrentHashMap<>();
    private final Map<String, String> vocabIris = new ConcurrentHashMap<>();
    private final Map<ScopeKey, Compiled> derived = new ConcurrentHashMap<>();

    Compiled(ActiveContext context, Compiled previous) {
      this.context = context;
      this.previous = previous;
    }

    /** The previous context (the one a non-propagated type-scoped context reverts to), compiled. */
    Compiled previous() {
      ActiveContext p = context.getPreviousContext();
      if (p == null) {
        return null;
      }
      Compiled c = previous;
      if (c == null || c.context != p) {
        c = roots.get(p);
        if (c == null) {
          c = new Compiled(p, null);
        }
        previous = c;
      }
      return c;
    }

    Compiled derive(JsonValue local, URI baseUrl, Scope scope) throws JsonLdError {
      ScopeKey key = new ScopeKey(scope == Scope.EMBEDDED ? local : new IdentityKey(local), baseUrl, scope);
      Compiled c = derived.get(key);
      if (c != null) {
        return c;
      }
      ActiveContext n;
      switch (scope) {
        case PROPERTY_NODE:
          n = context.newContext().overrideProtected(true).create(local, baseUrl);
          break;
        case TYPE:
          n = context.newContext().propagate(false).create(local, baseUrl);
          break;
        default:
          n = context.newContext().create(local, baseUrl);
          break;
      }
      ActiveContext p = n.getPreviousContext();
      Compiled prev = p == null ? null : p == context ? this : previous != null && p == previous.context ? previous
          : null;
      c = new Compiled(n, prev);
      if (compiledCount.incrementAndGet() <= MAX_COMPILED) {
        Compiled raced = derived.putIfAbsent(key, c);
        if (raced != null) {
          c = raced;
        }
      }
      return c;
    }

    /** The IRI a string expands to with {@code vocab} and {@code documentRelative} true (types, {@code @vocab}). */
    String vocabIri(String value) throws JsonLdError {
      String iri = vocabIris.get(value);
      if (iri == null) {
        iri = context.uriExpansion().vocab(true).documentRelative(true).expand(value);
        if (iri == null) {
          iri = NULL_IRI;
        }
        if (vocabIris.size() < MAX_CACHED_PER_CONTEXT && context.containsTerm(value)) {
          vocabIris.put(value, iri);
        }
      }
      return iri == NULL_IRI ? null : iri;
    }

    /** The IRI an {@code @id} string expands to ({@code documentRelative} true, {@code vocab} false). */
    String idIri(String value) throws JsonLdError {
      return context.uriExpansion().documentRelative(true).vocab(false).expand(value);
    }

    Term term(String key) {
      Term t = terms.get(key);
      if (t == null) {
        t = compile(key);
        if (terms.size() < MAX_CACHED_PER_CONTEXT && (key.startsWith("@") || context.containsTerm(key))) {
          terms.put(key, t);
        }
      }
      return t;
    }

    Optional<TermDefinition> definition(String key) {
      return context.getTerm(key);
    }

    private Term compile(String key) {
      if (Keywords.ID.equals(key)) {
        return ID_TERM;
      }
      if (Keywords.TYPE.equals(key)) {
        return TYPE_TERM;
      }
      if (key.startsWith("@")) {
        return Keywords.CONTEXT.equals(key) ? CONTEXT_TERM : keyword("keyword " + key);
      }
      TermDefinition d = context.getTerm(key).orElse(null);
      if (d == null) {
        // not a term: a compact or absolute IRI, or a word the @vocab mapping makes an IRI
        String iri;
        try {
          iri = context.uriExpansion().documentRelative(false).vocab(true).expand(key);
        } catch (JsonLdError e) {
          return new Term(Kind.UNSUPPORTED, "key " + key + ": " + e.getMessage());
        }
        if (iri == null || Keywords.contains(iri) || iri.startsWith("_:") || !iri.contains(":") || !absolute(iri)) {
          return new Term(Kind.UNSUPPORTED, "key " + key + " expands to " + iri);
        }
        DirectionType direction = context.getDefaultBaseDirection();
        return new Term(Kind.PROPERTY, null, iri, ValueType.NONE, null, Container.NONE,
            context.getDefaultLanguage() == null && (direction == null || direction == DirectionType.NULL), null);
      }
      String iri = d.getUriMapping();
      if (iri == null) {
        return new Term(Kind.UNSUPPORTED, "null term " + key);
      }
      if (Keywords.ID.equals(iri)) {
        return ID_TERM;
      }
      if (Keywords.TYPE.equals(iri)) {
        return TYPE_TERM;
      }
      if (Keywords.contains(iri)) {
        return keyword("term " + key + " (an alias of " + iri + ")");
      }
      if (d.isReverseProperty() || d.getNestValue() != null
          || d.getIndexMapping() != null) {
        return new Term(Kind.UNSUPPORTED, "term " + key + " (" + iri + ")");
      }
      if (iri.startsWith("_:") || !iri.contains(":") || !absolute(iri)) {
        return new Term(Kind.UNSUPPORTED, "term " + key + " maps to " + iri);
      }
      Collection<String> containers = d.getContainerMapping();
      Container container;
      if (containers.isEmpty() || containers.size() == 1 && containers.contains(Keywords.SET)) {
        container = Container.NONE;
      } else if (containers.size() == 1 && containers.contains(Keywords.LIST)) {
        container = Container.LIST;
      } else if (containers.contains(Keywords.GRAPH) && (containers.size() == 1
          || containers.size() == 2 && containers.contains(Keywords.SET))) {
        container = Container.GRAPH;
      } else {
        return new Term(Kind.UNSUPPORTED, "container " + containers + " of " + key);
      }
      String tm = d.getTypeMapping();
      ValueType type;
      String datatype = null;
      if (tm == null || Keywords.NONE.equals(tm)) {
        type = ValueType.NONE;
      } else if (Keywords.ID.equals(tm)) {
        type = ValueType.ID;
      } else if (Keywords.VOCAB.equals(tm)) {
        type = ValueType.VOCAB;
      } else if (Keywords.JSON.equals(tm)) {
        type = ValueType.JSON;
        if (container != Container.NONE) {
          return new Term(Kind.UNSUPPORTED, "@json in a container: " + key);
        }
      } else if (!tm.startsWith("_:") && absolute(tm)) {
        type = ValueType.DATATYPE;
        datatype = tm;
      } else {
        return new Term(Kind.UNSUPPORTED, "datatype " + tm + " of " + key);
      }
      JsonValue language = d.getLanguageMapping();
      boolean noLanguage = language != null ? JsonValue.NULL.equals(language) : context.getDefaultLanguage() == null;
      DirectionType direction = d.getDirectionMapping();
      if (direction == null) {
        direction = context.getDefaultBaseDirection();
      }
      boolean noDirection = direction == null || direction == DirectionType.NULL;
      return new Term(Kind.PROPERTY, null, iri, type, datatype, container, noLanguage && noDirection,
          d.getLocalContext());
    }
  }

  // ------------------------------------------------------------------------------------------------------ the walk

  private static final ThreadLocal<DecimalFormat> XSD_DOUBLE_FORMAT = ThreadLocal.withInitial(() -> {
    // the pattern of titanium's JsonLdToRdf (a shared DecimalFormat there; one per thread here)
    DecimalFormat f = new DecimalFormat("0.0##############E0", new DecimalFormatSymbols(Locale.ENGLISH));
    f.setMinimumFractionDigits(1);
    return f;
  });

  private static final BigDecimal E21 = BigDecimal.ONE.movePointRight(21);

  /** The statements of one document, with the count of distinct blank nodes among them. */
  record Dataset(List<Quad> quads, int blankNodes) {}

  /**
   * The RDF statements of {@code document} under {@code root} (its processed top-level {@code @context}), or null
   * when the document needs the general path.
   *
   * @param root the compiled top-level context
   * @param document the document (its top-level {@code @context} is skipped: {@code root} is its result)
   * @param maxNodes the node bound (exceeded: null)
   * @param maxQuads the statement bound (exceeded: null)
   * @param deadline checked every 1,024 statements
   * @return the statements, distinct, or null
   * @throws Unsupported with the reason when the general path must run
   */
  Dataset toRdf(Compiled root, JsonObject document, long maxNodes, long maxQuads, Deadline deadline)
      throws Unsupported {
    Walk w = new Walk(maxNodes, maxQuads, deadline);
    try {
      w.node(root, document, null, null, true);
    } catch (JsonLdError e) {
      throw new Unsupported("titanium: " + e.getMessage());
    }
    return new Dataset(w.quads, w.blankCount);
  }

  /** The expanded value a literal came from: {@code {"@value": value, "@type": type}} (type null: none). */
  private record ValueKey(JsonValue value, String type) {}

  /** A node type (the node map keeps types apart from properties). */
  private record TypeKey(String iri) {}

  /** An RDF object with the expanded value it came from. */
  private static final class Value {
    final String object;
    final String datatype;
    final Object key;

    Value(String object, String datatype, Object key) {
      this.object = object;
      this.datatype = datatype;
      this.key = key;
    }

    /** A node reference, {@code {"@id": resource}}. */
    static Value resource(String resource) {
      return new Value(resource, null, resource);
    }
  }

  private final class Walk {
    final long maxNodes;
    final long maxQuads;
    final Deadline deadline;
    final List<Quad> quads = new ArrayList<>();
    /** Each statement with the expanded value it came from (what titanium's node map compares). */
    final Map<Quad, Object> seen = new HashMap<>();
    final Set<String> nodes = new HashSet<>();
    final Map<String, String> blankIds = new HashMap<>();
    int blankCount;

    Walk(long maxNodes, long maxQuads, Deadline deadline) {
      this.maxNodes = maxNodes;
      this.maxQuads = maxQuads;
      this.deadline = deadline;
    }

    String newBlank() {
      return "_:f" + blankCount++;
    }

    String blank(String documentId) {
      return blankIds.computeIfAbsent(documentId, k -> newBlank());
    }

    /**
     * Adds a statement. The node map keeps one of equal expanded values of a property of a node (JSON equality), so
     * a statement repeated from an equal value is dropped, as there; one repeated from a different value (1 and
     * 1.0, a typed and a plain string) would be written twice by titanium: general path.
     */
    void emit(String s, String p, String o, String datatype, String graph, Object value) throws Unsupported {
      Quad q = new Quad(s, p, o, datatype, graph);
      Object before = seen.putIfAbsent(q, value);
      if (before != null) {
        if (before.equals(value)) {
          return;
        }
        throw new Unsupported("a statement repeated from different values");
      }
      quads.add(q);
      if (quads.size() > maxQuads) {
        throw new Unsupported("more than " + maxQuads + " statements");
      }
      if ((quads.size() & 1023) == 0) {
        deadline.check("JSON-LD to RDF");
      }
    }

    void countNode(String graph, String id) throws Unsupported {
      if (nodes.add(graph == null ? id : graph + ' ' + id) && nodes.size() > maxNodes) {
        throw new Unsupported("more than " + maxNodes + " nodes");
      }
    }

    /** The subject of a node reference or an {@code @id}/{@code @vocab} value: a blank node or an absolute IRI. */
    String resource(String iri, String graph) throws Unsupported {
      if (iri == null) {
        throw new Unsupported("an IRI that expands to null");
      }
      String r;
      if (iri.startsWith("_:")) {
        r = blank(iri);
      } else if (absolute(iri)) {
        r = iri;
      } else {
        throw new Unsupported("not an absolute IRI: " + iri);
      }
      countNode(graph, r);
      return r;
    }

    /**
     * A node object (expansion steps 7-13, then its statements); returns its subject.
     *
     * @param parent the active context of the enclosing node (the root for the document)
     * @param element the node object
     * @param key the property (term) whose value it is, null for the document
     * @param graph the graph it is in
     * @param top whether it is the document (its {@code @context} entry is already processed)
     */
    String node(Compiled parent, JsonObject element, String key, String graph, boolean top)
        throws JsonLdError, Unsupported {
      Compiled active = parent;
      JsonValue propertyContext = null;
      if (key != null) {
        propertyContext = parent.definition(key).map(TermDefinition::getLocalContext).orElse(null);
      }
      // 7. a non-propagated (type-scoped) context does not apply to a new node object, unless the element is a
      // value object in it (an entry expanding to @value there: a type-scoped "value": "@value") or a lone @id
      if (!top) {
        for (String k : element.keySet()) {
          Term t = parent.term(k);
          if (t.keyword) {
            throw new Unsupported(t.reason + " in the enclosing context");
          }
        }
      }
      if (active.context.getPreviousContext() != null) {
        boolean revert = true;
        if (element.size() == 1 && active.term(element.keySet().iterator().next()).kind == Kind.ID) {
          revert = false;
        }
        if (revert) {
          active = active.previous();
        }
      }
      // 8. the property-scoped context
      if (propertyContext != null) {
        active = active.derive(propertyContext,
            active.definition(key).map(TermDefinition::getBaseUrl).orElse(null), Scope.PROPERTY_NODE);
      }
      // 9. an embedded context of URLs (a credential inside a presentation or a CLR)
      JsonValue embedded = top ? null : element.get(Keywords.CONTEXT);
      if (embedded != null) {
        if (strings(embedded) == null) {
          throw new Unsupported("an embedded @context that is not a list of URLs");
        }
        active = active.derive(embedded, null, Scope.EMBEDDED);
      }
      // 10. - 11. type-scoped contexts, types in lexicographic order, keys too
      Compiled typeContext = active;
      for (String k : new TreeSet<>(element.keySet())) {
        if (Keywords.CONTEXT.equals(k)) {
          continue;
        }
        if (active.term(k).kind != Kind.TYPE) {
          continue;
        }
        JsonValue v = element.get(k);
        List<String> types = strings(v);
        if (types == null) {
          throw new Unsupported("@type is not a string or an array of strings");
        }
        for (String t : new TreeSet<>(types)) {
          Optional<TermDefinition> d = typeContext.definition(t);
          if (d.isPresent() && d.get().getLocalContext() != null) {
            active = active.derive(d.get().getLocalContext(),
                active.definition(t).map(TermDefinition::getBaseUrl).orElse(null), Scope.TYPE);
          }
        }
      }
      // 13. @id first (the subject), then the rest
      String subject = null;
      for (Map.Entry<String, JsonValue> e : element.entrySet()) {
        if (Keywords.CONTEXT.equals(e.getKey())) {
          continue;
        }
        if (active.term(e.getKey()).kind == Kind.ID) {
          if (subject != null) {
            throw new Unsupported("two @id entries");
          }
          if (e.getValue().getValueType() != JsonValue.ValueType.STRING) {
            throw new Unsupported("@id is not a string");
          }
          subject = resource(active.idIri(((JsonString) e.getValue()).getString()), graph);
        }
      }
      if (subject == null) {
        subject = newBlank();
        countNode(graph, subject);
      }
      for (Map.Entry<String, JsonValue> e : element.entrySet()) {
        String k = e.getKey();
        Term t = active.term(k);
        switch (t.kind) {
          case ID:
          case CONTEXT:
            break;
          case TYPE:
            for (String type : strings(e.getValue())) {
              String iri = typeContext.vocabIri(type);
              if (iri == null || iri.startsWith("_:") || !absolute(iri)) {
                throw new Unsupported("type " + type + " expands to " + iri);
              }
              emit(subject, RDF_TYPE, iri, null, graph, new TypeKey(iri));
            }
            break;
          case PROPERTY:
            property(active, t, k, e.getValue(), subject, graph);
            break;
          default:
            throw new Unsupported(t.reason);
        }
      }
      return subject;
    }

    /** The values of one property (expansion step 13 for a term, then Object to RDF). */
    private void property(Compiled active, Term t, String key, JsonValue value, String subject, String graph)
        throws JsonLdError, Unsupported {
      if (t.type == ValueType.JSON) {
        emit(subject, t.iri, Jcs.canonize(value), RDF_JSON, graph, new ValueKey(value, Keywords.JSON));
        return;
      }
      if (value.getValueType() == JsonValue.ValueType.NULL) {
        return; // expands to null: no value, not even an empty list
      }
      List<JsonValue> items = new ArrayList<>();
      flatten(value, items, t.container == Container.LIST);
      switch (t.container) {
        case LIST: {
          if (items.isEmpty()) {
            emit(subject, t.iri, RDF_NIL, null, graph, new Object());
            return;
          }
          String[] cells = new String[items.size()];
          for (int i = 0; i < cells.length; i++) {
            cells[i] = newBlank();
          }
          emit(subject, t.iri, cells[0], null, graph, new Object());
          for (int i = 0; i < cells.length; i++) {
            Value o = object(active, t, key, items.get(i), graph);
            emit(cells[i], RDF_FIRST, o.object, o.datatype, graph, o.key);
            emit(cells[i], RDF_REST, i + 1 < cells.length ? cells[i + 1] : RDF_NIL, null, graph, new Object());
          }
          return;
        }
        case GRAPH: {
          for (JsonValue item : items) {
            if (item.getValueType() != JsonValue.ValueType.OBJECT) {
              throw new Unsupported("a value in a @graph container that is not a node object");
            }
            String g = newBlank();
            countNode(graph, g);
            emit(subject, t.iri, g, null, graph, g);
            node(active, item.asJsonObject(), key, g, false);
          }
          return;
        }
        default:
          for (JsonValue item : items) {
            Value o = object(active, t, key, item, graph);
            emit(subject, t.iri, o.object, o.datatype, graph, o.key);
          }
      }
    }

    /** Array items, nested arrays flattened (in a list: general path), nulls dropped. */
    private void flatten(JsonValue value, List<JsonValue> out, boolean list) throws Unsupported {
      if (value.getValueType() == JsonValue.ValueType.ARRAY) {
        for (JsonValue v : value.asJsonArray()) {
          if (v.getValueType() == JsonValue.ValueType.ARRAY && list) {
            throw new Unsupported("a list of lists");
          }
          flatten(v, out, false);
        }
      } else if (value.getValueType() != JsonValue.ValueType.NULL) {
        out.add(value);
      }
    }

    /** One value as an RDF term. */
    private Value object(Compiled active, Term t, String key, JsonValue item, String graph)
        throws JsonLdError, Unsupported {
      if (item.getValueType() == JsonValue.ValueType.OBJECT) {
        JsonObject o = item.asJsonObject();
        for (String k : o.keySet()) {
          if (k.startsWith("@") && !Keywords.ID.equals(k) && !Keywords.TYPE.equals(k)
              && !Keywords.CONTEXT.equals(k)) {
            throw new Unsupported("keyword " + k + " in a value");
          }
        }
        return Value.resource(node(active, o, key, graph, false));
      }
      // 4.2 a scalar: the property-scoped context (without override), then value expansion with the term there
      Compiled c = active;
      Term vt = t;
      if (t.localContext != null) {
        c = active.derive(t.localContext, active.definition(key).map(TermDefinition::getBaseUrl).orElse(null),
            Scope.PROPERTY_SCALAR);
        vt = c.term(key);
        if (vt.kind != Kind.PROPERTY) {
          throw new Unsupported("a property-scoped context that redefines " + key);
        }
      }
      switch (item.getValueType()) {
        case STRING: {
          String s = ((JsonString) item).getString();
          if (vt.type == ValueType.ID) {
            return Value.resource(resource(c.idIri(s), graph));
          }
          if (vt.type == ValueType.VOCAB) {
            return Value.resource(resource(c.vocabIri(s), graph));
          }
          if (vt.type == ValueType.DATATYPE) {
            return new Value(s, vt.datatype, new ValueKey(item, vt.datatype));
          }
          if (!vt.plainStrings) {
            throw new Unsupported("a language or direction for " + key);
          }
          return new Value(s, XSD_STRING, new ValueKey(item, null));
        }
        case TRUE:
        case FALSE: {
          String dt = vt.type == ValueType.DATATYPE ? vt.datatype : null;
          return new Value(item.getValueType() == JsonValue.ValueType.TRUE ? "true" : "false", dt != null ? dt : XSD_BOOLEAN,
              new ValueKey(item, dt));
        }
        case NUMBER: {
          JsonNumber n = (JsonNumber) item;
          BigDecimal b = n.bigDecimalValue();
          if (b.precision() > Canonicalizer.MAX_NUMBER_DIGITS
              || Math.abs((long) b.scale()) > Canonicalizer.MAX_NUMBER_DIGITS) {
            // refused with its path by the input bounds before either path runs; never expanded here
            throw new Unsupported("a number beyond " + Canonicalizer.MAX_NUMBER_DIGITS + " digits or exponent");
          }
          String dt = vt.type == ValueType.DATATYPE ? vt.datatype : null;
          ValueKey k = new ValueKey(item, dt);
          if (!n.isIntegral() && n.doubleValue() % -1 != 0 || XSD_DOUBLE.equals(dt) || XSD_FLOAT.equals(dt)
              || b.compareTo(E21) >= 0) {
            return new Value(XSD_DOUBLE_FORMAT.get().format(b), dt != null ? dt : XSD_DOUBLE, k);
          }
          return new Value(b.toBigInteger().toString(), dt != null ? dt : XSD_INTEGER, k);
        }
        default:
          throw new Unsupported("value " + item.getValueType());
      }
    }
  }

  /** The strings of an {@code @type} value (a string or an array of strings), or null. */
  private static List<String> strings(JsonValue v) {
    if (v.getValueType() == JsonValue.ValueType.STRING) {
      return List.of(((JsonString) v).getString());
    }
    if (v.getValueType() != JsonValue.ValueType.ARRAY) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (JsonValue x : v.asJsonArray()) {
      if (x.getValueType() != JsonValue.ValueType.STRING) {
        return null;
      }
      out.add(((JsonString) x).getString());
    }
    return out;
  }

  // ------------------------------------------------------------------------------------------- canonical N-Quads

  /**
   * The canonical N-Quads (RDFC-1.0) of a fast-path dataset. A dataset with at most one blank node has a single
   * canonical labelling ({@code _:c14n0} for its blank node, RDFC-1.0 steps 4-5 with one first-degree hash): its
   * statements are relabelled and sorted as titanium-rdfc sorts them, without the hashing, when the RDFC-1.0 work
   * such a dataset costs (at most its statements + 4 steps) is within {@code maxWork}. A dataset whose blank nodes
   * all have distinct first-degree hashes is labelled here too ({@link #distinctFirstDegree}). Every other dataset
   * goes through {@link Rdfc10#canon} with its ticker (titanium-rdfc, or {@link Rdfc10} when a statement names a
   * blank node twice). Lines are written to one unsynchronized builder.
   *
   * @param d the dataset
   * @param rdfcHash the RDFC-1.0 hash ({@code SHA-256} or {@code SHA-384})
   * @param canon makes the RDFC-1.0 canonicalizer (with the work and time ticker)
   * @param maxWork the RDFC-1.0 work bound
   * @param dataset receives the canonical quads, or null
   * @param deadline the time budget
   * @return canonical N-Quads
   * @throws RdfConsumerException from {@code dataset}
   */
  static String canonical(Dataset d, String rdfcHash, Supplier<Rdfc10.Canon> canon, long maxWork,
      RdfQuadConsumer dataset, Deadline deadline) throws RdfConsumerException {
    NQuadsSink.Text text = new NQuadsSink.Text(d.quads().size());
    canonical(d, rdfcHash, canon, maxWork, dataset, deadline, text);
    return text.text();
  }

  /**
   * As {@link #canonical(Dataset, String, java.util.function.Supplier, long, RdfQuadConsumer, Deadline)}, each
   * canonical line handed to {@code out} (a text, or a digest) in canonical order.
   */
  static void canonical(Dataset d, String rdfcHash, Supplier<Rdfc10.Canon> canon, long maxWork,
      RdfQuadConsumer dataset, Deadline deadline, NQuadsSink out) throws RdfConsumerException {
    if (d.blankNodes() > 1 && distinctFirstDegree(d, rdfcHash, maxWork, dataset, deadline, out)) {
      return;
    }
    if (d.blankNodes() <= 1 && d.quads().size() + 4L <= maxWork) {
      deadline.check("RDFC-1.0 canonicalization");
      writeSorted(d.quads(), FastRdf::c14n, dataset, deadline, out);
      return;
    }
    Rdfc10.Canon c = canon.get();
    for (Quad q : d.quads()) {
      c.quad(q.subject(), q.predicate(), q.object(), q.datatype(), null, null, q.graph());
    }
    deadline.check("RDFC-1.0 canonicalization (before it starts)");
    long[] written = {0};
    c.provide((s, p, o, dt, lang, dir, g) -> {
      if ((++written[0] & 1023) == 0) {
        deadline.check("N-Quads writing");
      }
      out.line(NQuadsWriter.nquad(s, p, o, dt, lang, dir, g));
      if (dataset != null) {
        dataset.quad(s, p, o, dt, lang, dir, g);
      }
      return null;
    });
    deadline.check("N-Quads writing");
  }

  /**
   * Writes the quads with their blank nodes relabelled by {@code label}, as N-Quads lines in code point order (the
   * canonical order), each handed to {@code out} and, when {@code dataset} is given, as a quad to it.
   */
  private static void writeSorted(List<Quad> quads, UnaryOperator<String> label, RdfQuadConsumer dataset,
      Deadline deadline, NQuadsSink out) throws RdfConsumerException {
    int n = quads.size();
    String[] lines = new String[n];
    HashMap<String, Quad> byLine = dataset == null ? null : new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      Quad q = quads.get(i);
      Quad r = new Quad(label.apply(q.subject()), q.predicate(),
          q.datatype() == null ? label.apply(q.object()) : q.object(), q.datatype(),
          q.graph() == null ? null : label.apply(q.graph()));
      lines[i] = NQuadsWriter.nquad(r.subject(), r.predicate(), r.object(), r.datatype(), null, null, r.graph());
      if (byLine != null) {
        byLine.put(lines[i], r);
      }
    }
    Arrays.sort(lines);
    for (int i = 0; i < n; i++) {
      if (((i + 1) & 1023) == 0) {
        deadline.check("N-Quads writing");
      }
      out.line(lines[i]);
      if (dataset != null) {
        Quad r = byLine.get(lines[i]);
        dataset.quad(r.subject(), r.predicate(), r.object(), r.datatype(), null, null, r.graph());
      }
    }
    deadline.check("N-Quads writing");
  }

  private static String c14n(String term) {
    return term.startsWith("_:") ? "_:c14n0" : term;
  }

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /** Datasets labelled by {@link #distinctFirstDegree} since the class was loaded. */
  static final LongAdder DISTINCT_FIRST_DEGREE_RUNS =
      new LongAdder();

  /**
   * RDFC-1.0 of a dataset whose blank nodes all have distinct first-degree hashes: steps 1-5 (the blank node to
   * quads map, Hash First Degree Quads of each blank node, canonical identifiers issued in code point order of the
   * hashes to the nodes whose hash is unique) leave no blank node for step 6 (Hash N-Degree Quads), so step 7
   * relabels and sorts. This is the algorithm's own shortcut, which titanium-rdfc takes too; here it runs without
   * titanium-rdfc's per-comparison re-serialization of every statement. A statement that names one blank node in two
   * positions is serialized once in that node's first-degree hash, as RDFC-1.0 and rdf-canonize do (titanium-rdfc
   * 2.0.0 serializes it once per position; {@link Rdfc10}). It answers null, and {@link Rdfc10#canon} runs, when two
   * first-degree hashes are equal or when the work titanium-rdfc would tick for this dataset (one
   * step to start, one per round of step 5 (two rounds), one per related statement and one per blank node) passes
   * {@code maxWork}, so the bound fails exactly where it fails there.
   */
  static String distinctFirstDegree(Dataset d, String rdfcHash, long maxWork, RdfQuadConsumer dataset,
      Deadline deadline) throws RdfConsumerException {
    NQuadsSink.Text text = new NQuadsSink.Text(d.quads().size());
    return distinctFirstDegree(d, rdfcHash, maxWork, dataset, deadline, text) ? text.text() : null;
  }

  /** As above, the canonical lines handed to {@code out}; false (nothing handed over) when it declines. */
  static boolean distinctFirstDegree(Dataset d, String rdfcHash, long maxWork, RdfQuadConsumer dataset,
      Deadline deadline, NQuadsSink out) throws RdfConsumerException {
    List<Quad> quads = d.quads();
    Map<String, List<Quad>> byBlank = new HashMap<>();
    long related = 0;
    for (Quad q : quads) {
      String s = blankOrNull(q.subject());
      String o = q.datatype() == null ? blankOrNull(q.object()) : null;
      String g = q.graph() == null ? null : blankOrNull(q.graph());
      // a statement is one member of each mention set it belongs to (RDFC-1.0 "mention set"), however many
      // positions name the node
      if (o != null && o.equals(s)) {
        o = null;
      }
      if (g != null && (g.equals(s) || g.equals(o))) {
        g = null;
      }
      for (String b : new String[] {s, o, g}) {
        if (b != null) {
          byBlank.computeIfAbsent(b, k -> new ArrayList<>(4)).add(q);
          related++;
        }
      }
    }
    if (related + byBlank.size() + 3 > maxWork) {
      return false;
    }
    deadline.check("RDFC-1.0 canonicalization (before it starts)");
    MessageDigest md;
    try {
      md = MessageDigest.getInstance(rdfcHash);
    } catch (NoSuchAlgorithmException e) {
      return false; // titanium-rdfc reports it
    }
    TreeMap<String, String> byHash = new TreeMap<>();
    for (Map.Entry<String, List<Quad>> e : byBlank.entrySet()) {
      String reference = e.getKey();
      List<Quad> mentions = e.getValue();
      String[] lines = new String[mentions.size()];
      for (int i = 0; i < lines.length; i++) {
        Quad q = mentions.get(i);
        lines[i] = NQuadsWriter.nquad(firstDegree(q.subject(), reference), q.predicate(),
            q.datatype() == null ? firstDegree(q.object(), reference) : q.object(), q.datatype(), null, null,
            q.graph() == null ? null : firstDegree(q.graph(), reference));
      }
      Arrays.sort(lines);
      md.reset();
      for (String line : lines) {
        md.update(line.getBytes(StandardCharsets.UTF_8));
      }
      byte[] h = md.digest();
      char[] hex = new char[h.length * 2];
      for (int i = 0; i < h.length; i++) {
        hex[2 * i] = HEX[(h[i] >> 4) & 0xf];
        hex[2 * i + 1] = HEX[h[i] & 0xf];
      }
      if (byHash.put(new String(hex), reference) != null) {
        return false;
      }
      if ((byHash.size() & 1023) == 0) {
        deadline.check("RDFC-1.0 canonicalization");
      }
    }
    deadline.check("RDFC-1.0 canonicalization");
    Map<String, String> issued = new HashMap<>(byHash.size() * 2);
    for (String b : byHash.values()) {
      issued.put(b, "_:c14n" + issued.size());
    }
    writeSorted(quads, t -> issued.getOrDefault(t, t), dataset, deadline, out);
    DISTINCT_FIRST_DEGREE_RUNS.increment();
    return true;
  }

  private static String blankOrNull(String term) {
    return term.startsWith("_:") ? term : null;
  }

  /** A term as Hash First Degree Quads writes it: the reference blank node {@code _:a}, any other {@code _:z}. */
  private static String firstDegree(String term, String reference) {
    return term.startsWith("_:") ? term.equals(reference) ? "_:a" : "_:z" : term;
  }

  // ---------------------------------------------------------------------------------------------- document size

  /**
   * Whether the compact JSON text of {@code document} is certainly at most {@code max} UTF-8 bytes, from an upper
   * bound computed without writing it (each string character at most 6 bytes, as an escape; each number at most
   * its digits, its scale and 16 more): when it is, the exact size check, which serializes the document, is
   * skipped; when it is not, the caller measures exactly as before.
   *
   * @param document the document
   * @param max the bound in bytes
   * @return true if the serialized size is at most {@code max}
   */
  static boolean serializedAtMost(JsonValue document, long max) {
    long[] budget = {max};
    return bound(document, budget);
  }

  private static boolean bound(JsonValue v, long[] left) {
    switch (v.getValueType()) {
      case OBJECT: {
        JsonObject o = v.asJsonObject();
        left[0] -= 2 + o.size();
        for (Map.Entry<String, JsonValue> e : o.entrySet()) {
          left[0] -= 3 + 6L * e.getKey().length();
          if (left[0] < 0 || !bound(e.getValue(), left)) {
            return false;
          }
        }
        return left[0] >= 0;
      }
      case ARRAY: {
        JsonArray a = v.asJsonArray();
        left[0] -= 2 + a.size();
        for (JsonValue x : a) {
          if (left[0] < 0 || !bound(x, left)) {
            return false;
          }
        }
        return left[0] >= 0;
      }
      case STRING:
        left[0] -= 2 + 6L * ((JsonString) v).getString().length();
        return left[0] >= 0;
      case NUMBER: {
        BigDecimal b = ((JsonNumber) v).bigDecimalValue();
        left[0] -= b.precision() + Math.abs((long) b.scale()) + 16;
        return left[0] >= 0;
      }
      default:
        left[0] -= 5;
        return left[0] >= 0;
    }
  }
}
