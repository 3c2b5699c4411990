package io.github.microcred.vc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.internal.Canonicalizer;
import io.github.microcred.vc.internal.JsonSupport;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Oracle for the linear node map ({@code LinearNodeMap}) that replaces titanium's quadratic one: the canonical
 * N-Quads of every JSON-LD document in the spec vectors, of seeded OB3 / CLR credentials, and of a seeded corpus
 * exercising the node-map algorithm (lists of lists, duplicate values and references, blank-node ids reused across
 * the document, {@code @reverse}, {@code @graph}, {@code @included}, {@code @index}, typed, language and JSON
 * literals, numbers) are byte for byte those of titanium's own {@code ToRdfProcessor}; a document titanium refuses
 * is refused too.
 */
class LinearNodeMapOracleTest {
  private static final ContextLoader LOADER = TestSupport.loader();
  private static final String[] VECTORS = {"eddsa-rdfc-2022-vcdm2.json", "eddsa-rdfc-2022-vcdm2-employment.json",
    "ecdsa-rdfc-2019-p256-vcdm2.json", "ecdsa-rdfc-2019-p384-vcdm2.json", "ob3-eddsa-rdfc-2022.json",
    "clr2-eddsa-rdfc-2022.json", "proof-set-chain/unsigned.json", "proof-set-chain/signedProofSet1.json",
    "proof-set-chain/signedProofSet2.json", "proof-set-chain/signedProofChain1.json",
    "proof-set-chain/signedProofChain2.json", "proof-set-chain/proofChainTempDoc1.json",
    "proof-set-chain/proofChainTempDoc2.json"};

  /** Documents compared (canonicalized by both) and documents both refused. */
  private static final java.util.concurrent.atomic.AtomicInteger COMPARED = new java.util.concurrent.atomic.AtomicInteger();
  private static final java.util.concurrent.atomic.AtomicInteger REFUSED = new java.util.concurrent.atomic.AtomicInteger();

  @org.junit.jupiter.api.AfterAll
  static void mostDocumentsWereCompared() {
    System.out.println("LinearNodeMapOracleTest: " + COMPARED + " canonicalizations compared byte for byte, "
        + REFUSED + " refused by both");
    if (COMPARED.get() + REFUSED.get() > 0) { // (a single test method may have run)
      assertTrue(COMPARED.get() > 4 * REFUSED.get(), "the corpus must mostly consist of valid JSON-LD");
    }
  }

  private static void sameAsTitanium(JsonNode doc, String what) {
    JsonObject o = JsonSupport.toJsonP(doc).asJsonObject();
    for (String hash : List.of("SHA-256", "SHA-384")) {
      String expected;
      try {
        expected = Canonicalizer.canonicalizeWithTitanium(o, LOADER, hash);
      } catch (Exception e) {
        expected = null;
      }
      String actual;
      try {
        actual = Canonicalizer.canonicalize(o, LOADER, CanonicalizationLimits.DEFAULT, hash);
      } catch (VcException e) {
        actual = null;
        assertTrue(e.code() != VcErrorCode.LIMIT_EXCEEDED, what + ": " + e.getMessage());
      }
      if (expected == null) {
        // our pipeline adds a safe-mode check (relative IRIs) that titanium lacks, never the other way round
        assertEquals(null, actual, what + ": titanium refused it, we accepted it");
        REFUSED.incrementAndGet();
      } else {
        COMPARED.incrementAndGet();
        assertEquals(expected, actual, what + " (" + hash + ")\n" + doc);
      }
    }
  }

  /** Every object in the vector files that has its own {@code @context}, proofs included and removed. */
  static Stream<String> vectorDocuments() {
    List<String> out = new ArrayList<>();
    for (String f : VECTORS) {
      collect(TestSupport.vector(f), f + ":$", out);
    }
    return out.stream();
  }

