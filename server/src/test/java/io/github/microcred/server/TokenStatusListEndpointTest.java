package io.github.microcred.server;

import static io.github.microcred.server.StatusFixture.ED;
import static io.github.microcred.server.StatusFixture.TOKEN;
import static io.github.microcred.server.StatusFixture.config;
import static io.github.microcred.server.StatusFixture.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.VerificationCheck;
import io.github.microcred.vc.status.JdbcStatusStore;
import io.github.microcred.vc.status.StatusListSource;
import io.github.microcred.vc.status.TokenStatusList;
import io.github.microcred.vc.status.TokenStatusListCheck;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SD-JWT VCs issued by an issuer with status carry an IETF Token Status List entry ({@code status.status_list});
 * the server publishes the Status List Token ({@code GET}, {@code application/statuslist+jwt}), updates it through
 * {@code POST /credentials/status} ({@code {"status": ..., "action": ...}}) and its verifier reads it. The issuer,
 * configuration, raw GET and update request are {@link StatusFixture}'s.
 */
class TokenStatusListEndpointTest {
  static JsonNode issueSdJwt(Http http) throws Exception {
    ObjectNode opts = Http.JSON.createObjectNode().put("format", "dc+sd-jwt").put("vct", "https://example.org/vct/B");
    return http.issue(Http.credential(ED), opts);
  }

  static JsonNode payload(JsonNode enveloped) throws Exception {
    String token = enveloped.path("id").asText().substring("data:application/dc+sd-jwt,".length());
    return Http.JSON.readTree(Base64.getUrlDecoder().decode(token.split("~")[0].split("\\.")[1]));
  }

  static Http.Reply update(Http http, JsonNode status, String action) throws Exception {
    return StatusFixture.update(http, "status", status, action, TOKEN);
  }

  /** The status at the credential's idx, read from the published token by the vc module's verifier. */
  static VerificationCheck published(Http http, JsonNode payload) throws Exception {
    String uri = payload.path("status").path("status_list").path("uri").asText();
    StatusFixture.Raw r = get(http, uri);
    assertEquals(200, r.status(), r.body());
    assertTrue(r.type().startsWith(TokenStatusList.MEDIA_TYPE), r.type());
    ObjectNode cred = Http.JSON.createObjectNode().put("iss", ED.publicKey().didKey());
    cred.set("status", payload.get("status"));
    return TokenStatusListCheck.create(StatusListSource.offline(Map.of(uri, r.body()))).check(cred, Instant.now());
  }

  @Test
  void issueVerifySuspendResumeRevokeOverEmbeddedH2AndARestart(@TempDir Path dir) throws Exception {
    String url = JdbcStatusStore.embeddedH2Url(dir.resolve("status"));
    JsonNode vc;
    JsonNode claims;
    URI publicUrl;
    try (VcApiServer server = VcApiServer.start(config().statusJdbcUrl(url).build())) {
      Http http = new Http(server, TOKEN);
      publicUrl = server.uri();
      vc = issueSdJwt(http);
      claims = payload(vc);
      JsonNode ref = claims.path("status").path("status_list");
      assertTrue(ref.path("uri").asText().startsWith(publicUrl.resolve("/token-status-lists/").toString()),
          claims.toString());
      assertTrue(ref.path("idx").isIntegralNumber(), claims.toString());
      assertFalse(claims.has("credentialStatus"), "an SD-JWT VC carries the status claim: " + claims);
      assertFalse(published(http, claims).failed());
      assertEquals(200, http.verify(vc).status());

      Http.Reply s = update(http, claims.get("status"), "suspend");
      assertEquals(200, s.status(), s.body().toString());
      assertEquals(TokenStatusList.SUSPENDED, s.body().path("status").path("status_list").path("status").asInt());
      assertTrue(published(http, claims).message().contains("SUSPENDED"));
      Http.Reply bad = http.verify(vc);
      Http.assertProblem(bad, 422);
      assertTrue(bad.body().path("detail").asText().contains("suspended"), bad.body().toString());

      assertEquals(0, update(http, claims.get("status"), "resume").body().path("status").path("status_list")
          .path("status").asInt());
      assertEquals(200, http.verify(vc).status());

      assertEquals(200, update(http, claims.get("status"), "revoke").status());
      assertTrue(published(http, claims).message().contains("revoked"));
      Http.assertProblem(http.verify(vc), 422);
      // INVALID is final
      Http.Reply resume = update(http, claims.get("status"), "resume");
      Http.assertProblem(resume, 422);
      assertTrue(resume.body().path("detail").asText().contains("final"), resume.body().toString());
      Http.assertProblem(update(http, claims.get("status"), "suspend"), 422);
    }
    try (VcApiServer again = VcApiServer.start(config().statusJdbcUrl(url).publicUrl(publicUrl).build())) {
      Http http = new Http(again, TOKEN);
      Http.assertProblem(http.verify(vc), 422);
      JsonNode fresh = payload(issueSdJwt(http));
      assertEquals(claims.path("status").path("status_list").path("uri"), fresh.path("status").path("status_list")
          .path("uri"));
      assertFalse(claims.path("status").path("status_list").path("idx").equals(fresh.path("status")
          .path("status_list").path("idx")), "an index was reused after the restart: " + fresh);
    }
  }

