package io.github.microcred.vc.internal;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.compaction.Compaction;
import com.apicatalog.jsonld.context.ActiveContext;
import com.apicatalog.jsonld.deseralization.JsonLdToRdf;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.expansion.Expansion;
import com.apicatalog.jsonld.flattening.NodeMap;
import com.apicatalog.jsonld.json.JsonUtils;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.processor.ProcessingRuntime;
import com.apicatalog.jsonld.processor.ToRdfProcessor;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.api.RdfQuadConsumer;
import com.apicatalog.rdf.canon.RdfCanonTicker;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import io.github.microcred.vc.CanonicalizationLimits;
import io.github.microcred.vc.ContextLoader;
import io.github.microcred.vc.VcErrorCode;
import io.github.microcred.vc.VcException;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringWriter;
import java.lang.ref.WeakReference;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * JSON-LD to RDF (titanium expansion in safe mode: undefined terms fail; our linear node map; titanium's RDF
 * serialization) and RDFC-1.0 canonical N-Quads (titanium-rdfc, or {@link Rdfc10} for the datasets titanium-rdfc
 * labels otherwise than the specification), within {@link CanonicalizationLimits}: document
 * size, array items (with the path), nodes, quads, blank-node labelling work and time, each failing fast with
 * {@link VcErrorCode#LIMIT_EXCEEDED}.
 */
public final class Canonicalizer {
  private Canonicalizer() {}

  /** Thrown by the ticker when the work bound is exceeded. */
  private static final class WorkExceeded extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    WorkExceeded(String m) {
      super(m);
    }
  }

  private static boolean absolute(String s) {
    if (s.startsWith("_:")) {
      return true;
    }
    int colon = s.indexOf(':');
    if (colon <= 0 || !Character.isLetter(s.charAt(0))) {
      return false;
    }
    for (int i = 1; i < colon; i++) {
      char c = s.charAt(i);
      if (!(Character.isLetterOrDigit(c) && c < 128 || c == '+' || c == '-' || c == '.')) {
        return false;
      }
    }
    return true;
  }

  /** Finds an {@code @id}/{@code @type} value or property that is not an absolute IRI (jsonld.js safe mode). */
  private static String relativeReference(JsonValue v, String path) {
    if (v.getValueType() == JsonValue.ValueType.ARRAY) {
      for (JsonValue e : v.asJsonArray()) {
        String r = relativeReference(e, path);
        if (r != null) {
          return r;
        }
      }
    } else if (v.getValueType() == JsonValue.ValueType.OBJECT) {
      JsonObject o = v.asJsonObject();
      boolean valueObject = o.containsKey("@value");
      for (Map.Entry<String, JsonValue> e : o.entrySet()) {
        String k = e.getKey();
        if ("@id".equals(k) || "@type".equals(k)) {
          JsonValue t = e.getValue();
          List<JsonValue> vals = t.getValueType() == JsonValue.ValueType.ARRAY ? t.asJsonArray() : List.of(t);
          for (JsonValue x : vals) {
            if (x instanceof JsonString && !absolute(((JsonString) x).getString())
                && !(valueObject && "@type".equals(k) && "@json".equals(((JsonString) x).getString()))) {
              return k + " '" + ((JsonString) x).getString() + "'";
            }
          }
        } else if ("@value".equals(k)) {
          continue;
        } else if (!k.startsWith("@") && !absolute(k)) {
          return "property '" + k + "'";
        } else {
          String r = relativeReference(e.getValue(), path);
          if (r != null) {
            return r;
          }
        }
      }
    }
    return null;
  }

  /**
   * Titanium state for one {@link ContextLoader}: options (safe mode, the pinned loader, no titanium caches: the
   * loader already holds parsed documents) and a bounded cache of the active contexts that top-level
   * {@code @context} lists of URLs produce. Processing the OB3 context tree is most of the JSON-LD work; the active
   * context depends only on the list of URLs and the loader, so it is processed once and reused (titanium copies an
   * active context before changing it). Inline contexts are never cached.
   */
  private static final class Processor {
    private static final int MAX_CACHED_CONTEXTS = 64;

    private final JsonLdOptions options;
    private final ActiveContext initial;
    private final Map<JsonValue, ActiveContext> contexts = new ConcurrentHashMap<>();
    private final FastRdf fast;
    final ProofTemplate.Cache templates = new ProofTemplate.Cache();

    Processor(ContextLoader loader) {
      // the titanium loader must not hold the ContextLoader strongly: PROCESSORS is weak in its keys
      WeakReference<ContextLoader> ref = new WeakReference<>(loader);
      DocumentLoader titaniumLoader = (url, o) -> {
        ContextLoader l = ref.get();
        if (l == null) {
          throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "context loader was discarded");
        }
        try {
          return JsonDocument.of(l.load(url.toString()));
        } catch (VcException e) {
          LOADER_ERROR.set(e);
          throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, e.getMessage());
        }
      };
      options = new JsonLdOptions(titaniumLoader);
      options.setUndefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail);
      options.setContextCache(null);
      options.setDocumentCache(null);
      initial = new ActiveContext(null, null, ProcessingRuntime.of(options));
      fast = new FastRdf(options.getUriValidation());
    }

    /**
     * The fast path's statements of {@code document}, or null when the general path must answer it: anything the
     * fast path does not cover or fails on (its reason dropped, and any context loader error it left on this
     * thread cleared, so the general path reports its own). A passed deadline is not a fallback: it is thrown.
     *
     * @param forced the caller asked for the fast path only ({@link Path#FAST}): refusal is an
     *     {@link IllegalStateException} with the reason instead of null
     */
    FastRdf.Dataset fastDataset(JsonObject document, CanonicalizationLimits limits, Deadline deadline,
        boolean forced) {
      try {
        return fastDataset(document, limits, deadline);
      } catch (Deadline.Exceeded e) {
        throw e;
      } catch (FastRdf.Unsupported | RuntimeException e) {
        if (forced) {
          throw new IllegalStateException("the fast path does not cover this document: " + e.getMessage(), e);
        }
        LOADER_ERROR.remove();
        return null;
      }
    }

    /**
     * The fast path's statements of {@code document}: its top-level {@code @context} must be a URL or a list of
     * URLs whose active context is cached.
     */
    private FastRdf.Dataset fastDataset(JsonObject document, CanonicalizationLimits limits, Deadline deadline)
        throws FastRdf.Unsupported {
      JsonValue ctx = document.get("@context");
      if (ctx == null || !urlsOnly(ctx)) {
        throw new FastRdf.Unsupported("the @context is not a list of URLs");
      }
      ActiveContext active;
      try {
        active = context(ctx);
      } catch (JsonLdError e) {
        throw new FastRdf.Unsupported("context processing: " + e.getMessage());
      }
      if (contexts.get(ctx) != active) {
        throw new FastRdf.Unsupported("the active context is not cached");
      }
      return fast.toRdf(fast.root(active), document, limits.maxNodes(), limits.maxQuads(), deadline);
    }

    /** The active context after processing {@code ctx} (a URL or an array of URLs), cached. */
    ActiveContext context(JsonValue ctx) throws JsonLdError {
      ActiveContext c = contexts.get(ctx);
      if (c == null) {
        c = initial.newContext().create(ctx, null);
        if (contexts.size() < MAX_CACHED_CONTEXTS) {
          contexts.putIfAbsent(ctx, c);
        }
      }
      return c;
    }

    /** JSON-LD expansion, as {@code JsonLd.expand(document)} with this processor's options. */
    JsonArray expand(JsonObject document) throws JsonLdError {
      JsonValue ctx = document.get("@context");
      ActiveContext active = initial;
      JsonValue element = document;
      if (ctx != null && urlsOnly(ctx)) {
        // equivalent to processing the @context entry first (expansion algorithm step 9, before the type-scoped
        // context is initialised in step 10)
        active = context(ctx);
        JsonObjectBuilder b = JsonSupport.PROVIDER.createObjectBuilder();
        document.forEach((k, v) -> {
          if (!"@context".equals(k)) {
            b.add(k, v);
          }
        });
        element = b.build();
      }
      JsonValue expanded = Expansion.with(active, element, null, null).frameExpansion(false)
          .ordered(options.isOrdered()).compute();
      if (JsonUtils.isObject(expanded) && expanded.asJsonObject().size() == 1
          && expanded.asJsonObject().containsKey("@graph")) {
        expanded = expanded.asJsonObject().get("@graph");
      }
      if (JsonUtils.isNull(expanded)) {
        return JsonValue.EMPTY_JSON_ARRAY;
      }
      return JsonUtils.toJsonArray(expanded);
    }

    private static boolean urlsOnly(JsonValue ctx) {
      if (ctx.getValueType() == JsonValue.ValueType.STRING) {
        return true;
      }
      if (ctx.getValueType() != JsonValue.ValueType.ARRAY) {
        return false;
      }
      for (JsonValue v : ctx.asJsonArray()) {
        if (v.getValueType() != JsonValue.ValueType.STRING) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * JSON-LD to RDF over the expanded document, linear in its size: node map generation by {@link LinearNodeMap}
   * (titanium's own is quadratic in the values of one property), then titanium's deserialization to RDF.
   */
  private static void toRdf(Processor p, JsonArray expanded, RdfQuadConsumer consumer, CanonicalizationLimits limits,
      Deadline deadline) throws JsonLdError {
    NodeMap map = LinearNodeMap.build(expanded,
        new LinearNodeMap.Budget(limits.maxNodes(), limits.maxQuads(), deadline));
    deadline.check("JSON-LD to RDF (after node map generation)");
    JsonLdToRdf.with(map)
        .produceGeneralizedRdf(p.options.isProduceGeneralizedRdf())
        .rdfDirection(p.options.getRdfDirection())
        .uriValidation(p.options.getUriValidation())
        .provide(consumer);
  }

  /** Counts the quads handed to {@code next} and stops at {@code max} or when the deadline passes. */
  private static RdfQuadConsumer counting(RdfQuadConsumer next, long max, Deadline deadline) {
    long[] n = {0};
    return new RdfQuadConsumer() {
      @Override
      public RdfQuadConsumer quad(String subject, String predicate, String object, String datatype, String language,
          String direction, String graph) throws RdfConsumerException {
        if (++n[0] > max) {
          throw new WorkExceeded("JSON-LD to RDF: the document produces more than " + max + " quads");
        }
        if ((n[0] & 1023) == 0) {
          deadline.check("JSON-LD to RDF");
        }
        next.quad(subject, predicate, object, datatype, language, direction, graph);
        return this;
      }
    };
  }

  /**
   * The largest decimal exponent, in either direction, and the most digits a JSON number may have in a document to
   * canonicalize: JSON-LD turns a number into an {@code xsd:integer} (its integer value, digit for digit) or an
   * {@code xsd:double}, and a number such as {@code 1E-9999999} would have to be expanded to millions of digits to
   * be read as an integer (no {@code xsd:double} is beyond about 10^±324, and Jackson refuses numbers of more than
   * 1,000 digits on reading, so no credential comes near).
   */
  public static final int MAX_NUMBER_DIGITS = 1000;

  /**
   * The first bound the document breaks, described with its JSON path, or null: an array of more than {@code max}
   * items, nesting deeper than {@code maxDepth}, a number beyond {@link #MAX_NUMBER_DIGITS}. Depth-first; the path
   * is written only for the failure (the walk itself keeps the segments on a stack).
   */
  private static String longArray(JsonValue v, ArrayDeque<Object> path, int max, int depth,
      int maxDepth) {
    if (v.getValueType() == JsonValue.ValueType.NUMBER) {
      return numberBeyondBounds((JsonNumber) v, path);
    }
    if (depth > maxDepth) {
      return "the document nests deeper than " + maxDepth + " at " + path(path);
    }
    if (v.getValueType() == JsonValue.ValueType.ARRAY) {
      JsonArray a = v.asJsonArray();
      if (a.size() > max) {
        return path(path) + " has " + a.size() + " items, above the limit of " + max;
      }
      for (int i = 0; i < a.size(); i++) {
        JsonValue e = a.get(i);
        if (e.getValueType() == JsonValue.ValueType.ARRAY || e.getValueType() == JsonValue.ValueType.OBJECT
            || e.getValueType() == JsonValue.ValueType.NUMBER) {
          path.addLast(i);
          String r = longArray(e, path, max, depth + 1, maxDepth);
          path.removeLast();
          if (r != null) {
            return r;
          }
        }
      }
    } else if (v.getValueType() == JsonValue.ValueType.OBJECT) {
      for (Map.Entry<String, JsonValue> e : v.asJsonObject().entrySet()) {
        JsonValue x = e.getValue();
        if (x.getValueType() == JsonValue.ValueType.ARRAY || x.getValueType() == JsonValue.ValueType.OBJECT
            || x.getValueType() == JsonValue.ValueType.NUMBER) {
          path.addLast(e.getKey());
          String r = longArray(x, path, max, depth + 1, maxDepth);
          path.removeLast();
          if (r != null) {
            return r;
          }
        }
      }
    }
    return null;
  }

  /** A number with more than {@link #MAX_NUMBER_DIGITS} digits or a decimal exponent beyond it, described; else null. */
  private static String numberBeyondBounds(JsonNumber n, ArrayDeque<Object> path) {
    BigDecimal b = n.bigDecimalValue();
    if (b.precision() <= MAX_NUMBER_DIGITS && Math.abs((long) b.scale()) <= MAX_NUMBER_DIGITS) {
      return null;
    }
    String text = b.toString();
    if (text.length() > 40) {
      text = text.substring(0, 20) + "..." + text.substring(text.length() - 12);
    }
    return path(path) + ": the number " + text + " has " + b.precision() + " digits and a decimal exponent of "
        + (b.precision() - 1L - b.scale()) + "; at most " + MAX_NUMBER_DIGITS
        + " digits and an exponent within +/-" + MAX_NUMBER_DIGITS + " are accepted (it would be expanded to be"
        + " read as an xsd:integer or xsd:double)";
  }

  private static String path(ArrayDeque<Object> segments) {
    StringBuilder b = new StringBuilder("$");
    for (Object s : segments) {
      if (s instanceof Integer) {
        b.append('[').append(s).append(']');
      } else {
        b.append('.').append(s);
      }
    }
    return b.toString();
  }

  /**
   * The reference pipeline: titanium's own JSON-LD to RDF ({@code ToRdfProcessor}, quadratic node map) and RDFC-1.0
   * ({@link Rdfc10#canon}), without bounds. For the oracle test of {@link LinearNodeMap} only.
   *
   * @param document the document
   * @param loader the context loader
   * @param rdfcHash {@code SHA-256} or {@code SHA-384}
   * @return canonical N-Quads
   * @throws Exception whatever titanium throws
   */
  public static String canonicalizeWithTitanium(JsonObject document, ContextLoader loader, String rdfcHash)
      throws Exception {
    Processor p = processor(loader);
    Rdfc10.Canon canon = Rdfc10.canon(rdfcHash, () -> { });
    ToRdfProcessor.toRdf(canon, p.expand(document), p.options);
    StringWriter w = new StringWriter();
    canon.provide(new NQuadsWriter(w));
    return w.toString();
  }

  /** One processor per loader; weak keys, so loaders made per call do not accumulate. */
  private static final Map<ContextLoader, Processor> PROCESSORS =
      Collections.synchronizedMap(new WeakHashMap<>());

  /** The typed failure of the last context load on this thread (titanium only carries a message). */
  private static final ThreadLocal<VcException> LOADER_ERROR = new ThreadLocal<>();

  private static Processor processor(ContextLoader loader) {
    return PROCESSORS.computeIfAbsent(loader, Processor::new);
  }

  /**
   * The typed error of a failure inside JSON-LD processing or RDFC-1.0, the same for every entry point: a spent
   * budget (work, time, node map) is {@link VcErrorCode#LIMIT_EXCEEDED}, a JSON-LD error is translated, anything else
   * is {@link VcErrorCode#CANONICALIZATION_FAILED}.
   */
  private static VcException failure(Exception e) {
    if (e instanceof JsonLdError) {
      return translate((JsonLdError) e);
    }
    if (e instanceof WorkExceeded || e instanceof Deadline.Exceeded) {
      return new VcException(VcErrorCode.LIMIT_EXCEEDED, e.getMessage());
    }
    if (e instanceof LinearNodeMap.Budget.Exceeded) {
      return new VcException(VcErrorCode.LIMIT_EXCEEDED, "node map generation: " + e.getMessage());
    }
    if (e.getCause() instanceof WorkExceeded || e.getCause() instanceof Deadline.Exceeded) {
      return new VcException(VcErrorCode.LIMIT_EXCEEDED, e.getCause().getMessage());
    }
    return new VcException(VcErrorCode.CANONICALIZATION_FAILED, "canonicalization failed: " + e);
  }

  /**
   * The input bounds checked before any JSON-LD work: serialized size, array length, nesting depth, number size
   * ({@link #MAX_NUMBER_DIGITS}).
   */
  private static void checkInputBounds(JsonObject document, CanonicalizationLimits limits) throws VcException {
    if (!FastRdf.serializedAtMost(document, limits.maxDocumentBytes())) {
      int size = document.toString().getBytes(StandardCharsets.UTF_8).length;
      if (size > limits.maxDocumentBytes()) {
        throw new VcException(VcErrorCode.LIMIT_EXCEEDED,
            "document is " + size + " bytes, above the limit of " + limits.maxDocumentBytes());
      }
    }
    String longArray = longArray(document, new ArrayDeque<>(), limits.maxArrayItems(), 0,
        limits.maxNestingDepth());
    if (longArray != null) {
      throw new VcException(VcErrorCode.LIMIT_EXCEEDED, longArray);
    }
  }

  /** Safe mode: a relative IRI reference would be dropped from the signed data, so it is refused. */
  private static void requireNoRelativeReference(JsonArray expanded) throws VcException {
    String relative = relativeReference(expanded, "");
    if (relative != null) {
      throw new VcException(VcErrorCode.CANONICALIZATION_FAILED, "safe mode: " + relative
          + " is a relative IRI reference and would be dropped from the signed data");
    }
  }

  /**
   * JSON-LD expansion in safe mode with the pinned loader (used by conformance tests and the syntax check).
   *
   * @param document the document
   * @param loader the context loader
   * @return the expanded document
   * @throws VcException {@link VcErrorCode#CONTEXT_NOT_PINNED} or {@link VcErrorCode#CANONICALIZATION_FAILED}
   */
  public static JsonArray expand(JsonObject document, ContextLoader loader) throws VcException {
    LOADER_ERROR.remove();
    try {
      return processor(loader).expand(document);
    } catch (JsonLdError e) {
      throw translate(e);
    } finally {
      LOADER_ERROR.remove();
    }
  }

  private static VcException translate(JsonLdError e) {
    VcException loaderError = LOADER_ERROR.get();
    if (loaderError != null) {
      return loaderError;
    }
    return new VcException(VcErrorCode.CANONICALIZATION_FAILED,
        "JSON-LD processing failed (" + e.getCode() + "): " + e.getMessage());
  }

  /**
   * Canonicalizes a JSON-LD document.
   *
   * @param document the document
   * @param loader the context loader
   * @param limits the bounds
   * @return canonical N-Quads (RDFC-1.0)
   * @throws VcException {@link VcErrorCode#LIMIT_EXCEEDED}, {@link VcErrorCode#CONTEXT_NOT_PINNED} or
   *     {@link VcErrorCode#CANONICALIZATION_FAILED}
   */
  public static String canonicalize(JsonObject document, ContextLoader loader, CanonicalizationLimits limits)
      throws VcException {
    return canonicalize(document, loader, limits, "SHA-256");
  }

  /**
   * Canonicalizes a JSON-LD document with RDFC-1.0 using the given hash for blank-node labelling
   * ({@code ecdsa-rdfc-2019} with P-384 uses SHA-384).
   *
   * @param document the document
   * @param loader the context loader
   * @param limits the bounds
   * @param rdfcHash {@code SHA-256} or {@code SHA-384}
   * @return canonical N-Quads
   * @throws VcException as {@link #canonicalize(JsonObject, ContextLoader, CanonicalizationLimits)}
   */
  public static String canonicalize(JsonObject document, ContextLoader loader, CanonicalizationLimits limits,
      String rdfcHash) throws VcException {
    return canonicalize(document, loader, limits, rdfcHash, null);
  }

  /**
   * As {@link #canonicalize(JsonObject, ContextLoader, CanonicalizationLimits, String)}, also handing each quad of
   * the canonical dataset (canonical blank-node labels, in canonical order: exactly what is hashed) to
   * {@code dataset}, for decisions that must be read from the signed data.
   *
   * @param document the document
   * @param loader the context loader
   * @param limits the bounds
   * @param rdfcHash {@code SHA-256} or {@code SHA-384}
   * @param dataset receives the canonical quads, or null
   * @return canonical N-Quads
   * @throws VcException as {@link #canonicalize(JsonObject, ContextLoader, CanonicalizationLimits)}
   */
  public static String canonicalize(JsonObject document, ContextLoader loader, CanonicalizationLimits limits,
      String rdfcHash, RdfQuadConsumer dataset) throws VcException {
    return canonicalize(document, loader, limits, rdfcHash, dataset, System::nanoTime);
  }

  /**
   * As {@link #canonicalize(JsonObject, ContextLoader, CanonicalizationLimits, String, RdfQuadConsumer)}, with the
   * time budget ({@link CanonicalizationLimits#maxTime()}) measured on {@code nanoTime} (tests inject a ticker; in
   * production it is {@link System#nanoTime()}). The deadline is checked before expansion, after it (titanium's
   * expansion itself is bounded by the size, array and nesting limits checked first), in the node map and quad
   * loops, at every RDFC-1.0 work step and while the N-Quads are written; it fails with
   * {@link VcErrorCode#LIMIT_EXCEEDED} naming the stage.
   *
   * @param document the document
   * @param loader the context loader
   * @param limits the bounds
   * @param rdfcHash {@code SHA-256} or {@code SHA-384}
   * @param dataset receives the canonical quads, or null
   * @param nanoTime a monotonic nanosecond ticker
   * @return canonical N-Quads
   * @throws VcException as {@link #canonicalize(JsonObject, ContextLoader, CanonicalizationLimits)}
   */
  public static String canonicalize(JsonObject document, ContextLoader loader, CanonicalizationLimits limits,
      String rdfcHash, RdfQuadConsumer dataset, LongSupplier nanoTime) throws VcException {
    return canonicalize(document, loader, limits, rdfcHash, dataset, nanoTime, Path.AUTO);
  }

  /** Which JSON-LD to RDF path runs (tests and benchmarks choose; everything else uses {@link #AUTO}). */
  public enum Path {
    /** The fast path ({@code FastRdf}) when it covers the document, the general path otherwise. */
    AUTO,
    /** Titanium's expansion, the linear node map and titanium's RDF serialization. */
    GENERAL,
    /** The fast path only: {@link IllegalStateException} with the reason when it does not cover the document. */
    FAST
  }

  /**
   * How many canonicalizations took each path since the class was loaded.
   *
   * @param fast by the compiled-context fast path
   * @param general by the general titanium path
   */
  public record PathCounts(long fast, long general) {}

  private static final LongAdder FAST_RUNS = new LongAdder();
  private static final LongAdder GENERAL_RUNS =
      new LongAdder();

  /** {@code -Dmicrocred.internal.generalPath=true} turns the fast path off (for before/after benchmarks). */
  private static volatile boolean generalOnly = Boolean.getBoolean("microcred.internal.generalPath");

  /**
   * Turns the fast path off or on for {@link Path#AUTO} in this JVM, for benchmarks that interleave the two paths
   * in one run (before/after figures); never called by the library.
   *
   * @param enabled whether {@link Path#AUTO} may take the fast path
   */
  public static void setFastPathEnabled(boolean enabled) {
    generalOnly = !enabled;
  }

  private static final LongAdder TEMPLATE_RUNS =
      new LongAdder();

  /**
   * How many of the fast canonicalizations were answered from a proof-configuration template
   * ({@code ProofTemplate}) since the class was loaded.
   *
   * @return the count
   */
  public static long templateRuns() {
    return TEMPLATE_RUNS.sum();
  }

  /**
   * How many of the fast canonicalizations labelled a dataset of several blank nodes, all with distinct
   * first-degree hashes, without titanium-rdfc (RDFC-1.0 steps 1-5 and 7; {@code FastRdf.distinctFirstDegree})
   * since the class was loaded.
   *
   * @return the count
   */
  public static long distinctFirstDegreeRuns() {
    return FastRdf.DISTINCT_FIRST_DEGREE_RUNS.sum();
  }

  /**
   * The canonicalizations counted by path.
   *
   * @return the counts
   */
  public static PathCounts pathCounts() {
    return new PathCounts(FAST_RUNS.sum(), GENERAL_RUNS.sum());
  }

  /**
   * As {@link #canonicalize(JsonObject, ContextLoader, CanonicalizationLimits, String, RdfQuadConsumer,
   * java.util.function.LongSupplier)} on the given path. The fast path applies the same bounds: when it passes the
   * node or statement bound it stops and the general path runs, and reports the bound as it always did.
   *
   * @param document the document
   * @param loader the context loader
   * @param limits the bounds
   * @param rdfcHash {@code SHA-256} or {@code SHA-384}
   * @param dataset receives the canonical quads, or null
   * @param nanoTime a monotonic nanosecond ticker
   * @param path the path
   * @return canonical N-Quads
   * @throws VcException as {@link #canonicalize(JsonObject, ContextLoader, CanonicalizationLimits)}
   */
  public static String canonicalize(JsonObject document, ContextLoader loader, CanonicalizationLimits limits,
      String rdfcHash, RdfQuadConsumer dataset, LongSupplier nanoTime, Path path)
      throws VcException {
    NQuadsSink.Text text = new NQuadsSink.Text(64);
    canonicalize(document, loader, limits, rdfcHash, dataset, nanoTime, path, text);
    return text.text();
  }

  /**
   * The {@code rdfcHash} digest of the canonical N-Quads of a document ({@code rdfcHash} also labels the blank
   * nodes), as {@code MessageDigest.getInstance(rdfcHash).digest(canonicalize(..).getBytes(UTF_8))} would give, with
   * the lines hashed as UTF-8 as they are written (the whole canonical text and its byte copy are never built on
   * the fast path). The same paths, bounds and errors as {@link #canonicalize(JsonObject, ContextLoader,
   * CanonicalizationLimits, String, RdfQuadConsumer)}.
   *
   * @param document the document
   * @param loader the context loader
   * @param limits the bounds
   * @param rdfcHash {@code SHA-256} or {@code SHA-384}
   * @param dataset receives the canonical quads, or null
   * @return the digest
   * @throws VcException as {@link #canonicalize(JsonObject, ContextLoader, CanonicalizationLimits)}
   */
  public static byte[] canonicalDigest(JsonObject document, ContextLoader loader, CanonicalizationLimits limits,
      String rdfcHash, RdfQuadConsumer dataset) throws VcException {
    NQuadsSink.Digest digest = new NQuadsSink.Digest(rdfcHash);
    canonicalize(document, loader, limits, rdfcHash, dataset, System::nanoTime, Path.AUTO, digest);
    return digest.digest();
  }

  private static void canonicalize(JsonObject document, ContextLoader loader, CanonicalizationLimits limits,
      String rdfcHash, RdfQuadConsumer dataset, LongSupplier nanoTime, Path path,
      NQuadsSink sink) throws VcException {
    Deadline deadline = Deadline.start(limits.maxTime(), nanoTime);
    checkInputBounds(document, limits);
    long max = limits.maxBlankNodeWork();
    long[] ticks = {0};
    RdfCanonTicker ticker = () -> {
      if (++ticks[0] > max) {
        throw new WorkExceeded("canonicalization (RDFC-1.0 blank-node labelling) exceeded " + max
            + " work steps (poison graph?)");
      }
      deadline.check("RDFC-1.0 canonicalization");
    };
    Processor p = processor(loader);
    LOADER_ERROR.remove();
    try {
      deadline.check("JSON-LD expansion (before it starts)");
      if (path != Path.GENERAL && !(generalOnly && path == Path.AUTO)) {
        ProofTemplate.Key templateKey = dataset == null ? ProofTemplate.key(document, rdfcHash) : null;
        if (templateKey != null) {
          String hit = p.templates.apply(templateKey, limits);
          if (hit != null) {
            FAST_RUNS.increment();
            TEMPLATE_RUNS.increment();
            sink.line(hit);
            return;
          }
        }
        FastRdf.Dataset fast = p.fastDataset(document, limits, deadline, path == Path.FAST);
        if (fast != null) {
          FAST_RUNS.increment();
          if (templateKey != null) {
            // a proof configuration: its text is learnt as the template of its shape
            String out = FastRdf.canonical(fast, rdfcHash, () -> Rdfc10.canon(rdfcHash, ticker), max, dataset,
                deadline);
            p.templates.learn(templateKey, out);
            sink.line(out);
          } else {
            FastRdf.canonical(fast, rdfcHash, () -> Rdfc10.canon(rdfcHash, ticker), max, dataset, deadline,
                sink);
          }
          return;
        }
      }
      GENERAL_RUNS.increment();
      Rdfc10.Canon canon = Rdfc10.canon(rdfcHash, ticker);
      JsonArray expanded = p.expand(document);
      deadline.check("JSON-LD expansion");
      requireNoRelativeReference(expanded);
      toRdf(p, expanded, counting(canon, limits.maxQuads(), deadline), limits, deadline);
      deadline.check("RDFC-1.0 canonicalization (before it starts)");
      StringWriter w = new StringWriter();
      NQuadsWriter writer = new NQuadsWriter(w);
      long[] written = {0};
      canon.provide((sub, pred, obj, dt, lang, dir, graph) -> {
        if ((++written[0] & 1023) == 0) {
          deadline.check("N-Quads writing");
        }
        writer.quad(sub, pred, obj, dt, lang, dir, graph);
        if (dataset != null) {
          dataset.quad(sub, pred, obj, dt, lang, dir, graph);
        }
        return null;
      });
      deadline.check("N-Quads writing");
      sink.line(w.toString());
    } catch (VcException e) {
      throw e;
    } catch (JsonLdError | RdfConsumerException | RuntimeException e) {
      throw failure(e);
    } finally {
      LOADER_ERROR.remove();
    }
  }

  /**
   * The RDF statements of a JSON-LD document, not canonicalized (blank-node labels are the conversion's own, and a
   * statement may be given twice): for readers that do not depend on labels, such as the agreement probe of a
   * verifier. The same input bounds, paths (the fast path when it covers the document, the general path otherwise)
   * and typed errors as {@link #canonicalize(JsonObject, ContextLoader, CanonicalizationLimits)}, without the
   * RDFC-1.0 work.
   *
   * @param document the document
   * @param loader the context loader
   * @param limits the bounds
   * @param consumer receives the statements
   * @throws VcException as {@link #canonicalize(JsonObject, ContextLoader, CanonicalizationLimits)}
   */
  public static void statements(JsonObject document, ContextLoader loader, CanonicalizationLimits limits,
      RdfQuadConsumer consumer) throws VcException {
    Deadline deadline = Deadline.start(limits.maxTime(), System::nanoTime);
    checkInputBounds(document, limits);
    Processor p = processor(loader);
    LOADER_ERROR.remove();
    try {
      deadline.check("JSON-LD expansion (before it starts)");
      if (!generalOnly) {
        FastRdf.Dataset fast = p.fastDataset(document, limits, deadline, false);
        if (fast != null) {
          FAST_RUNS.increment();
          for (FastRdf.Quad q : fast.quads()) {
            consumer.quad(q.subject(), q.predicate(), q.object(), q.datatype(), null, null, q.graph());
          }
          return;
        }
      }
      GENERAL_RUNS.increment();
      JsonArray expanded = p.expand(document);
      deadline.check("JSON-LD expansion");
      requireNoRelativeReference(expanded);
      toRdf(p, expanded, counting(consumer, limits.maxQuads(), deadline), limits, deadline);
    } catch (VcException e) {
      throw e;
    } catch (JsonLdError | RdfConsumerException | RuntimeException e) {
      throw failure(e);
    } finally {
      LOADER_ERROR.remove();
    }
  }

  /**
   * One bounded run of JSON-LD and RDF steps that share a deadline and the limits (the selective-disclosure suites
   * expand, compact, convert to RDF and canonicalize several documents for one proof). Every step fails with the
   * same typed errors as {@link #canonicalize(JsonObject, ContextLoader, CanonicalizationLimits, String)}.
   */
  public static final class Session {
    /** Feeds quads to a consumer (a dataset to canonicalize). */
    public interface QuadSource {
      /**
       * Hands every quad to {@code consumer}.
       *
       * @param consumer the consumer
       * @throws RdfConsumerException if the consumer fails
       */
      void feed(RdfQuadConsumer consumer) throws RdfConsumerException;
    }

    private final Processor processor;
    private final CanonicalizationLimits limits;
    private final Deadline deadline;

    private Session(ContextLoader loader, CanonicalizationLimits limits) {
      this.processor = processor(loader);
      this.limits = limits;
      this.deadline = Deadline.start(limits.maxTime(), System::nanoTime);
    }

    /**
     * Starts a session; its time budget ({@link CanonicalizationLimits#maxTime()}) starts now.
     *
     * @param loader the context loader
     * @param limits the bounds
     * @return the session
     */
    public static Session start(ContextLoader loader, CanonicalizationLimits limits) {
      return new Session(loader, limits);
    }

    /**
     * The bounds of this session.
     *
     * @return the limits
     */
    public CanonicalizationLimits limits() {
      return limits;
    }

    /**
     * Checks the time budget.
     *
     * @param stage the stage, for the message
     * @throws VcException {@link VcErrorCode#LIMIT_EXCEEDED} once the budget is spent
     */
    public void check(String stage) throws VcException {
      try {
        deadline.check(stage);
      } catch (Deadline.Exceeded e) {
        throw new VcException(VcErrorCode.LIMIT_EXCEEDED, e.getMessage());
      }
    }

    private interface Step<T> {
      T run() throws JsonLdError, VcException, RdfConsumerException;
    }

    private static <T> T run(Step<T> step) throws VcException {
      LOADER_ERROR.remove();
      try {
        return step.run();
      } catch (VcException e) {
        throw e;
      } catch (JsonLdError | RdfConsumerException | RuntimeException e) {
        if (e.getCause() instanceof VcException) {
          throw (VcException) e.getCause();
        }
        throw failure(e);
      } finally {
        LOADER_ERROR.remove();
      }
    }

    /**
     * JSON-LD expansion in safe mode with the size, array and nesting bounds checked first, refusing relative IRI
     * references (as {@link Canonicalizer#canonicalize} does).
     *
     * @param document the compact document
     * @return the expanded document
     * @throws VcException as {@link Canonicalizer#canonicalize}
     */
    public JsonArray expand(JsonObject document) throws VcException {
      checkInputBounds(document, limits);
      return run(() -> {
        deadline.check("JSON-LD expansion (before it starts)");
        JsonArray expanded = processor.expand(document);
        deadline.check("JSON-LD expansion");
        requireNoRelativeReference(expanded);
        return expanded;
      });
    }

    /**
     * JSON-LD compaction of an expanded document with a context (a URL or an array of URLs is processed once and
     * cached, as for expansion), the result carrying that {@code @context}.
     *
     * @param expanded the expanded document
     * @param context the {@code @context} value
     * @return the compact document
     * @throws VcException on a JSON-LD error or a context that is not pinned
     */
    public JsonObject compact(JsonArray expanded, JsonValue context) throws VcException {
      return run(() -> {
        deadline.check("JSON-LD compaction (before it starts)");
        ActiveContext active = processor.context(context);
        JsonValue c = Compaction.with(active).compactArrays(true).ordered(false)
            .compact(expanded);
        JsonObjectBuilder b = JsonSupport.PROVIDER.createObjectBuilder().add("@context", context);
        if (c.getValueType() == JsonValue.ValueType.ARRAY) {
          if (!c.asJsonArray().isEmpty()) {
            b.add(active.uriCompaction().vocab(true).compact("@graph"), c);
          }
        } else if (c.getValueType() == JsonValue.ValueType.OBJECT) {
          c.asJsonObject().forEach((k, v) -> {
            if (!"@context".equals(k)) {
              b.add(k, v);
            }
          });
        }
        deadline.check("JSON-LD compaction");
        return b.build();
      });
    }

    /**
     * JSON-LD to RDF of an expanded document, bounded in nodes and quads.
     *
     * @param expanded the expanded document
     * @param consumer receives the quads (blank nodes as {@code _:label})
     * @throws VcException as {@link Canonicalizer#canonicalize}
     */
    public void toRdf(JsonArray expanded, RdfQuadConsumer consumer) throws VcException {
      run(() -> {
        Canonicalizer.toRdf(processor, expanded, counting(consumer, limits.maxQuads(), deadline), limits,
            deadline);
        return null;
      });
    }

    /**
     * RDFC-1.0 of a dataset, bounded in blank-node work.
     *
     * @param source feeds the dataset's quads
     * @param rdfcHash {@code SHA-256} or {@code SHA-384}
     * @param canonical receives the canonical quads in canonical order (labels {@code _:c14n<n>})
     * @return the canonical identifier map: input blank-node label to canonical label, both without {@code _:}
     * @throws VcException {@link VcErrorCode#LIMIT_EXCEEDED} or {@link VcErrorCode#CANONICALIZATION_FAILED}
     */
    public Map<String, String> canonicalize(QuadSource source, String rdfcHash, RdfQuadConsumer canonical)
        throws VcException {
      return run(() -> {
        long max = limits.maxBlankNodeWork();
        long[] ticks = {0};
        RdfCanonTicker ticker = () -> {
          if (++ticks[0] > max) {
            throw new WorkExceeded("canonicalization (RDFC-1.0 blank-node labelling) exceeded " + max
                + " work steps (poison graph?)");
          }
          deadline.check("RDFC-1.0 canonicalization");
        };
        Rdfc10.Canon canon = Rdfc10.canon(rdfcHash, ticker);
        source.feed(counting(canon, limits.maxQuads(), deadline));
        deadline.check("RDFC-1.0 canonicalization (before it starts)");
        canon.provide(canonical);
        Map<String, String> out = new LinkedHashMap<>();
        canon.mapping().forEach((k, v) -> out.put(strip(k), strip(v)));
        return out;
      });
    }

    private static String strip(String label) {
      return label.startsWith("_:") ? label.substring(2) : label;
    }
  }
}
