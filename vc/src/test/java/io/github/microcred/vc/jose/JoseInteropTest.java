package io.github.microcred.vc.jose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.status.InMemoryStatusStore;
import io.github.microcred.vc.status.StatusEntry;
import io.github.microcred.vc.status.StatusListDefinition;
import io.github.microcred.vc.status.StatusListManager;
import io.github.microcred.vc.status.StatusMessage;
import io.github.microcred.vc.testing.Peers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** microcred ↔ npm {@code jose}, and microcred's status lists ↔ an independent JS decoder (interop/jose). */
class JoseInteropTest {
  static final Clock NOW = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);
  @TempDir Path dir;
  Path harness;

  @BeforeEach
  void peer() {
    harness = Peers.nodeHarness("jose", "jose").resolve("harness.mjs");
  }

  JsonNode node(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("node", harness.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "node timed out");
    assertEquals(0, p.exitValue(), "node failed: " + err + out);
    return JwtTestSupport.JSON.readTree(out);
  }

  @Test
  void npmJoseVerifiesWhatMicrocredSignsAndDecodesItsStatusLists() throws Exception {
    ObjectNode input = JwtTestSupport.JSON.createObjectNode();
    ArrayNode tokens = input.putArray("tokens");
    for (KeyType type : KeyType.values()) {
      KeyPair key = KeyPair.generate(type);
      String issuer = key.publicKey().didKeyVerificationMethod().split("#")[0];
      String jwt = VcJwt.sign(JwtTestSupport.credential(issuer), key).withClock(NOW).get();
      tokens.addObject().put("name", type.name()).put("alg", VcJwt.algorithm(type)).put("issuer", issuer)
          .put("jwt", jwt).set("publicJwk", key.publicKey().toJwk());
      // a token with its payload changed must fail in jose too (the peer is not a rubber stamp)
      String[] parts = jwt.split("\\.");
      String forged = parts[0] + "." + JwtTestSupport.b64(JwtTestSupport.credential(issuer)
          .put("iss", issuer).put("validFrom", "2020-01-01T00:00:00Z").toString()) + "." + parts[2];
      tokens.addObject().put("name", type.name() + "-tampered").put("alg", VcJwt.algorithm(type))
          .put("issuer", issuer).put("jwt", forged).set("publicJwk", key.publicKey().toJwk());
    }
    // the OB 3.0 JWT profile, RS256 (what 1EdTech certification asks for): jose reads it with typ JWT
    KeyPair rsa = KeyPair.generate(KeyType.RSA);
    String rsaIssuer = rsa.publicKey().didJwk();
    String ob3 = Ob3Jwt.sign(JwtTestSupport.credential(rsaIssuer), rsa).get();
    tokens.addObject().put("name", "OB3-RS256").put("alg", "RS256").put("typ", "JWT").put("issuer", rsaIssuer)
        .put("jwt", ob3).set("publicJwk", rsa.publicKey().toJwk());
    String[] ob3Parts = ob3.split("\\.");
    ObjectNode changed = JwtTestSupport.part(ob3, 1).put("sub", "did:example:mallory");
    tokens.addObject().put("name", "OB3-RS256-tampered").put("alg", "RS256").put("typ", "JWT")
        .put("issuer", rsaIssuer).put("jwt", ob3Parts[0] + "." + JwtTestSupport.b64(changed.toString()) + "."
            + ob3Parts[2]).set("publicJwk", rsa.publicKey().toJwk());
    // status lists: a revocation list and a 2-bit message list with random statuses (seeded)
    long seed = 20261122L;
    SplittableRandom rnd = new SplittableRandom(seed);
    StatusListManager m = StatusListManager.create(new InMemoryStatusStore());
    String rev = "https://example.edu/status/rev";
    String msg = "https://example.edu/status/msg";
    m.createList(StatusListDefinition.revocation(rev));
    m.createList(StatusListDefinition.message(msg, 2, List.of(new StatusMessage(0, "a"),
        new StatusMessage(1, "b"), new StatusMessage(2, "c"), new StatusMessage(3, "d"))));
    TreeSet<Long> revoked = new TreeSet<>();
    ObjectNode msgValues = JwtTestSupport.JSON.createObjectNode();
    ArrayNode probes = JwtTestSupport.JSON.createArrayNode();
    TreeSet<Long> msgNonZero = new TreeSet<>();
    for (int i = 0; i < 300; i++) {
      StatusEntry r = m.allocate(rev);
      if (rnd.nextBoolean()) {
        m.revoke(rev, r.index());
        revoked.add(r.index());
      }
      StatusEntry e = m.allocate(msg);
      int v = rnd.nextInt(4);
      m.setMessage(msg, e.index(), v);
      msgValues.put(Long.toString(e.index()), v);
      probes.add(e.index());
      if (v != 0) {
        msgNonZero.add(e.index());
      }
    }
    ArrayNode lists = input.putArray("statusLists");
    lists.addObject().put("name", "revocation").put("statusSize", 1).put("encodedList",
        m.statusListCredential(rev, "did:example:i", Instant.EPOCH).get("credentialSubject").get("encodedList").asText());
    ObjectNode ml = lists.addObject().put("name", "message").put("statusSize", 2).put("encodedList",
        m.statusListCredential(msg, "did:example:i", Instant.EPOCH).get("credentialSubject").get("encodedList").asText());
    ml.set("probe", probes);

    Path in = dir.resolve("in.json");
    Files.writeString(in, input.toString());
    JsonNode report = node("verify", in.toString());

    for (JsonNode r : report.get("results")) {
      String name = r.get("name").asText();
      if (name.endsWith("-tampered")) {
        assertFalse(r.get("verified").asBoolean(), "jose accepted a tampered token: " + r);
      } else if (name.startsWith("OB3")) {
        assertTrue(r.get("verified").asBoolean(), "jose rejected microcred's " + name + ": " + r);
        assertEquals("[\"alg\",\"kid\",\"typ\"]", r.get("header").toString(), name);
        assertEquals("[\"iss\",\"jti\",\"nbf\",\"sub\",\"vc\"]", r.get("claims").toString(), name);
      } else {
        assertTrue(r.get("verified").asBoolean(), "jose rejected microcred's " + name + ": " + r);
        assertEquals("vc+jwt", r.get("typ").asText());
        assertEquals("vc", r.get("cty").asText());
      }
    }
    assertEquals(2 * KeyType.values().length + 2, report.get("results").size());
    JsonNode revReport = report.get("lists").get(0);
    assertEquals(131072, revReport.get("bits").asInt());
    List<Long> jsRevoked = new ArrayList<>();
    revReport.get("nonZero").forEach(n -> jsRevoked.add(n.asLong()));
    assertEquals(new ArrayList<>(revoked), jsRevoked, "seed " + seed + ": revoked indexes decoded by JS");
    JsonNode msgReport = report.get("lists").get(1);
    assertEquals(msgValues, msgReport.get("values"), "seed " + seed + ": message values decoded by JS");
    List<Long> jsMsg = new ArrayList<>();
    msgReport.get("nonZero").forEach(n -> jsMsg.add(n.asLong()));
    assertEquals(new ArrayList<>(msgNonZero), jsMsg);
  }

  @Test
  void microcredVerifiesWhatNpmJoseSigns() throws Exception {
    Path out = dir.resolve("signed.json");
    node("sign", out.toString());
    JsonNode signed = JwtTestSupport.JSON.readTree(out.toFile());
    assertEquals(5, signed.size());
    for (JsonNode s : signed) {
      if ("ob3".equals(s.path("profile").asText())) {
        JwtVerification v = Ob3Jwt.verify(s.get("jwt").asText()).withClock(NOW).get();
        assertTrue(v.verified(), "OB 3.0 JWT signed by npm jose: " + v.result());
        assertEquals(s.get("issuer").asText(), v.document().orElseThrow().get("issuer").asText());
        JwtVerification t = Ob3Jwt.verify(s.get("tampered").asText()).withClock(NOW).get();
        assertFalse(t.verified());
        continue;
      }
      JwtVerification v = VcJwt.verify(s.get("jwt").asText()).withClock(NOW).get();
      assertTrue(v.verified(), s.get("alg").asText() + ": " + v.result());
      assertEquals(s.get("issuer").asText(), v.document().orElseThrow().get("issuer").asText());
      JwtVerification t = VcJwt.verify(s.get("tampered").asText()).withClock(NOW).get();
      assertEquals(List.of(JwtRejection.SIGNATURE_INVALID), t.rejections(), s.get("alg").asText());
    }
  }
}
