package io.github.microcred.vc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.microcred.vc.internal.Canonicalizer;
import io.github.microcred.vc.internal.DataIntegrity;
import io.github.microcred.vc.internal.JsonSupport;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proof configurations canonicalized from a template (the canonical N-Quads of an earlier configuration equal in
 * everything but {@code created}, with that literal replaced) are byte for byte those of the general path: seeded
 * configurations of every RDFC suite under the VC 2.0, OB 3.0 and Data Integrity contexts, with {@code created}
 * values of every length and form the template takes (fractions, offsets, odd but plain strings) and ones it must
 * not take, optional {@code challenge}/{@code domain}/{@code expires} (sometimes equal to {@code created}), a
 * context where {@code created} is a plain string or an IRI, and tighter limits after a template was learned. The
 * templates must have answered most calls (else this proves nothing).
 */
class ProofTemplateTest {
  private static final String V2 = "https://www.w3.org/ns/credentials/v2";
  private static final String OB3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
  private static final String DI = "https://w3id.org/security/data-integrity/v2";
  private static final String V1 = "https://www.w3.org/2018/credentials/v1";
  private static final String PLAIN = "https://example.org/microcred/test/plain-created/v1";
  private static final ContextLoader LOADER;

  static {
    byte[] ctx = ("{\"@context\": {\"id\": \"@id\", \"type\": \"@type\", \"Thing\": \"https://example.org/Thing\","
        + " \"created\": \"https://example.org/created\", \"ref\": {\"@id\": \"https://example.org/ref\","
        + " \"@type\": \"@id\"}}}").getBytes(StandardCharsets.UTF_8);
    try {
      LOADER = TestSupport.loader().withContext(PLAIN, ctx,
          HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(ctx)));
    } catch (Exception e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private static String created(SplittableRandom r) {
    switch (r.nextInt(8)) {
      case 0:
        return "2024-01-01T00:00:00Z";
      case 1:
        return String.format("20%02d-%02d-%02dT%02d:%02d:%02d.%dZ", r.nextInt(100), 1 + r.nextInt(12),
            1 + r.nextInt(28), r.nextInt(24), r.nextInt(60), r.nextInt(60), r.nextInt(1_000_000));
      case 2:
        return String.format("2025-%02d-%02dT12:00:00%c%02d:%02d", 1 + r.nextInt(12), 1 + r.nextInt(28),
            r.nextBoolean() ? '+' : '-', r.nextInt(15), r.nextInt(60));
      case 3: {
        // plain characters, not a dateTime at all: the template still takes them (JSON-LD does not check)
        String chars = "0123456789TZ:.+-";
        StringBuilder b = new StringBuilder();
        int n = 1 + r.nextInt(30);
        for (int i = 0; i < n; i++) {
          b.append(chars.charAt(r.nextInt(chars.length())));
        }
        return b.toString();
      }
      case 4:
        // not plain: canonicalized as before
        return r.nextBoolean() ? "2024-01-01 00:00:00" : "2024-01-01T00:00:00Z\u00e9\"\\";
      case 5:
        return "9".repeat(1 + r.nextInt(80)); // over 64 characters: no template
      default:
        return String.format("2024-%02d-%02dT%02d:00:00Z", 1 + r.nextInt(12), 1 + r.nextInt(28), r.nextInt(24));
    }
  }

  private static JsonObject config(SplittableRandom r) {
    String suite = r.nextBoolean() ? "eddsa-rdfc-2022" : "ecdsa-rdfc-2019";
    String c = created(r);
    JsonObjectBuilder o = JsonSupport.PROVIDER.createObjectBuilder().add("type", "DataIntegrityProof")
        .add("cryptosuite", suite).add("created", c)
        .add("verificationMethod", "did:example:issuer#key-" + r.nextInt(2))
        .add("proofPurpose", r.nextInt(4) == 0 ? "authentication" : "assertionMethod");
    if (r.nextInt(4) == 0) {
      o.add("challenge", "c-" + r.nextInt(2)).add("domain", "https://example.org");
    }
    if (r.nextInt(5) == 0) {
      o.add("expires", r.nextBoolean() ? c : "2030-01-01T00:00:00Z");
    }
    if (r.nextInt(8) == 0) {
      o.add("id", "urn:uuid:proof-" + r.nextInt(2));
    }
    JsonArrayBuilder ctx = JsonSupport.PROVIDER.createArrayBuilder();
    switch (r.nextInt(3)) {
      case 0:
        ctx.add(V2);
        break;
      case 1:
        ctx.add(V2).add(OB3);
        break;
      default:
        ctx.add(V1).add(DI);
        break;
    }
    return DataIntegrity.proofConfig(o.build(), ctx.build());
  }

  private static void same(JsonObject doc, CanonicalizationLimits limits, String what) {
    String general;
    VcException generalError = null;
    try {
      general = Canonicalizer.canonicalize(doc, LOADER, limits, "SHA-256", null, System::nanoTime,
          Canonicalizer.Path.GENERAL);
    } catch (VcException e) {
      general = null;
      generalError = e;
    }
    try {
      String auto = Canonicalizer.canonicalize(doc, LOADER, limits, "SHA-256", null, System::nanoTime,
          Canonicalizer.Path.AUTO);
      assertEquals(general, auto, what + "\n" + doc + (generalError == null ? "" : "\n" + generalError));
    } catch (VcException e) {
      assertTrue(generalError != null, what + ": AUTO refuses what GENERAL accepts: " + e + "\n" + doc);
      assertEquals(generalError.getMessage(), e.getMessage(), what);
    }
  }

  static LongStream seeds() {
    return LongStream.range(0, 8).map(i -> 0x7E3A_0000L + i);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void templatedConfigurationsAreByteForByteTheGeneralPaths(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    long before = Canonicalizer.templateRuns();
    for (int i = 0; i < 250; i++) {
      same(config(r), CanonicalizationLimits.DEFAULT, "seed " + seed + " #" + i);
    }
    long hits = Canonicalizer.templateRuns() - before;
    assertTrue(hits >= 100, "seed " + seed + ": only " + hits + " of 250 configurations came from a template");
  }

  @Test
  void aTighterLimitAfterATemplateWasLearnedIsStillEnforced() {
    SplittableRandom r = new SplittableRandom(1);
    JsonObject doc = config(r);
    JsonObjectBuilder b = JsonSupport.PROVIDER.createObjectBuilder(doc).add("created", "2024-02-02T00:00:00Z");
    same(doc, CanonicalizationLimits.DEFAULT, "learn");
    same(b.build(), CanonicalizationLimits.DEFAULT.withMaxQuads(2), "maxQuads 2");
    same(b.build(), CanonicalizationLimits.DEFAULT.withMaxNodes(1), "maxNodes 1");
    VcException e = assertThrows(VcException.class, () -> Canonicalizer.canonicalize(
        JsonSupport.PROVIDER.createObjectBuilder(doc).add("created", "2024-03-03T00:00:00Z").build(), LOADER,
        CanonicalizationLimits.DEFAULT.withMaxQuads(2), "SHA-256", null, System::nanoTime,
        Canonicalizer.Path.AUTO));
    assertEquals(VcErrorCode.LIMIT_EXCEEDED, e.code(), e.getMessage());
  }

  @Test
  void aCreatedThatIsAPlainStringOrAnIriIsNotTemplated() {
    for (String value : new String[] {"2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z", "2024-01-03T00:00:00Z"}) {
      JsonObject plain = JsonSupport.PROVIDER.createObjectBuilder().add("@context", PLAIN).add("type", "Thing")
          .add("created", value).add("ref", "https://example.org/x").build();
      long before = Canonicalizer.templateRuns();
      same(plain, CanonicalizationLimits.DEFAULT, "plain-string created " + value);
      assertEquals(before, Canonicalizer.templateRuns(), "a plain-string created is not templated");
    }
  }

  @Test
  void theProofOfASignedDocumentIsNotTemplatedAsIfItWereAConfiguration() {
    JsonObject withProof = JsonSupport.PROVIDER.createObjectBuilder().add("@context", PLAIN).add("type", "Thing")
        .add("created", "2024-01-01T00:00:00Z").add("proof", JsonValue.EMPTY_JSON_OBJECT).build();
    long before = Canonicalizer.templateRuns();
    same(withProof, CanonicalizationLimits.DEFAULT, "with proof");
    same(withProof, CanonicalizationLimits.DEFAULT, "with proof, again");
    assertEquals(before, Canonicalizer.templateRuns());
  }
}
