package io.github.microcred.vc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.nquads.NQuadsReader;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The W3C RDFC-1.0 test suite ({@code w3c/rdf-canon} {@code tests/}, copied into {@code rdf-canon/}, source and
 * licence in the README there) run both ways: every evaluation test on titanium-rdfc and on microcred's own labelling
 * of datasets whose blank nodes all have distinct first-degree hashes ({@link FastRdf#distinctFirstDegree}), each
 * compared byte for byte with the suite's expected N-Quads. Where the own labelling declines (equal first-degree
 * hashes, a blank node twice in one statement, language-tagged literals its statements do not carry),
 * {@link FastRdf#canonical} hands the dataset to titanium-rdfc, so that answer is compared as well. When written:
 * 65 evaluation tests: 30 labelled by the own path (all equal to the suite's output), 32 declined by it (equal
 * first-degree hashes or a blank node twice in a statement), 2 with language tags, and the negative (poison graph)
 * test, which titanium-rdfc stops at the work bound and the own path declines. {@link Rdfc10} (the whole
 * algorithm, for the datasets titanium-rdfc labels otherwise than the specification) runs every evaluation test
 * (the poison graph stopped by the work bound) and the 21 identifier-map tests. The suite has no test that tells
 * a statement naming one blank node twice counted once from counted once per position: {@code RdfcDifferentialTest}
 * does.
 */
class RdfcVectorTest {
  private static final String ROOT = "rdf-canon/";
  /** The fewest vectors the own labelling must answer: all it answered when this test was written. */
  private static final int MIN_OWN = 30;

  private static final Map<String, AtomicInteger> COUNTS = new ConcurrentHashMap<>();

  private static void count(String what) {
    COUNTS.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
  }

  private static String resource(String path) throws Exception {
    try (InputStream in = RdfcVectorTest.class.getResourceAsStream(ROOT + path)) {
      assertNotNull(in, "missing test resource " + ROOT + path);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static Stream<Arguments> evaluationTests() throws Exception {
    JsonObject manifest = JsonSupport.PROVIDER.createReader(new StringReader(resource("manifest.jsonld")))
        .readObject();
    List<Arguments> out = new ArrayList<>();
    for (JsonValue v : manifest.getJsonArray("entries")) {
      JsonObject t = v.asJsonObject();
      String type = t.getString("type");
      if ("rdfc:RDFC10EvalTest".equals(type) || "rdfc:RDFC10NegativeEvalTest".equals(type)) {
        String alg = t.containsKey("hashAlgorithm") ? t.getString("hashAlgorithm") : "SHA256";
        out.add(Arguments.of(t.getString("id"), t.getString("action"),
            t.containsKey("result") ? t.getString("result") : null, "SHA384".equals(alg) ? "SHA-384" : "SHA-256"));
      }
    }
    return out.stream();
  }

  /** The input parsed: statements (a set, in input order), blank nodes, and whether any literal has a language. */
  private record Input(List<FastRdf.Quad> quads, int blankNodes, boolean languageTags) {}

  private static Input read(String nquads) throws Exception {
    Set<FastRdf.Quad> quads = new LinkedHashSet<>();
    Set<String> blanks = new HashSet<>();
    boolean[] language = {false};
    new NQuadsReader(new StringReader(nquads)).provide((s, p, o, dt, lang, dir, g) -> {
      if (lang != null || dir != null) {
        language[0] = true;
      }
      quads.add(new FastRdf.Quad(s, p, o, dt, g));
      for (String term : new String[] {s, dt == null ? o : null, g}) {
        if (term != null && term.startsWith("_:")) {
          blanks.add(term);
        }
      }
      return null;
    });
    return new Input(new ArrayList<>(quads), blanks.size(), language[0]);
  }

  private static String titanium(String nquads, String alg) throws Exception {
    RdfCanon canon = RdfCanon.create(alg, new WorkBound(100_000));
    new NQuadsReader(new StringReader(nquads)).provide(canon);
    StringWriter w = new StringWriter();
    canon.provide(new NQuadsWriter(w));
    return w.toString();
  }

  /** The ticker microcred gives titanium-rdfc: fails past {@code max} steps. */
  private static final class WorkBound implements com.apicatalog.rdf.canon.RdfCanonTicker {
    private final long max;
    private long ticks;

    WorkBound(long max) {
      this.max = max;
    }

    @Override
    public void tick() {
      if (++ticks > max) {
        throw new IllegalStateException("work bound " + max);
      }
    }
  }

  private static Deadline deadline() {
    return Deadline.start(Duration.ofSeconds(30), System::nanoTime);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("evaluationTests")
  void bothWaysGiveTheSuitesOutput(String id, String action, String result, String alg) throws Exception {
    String input = resource(action);
    count("evaluation tests");
    if (result == null) {
      // the negative test (a poison graph): titanium-rdfc must stop at the work bound; the own labelling declines
      assertThrows(IllegalStateException.class, () -> titanium(input, alg), id);
      Input in = read(input);
      assertEquals(null, FastRdf.distinctFirstDegree(new FastRdf.Dataset(in.quads(), in.blankNodes()), alg,
          100_000, null, deadline()), id + ": the own labelling answered a poison graph");
      count("negative: titanium-rdfc stops at the bound, own labelling declines");
      return;
    }
    String expected = resource(result);
    assertEquals(expected, titanium(input, alg), id + ": titanium-rdfc");
    Input in = read(input);
    if (in.languageTags()) {
      count("own labelling not run: language-tagged literals (fast-path statements carry none)");
      return;
    }
    FastRdf.Dataset d = new FastRdf.Dataset(in.quads(), in.blankNodes());
    String own = FastRdf.distinctFirstDegree(d, alg, 100_000, null, deadline());
    if (own != null) {
      assertEquals(expected, own, id + ": own labelling (distinct first-degree hashes)");
      count("own labelling answered, equal to the suite's output");
    } else {
      count("own labelling declined (equal first-degree hashes or a blank node twice in a statement)");
    }
    // what the fast path does with it: own labelling, the one-blank-node labelling, or titanium-rdfc
    String canonical = FastRdf.canonical(d, alg, () -> Rdfc10.canon(alg, new WorkBound(100_000)), 100_000,
        null, deadline());
    assertEquals(expected, canonical, id + ": FastRdf.canonical");
  }

  static Stream<Arguments> mapTests() throws Exception {
    JsonObject manifest = JsonSupport.PROVIDER.createReader(new StringReader(resource("manifest.jsonld")))
        .readObject();
    List<Arguments> out = new ArrayList<>();
    for (JsonValue v : manifest.getJsonArray("entries")) {
      JsonObject t = v.asJsonObject();
      if ("rdfc:RDFC10MapTest".equals(t.getString("type"))) {
        String alg = t.containsKey("hashAlgorithm") ? t.getString("hashAlgorithm") : "SHA256";
        out.add(Arguments.of(t.getString("id"), t.getString("action"), t.getString("result"),
            "SHA384".equals(alg) ? "SHA-384" : "SHA-256"));
      }
    }
    return out.stream();
  }

  private static List<Rdfc10.Quad> readAll(String nquads) throws Exception {
    List<Rdfc10.Quad> quads = new ArrayList<>();
    new NQuadsReader(new StringReader(nquads)).provide((s, p, o, dt, lang, dir, g) -> {
      quads.add(new Rdfc10.Quad(s, p, o, dt, lang, dir, g));
      return null;
    });
    return quads;
  }

  /**
   * microcred's whole RDFC-1.0 ({@link Rdfc10}, used where titanium-rdfc labels otherwise than the specification)
   * on every evaluation test, language tags included: the suite's output byte for byte, and the poison graph
   * stopped by the work bound.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("evaluationTests")
  void ownRdfc10GivesTheSuitesOutput(String id, String action, String result, String alg) throws Exception {
    List<Rdfc10.Quad> in = readAll(resource(action));
    if (result == null) {
      assertThrows(IllegalStateException.class, () -> Rdfc10.canonicalize(in, alg, new WorkBound(100_000)), id);
      return;
    }
    assertEquals(resource(result), String.join("", Rdfc10.canonicalize(in, alg, new WorkBound(100_000)).lines()),
        id + ": Rdfc10");
    count("Rdfc10 (whole RDFC-1.0): equal to the suite's output");
  }

  /** The suite's identifier-map tests on {@link Rdfc10}'s issued identifiers map. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("mapTests")
  void ownRdfc10IssuesTheSuitesIdentifiers(String id, String action, String result, String alg) throws Exception {
    JsonObject expected = JsonSupport.PROVIDER.createReader(new StringReader(resource(result))).readObject();
    Map<String, String> want = new TreeMap<>();
    expected.forEach((k, v) -> want.put(k, ((jakarta.json.JsonString) v).getString()));
    Map<String, String> got = new TreeMap<>();
    Rdfc10.canonicalize(readAll(resource(action)), alg, new WorkBound(100_000)).issued()
        .forEach((k, v) -> got.put(k.substring(2), v.substring(2)));
    assertEquals(want, got, id + ": Rdfc10 issued identifiers");
    count("Rdfc10 map tests: the suite's issued identifiers");
  }

  /** The quads handed to a dataset consumer are the canonical statements, in canonical order. */
  @Test
  void theDatasetConsumerGetsTheCanonicalStatementsInOrder() throws Exception {
    Input in = read(resource("rdfc10/test017-in.nq"));
    StringWriter handed = new StringWriter();
    NQuadsWriter w = new NQuadsWriter(handed);
    String own = FastRdf.distinctFirstDegree(new FastRdf.Dataset(in.quads(), in.blankNodes()), "SHA-256", 100_000,
        (s, p, o, dt, lang, dir, g) -> w.quad(s, p, o, dt, lang, dir, g), deadline());
    assertNotNull(own, "test017 has distinct first-degree hashes");
    assertEquals(resource("rdfc10/test017-rdfc10.nq"), own);
    assertEquals(own, handed.toString());
  }

  @AfterAll
  static void report() {
    System.out.println("RdfcVectorTest (w3c/rdf-canon RDFC-1.0):");
    new TreeMap<>(COUNTS).forEach((k, v) -> System.out.println("  " + v + "  " + k));
    AtomicInteger own = COUNTS.get("own labelling answered, equal to the suite's output");
    if (COUNTS.containsKey("evaluation tests") && COUNTS.get("evaluation tests").get() > 60) {
      assertTrue(own != null && own.get() >= MIN_OWN,
          "the own labelling answered fewer than " + MIN_OWN + " vectors: the comparison proves too little " + COUNTS);
    }
  }
}
