package io.github.microcred.vc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.apicatalog.rdf.nquads.NQuadsWriter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.internal.Canonicalizer;
import io.github.microcred.vc.internal.DataIntegrity;
import io.github.microcred.vc.internal.JsonSupport;
import io.github.microcred.vc.internal.Rdfc10;
import io.github.microcred.vc.internal.verify.SignedGraph;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The compiled-context fast path ({@code FastRdf}) against the general titanium path: for every document, the
 * canonical N-Quads of {@link Canonicalizer.Path#AUTO} (the fast path where it applies, the general path otherwise)
 * are byte for byte those of {@link Canonicalizer.Path#GENERAL}, or both refuse the document with the same code and
 * message. The corpus: 20,000 seeded documents, a tenth in the shapes microcred generates (OB 3.0 badges, CLR 2.0,
 * plain VC 2.0 credentials with status, presentations embedding credentials, endorsements, and the proof
 * configurations of every suite) and the rest trap shapes under a test context pinned for them (unicode, numbers at
 * the edges of the integer/double rule, {@code @json}, {@code @list}, {@code @graph} containers, nested arrays,
 * reused blank-node identifiers, type- and property-scoped contexts with and without propagation, {@code @vocab}
 * and datatype coercion, and the features the fast path hands to the general path: language, value objects,
 * reverse properties, repeated statements, undefined terms, relative IRIs); plus every spec vector. The fast path
 * must have run for every generated credential shape and for most trap documents (else the comparison proves
 * nothing). The W3C JSON-LD 1.1 toRdf cases run on both paths in {@link JsonLdToRdfManifestTest}.
 */
class FastPathDifferentialTest {
  private static final String TRAPS = "https://example.org/microcred/test/traps/v1";
  private static final String V2 = "https://www.w3.org/ns/credentials/v2";
  private static final String TRAPS_CONTEXT = """
      {"@context": {"@version": 1.1, "id": {"@id": "@id", "@protected": true},
        "type": {"@id": "@type", "@protected": true},
        "tFixed": {"@id": "ex:fixed", "@protected": true},
        "Clash": {"@id": "ex:Clash", "@context": {"tFixed": "ex:other"}},
        "ex": "https://example.org/traps#", "xsd": "http://www.w3.org/2001/XMLSchema#",
        "Thing": {"@id": "ex:Thing", "@context": {"inner": {"@id": "ex:inner", "@type": "@id"},
          "innerName": "ex:innerName"}},
        "Box": {"@id": "ex:Box", "@context": {"@propagate": true, "deep": "ex:deep",
          "deepList": {"@id": "ex:deepList", "@container": "@list"}}},
        "Scoped": {"@id": "ex:Scoped", "@context": {"tName": {"@id": "ex:redefinedName"}}},
        "tName": "ex:name",
        "tData": {"@id": "ex:data", "@type": "@json"},
        "tSeq": {"@id": "ex:seq", "@container": "@list"},
        "tRefs": {"@id": "ex:refs", "@type": "@id", "@container": "@set"},
        "tKind": {"@id": "ex:kind", "@type": "@vocab"},
        "tWhen": {"@id": "ex:when", "@type": "xsd:dateTime"},
        "tRatio": {"@id": "ex:ratio", "@type": "xsd:double"},
        "tCount": {"@id": "ex:count", "@type": "xsd:integer"},
        "tNum": "ex:num",
        "tFlag": "ex:flag",
        "tChild": "ex:child",
        "tNone": {"@id": "ex:none", "@type": "@none"},
        "tG": {"@id": "ex:g", "@container": "@graph"},
        "tProp": {"@id": "ex:prop", "@context": {"propName": "ex:propName",
          "tFlag": {"@id": "ex:scopedFlag", "@type": "xsd:string"}}},
        "tLabel": {"@id": "ex:label", "@language": "en"},
        "tByLang": {"@id": "ex:byLang", "@container": "@language"},
        "tParent": {"@reverse": "ex:child"}
      }}""";
  private static final ContextLoader LOADER;

  static {
    try {
      byte[] ctx = TRAPS_CONTEXT.getBytes(StandardCharsets.UTF_8);
      LOADER = TestSupport.loader().withContext(TRAPS, ctx,
          HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(ctx)));
    } catch (Exception e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private static final AtomicLong COMPARED = new AtomicLong();
  private static final AtomicLong FAST = new AtomicLong();
  private static final AtomicLong REFUSED = new AtomicLong();
  private static final AtomicLong SHAPES = new AtomicLong();
  private static final AtomicLong SHAPES_FAST = new AtomicLong();

  private static final long DISTINCT_BEFORE = Canonicalizer.distinctFirstDegreeRuns();

  @AfterAll
  static void report() {
    System.out.println("FastPathDifferentialTest: " + COMPARED + " documents compared, " + FAST
        + " of them on the fast path, " + REFUSED + " refused by both paths alike; generated credential shapes "
        + SHAPES_FAST + "/" + SHAPES + " on the fast path; "
        + (Canonicalizer.distinctFirstDegreeRuns() - DISTINCT_BEFORE)
        + " fast canonicalizations labelled several blank nodes by distinct first-degree hashes");
  }

  /**
   * Compares the two paths on one document; returns whether the fast path ran.
   */
  private static boolean same(JsonObject doc, String what, String hash) {
    String general;
    VcException generalError = null;
    SignedGraph.Builder generalGraph = new SignedGraph.Builder();
    SignedGraph.Builder autoGraph = new SignedGraph.Builder();
    try {
      general = Canonicalizer.canonicalize(doc, LOADER, CanonicalizationLimits.DEFAULT, hash, generalGraph,
          System::nanoTime, Canonicalizer.Path.GENERAL);
    } catch (VcException e) {
      general = null;
      generalError = e;
    }
    long before = Canonicalizer.pathCounts().fast();
    String auto;
    try {
      auto = Canonicalizer.canonicalize(doc, LOADER, CanonicalizationLimits.DEFAULT, hash, autoGraph,
          System::nanoTime, Canonicalizer.Path.AUTO);
    } catch (VcException e) {
      if (generalError == null) {
        fail(what + ": the general path accepts it, AUTO refuses it: " + e.getMessage() + "\n" + doc);
      }
      assertEquals(generalError.code(), e.code(), what + "\n" + doc);
      assertEquals(generalError.getMessage(), e.getMessage(), what + "\n" + doc);
      REFUSED.incrementAndGet();
      return false;
    }
    boolean fast = Canonicalizer.pathCounts().fast() > before;
    if (generalError != null) {
      fail(what + ": the general path refuses it (" + generalError.getMessage() + "), AUTO ("
          + (fast ? "fast" : "general") + ") accepts it\n" + doc);
    }
    COMPARED.incrementAndGet();
    if (fast) {
      FAST.incrementAndGet();
    }
    assertEquals(general, auto, what + " (" + hash + ", " + (fast ? "fast" : "general") + " path)\n" + doc);
    // the verifier reads the signed graph from the canonical quads handed over, not from re-read N-Quads: the same
    SignedGraph parsed = SignedGraph.parse(general);
    assertTrue(parsed.sameStatements(generalGraph.build()), what + ": general path's quads\n" + doc);
    assertTrue(parsed.sameStatements(autoGraph.build()), what + ": AUTO path's quads\n" + doc);
    // the uncanonicalized statements (the verifier's agreement probe) are the same dataset
    assertEquals(general, canonicalStatements(doc, hash), what + ": Canonicalizer.statements\n" + doc);
    // what signers and verifiers hash: the lines hashed as they are written equal the hash of the text
    try {
      org.junit.jupiter.api.Assertions.assertArrayEquals(
          MessageDigest.getInstance(hash).digest(general.getBytes(StandardCharsets.UTF_8)),
          Canonicalizer.canonicalDigest(doc, LOADER, CanonicalizationLimits.DEFAULT, hash, null),
          what + ": Canonicalizer.canonicalDigest\n" + doc);
    } catch (VcException | java.security.NoSuchAlgorithmException e) {
      fail(what + ": canonicalDigest refused what canonicalize accepted: " + e + "\n" + doc);
    }
    return fast;
  }

  /** RDFC-1.0 of {@link Canonicalizer#statements}: equal to the canonical N-Quads when the dataset is the same. */
  private static String canonicalStatements(JsonObject doc, String hash) {
    try {
      // the RDFC-1.0 microcred uses (titanium-rdfc, or Rdfc10 where a statement names a blank node twice)
      Rdfc10.Canon canon = Rdfc10.canon(hash, () -> { });
      Canonicalizer.statements(doc, LOADER, CanonicalizationLimits.DEFAULT, canon);
      java.io.StringWriter w = new java.io.StringWriter();
      canon.provide(new NQuadsWriter(w));
      return w.toString();
    } catch (Exception e) {
      return "failed: " + e;
    }
  }

  static LongStream seeds() {
    return LongStream.range(0, 40).map(i -> 0xFA57_0000L + i);
  }

  /** 500 documents per seed: 50 generated credential shapes and proof configurations, 450 trap documents. */
  @ParameterizedTest
  @MethodSource("seeds")
  void seededCorpus(long seed) throws Exception {
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < 50; i++) {
      JsonObject doc = shape(r, i);
      String what = "seed " + seed + " shape " + i;
      SHAPES.incrementAndGet();
      if (same(doc, what, i % 10 == 9 ? "SHA-384" : "SHA-256")) {
        SHAPES_FAST.incrementAndGet();
      } else {
        fail(what + ": a generated credential shape did not take the fast path: " + fastPathRefusal(doc) + "\n"
            + doc);
      }
    }
    for (int i = 0; i < 450; i++) {
      same(new Traps(r).document(), "seed " + seed + " trap " + i, i % 10 == 9 ? "SHA-384" : "SHA-256");
    }
  }

  @AfterAll
  static void mostTrapDocumentsTookTheFastPath() {
    if (COMPARED.get() >= 10_000) {
      assertTrue(FAST.get() * 2 > COMPARED.get(), "the fast path ran for " + FAST + " of " + COMPARED);
    }
  }

  @ParameterizedTest
  @MethodSource("io.github.microcred.vc.LinearNodeMapOracleTest#vectorDocuments")
  void specVectors(String entry) throws Exception {
    String[] parts = entry.split("\t", 2);
    JsonObject o = JsonSupport.toJsonP(TestSupport.JSON.readTree(parts[1])).asJsonObject();
    same(o, parts[0], "SHA-256");
    same(o, parts[0], "SHA-384");
  }

  @Test
  void theVectorsUnsignedCredentialsTakeTheFastPath() throws Exception {
    for (String f : List.of("eddsa-rdfc-2022-vcdm2.json", "ob3-eddsa-rdfc-2022.json", "clr2-eddsa-rdfc-2022.json",
        "ecdsa-rdfc-2019-p256-vcdm2.json")) {
      JsonNode v = TestSupport.vector(f);
      JsonNode doc = v.get("unsignedCredential");
      JsonObject o = JsonSupport.toJsonP(doc).asJsonObject();
      assertTrue(same(o, f, "SHA-256"), f + " took the general path: " + fastPathRefusal(o));
    }
  }

  @Test
  void aForcedFastPathRefusesWhatItDoesNotCover() {
    JsonObject inline = JsonSupport.PROVIDER.createObjectBuilder()
        .add("@context", JsonSupport.PROVIDER.createObjectBuilder().add("@vocab", "https://example.org/v#"))
        .add("p", "x").build();
    VcException e = org.junit.jupiter.api.Assertions.assertThrows(VcException.class,
        () -> Canonicalizer.canonicalize(inline, LOADER, CanonicalizationLimits.DEFAULT, "SHA-256", null,
            System::nanoTime, Canonicalizer.Path.FAST));
    assertTrue(e.getMessage().contains("the fast path does not cover this document"), e.getMessage());
  }

  /** The node and statement bounds: the fast path yields to the general one, which reports them as before. */
  @Test
  void boundsAreTheGeneralPathsBounds() throws Exception {
    JsonObject doc = shape(new SplittableRandom(7), 0);
    String ok = Canonicalizer.canonicalize(doc, LOADER, CanonicalizationLimits.DEFAULT, "SHA-256");
    int quads = ok.split("\n").length;
    for (CanonicalizationLimits l : List.of(CanonicalizationLimits.DEFAULT.withMaxQuads(quads - 1),
        CanonicalizationLimits.DEFAULT.withMaxNodes(2), CanonicalizationLimits.DEFAULT.withMaxBlankNodeWork(3),
        CanonicalizationLimits.DEFAULT.withMaxDocumentBytes(100))) {
      String general = message(doc, l, Canonicalizer.Path.GENERAL);
      assertTrue(general.startsWith("LIMIT_EXCEEDED"), general);
      assertEquals(general, message(doc, l, Canonicalizer.Path.AUTO), l.toString());
    }
    // the exact bound is accepted by both
    CanonicalizationLimits exact = CanonicalizationLimits.DEFAULT.withMaxQuads(quads);
    assertEquals(ok, Canonicalizer.canonicalize(doc, LOADER, exact, "SHA-256"));
  }

  /**
   * The RDFC-1.0 work bound on datasets the fast path labels by distinct first-degree hashes (without titanium-rdfc):
   * for every bound from 1 up, AUTO gives what the general path gives, accepted or {@code LIMIT_EXCEEDED} alike.
   */
  @Test
  void theBlankNodeWorkBoundFailsWhereTheGeneralPathFails() throws Exception {
    SplittableRandom r = new SplittableRandom(0xB1A2);
    int docs = 0;
    for (int i = 0; i < 60 && docs < 4; i++) {
      JsonObject doc = shape(r, i);
      long before = Canonicalizer.distinctFirstDegreeRuns();
      message(doc, CanonicalizationLimits.DEFAULT, Canonicalizer.Path.AUTO);
      if (Canonicalizer.distinctFirstDegreeRuns() == before) {
        continue;
      }
      docs++;
      boolean refused = false;
      boolean accepted = false;
      for (int w = 1; w <= 300 && !accepted; w++) {
        CanonicalizationLimits l = CanonicalizationLimits.DEFAULT.withMaxBlankNodeWork(w);
        String general = message(doc, l, Canonicalizer.Path.GENERAL);
        assertEquals(general, message(doc, l, Canonicalizer.Path.AUTO), "shape " + i + ", work bound " + w);
        refused |= general.startsWith("LIMIT_EXCEEDED");
        accepted |= general.startsWith("accepted");
      }
      assertTrue(refused && accepted, "shape " + i + ": the sweep crossed the bound");
    }
    assertTrue(docs >= 2, "too few generated shapes took the distinct first-degree labelling: " + docs);
  }

  private static String fastPathRefusal(JsonObject doc) {
    return message(doc, CanonicalizationLimits.DEFAULT, Canonicalizer.Path.FAST);
  }

  private static String message(JsonObject doc, CanonicalizationLimits l, Canonicalizer.Path path) {
    try {
      return "accepted: " + Canonicalizer.canonicalize(doc, LOADER, l, "SHA-256", null, System::nanoTime, path);
    } catch (VcException e) {
      return e.code() + ": " + e.getMessage();
    }
  }

  // -------------------------------------------------------------------------------------- generated credential shapes

  private static JsonObject shape(SplittableRandom r, int i) throws Exception {
    String issuer = "did:example:" + Ob3Generator.uuid(r).substring(9);
    ObjectNode badge = (ObjectNode) TestSupport.JSON.readTree(Ob3Generator.badge(r, issuer).toJson().toString());
    JsonObject doc;
    switch (i % 6) {
      case 0:
        doc = JsonSupport.toJsonP(badge).asJsonObject();
        break;
      case 1: {
        ObjectNode clr = (ObjectNode) TestSupport.JSON.readTree(
            Ob3Generator.clr(r, issuer, List.of(badge)).toJson().toString());
        doc = JsonSupport.toJsonP(clr).asJsonObject();
        break;
      }
      case 2:
        doc = plainCredential(r, issuer);
        break;
      case 3:
        doc = presentation(r, issuer, badge);
        break;
      case 4:
        doc = endorsement(r, issuer);
        break;
      default: {
        JsonObject unsecured = JsonSupport.toJsonP(badge).asJsonObject();
        String[] suites = {"eddsa-rdfc-2022", "ecdsa-rdfc-2019", "eddsa-jcs-2022", "ecdsa-jcs-2019"};
        JsonObject options = JsonSupport.PROVIDER.createObjectBuilder().add("type", "DataIntegrityProof")
            .add("cryptosuite", suites[r.nextInt(suites.length)])
            .add("created", "2024-0" + (1 + r.nextInt(9)) + "-0" + (1 + r.nextInt(9)) + "T12:00:00Z")
            .add("verificationMethod", issuer + "#key-" + r.nextInt(3))
            .add("proofPurpose", r.nextInt(4) == 0 ? "authentication" : "assertionMethod").build();
        doc = DataIntegrity.proofConfig(options, unsecured.get("@context"));
        break;
      }
    }
    return doc;
  }

  private static JsonObject plainCredential(SplittableRandom r, String issuer) {
    JsonObjectBuilder subject = JsonSupport.PROVIDER.createObjectBuilder()
        .add("id", "did:example:learner" + r.nextInt(100));
    if (r.nextBoolean()) {
      subject.add("name", Ob3Generator.text(r));
    }
    JsonObjectBuilder c = JsonSupport.PROVIDER.createObjectBuilder()
        .add("@context", JsonSupport.PROVIDER.createArrayBuilder().add(V2))
        .add("id", Ob3Generator.uuid(r))
        .add("type", JsonSupport.PROVIDER.createArrayBuilder().add("VerifiableCredential"))
        .add("issuer", r.nextBoolean() ? JsonSupport.PROVIDER.createValue(issuer)
            : JsonSupport.PROVIDER.createObjectBuilder().add("id", issuer).add("name", Ob3Generator.text(r)).build())
        .add("validFrom", "2024-01-0" + (1 + r.nextInt(9)) + "T00:00:00Z")
        .add("credentialSubject", subject);
    if (r.nextBoolean()) {
      c.add("validUntil", "2030-01-01T00:00:00Z");
    }
    if (r.nextBoolean()) {
      c.add("credentialStatus", JsonSupport.PROVIDER.createObjectBuilder()
          .add("id", "https://example.edu/status/1#" + r.nextInt(100000))
          .add("type", "BitstringStatusListEntry").add("statusPurpose", r.nextBoolean() ? "revocation" : "suspension")
          .add("statusListIndex", String.valueOf(r.nextInt(100000)))
          .add("statusListCredential", "https://example.edu/status/1"));
    }
    if (r.nextBoolean()) {
      c.add("name", Ob3Generator.text(r)).add("description", Ob3Generator.text(r));
    }
    return c.build();
  }

  private static JsonObject presentation(SplittableRandom r, String holder, ObjectNode badge) {
    JsonArrayBuilder creds = JsonSupport.PROVIDER.createArrayBuilder().add(JsonSupport.toJsonP(badge));
    if (r.nextBoolean()) {
      creds.add(plainCredential(r, holder));
    }
    JsonObjectBuilder vp = JsonSupport.PROVIDER.createObjectBuilder()
        .add("@context", JsonSupport.PROVIDER.createArrayBuilder().add(V2))
        .add("type", "VerifiablePresentation").add("verifiableCredential", creds);
    if (r.nextBoolean()) {
      vp.add("holder", holder).add("id", Ob3Generator.uuid(r));
    }
    return vp.build();
  }

  private static JsonObject endorsement(SplittableRandom r, String issuer) {
    return JsonSupport.PROVIDER.createObjectBuilder()
        .add("@context", JsonSupport.PROVIDER.createArrayBuilder().add(V2)
            .add("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"))
        .add("id", Ob3Generator.uuid(r))
        .add("type", JsonSupport.PROVIDER.createArrayBuilder().add("VerifiableCredential").add("EndorsementCredential"))
        .add("issuer", JsonSupport.PROVIDER.createObjectBuilder().add("id", issuer)
            .add("type", JsonSupport.PROVIDER.createArrayBuilder().add("Profile")).add("name", Ob3Generator.text(r)))
        .add("validFrom", "2024-02-01T00:00:00Z")
        .add("name", Ob3Generator.text(r))
        .add("credentialSubject", JsonSupport.PROVIDER.createObjectBuilder()
            .add("id", "https://example.edu/achievements/" + r.nextInt(1000))
            .add("type", JsonSupport.PROVIDER.createArrayBuilder().add("EndorsementSubject"))
            .add("endorsementComment", Ob3Generator.text(r)))
        .build();
  }

  // ------------------------------------------------------------------------------------------------- trap shapes

  /** Random documents under the trap context (and sometimes VC 2.0 before it). */
  private static final class Traps {
    private static final String[] STRINGS = {"plain", "", " ", "é", "e\u0301", "日本語", "🎓", "\uD83D\uDE00x",
      "line\nbreak", "tab\t", "cr\r", "quote\"", "back\\slash", "\u2028sep\u2029", "\u0001ctl\u001f", "\u007f",
      "\uFFFD", "\uFEFFbom", "<tag>", "_:notblank", "ex:compact", "https://example.org/iri"};
    private static final String[] NUMBERS = {"0", "-0", "1", "-1", "42", "9007199254740993",
      "123456789012345678901", "999999999999999999999", "1000000000000000000000", "-1000000000000000000000",
      "1.0", "1.5", "0.1", "-2.5E-7", "1E+3", "1e21", "1E-400", "3.141592653589793238", "1.7976931348623157E308",
      "4.9E-324", "100.00", "5e0", "0.000001"};
    private final SplittableRandom r;
    private int budget = 40;

    Traps(SplittableRandom r) {
      this.r = r;
    }

    JsonObject document() {
      JsonObjectBuilder doc = JsonSupport.PROVIDER.createObjectBuilder();
      int c = r.nextInt(10);
      if (c < 6) {
        doc.add("@context", TRAPS);
      } else if (c < 9) {
        doc.add("@context", JsonSupport.PROVIDER.createArrayBuilder().add(V2).add(TRAPS));
      } else {
        doc.add("@context", JsonSupport.PROVIDER.createArrayBuilder().add(TRAPS).add(V2)); // V2 redefines id/type: fine
      }
      node(doc, 0, false);
      return doc.build();
    }

    private String id() {
      switch (r.nextInt(12)) {
        case 0: case 1: return "_:b" + r.nextInt(4);
        case 2: return "urn:uuid:0000000" + r.nextInt(3) + "-0000-4000-8000-000000000000";
        case 3: return "did:example:" + r.nextInt(5);
        case 4: return "ex:n" + r.nextInt(4);
        case 5: return r.nextInt(20) == 0 ? "relative/" + r.nextInt(3) : "https://example.org/n/" + r.nextInt(6);
        case 6: return r.nextInt(20) == 0 ? "http://exa mple.org/space" : "https://example.org/n/" + r.nextInt(6);
        default: return "https://example.org/n/" + r.nextInt(8);
      }
    }

    private JsonValue string() {
      return JsonSupport.PROVIDER.createValue(STRINGS[r.nextInt(STRINGS.length)]);
    }

    private JsonValue number() {
      String n = NUMBERS[r.nextInt(NUMBERS.length)];
      switch (r.nextInt(3)) {
        case 0: return JsonSupport.PROVIDER.createValue(new BigDecimal(n));
        case 1: return r.nextBoolean() ? JsonSupport.PROVIDER.createValue(r.nextInt(-1000, 1000))
            : JsonSupport.PROVIDER.createValue(new BigInteger("1" + "0".repeat(r.nextInt(25))));
        default: return JsonSupport.PROVIDER.createValue(r.nextDouble() * Math.pow(10, r.nextInt(-8, 25)));
      }
    }

    private JsonValue scalar() {
      switch (r.nextInt(5)) {
        case 0: return number();
        case 1: return r.nextBoolean() ? JsonValue.TRUE : JsonValue.FALSE;
        case 2: return r.nextInt(8) == 0 ? JsonValue.NULL : string();
        default: return string();
      }
    }

    private JsonValue json(int depth) {
      switch (depth > 2 ? r.nextInt(3) : r.nextInt(6)) {
        case 0: return scalar();
        case 1: return number();
        case 2: return r.nextInt(4) == 0 ? JsonValue.NULL : string();
        case 3: {
          JsonObjectBuilder o = JsonSupport.PROVIDER.createObjectBuilder();
          for (int i = r.nextInt(4); i > 0; i--) {
            o.add(new String[] {"b", "a", "é", "10", "1", "\u20ac", "@id", "type"}[r.nextInt(8)], json(depth + 1));
          }
          return o.build();
        }
        default: {
          JsonArrayBuilder a = JsonSupport.PROVIDER.createArrayBuilder();
          for (int i = r.nextInt(4); i > 0; i--) {
            a.add(json(depth + 1));
          }
          return a.build();
        }
      }
    }

    private JsonValue types(boolean scopedOk) {
      String[] pool = scopedOk ? new String[] {"Thing", "Box", "Scoped", "ex:Other", "https://example.org/T", "Thing",
        "Box", "Scoped", "ex:Other", "https://example.org/T", "Clash"}
          : new String[] {"ex:Other", "https://example.org/T", "Box"};
      if (r.nextBoolean()) {
        return JsonSupport.PROVIDER.createValue(pool[r.nextInt(pool.length)]);
      }
      JsonArrayBuilder a = JsonSupport.PROVIDER.createArrayBuilder();
      for (int i = r.nextInt(3); i >= 0; i--) {
        a.add(pool[r.nextInt(pool.length)]);
      }
      return a.build();
    }

    private void node(JsonObjectBuilder n, int depth, boolean thing) {
      budget--;
      if (r.nextInt(3) > 0) {
        n.add(r.nextInt(8) == 0 ? "@id" : "id", id());
      }
      boolean typed = r.nextBoolean();
      if (typed) {
        JsonValue t = types(true);
        n.add(r.nextInt(8) == 0 ? "@type" : "type", t);
        thing = t.toString().contains("\"Thing\"");
      } else {
        thing = false;
      }
      for (int i = 1 + r.nextInt(4); i > 0; i--) {
        property(n, depth, thing);
      }
    }

    private JsonObject child(int depth) {
      JsonObjectBuilder o = JsonSupport.PROVIDER.createObjectBuilder();
      if (budget <= 0 || depth > 4) {
        o.add("id", id());
        if (r.nextBoolean()) {
          o.add("tName", string());
        }
      } else {
        node(o, depth + 1, false);
      }
      return o.build();
    }

    private JsonValue nested(int depth) {
      // nested arrays are flattened outside lists
      JsonArrayBuilder a = JsonSupport.PROVIDER.createArrayBuilder();
      for (int i = r.nextInt(3); i >= 0; i--) {
        int k = r.nextInt(4);
        if (k == 0) {
          a.add(JsonSupport.PROVIDER.createArrayBuilder().add(child(depth)).add(string()));
        } else if (k == 1) {
          a.add(JsonValue.NULL);
        } else {
          a.add(child(depth));
        }
      }
      return a.build();
    }

    private void property(JsonObjectBuilder n, int depth, boolean thing) {
      int k = r.nextInt(depth > 3 ? 12 : 27);
      switch (k) {
        case 0: n.add(r.nextInt(8) == 0 ? "tFixed" : "tName", string()); break;
        case 1: n.add("tNum", number()); break;
        case 2: n.add("tFlag", r.nextBoolean() ? JsonValue.TRUE : JsonValue.FALSE); break;
        case 3: n.add("tData", json(0)); break;
        case 4: n.add("tWhen", r.nextInt(5) == 0 ? number() : JsonSupport.PROVIDER.createValue(
            "2024-0" + (1 + r.nextInt(9)) + "-01T00:00:00Z")); break;
        case 5: n.add("tRatio", r.nextBoolean() ? number() : string()); break;
        case 6: n.add("tCount", r.nextBoolean() ? number() : string()); break;
        case 7: {
          JsonArrayBuilder a = JsonSupport.PROVIDER.createArrayBuilder();
          for (int i = r.nextInt(4); i >= 0; i--) {
            a.add(r.nextInt(10) == 0 ? number() : JsonSupport.PROVIDER.createValue(id()));
          }
          n.add("tRefs", r.nextInt(4) == 0 ? JsonSupport.PROVIDER.createValue(id()) : a.build());
          break;
        }
        case 8: n.add("tKind", r.nextInt(6) == 0 ? number() : JsonSupport.PROVIDER.createValue(
            new String[] {"Thing", "Box", "ex:Other", "https://example.org/k", "tName", "unknownTerm"}[r.nextInt(6)]));
          break;
        case 9: n.add("tNone", scalar()); break;
        case 10: n.add("tFlag", JsonValue.NULL); break;
        case 11: n.add("tName", JsonSupport.PROVIDER.createArrayBuilder().add(string()).add(scalar())); break;
        case 12: case 13: n.add("tChild", r.nextBoolean() ? child(depth) : nested(depth)); break;
        case 14: case 15: {
          JsonArrayBuilder a = JsonSupport.PROVIDER.createArrayBuilder();
          for (int i = r.nextInt(5); i > 0; i--) {
            int j = r.nextInt(12);
            if (j == 0) {
              a.add(JsonValue.NULL);
            } else if (j < 4) {
              a.add(child(depth));
            } else if (j == 4 && r.nextInt(3) == 0) {
              a.add(JsonSupport.PROVIDER.createArrayBuilder().add(string())); // a list of lists: general path
            } else {
              a.add(scalar());
            }
          }
          n.add("tSeq", r.nextInt(6) == 0 ? scalar() : a.build());
          break;
        }
        case 16: n.add("tG", r.nextInt(3) == 0 ? nested(depth) : child(depth)); break;
        case 17: {
          JsonObjectBuilder o = JsonSupport.PROVIDER.createObjectBuilder().add("propName", string());
          if (r.nextBoolean()) {
            o.add("tFlag", scalar());
          }
          if (r.nextBoolean()) {
            o.add("tName", string());
          }
          n.add("tProp", r.nextInt(4) == 0 ? JsonSupport.PROVIDER.createValue("scalar under a scoped term")
              : o.build());
          break;
        }
        case 18: {
          // type-scoped terms: defined on a Thing; on others (or nested, where Thing's scope has reverted) undefined
          n.add(r.nextInt(4) == 0 ? "innerName" : "inner", thing || r.nextInt(8) == 0 ? JsonSupport.PROVIDER
              .createValue(id()) : JsonSupport.PROVIDER.createValue("x"));
          if (!thing && r.nextInt(4) > 0) {
            n.add("type", "Thing");
          }
          break;
        }
        case 19: {
          // Box's context propagates: deep is defined in nested nodes of a Box
          JsonObjectBuilder o = JsonSupport.PROVIDER.createObjectBuilder().add("deep", string());
          if (r.nextBoolean()) {
            o.add("deepList", JsonSupport.PROVIDER.createArrayBuilder().add(scalar()).add(scalar()));
          }
          n.add("tChild", JsonSupport.PROVIDER.createObjectBuilder().add("type", "Box")
              .add("tChild", o).add("deep", number()));
          break;
        }
        case 20: n.add("tChild", JsonSupport.PROVIDER.createObjectBuilder().add("type", "Scoped")
            .add("tName", string())); break;
        case 21: n.add("tChild", JsonSupport.PROVIDER.createObjectBuilder()); break;
        case 22: n.add("tRefs", JsonSupport.PROVIDER.createArrayBuilder()); break;
        case 23: n.add("tSeq", JsonSupport.PROVIDER.createArrayBuilder()); break;
        case 24: {
          // the general path's own: language, value objects, reverse, language maps, undefined terms, repeats
          switch (r.nextInt(8)) {
            case 0: n.add("tLabel", string()); break;
            case 1: n.add("tNum", JsonSupport.PROVIDER.createObjectBuilder().add("@value", "v")
                .add("@language", "de")); break;
            case 2: n.add("tParent", child(depth)); break;
            case 3: n.add("tByLang", JsonSupport.PROVIDER.createObjectBuilder().add("en", "x").add("fr", "y")); break;
            case 4: n.add("undefinedTerm", string()); break;
            case 5: n.add("https://example.org/absolute-key", string()); break;
            case 6: n.add("tRefs", JsonSupport.PROVIDER.createArrayBuilder().add("https://example.org/same")
                .add("https://example.org/same")); break;
            default: n.add("tChild", JsonSupport.PROVIDER.createObjectBuilder()
                .add("@context", JsonSupport.PROVIDER.createObjectBuilder().add("loc", "ex:loc")).add("loc", "x"));
          }
          break;
        }
        default: n.add("tChild", child(depth)); break;
      }
    }
  }
}
