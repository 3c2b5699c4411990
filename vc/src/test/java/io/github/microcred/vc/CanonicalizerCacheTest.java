package io.github.microcred.vc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.internal.Canonicalizer;
import io.github.microcred.vc.internal.JsonSupport;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The canonicalizer reuses the active context of a top-level {@code @context} list (processing the OB3 context
 * tree dominates the cost). Oracle: titanium's own {@code JsonLd.expand} with a fresh processor per call must give
 * the same expanded document, for generated OB3 and CLR credentials and the published vectors; and the shared
 * cache must give correct answers under concurrent use.
 */
class CanonicalizerCacheTest {
  static final long SEED = 4_242L;
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);

  static JsonArray titaniumExpand(JsonObject doc) throws Exception {
    JsonLdOptions o = new JsonLdOptions((url, opts) -> {
      try {
        return JsonDocument.of(ContextLoader.pinned().load(url.toString()));
      } catch (VcException e) {
        throw new com.apicatalog.jsonld.JsonLdError(com.apicatalog.jsonld.JsonLdErrorCode.LOADING_DOCUMENT_FAILED,
            e.getMessage());
      }
    });
    o.setUndefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail);
    return JsonLd.expand(JsonDocument.of(doc)).options(o).get();
  }

  @Test
  void cachedExpansionEqualsFreshTitaniumExpansion() throws Exception {
    SplittableRandom r = new SplittableRandom(SEED);
    List<ObjectNode> docs = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      docs.add(Ob3Generator.badge(r, "did:example:issuer" + i).toJson());
    }
    docs.add(Ob3Generator.clr(r, "did:example:clr", List.of(docs.get(0), docs.get(1))).toJson());
    docs.add((ObjectNode) TestSupport.vector("ob3-eddsa-rdfc-2022.json").get("expected").get("signedCredential"));
    docs.add((ObjectNode) TestSupport.vector("clr2-eddsa-rdfc-2022.json").get("expected").get("signedCredential"));
    for (int i = 0; i < docs.size(); i++) {
      JsonObject doc = JsonSupport.toJsonP(docs.get(i)).asJsonObject();
      for (int round = 0; round < 2; round++) { // the second round hits the cache
        assertEquals(titaniumExpand(doc), Canonicalizer.expand(doc, ContextLoader.pinned()),
            "seed " + SEED + " document " + i + " round " + round);
      }
    }
  }

  @Test
  void sharedCacheIsCorrectUnderConcurrentUse() throws Exception {
    SplittableRandom r = new SplittableRandom(SEED + 1);
    List<ObjectNode> signed = new ArrayList<>();
    List<ObjectNode> tampered = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      KeyPair k = KeyPair.generate(i % 2 == 0 ? KeyType.ED25519 : KeyType.P256);
      ObjectNode s = Credentials.sign(Ob3Generator.badge(r, k.publicKey().didKey()).toJson(), k,
          Cryptosuite.forKey(k.type())).withClock(CLOCK).get();
      signed.add(s);
      ObjectNode t = s.deepCopy();
      ((ObjectNode) t.get("credentialSubject").get("achievement")).put("name", "changed " + i);
      tampered.add(t);
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        results.add(pool.submit(() -> {
          for (int round = 0; round < 3; round++) {
            for (int i = 0; i < signed.size(); i++) {
              if (!Credentials.verify(signed.get(i)).withClock(CLOCK).get().verified()) {
                return "signed #" + i + " rejected";
              }
              if (Credentials.verify(tampered.get(i)).withClock(CLOCK).get().verified()) {
                return "tampered #" + i + " accepted";
              }
            }
          }
          return "ok";
        }));
      }
      for (Future<String> f : results) {
        assertEquals("ok", f.get(), "seed " + (SEED + 1));
      }
    } finally {
      pool.shutdownNow();
    }
    assertTrue(signed.size() == 16);
  }
}