  private static void collect(JsonNode n, String path, List<String> out) {
    if (n.isObject()) {
      if (n.has("@context")) {
        out.add(path + "\t" + n);
        if (n.has("proof")) {
          ObjectNode copy = ((ObjectNode) n).deepCopy();
          copy.remove("proof");
          out.add(path + " (no proof)\t" + copy);
        }
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator(); it.hasNext();) {
        Map.Entry<String, JsonNode> e = it.next();
        collect(e.getValue(), path + "." + e.getKey(), out);
      }
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        collect(n.get(i), path + "[" + i + "]", out);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("vectorDocuments")
  void specVectors(String entry) throws Exception {
    String[] parts = entry.split("\t", 2);
    sameAsTitanium(TestSupport.JSON.readTree(parts[1]), parts[0]);
  }

  @org.junit.jupiter.api.Test
  void theHashedDatasetIsHandedOutQuadByQuad() throws Exception {
    JsonNode v = TestSupport.vector("ob3-eddsa-rdfc-2022.json");
    JsonObject doc = JsonSupport.toJsonP(v.get("unsignedCredential")).asJsonObject();
    java.io.StringWriter w = new java.io.StringWriter();
    com.apicatalog.rdf.nquads.NQuadsWriter writer = new com.apicatalog.rdf.nquads.NQuadsWriter(w);
    List<String> subjects = new ArrayList<>();
    String nquads = Canonicalizer.canonicalize(doc, LOADER, CanonicalizationLimits.DEFAULT, "SHA-256",
        (s, p, o, dt, lang, dir, g) -> {
          subjects.add(s);
          return writer.quad(s, p, o, dt, lang, dir, g);
        });
    assertEquals(nquads, w.toString(), "the quads handed out are the canonical N-Quads that are hashed");
    assertEquals(nquads.split("\n").length, subjects.size());
    assertTrue(subjects.stream().anyMatch(x -> x.startsWith("_:c14n")), "canonical blank-node labels");
  }

  static LongStream seeds() {
    return LongStream.range(0, 100).map(i -> 0x0DDC_0000L + i);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void seededOpenBadgesAndClrs(long seed) throws Exception {
    SplittableRandom r = new SplittableRandom(seed);
    String issuer = "did:example:" + Ob3Generator.uuid(r);
    ObjectNode badge = (ObjectNode) TestSupport.JSON.readTree(Ob3Generator.badge(r, issuer).toJson().toString());
    sameAsTitanium(badge, "seed " + seed + " badge");
    ObjectNode clr = (ObjectNode) TestSupport.JSON.readTree(
        Ob3Generator.clr(r, issuer, List.of(badge)).toJson().toString());
    sameAsTitanium(clr, "seed " + seed + " clr");
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void seededNodeMapCorpus(long seed) {
    sameAsTitanium(new Corpus(new SplittableRandom(seed)).document(), "seed " + seed);
  }

  /** Random JSON-LD over an inline context whose terms reach every branch of node map generation. */
  private static final class Corpus {
    private static final String V = "https://example.org/v#";
    private final SplittableRandom r;

    Corpus(SplittableRandom r) {
      this.r = r;
    }

    ObjectNode document() {
      ObjectNode doc = TestSupport.JSON.createObjectNode();
      ObjectNode ctx = doc.putObject("@context");
      ctx.put("@vocab", V);
      ctx.putObject("list").put("@id", V + "list").put("@container", "@list");
      ctx.putObject("set").put("@id", V + "set").put("@container", "@set");
      ctx.putObject("ref").put("@id", V + "ref").put("@type", "@id");
      ctx.putObject("date").put("@id", V + "date").put("@type", "http://www.w3.org/2001/XMLSchema#dateTime");
      ctx.putObject("label").put("@id", V + "label").put("@language", "en");
      ctx.putObject("data").put("@id", V + "data").put("@type", "@json");
      ctx.putObject("parent").put("@reverse", V + "child");
      ctx.putObject("byIndex").put("@id", V + "byIndex").put("@container", "@index");
      ctx.putObject("inGraph").put("@id", V + "inGraph").put("@container", "@graph");
      node(doc, 0);
      if (r.nextInt(4) == 0) {
        ArrayNode inc = doc.putArray("@included");
        for (int i = r.nextInt(3); i >= 0; i--) {
          node(inc.addObject(), 2);
        }
      }
      return doc;
    }

    private String id() {
      int k = r.nextInt(4);
      return k == 0 ? "_:n" + r.nextInt(4) : "https://example.org/n/" + r.nextInt(6);
    }

    private void node(ObjectNode n, int depth) {
      if (r.nextInt(3) > 0) {
        n.put("@id", id());
      }
      if (r.nextBoolean()) {
        ArrayNode t = n.putArray("@type");
        for (int i = r.nextInt(3); i >= 0; i--) {
          t.add(r.nextInt(5) == 0 ? "_:t" + r.nextInt(2) : "T" + r.nextInt(3));
        }
      }
      for (int i = 1 + r.nextInt(4); i > 0; i--) {
        property(n, depth);
      }
    }

    private void property(ObjectNode n, int depth) {
      int k = r.nextInt(depth > 3 ? 6 : 11);
      switch (k) {
        case 0: values(n.putArray("p" + r.nextInt(3))); break;
        case 1: n.put("date", "2024-0" + (1 + r.nextInt(3)) + "-01T00:00:00Z"); break;
        case 2: n.put("label", "hello " + r.nextInt(3)); break;
        case 3: {
          ArrayNode refs = n.putArray("ref");
          for (int i = r.nextInt(4); i >= 0; i--) {
            refs.add(id());
          }
          break;
        }
        case 4: n.putObject("data").put("b", r.nextInt(3)).put("a", 1.50); break;
        case 5: values(n.putArray("set")); break;
        case 6: list(n.putArray("list"), depth); break;
        case 7: node(n.putObject("q" + r.nextInt(3)), depth + 1); break;
        case 8: node(n.putObject("parent"), depth + 1); break;
        case 9: {
          ObjectNode idx = n.putObject("byIndex");
          node(idx.putObject("i" + r.nextInt(3)), depth + 1);
          break;
        }
        default: {
          ArrayNode g = n.putArray("inGraph");
          node(g.addObject(), depth + 1);
          break;
        }
      }
    }

    private void values(ArrayNode a) {
      for (int i = r.nextInt(6); i >= 0; i--) {
        switch (r.nextInt(8)) {
          case 0: a.add(r.nextInt(3)); break;
          case 1: a.add(new java.math.BigDecimal(r.nextBoolean() ? "1.0" : "1.50")); break;
          case 2: a.add(r.nextBoolean()); break;
          case 3: a.addObject().put("@value", "v" + r.nextInt(2)).put("@language", r.nextBoolean() ? "de" : "fr");
            break;
          case 4: a.addObject().put("@value", "1").put("@type", "http://www.w3.org/2001/XMLSchema#integer"); break;
          case 5: a.add(new java.math.BigDecimal("1E+3")); break;
          default: a.add("s" + r.nextInt(3)); // repeats: duplicate values are kept once
        }
      }
    }

    private void list(ArrayNode a, int depth) {
      for (int i = r.nextInt(5); i >= 0; i--) {
        int k = r.nextInt(depth > 2 ? 2 : 4);
        if (k == 0) {
          a.add("s" + r.nextInt(2));
        } else if (k == 1) {
          a.add(r.nextInt(2));
        } else if (k == 2) {
          node(a.addObject(), depth + 1);
        } else {
          list(a.addObject().putArray("@list"), depth + 1);
        }
      }
    }
  }
}
