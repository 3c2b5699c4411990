package io.github.microcred.server;

import static io.github.microcred.server.StatusFixture.ED;
import static io.github.microcred.server.StatusFixture.TOKEN;
import static io.github.microcred.server.StatusFixture.config;
import static io.github.microcred.server.StatusFixture.entry;
import static io.github.microcred.server.StatusFixture.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.status.BitstringStatusList;
import io.github.microcred.vc.status.JdbcStatusStore;
import java.net.URI;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /credentials/status} on loopback (HTTPS): issue → verify → revoke → verify fails, suspend / resume,
 * the published list, a restart over the same embedded H2 file, and PostgreSQL when one is configured.
 */
class StatusUpdateTest {
  static int published(Http http, JsonNode entry) throws Exception {
    Http.Reply list = http.get(URI.create(entry.path("statusListCredential").asText()));
    assertEquals(200, list.status(), list.body().toString());
    return BitstringStatusList.decode(list.body().path("credentialSubject").path("encodedList").asText(), 1)
        .status(Long.parseLong(entry.path("statusListIndex").asText()));
  }

  @Test
  void issueVerifyRevokeVerifyFailsOverEmbeddedH2(@TempDir Path dir) throws Exception {
    String url = JdbcStatusStore.embeddedH2Url(dir.resolve("status"));
    JsonNode vc;
    URI publicUrl;
    try (VcApiServer server = VcApiServer.start(config().statusJdbcUrl(url).build())) {
      Http http = new Http(server, TOKEN);
      publicUrl = server.uri();
      vc = http.issue(Http.credential(ED), null);
      assertEquals(200, http.verify(vc).status());
      JsonNode revocation = entry(vc, "revocation");
      assertEquals(0, published(http, revocation));

      Http.Reply r = update(http, "credentialStatus", vc.get("credentialStatus"), "revoke", TOKEN);
      assertEquals(200, r.status(), r.body().toString());
      assertEquals(1, r.body().path("credentialStatus").size(), r.body().toString());
      assertEquals(1, r.body().path("credentialStatus").get(0).path("status").asInt());
      assertEquals(1, published(http, revocation));
      Http.Reply bad = http.verify(vc);
      Http.assertProblem(bad, 422);
      assertFalse(bad.body().path("verified").asBoolean(true));
      assertTrue(bad.body().path("detail").asText().contains("revoked"), bad.body().toString());
      // revocation is final: resume addresses suspension entries only, and revoking again changes nothing
      assertEquals(200, update(http, "credentialStatus", revocation, "revoke", TOKEN).status());
      Http.assertProblem(update(http, "credentialStatus", revocation, "resume", TOKEN), 422);
      Http.assertProblem(http.verify(vc), 422);
    }
    // a restart over the same file (same public URL): the credential stays revoked, indexes are not reused
    try (VcApiServer again = VcApiServer.start(config().statusJdbcUrl(url).publicUrl(publicUrl).build())) {
      Http http = new Http(again, TOKEN);
      Http.assertProblem(http.verify(vc), 422);
      JsonNode fresh = http.issue(Http.credential(ED), null);
      JsonNode e = entry(fresh, "revocation");
      assertTrue(e.path("statusListCredential").asText().startsWith(publicUrl.toString()), e.toString());
      assertFalse(e.path("statusListIndex").asText().equals(entry(vc, "revocation").path("statusListIndex")
          .asText()), "an index was reused after the restart: " + e);
    }
  }

