package io.github.microcred.vc.sdjwt;

import static io.github.microcred.vc.sdjwt.SdJwtFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.internal.sdjwt.SdJwtCodec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded oracle: for random documents, random disclosable claims (members and array elements, nested, so recursive
 * Disclosures occur), random decoys and random revealed pointers, the verified claims equal the document with every
 * disclosable claim that was not revealed (nor contains or lies inside a revealed one) cut out, computed directly.
 */
class SdJwtOracleTest {
  private static final String[] KEYS = {"a", "b", "c", "d~x", "e/f"};

  static LongStream seeds() {
    return LongStream.range(0, 60).map(i -> 0x0bad5eedL + i);
  }

  private static JsonNode value(SplittableRandom r, int depth) {
    int k = depth >= 3 ? 0 : r.nextInt(4);
    if (k == 1) {
      ObjectNode o = JSON.createObjectNode();
      for (int i = r.nextInt(4); i > 0; i--) {
        o.set(KEYS[r.nextInt(KEYS.length)], value(r, depth + 1));
      }
      return o;
    }
    if (k == 2) {
      ArrayNode a = JSON.createArrayNode();
      for (int i = r.nextInt(4); i > 0; i--) {
        a.add(value(r, depth + 1));
      }
      return a;
    }
    return r.nextBoolean() ? JSON.getNodeFactory().textNode("v" + r.nextInt(100))
        : JSON.getNodeFactory().numberNode(r.nextInt(1000));
  }

  private static void pointers(JsonNode n, String path, List<String> out) {
    if (n.isObject()) {
      n.fields().forEachRemaining(f -> {
        String p = path + "/" + SdJwtCodec.escape(f.getKey());
        out.add(p);
        pointers(f.getValue(), p, out);
      });
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        out.add(path + "/" + i);
        pointers(n.get(i), path + "/" + i, out);
      }
    }
  }

  private static boolean revealed(String p, Set<String> reveal) {
    for (String q : reveal) {
      if (SdJwtCodec.ancestorOrSelf(p, q) || SdJwtCodec.ancestorOrSelf(q, p)) {
        return true;
      }
    }
    return false;
  }

  /** The oracle: cut out the hidden disclosable claims. */
  private static JsonNode expected(JsonNode n, String path, Set<String> sd, Set<String> reveal) {
    if (n.isObject()) {
      ObjectNode o = JSON.createObjectNode();
      n.fields().forEachRemaining(f -> {
        String p = path + "/" + SdJwtCodec.escape(f.getKey());
        if (!sd.contains(p) || revealed(p, reveal)) {
          o.set(f.getKey(), expected(f.getValue(), p, sd, reveal));
        }
      });
      return o;
    }
    if (n.isArray()) {
      ArrayNode a = JSON.createArrayNode();
      for (int i = 0; i < n.size(); i++) {
        String p = path + "/" + i;
        if (!sd.contains(p) || revealed(p, reveal)) {
          a.add(expected(n.get(i), p, sd, reveal));
        }
      }
      return a;
    }
    return n;
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void verifiedClaimsEqualTheOracle(long seed) throws Exception {
    SplittableRandom r = new SplittableRandom(seed);
    ObjectNode doc = JSON.createObjectNode();
    for (String k : KEYS) {
      if (r.nextBoolean()) {
        doc.set(k, value(r, 1));
      }
    }
    List<String> all = new ArrayList<>();
    pointers(doc, "", all);
    doc.put("issuer", ISSUER.publicKey().didKey());
    Set<String> sd = new LinkedHashSet<>();
    Set<String> reveal = new LinkedHashSet<>();
    for (String p : all) {
      if (r.nextInt(3) > 0) {
        sd.add(p);
      }
      if (r.nextInt(4) == 0) {
        reveal.add(p);
      }
    }
    String sdJwt = SdJwt.issue(doc, ISSUER).withVct("urn:example:oracle").withDisclosable(new ArrayList<>(sd))
        .withDecoys(r.nextInt(3)).withHolderKey(HOLDER.publicKey()).withClock(CLOCK).get();
    SdJwtVerification v = verify(SdJwt.present(sdJwt).withRevealed(new ArrayList<>(reveal))
        .withKeyBinding(HOLDER, NONCE, AUD).withClock(CLOCK).get());
    String where = "seed " + seed + ", disclosable " + sd + ", revealed " + reveal + ", document " + doc;
    assertTrue(v.verified(), where + ": " + v.result());
    ObjectNode claims = v.claims().orElseThrow();
    for (String k : List.of("iss", "iat", "vct", "cnf")) {
      assertNotNull(claims.remove(k), where);
    }
    assertEquals(expected(doc, "", sd, reveal), claims, where);
    // and with everything revealed, the document itself
    SdJwtVerification full = SdJwt.verify(sdJwt).withClock(CLOCK).withoutKeyBinding().get();
    ObjectNode fullClaims = full.claims().orElseThrow();
    for (String k : List.of("iss", "iat", "vct", "cnf")) {
      fullClaims.remove(k);
    }
    assertEquals(doc, fullClaims, where);
  }
}
