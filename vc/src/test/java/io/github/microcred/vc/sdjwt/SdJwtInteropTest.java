package io.github.microcred.vc.sdjwt;

import static io.github.microcred.vc.sdjwt.SdJwtFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.internal.sdjwt.CompactJws;
import io.github.microcred.vc.testing.Peers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * microcred's SD-JWT VC ↔ the OpenWallet Foundation's {@code @sd-jwt/sd-jwt-vc} (interop/sdjwt), both ways: the JS
 * library verifies what microcred issues and presents, microcred verifies what the library issues and presents.
 */
class SdJwtInteropTest {
  @TempDir Path dir;
  Path harness;

  @BeforeEach
  void peer() {
    harness = Peers.nodeHarness("sdjwt", "@sd-jwt/sd-jwt-vc").resolve("harness.mjs");
  }

  private JsonNode node(String cmd, ObjectNode input) throws IOException, InterruptedException {
    Path in = dir.resolve(cmd + "-in.json");
    Path out = dir.resolve(cmd + "-out.json");
    Files.writeString(in, input.toString());
    Process p = new ProcessBuilder("node", harness.toString(), cmd, in.toString(), out.toString())
        .redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "node timed out");
    assertEquals(0, p.exitValue(), "node failed: " + log);
    return JSON.readTree(out.toFile());
  }

  @Test
  void theJsLibraryVerifiesWhatMicrocredIssuesAndPresents() throws Exception {
    ObjectNode input = JSON.createObjectNode();
    ArrayNode tokens = input.putArray("tokens");
    List<ObjectNode> ours = new ArrayList<>();
    for (KeyType type : List.of(KeyType.ED25519, KeyType.P256, KeyType.P384)) {
      KeyPair issuer = KeyPair.generate(type);
      ObjectNode badge = badge();
      ((ObjectNode) badge.get("issuer")).put("id", issuer.publicKey().didKey());
      String sdJwt = SdJwt.issue(badge, issuer).withDisclosable(DISCLOSABLE).withDecoys(2)
          .withHolderKey(HOLDER.publicKey()).withClock(CLOCK).get();
      String presented = presented(sdJwt, "/name", "/credentialSubject/achievement/description",
          "/credentialSubject/result/1");
      SdJwtVerification mine = verify(presented);
      assertTrue(mine.verified(), mine.result().toString());
      ours.add(mine.claims().orElseThrow());
      for (String[] t : new String[][] {{type.name(), presented}, {type.name() + "-issued", sdJwt},
          {type.name() + "-tampered", tamper(presented)}}) {
        ObjectNode o = tokens.addObject().put("name", t[0]).put("token", t[1])
            .put("alg", CompactJws.alg(type)).put("now", NOW.getEpochSecond());
        if (!t[0].endsWith("-issued")) {
          o.put("nonce", NONCE).put("aud", AUD); // Key Binding required
        }
        o.set("issuerJwk", issuer.publicKey().toJwk());
      }
    }
    JsonNode report = node("verify", input).get("results");
    assertEquals(9, report.size());
    for (int i = 0; i < report.size(); i++) {
      JsonNode r = report.get(i);
      String name = r.get("name").asText();
      if (name.endsWith("-tampered")) {
        assertFalse(r.get("verified").asBoolean(), "the JS library accepted a tampered token: " + r);
        continue;
      }
      assertTrue(r.get("verified").asBoolean(), "the JS library rejected microcred's " + name + ": " + r);
      assertEquals("dc+sd-jwt", r.get("typ").asText());
      if (!name.endsWith("-issued")) {
        assertTrue(r.get("keyBound").asBoolean(), name);
        // the same Processed SD-JWT Payload on both sides
        assertEquals(ours.get(i / 3), r.get("claims"), name);
      } else {
        assertEquals("Data Analysis", r.get("claims").get("credentialSubject").get("achievement").get("name")
            .asText(), name);
      }
    }
  }

  /** A disclosed value changed (re-encoded), the KB-JWT kept: a verifier must refuse it. */
  private static String tamper(String presented) {
    String[] parts = presented.split("~");
    String d = unb64(parts[1]);
    parts[1] = b64(d.substring(0, d.length() - 2) + "X\"]");
    return String.join("~", parts);
  }

  @Test
  void microcredVerifiesWhatTheJsLibraryIssuesAndPresents() throws Exception {
    ObjectNode input = JSON.createObjectNode();
    input.put("now", NOW.getEpochSecond()).put("vct", SdJwt.VCT_OPEN_BADGE).put("aud", AUD).put("nonce", NONCE);
    input.set("credential", badge());
    input.set("disclosureFrame", JSON.readTree("{\"_sd\":[\"name\"],\"credentialSubject\":{\"_sd\":[\"id\","
        + "\"achievement\"],\"achievement\":{\"_sd\":[\"description\"]},\"result\":{\"_sd\":[0,1]}}}"));
    input.set("presentationFrame", JSON.readTree("{\"name\":true,\"credentialSubject\":{\"achievement\":"
        + "{\"description\":true},\"result\":{\"1\":true}}}"));
    JsonNode tokens = node("issue", input).get("tokens");
    assertEquals(3, tokens.size());
    for (JsonNode t : tokens) {
      String alg = t.get("alg").asText();
      SdJwtVerification v = verify(t.get("presented").asText());
      assertTrue(v.verified(), alg + ": " + v.result());
      assertTrue(v.keyBound(), alg);
      ObjectNode claims = v.claims().orElseThrow();
      assertEquals(t.get("issuer").asText(), claims.get("iss").asText());
      JsonNode subject = claims.get("credentialSubject");
      assertEquals("Data Analysis micro-credential", claims.get("name").asText(), alg);
      assertEquals(badge().get("credentialSubject").get("achievement"), subject.get("achievement"), alg);
      assertEquals(1, subject.get("result").size(), alg);
      assertEquals("Distinction", subject.get("result").get(0).get("value").asText(), alg);
      assertFalse(subject.has("id"), alg);

      SdJwtVerification issued = SdJwt.verify(t.get("issued").asText()).withClock(CLOCK).withoutKeyBinding().get();
      assertTrue(issued.verified(), alg + ": " + issued.result());
      ObjectNode all = issued.claims().orElseThrow();
      ObjectNode expected = badge();
      ((ObjectNode) expected.get("issuer")).put("id", t.get("issuer").asText());
      for (String k : List.of("iss", "iat", "vct", "cnf")) {
        assertTrue(all.has(k), k);
        all.remove(k);
      }
      assertEquals(expected, all, alg);
      // their token with a wrong nonce or a swapped Disclosure is refused here too
      assertTrue(SdJwt.verify(t.get("presented").asText()).withClock(CLOCK).withKeyBinding("other", AUD).get()
          .rejectedFor(SdJwtRejection.KB_NONCE_MISMATCH), alg);
    }
  }
}