  @Test
  void badUpdatesAndUnknownListsAreProblems() throws Exception {
    try (VcApiServer server = VcApiServer.start(config().build())) {
      Http http = new Http(server, TOKEN);
      JsonNode claims = payload(issueSdJwt(http));
      JsonNode status = claims.get("status");
      ObjectNode both = Http.JSON.createObjectNode().put("action", "revoke");
      both.set("status", status);
      both.putObject("credentialStatus");
      Http.assertProblem(http.post("/credentials/status", both.toString(), TOKEN), 400);
      for (String s : new String[] {"{}", "[]", "{\"status_list\":{\"idx\":-1,\"uri\":\"x\"}}",
          "{\"status_list\":{\"idx\":\"1\",\"uri\":\"x\"}}", "{\"status_list\":{\"idx\":1}}",
          "{\"status_list\":{\"idx\":1,\"uri\":\"x\"},\"other\":{}}"}) {
        Http.assertProblem(update(http, Http.JSON.readTree(s), "revoke"), 400);
      }
      ObjectNode foreign = status.deepCopy();
      ((ObjectNode) foreign.get("status_list")).put("uri", "https://issuer.example/token-status-lists/1");
      Http.Reply f = update(http, foreign, "revoke");
      Http.assertProblem(f, 422);
      assertTrue(f.body().path("detail").asText().contains("not one of this service's lists"), f.body().toString());
      ObjectNode unallocated = status.deepCopy();
      long idx = status.path("status_list").path("idx").asLong();
      ((ObjectNode) unallocated.get("status_list")).put("idx", (idx + 1) % 131_072);
      Http.assertProblem(update(http, unallocated, "revoke"), 422);
      Http.assertProblem(http.post("/credentials/status", "{\"status\":" + status + ",\"action\":\"revoke\"}",
          null), 401);
      // the token is public; an unknown list is 404, another method 405
      String uri = status.path("status_list").path("uri").asText();
      assertEquals(200, get(http, uri).status());
      assertEquals(404, get(http, uri.substring(0, uri.lastIndexOf('/') + 1) + "99").status());
      assertEquals(404, get(http, server.uri().resolve("/token-status-lists/z6Mkunknown/1").toString()).status());
      Http.assertProblem(http.post(URI.create(uri).getPath(), "{}", TOKEN), 405);
      // what the issuer's own verifier refuses is refused: a status list entry is assigned, never sent
      ObjectNode c = Http.credential(ED);
      ObjectNode opts = Http.JSON.createObjectNode().put("format", "dc+sd-jwt").put("vct", "https://example.org/v");
      ObjectNode req = Http.JSON.createObjectNode();
      c.putObject("status").putObject("status_list").put("idx", 0).put("uri", uri);
      req.set("credential", c);
      req.set("options", opts);
      Http.assertProblem(http.post("/credentials/issue", req.toString(), TOKEN), 422);
    }
  }
}
