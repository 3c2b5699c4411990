package io.github.microcred.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.Cryptosuite;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.status.BitstringStatusList;
import io.github.microcred.vc.status.JdbcStatusStore;
import io.github.microcred.vc.status.StatusPurpose;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 8 clients × 1,000 mixed requests (issue Data Integrity and vc+jwt, verify, revoke / suspend / resume) against one
 * service on loopback HTTPS over the default embedded H2 store. Each client works on the credentials it issued and
 * keeps a log of what it did: every answer must be what the log predicts (no error, a verification fails exactly
 * when its credential is revoked or suspended), and at the end the published lists must equal the log: every entry
 * the clients hold has the logged value and no other bit is set. Seeded; the seed is printed on failure.
 */
class ConcurrencyTest {
  static final String TOKEN = "concurrency-token-0123456789";
  static final int CLIENTS = 8;
  static final int REQUESTS = 1_000;
  static final long SEED = 0x5eed_14L;

  /** One issued credential and what its client did to it. */
  static final class Held {
    final JsonNode vc;
    final JsonNode status;
    boolean revoked;
    boolean suspended;

    Held(JsonNode vc, JsonNode status) {
      this.vc = vc;
      this.status = status;
    }
  }

  static JsonNode statusOf(JsonNode vc) throws Exception {
    if (vc.has("credentialStatus")) {
      return vc.get("credentialStatus");
    }
    String jwt = vc.path("id").asText().substring("data:application/vc+jwt,".length());
    return Http.JSON.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8))
        .get("credentialStatus");
  }

  @Test
  void eightClientsThousandMixedRequestsMatchTheLog(@TempDir Path dir) throws Exception {
    KeyPair ed = KeyPair.generate(KeyType.ED25519);
    KeyPair p256 = KeyPair.generate(KeyType.P256);
    ServerConfig cfg = ServerConfig.builder().token(TOKEN)
        .statusJdbcUrl(JdbcStatusStore.embeddedH2Url(dir.resolve("status")))
        .issuer(ServerConfig.Issuer.dataIntegrity(ed).withStatus(StatusPurpose.REVOCATION, StatusPurpose.SUSPENSION))
        .issuer(new ServerConfig.Issuer(p256, true, Cryptosuite.ECDSA_RDFC_2019)
            .withStatus(StatusPurpose.REVOCATION, StatusPurpose.SUSPENSION))
        .build();
    ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    List<List<Held>> held = new ArrayList<>();
    int[][] counts = new int[CLIENTS][4];
    try (VcApiServer server = VcApiServer.start(cfg)) {
      ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        List<Held> mine = new ArrayList<>();
        held.add(mine);
        int client = c;
        done.add(pool.submit(() -> {
          run(server, client, new KeyPair[] {ed, p256}, mine, errors, counts[client]);
          return null;
        }));
      }
      pool.shutdown();
      for (Future<?> f : done) {
        f.get(10, TimeUnit.MINUTES); // a bound against a hang, not a timing assertion
      }
      assertTrue(errors.isEmpty(), "seed " + SEED + ": " + errors.size() + " unexpected answers, first: "
          + errors.peek());

      // the published lists equal the log
      Http http = new Http(server, TOKEN);
      Map<String, Map<Long, Integer>> expected = new HashMap<>();
      int heldCount = 0;
      for (List<Held> mine : held) {
        for (Held h : mine) {
          heldCount++;
          for (JsonNode e : h.status) {
            boolean set = e.path("statusPurpose").asText().equals("revocation") ? h.revoked : h.suspended;
            expected.computeIfAbsent(e.path("statusListCredential").asText(), k -> new HashMap<>())
                .put(Long.parseLong(e.path("statusListIndex").asText()), set ? 1 : 0);
          }
        }
      }
      assertEquals(heldCount * 2, expected.values().stream().mapToInt(Map::size).sum(),
          "seed " + SEED + ": an index was handed out twice");
      for (Map.Entry<String, Map<Long, Integer>> list : expected.entrySet()) {
        Http.Reply r = http.get(URI.create(list.getKey()));
        assertEquals(200, r.status(), r.body().toString());
        BitstringStatusList bits = BitstringStatusList.decode(r.body().path("credentialSubject")
            .path("encodedList").asText(), 1);
        long ones = 0;
        for (long i = 0; i < bits.entries(); i++) {
          int v = bits.status(i);
          Integer want = list.getValue().get(i);
          if (want == null && v != 0) {
            throw new AssertionError("seed " + SEED + ": " + list.getKey() + " index " + i + " is set but no client "
                + "holds it");
          }
          if (want != null && want != v) {
            throw new AssertionError("seed " + SEED + ": " + list.getKey() + " index " + i + " is " + v
                + ", the log says " + want);
          }
          ones += v;
        }
        assertEquals(list.getValue().values().stream().mapToLong(Integer::longValue).sum(), ones);
      }
    }
    int[] total = new int[4];
    for (int[] c : counts) {
      for (int i = 0; i < 4; i++) {
        total[i] += c[i];
      }
    }
    assertEquals(CLIENTS * REQUESTS, total[0] + total[1] + total[2] + total[3]);
    // the mix really was mixed
    for (int i = 0; i < 4; i++) {
      assertTrue(total[i] > CLIENTS * REQUESTS / 20, "seed " + SEED + ": kind " + i + " ran " + total[i] + " times");
    }
  }

  /** One client: its own HTTP connection pool and random stream; counts issue / verify / suspend-resume / revoke. */
  static void run(VcApiServer server, int client, KeyPair[] issuers, List<Held> mine,
      ConcurrentLinkedQueue<String> errors, int[] counts) throws Exception {
    Http http = new Http(server, TOKEN);
    SplittableRandom random = new SplittableRandom(SEED + client);
    for (int n = 0; n < REQUESTS; n++) {
      double r = random.nextDouble();
      String at = "client " + client + " request " + n + ": ";
      if (mine.size() < 3 || r < 0.25) {
        counts[0]++;
        KeyPair k = issuers[random.nextInt(2)];
        ObjectNode req = Http.JSON.createObjectNode();
        req.set("credential", Http.credential(k).put("id", "urn:example:" + client + ":" + n));
        Http.Reply a = http.post("/credentials/issue", req.toString(), TOKEN);
        if (a.status() != 201) {
          errors.add(at + "issue: " + a.status() + " " + a.body());
          continue;
        }
        JsonNode vc = a.body().get("verifiableCredential");
        mine.add(new Held(vc, statusOf(vc)));
      } else if (r < 0.60) {
        counts[1]++;
        Held h = mine.get(random.nextInt(mine.size()));
        Http.Reply a = http.verify(h.vc);
        int want = h.revoked || h.suspended ? 422 : 200;
        if (a.status() != want) {
          errors.add(at + "verify (revoked " + h.revoked + ", suspended " + h.suspended + "): " + a.status() + " "
              + a.body());
        }
      } else {
        Held h = mine.get(random.nextInt(mine.size()));
        double x = random.nextDouble();
        String action = x < 0.2 ? "revoke" : x < 0.6 ? "suspend" : "resume";
        counts[action.equals("revoke") ? 3 : 2]++;
        ObjectNode req = Http.JSON.createObjectNode().put("action", action);
        req.set("credentialStatus", h.status);
        Http.Reply a = http.post("/credentials/status", req.toString(), TOKEN);
        if (a.status() != 200) {
          errors.add(at + action + ": " + a.status() + " " + a.body());
          continue;
        }
        switch (action) {
          case "revoke" -> h.revoked = true;
          case "suspend" -> h.suspended = true;
          default -> h.suspended = false;
        }
        int got = a.body().path("credentialStatus").get(0).path("status").asInt(-1);
        if (got != 1 && !action.equals("resume") || got != 0 && action.equals("resume")) {
          errors.add(at + action + " answered status " + got);
        }
      }
    }
  }
}