  @Test
  void suspendAndResume() throws Exception {
    try (VcApiServer server = VcApiServer.start(config().build())) {
      Http http = new Http(server, TOKEN);
      JsonNode vc = http.issue(Http.credential(ED), null);
      JsonNode suspension = entry(vc, "suspension");
      assertEquals(200, update(http, "credentialStatus", vc.get("credentialStatus"), "suspend", TOKEN).status());
      assertEquals(1, published(http, suspension));
      Http.Reply bad = http.verify(vc);
      Http.assertProblem(bad, 422);
      assertTrue(bad.body().path("detail").asText().contains("suspended"), bad.body().toString());
      Http.Reply resumed = update(http, "credentialStatus", suspension, "resume", TOKEN);
      assertEquals(200, resumed.status(), resumed.body().toString());
      assertEquals(0, resumed.body().path("credentialStatus").get(0).path("status").asInt());
      assertEquals(0, published(http, suspension));
      assertEquals(200, http.verify(vc).status());
      // the revocation entry was never touched
      assertEquals(0, published(http, entry(vc, "revocation")));
    }
  }

  @Test
  void badUpdatesAreRefusedWithProblemDetails() throws Exception {
    try (VcApiServer server = VcApiServer.start(config().build())) {
      Http http = new Http(server, TOKEN);
      JsonNode vc = http.issue(Http.credential(ED), null);
      JsonNode revocation = entry(vc, "revocation");
      Http.assertProblem(update(http, "credentialStatus", revocation, "revoke", null), 401);
      Http.assertProblem(update(http, "credentialStatus", revocation, "revoke", TOKEN + "x"), 401);
      Http.assertProblem(update(http, "credentialStatus", revocation, "delete", TOKEN), 400);
      Http.assertProblem(http.post("/credentials/status", "{\"action\":\"revoke\"}", TOKEN), 400);
      ObjectNode numeric = revocation.deepCopy();
      numeric.put("statusListIndex", 7);
      Http.assertProblem(update(http, "credentialStatus", numeric, "revoke", TOKEN), 400);
      // another server's list, and an index never allocated
      ObjectNode foreign = revocation.deepCopy();
      foreign.put("statusListCredential", "https://issuer.example/status/1");
      Http.Reply f = update(http, "credentialStatus", foreign, "revoke", TOKEN);
      Http.assertProblem(f, 422);
      assertTrue(f.body().path("detail").asText().contains("not one of this service's lists"), f.body().toString());
      ObjectNode unallocated = revocation.deepCopy();
      long other = (Long.parseLong(revocation.path("statusListIndex").asText()) + 1) % 131_072;
      unallocated.put("statusListIndex", Long.toString(other));
      Http.Reply u = update(http, "credentialStatus", unallocated, "revoke", TOKEN);
      Http.assertProblem(u, 422);
      assertTrue(u.body().path("detail").asText().contains("$.credentialStatus"), u.body().toString());
      // suspension addressed with revoke: nothing of that purpose
      Http.assertProblem(update(http, "credentialStatus", entry(vc, "suspension"), "revoke", TOKEN), 422);
      // nothing changed
      assertEquals(200, http.verify(vc).status());
    }
  }

  @Test
  void postgresqlStoreWhenConfigured() throws Exception {
    String pg = System.getenv("MICROCRED_PG_URL");
    if (pg == null || pg.isBlank()) {
      if ("1".equals(System.getenv("MICROCRED_REQUIRE_PEERS"))) {
        fail("peer required (MICROCRED_REQUIRE_PEERS=1) but missing: MICROCRED_PG_URL is not set");
      }
      Assumptions.abort("MICROCRED_PG_URL is not set: start PostgreSQL as in README 'Local PostgreSQL' (or .ci/run)");
    }
    // a public URL of its own so that the lists of this run do not meet those of an earlier run in the same database
    URI publicUrl = URI.create("https://pg-" + UUID.randomUUID() + ".test");
    try (VcApiServer server = VcApiServer.start(config().statusJdbcUrl(pg).publicUrl(publicUrl).build())) {
      Http http = new Http(server, TOKEN);
      JsonNode vc = http.issue(Http.credential(ED), null);
      assertTrue(entry(vc, "revocation").path("statusListCredential").asText().startsWith(publicUrl.toString()));
      assertEquals(200, http.verify(vc).status());
      assertEquals(200, update(http, "credentialStatus", vc.get("credentialStatus"), "revoke", TOKEN).status());
      Http.assertProblem(http.verify(vc), 422);
    }
  }
}
