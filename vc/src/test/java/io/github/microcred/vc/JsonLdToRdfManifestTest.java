package io.github.microcred.vc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.apicatalog.rdf.nquads.NQuadsReader;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import io.github.microcred.vc.internal.Canonicalizer;
import io.github.microcred.vc.internal.JsonSupport;
import io.github.microcred.vc.internal.Rdfc10;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The W3C JSON-LD 1.1 toRdf test cases ({@code w3c/json-ld-api} {@code tests/toRdf-manifest.jsonld}, copied into
 * {@code jsonld-api/}, source and licence in the README there) run on both JSON-LD to RDF paths of
 * {@link Canonicalizer}: {@link Canonicalizer.Path#AUTO} (the compiled-context fast path where it covers the
 * document) must give byte for byte the canonical N-Quads of {@link Canonicalizer.Path#GENERAL}, or refuse the
 * document with the same code and message.
 *
 * <p>The fast path only takes documents whose top-level {@code @context} is a list of pinned URLs, so each case's
 * contexts are served as pinned documents: a context file of the suite at its W3C URL, an inline context object at a
 * URL next to the input (so relative references inside it resolve as before), no context as a pinned empty one.
 * An inline context with {@code @base} stays inline (a remote context's {@code @base} is ignored, so moving it would
 * change the case); such cases, like the ones the fast path declines for any other reason, still compare the AUTO
 * path (which then runs the general one) against the general path. Cases are skipped, with the reason counted, for
 * options {@link Canonicalizer} does not have (JSON-LD 1.0 processing, generalized RDF, {@code rdfDirection}, an
 * expand context) and inputs that are not one JSON object. microcred's processing is stricter than the suite's
 * (safe mode: undefined terms and relative IRI references are refused; no document base), so many positive cases
 * are refused by both paths alike; the cases both paths accept are also compared with the suite's expected output
 * (canonicalized with RDFC-1.0) and must equal it, and no negative case may be accepted. When written: 467 cases,
 * 101 on the fast path (byte-equal), 184 more accepted on the general path only, all 285 equal to the W3C output,
 * 137 refused by both alike (safe mode, unpinned remote contexts), 45 skipped (printed with their reasons).
 */
class JsonLdToRdfManifestTest {
  private static final String BASE = "https://w3c.github.io/json-ld-api/tests/";
  private static final String ROOT = "jsonld-api/tests/";
  /** The fewest cases the fast path must take: all it took when this test was written (see the report). */
  private static final int MIN_FAST = 101;

  private static final Map<String, AtomicInteger> COUNTS = new ConcurrentHashMap<>();

  private static void count(String what) {
    COUNTS.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
  }

  private static int counted(String what) {
    AtomicInteger n = COUNTS.get(what);
    return n == null ? 0 : n.get();
  }

  private static byte[] resource(String path) {
    try (InputStream in = JsonLdToRdfManifestTest.class.getResourceAsStream(path)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static Stream<Arguments> cases() throws Exception {
    JsonObject manifest = (JsonObject) JsonSupport.parseStructureChecked(resource(ROOT + "toRdf-manifest.jsonld"),
        "manifest");
    List<Arguments> out = new ArrayList<>();
    for (JsonValue v : manifest.getJsonArray("sequence")) {
      JsonObject t = v.asJsonObject();
      out.add(Arguments.of(t.getString("@id"), t));
    }
    return out.stream();
  }

  /** Why a case cannot be expressed as a call of {@link Canonicalizer}, or null. */
  private static String skipReason(JsonObject t) {
    JsonObject o = t.getJsonObject("option");
    if (o != null) {
      if ("json-ld-1.0".equals(o.getString("specVersion", null))) {
        return "JSON-LD 1.0 only";
      }
      if ("json-ld-1.0".equals(o.getString("processingMode", null))) {
        return "processingMode json-ld-1.0";
      }
      if (o.getBoolean("produceGeneralizedRdf", false)) {
        return "produceGeneralizedRdf";
      }
      if (o.containsKey("rdfDirection")) {
        return "rdfDirection";
      }
      if (o.containsKey("expandContext")) {
        return "expandContext";
      }
    }
    if (!t.getString("input").endsWith(".jsonld")) {
      return "input is not JSON-LD (HTML)";
    }
    return null;
  }

  /** A pinned URL for an inline context, next to the input so relative references resolve the same. */
  private static final class Rewrite {
    final Map<String, byte[]> pins = new TreeMap<>();
    final String inputUrl;
    boolean keptInline;
    boolean outside;

    Rewrite(String inputUrl) {
      this.inputUrl = inputUrl;
    }

    JsonValue context(JsonValue c) {
      switch (c.getValueType()) {
        case STRING: {
          String url = URI.create(inputUrl).resolve(((JsonString) c).getString()).toString();
          if (!url.startsWith(BASE) || resource(ROOT + url.substring(BASE.length())) == null) {
            outside = true;
          }
          return JsonSupport.PROVIDER.createValue(url);
        }
        case OBJECT: {
          if (c.asJsonObject().containsKey("@base")) {
            keptInline = true;
            return c;
          }
          String url = inputUrl + ".context-" + pins.size() + ".jsonld";
          pins.put(url, JsonSupport.PROVIDER.createObjectBuilder().add("@context", c).build().toString()
              .getBytes(StandardCharsets.UTF_8));
          return JsonSupport.PROVIDER.createValue(url);
        }
        case ARRAY: {
          JsonArrayBuilder b = JsonSupport.PROVIDER.createArrayBuilder();
          c.asJsonArray().forEach(x -> b.add(context(x)));
          return b.build();
        }
        default:
          keptInline = true;
          return c;
      }
    }

    JsonObject document(JsonObject in) {
      JsonObjectBuilder b = JsonSupport.PROVIDER.createObjectBuilder();
      JsonValue c = in.get("@context");
      b.add("@context", c == null ? context(JsonValue.EMPTY_JSON_OBJECT) : context(c));
      in.forEach((k, v) -> {
        if (!"@context".equals(k)) {
          b.add(k, v);
        }
      });
      return b.build();
    }
  }

  /** Every JSON-LD file of the suite, pinned at its W3C URL (remote contexts, and contexts those reference). */
  private static final ContextLoader SUITE;

  static {
    try {
      ContextLoader l = ContextLoader.pinned();
      String list = new String(resource(ROOT + "files.txt"), StandardCharsets.UTF_8);
      for (String f : list.split("\n")) {
        if (f.isBlank()) {
          continue;
        }
        byte[] b = resource(ROOT + f);
        try {
          l = l.withContext(BASE + f, b, sha256(b));
        } catch (VcException e) {
          // not a JSON document (a deliberately broken one of a negative case): left unpinned
        }
      }
      SUITE = l;
    } catch (Exception e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void bothPathsAgree(String id, JsonObject t) throws Exception {
    count("cases");
    String skip = skipReason(t);
    if (skip != null) {
      count("skipped: " + skip);
      return;
    }
    String input = t.getString("input");
    byte[] in = resource(ROOT + input);
    if (in == null) {
      count("skipped: input not in the suite's toRdf directory");
      return;
    }
    JsonStructure parsed;
    try {
      parsed = JsonSupport.parseStructureChecked(in, input);
    } catch (VcException e) {
      count("skipped: input is not strict JSON (" + e.code() + ")");
      return;
    }
    if (!(parsed instanceof JsonObject)) {
      count("skipped: top-level array (Canonicalizer takes one JSON object)");
      return;
    }
    Rewrite r = new Rewrite(BASE + input);
    JsonObject doc = r.document((JsonObject) parsed);
    if (r.outside) {
      count("skipped: a context outside the suite");
      return;
    }
    ContextLoader loader = SUITE;
    for (Map.Entry<String, byte[]> e : r.pins.entrySet()) {
      loader = loader.withContext(e.getKey(), e.getValue(), sha256(e.getValue()));
    }
    String general;
    VcException generalError = null;
    try {
      general = Canonicalizer.canonicalize(doc, loader, CanonicalizationLimits.DEFAULT, "SHA-256", null,
          System::nanoTime, Canonicalizer.Path.GENERAL);
    } catch (VcException e) {
      general = null;
      generalError = e;
    }
    long before = Canonicalizer.pathCounts().fast();
    String auto;
    try {
      auto = Canonicalizer.canonicalize(doc, loader, CanonicalizationLimits.DEFAULT, "SHA-256", null,
          System::nanoTime, Canonicalizer.Path.AUTO);
    } catch (VcException e) {
      if (generalError == null) {
        fail(id + ": the general path accepts it, AUTO refuses it: " + e.getMessage() + "\n" + doc);
      }
      assertEquals(generalError.code(), e.code(), id);
      assertEquals(generalError.getMessage(), e.getMessage(), id);
      count("refused by both paths alike (" + e.code() + ")");
      return;
    }
    boolean fast = Canonicalizer.pathCounts().fast() > before;
    if (generalError != null) {
      fail(id + ": the general path refuses it (" + generalError.getMessage() + "), AUTO accepts it\n" + doc);
    }
    assertEquals(general, auto, id + " (" + (fast ? "fast" : "general") + " path)\n" + doc);
    count(fast ? "accepted, fast path ran, byte-equal" : r.keptInline ? "accepted, inline context kept: general only"
        : "accepted, fast path declined: general only");
    List<String> types = new ArrayList<>();
    t.getJsonArray("@type").forEach(x -> types.add(((JsonString) x).getString()));
    if (types.contains("jld:NegativeEvaluationTest")) {
      fail(id + ": a negative case (" + t.getString("expectErrorCode") + ") accepted by both paths\n" + doc);
    } else if (t.containsKey("expect")) {
      String expected = canonical(new String(resource(ROOT + t.getString("expect")), StandardCharsets.UTF_8));
      assertEquals(expected, general, id + ": the W3C expected output (RDFC-1.0 of " + t.getString("expect") + ")");
      count("matches the W3C expected output");
    }
  }

  private static String canonical(String nquads) throws Exception {
    Rdfc10.Canon canon = Rdfc10.canon("SHA-256", () -> { });
    new NQuadsReader(new StringReader(nquads)).provide(canon);
    StringWriter w = new StringWriter();
    canon.provide(new NQuadsWriter(w));
    return w.toString();
  }

  @AfterAll
  static void report() {
    System.out.println("JsonLdToRdfManifestTest (w3c/json-ld-api toRdf):");
    new TreeMap<>(COUNTS).forEach((k, v) -> System.out.println("  " + v + "  " + k));
    if (counted("cases") > 0) {
      assertTrue(counted("accepted, fast path ran, byte-equal") >= MIN_FAST,
          "the fast path ran on fewer than " + MIN_FAST + " toRdf cases: the comparison proves too little " + COUNTS);
    }
  }
}
