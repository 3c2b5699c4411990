package io.github.microcred.server;

import static io.github.microcred.server.StatusFixture.ED;
import static io.github.microcred.server.StatusFixture.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.Credentials;
import io.github.microcred.vc.Cryptosuite;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.VerificationCheck;
import io.github.microcred.vc.status.JdbcStatusStore;
import io.github.microcred.vc.status.RevocationList;
import io.github.microcred.vc.status.RevocationListCheck;
import io.github.microcred.vc.status.StatusListSource;
import io.github.microcred.vc.status.StatusPurpose;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server publishes a 1EdTech Revocation List ({@code GET /revocation-lists/{did:key id}}) alongside its Bitstring
 * Status Lists: Open Badges 3.0 / CLR credentials of an issuer with revocation status carry both entries, the
 * revocation entry is bound to the credential id in the status store, so one revocation shows in both lists (also
 * after a restart), and the verify endpoint reads both.
 */
class RevocationListEndpointTest {

  /** The revoked ids of the published list, read by the vc module's parser. */
  static List<String> revoked(Http http, String url) throws Exception {
    return revoked(http, url, url);
  }

  /** The revoked ids of the list published as {@code url}, fetched at {@code at}. */
  static List<String> revoked(Http http, String at, String url) throws Exception {
    StatusFixture.Raw r = StatusFixture.get(http, at);
    assertEquals(200, r.status(), r.body());
    assertTrue(r.type().startsWith("application/json"), r.type());
    JsonNode json = Http.JSON.readTree(r.body());
    RevocationList list = RevocationList.fromJson(json);
    assertEquals(url, list.id());
    assertEquals(ED.publicKey().didKey(), list.issuer().orElseThrow());
    List<String> ids = new ArrayList<>();
    json.get("revokedCredential").forEach(e -> ids.add(e.get("id").asText()));
    return ids;
  }

  /** The 1EdTech status of a credential as a verifier that reads only the published list sees it. */
  static VerificationCheck listed(Http http, JsonNode vc) throws Exception {
    String url = StatusFixture.entryOfType(vc, RevocationList.TYPE).path("id").asText();
    ObjectNode only = vc.deepCopy();
    only.set("credentialStatus", StatusFixture.entryOfType(vc, RevocationList.TYPE));
    return RevocationListCheck.create(StatusListSource.offline(Map.of(url, StatusFixture.get(http, url).body())))
        .check(only, Instant.now());
  }

  @Test
  void anOpenBadgeCarriesBothMethodsAndOneRevocationRevokesInBothAlsoAfterARestart(@TempDir Path dir)
      throws Exception {
    String db = JdbcStatusStore.embeddedH2Url(dir.resolve("status"));
    JsonNode a;
    String url;
    URI publicUrl;
    try (VcApiServer server = VcApiServer.start(StatusFixture.config().statusJdbcUrl(db).build())) {
      Http http = new Http(server, TOKEN);
      publicUrl = server.uri();
      a = http.issue(StatusFixture.openBadge(ED, "urn:uuid:0a0a0a0a-0000-4000-8000-00000000000a"), null);
      JsonNode b = http.issue(StatusFixture.openBadge(ED, "urn:uuid:0b0b0b0b-0000-4000-8000-00000000000b"), null);
      assertEquals(3, a.path("credentialStatus").size(), a.toString());
      JsonNode entry = StatusFixture.entryOfType(a, RevocationList.TYPE);
      url = entry.path("id").asText();
      assertEquals(publicUrl.resolve("/revocation-lists/" + ED.publicKey().didKey().substring(8)).toString(), url);
      assertEquals(2, entry.size(), "only id and type: " + entry);
      assertTrue(a.path("@context").toString().contains(RevocationList.CONTEXT), a.toString());
      assertEquals(url, StatusFixture.entryOfType(b, RevocationList.TYPE).path("id").asText(), "one list per issuer");
      // a plain VC gets Bitstring entries only: the 1EdTech method belongs to OB 3.0 / CLR 2.0
      JsonNode plain = http.issue(Http.credential(ED), null);
      assertEquals(2, plain.path("credentialStatus").size(), plain.toString());
      assertFalse(plain.toString().contains(RevocationList.TYPE), plain.toString());

      assertEquals(List.of(), revoked(http, url));
      assertFalse(listed(http, a).failed());
      assertEquals(200, http.verify(a).status());

      // the credential's whole credentialStatus, as issued: the revocation entry is revoked, the 1EdTech entry
      // follows it, the suspension entry is not addressed by revoke
      Http.Reply r = StatusFixture.update(http, "credentialStatus", a.get("credentialStatus"), "revoke", TOKEN);
      assertEquals(200, r.status(), r.body().toString());
      assertEquals(1, r.body().path("credentialStatus").size(), r.body().toString());
      assertEquals("revocation", r.body().path("credentialStatus").get(0).path("statusPurpose").asText());
      assertEquals(List.of(a.path("id").asText()), revoked(http, url));
      VerificationCheck seen = listed(http, a);
      assertTrue(seen.failed(), seen.toString());
      assertTrue(seen.message().startsWith("revoked (1EdTechRevocationList " + url), seen.message());
      assertFalse(listed(http, b).failed());
      Http.Reply bad = http.verify(a);
      Http.assertProblem(bad, 422);
      assertTrue(bad.body().path("detail").asText().contains("revoked"), bad.body().toString());
      assertEquals(200, http.verify(b).status());
      // suspending b changes its Bitstring suspension entry only
      assertEquals(200, StatusFixture.update(http, "credentialStatus", b.get("credentialStatus"), "suspend", TOKEN)
          .status());
      assertEquals(List.of(a.path("id").asText()), revoked(http, url));

      // the verify endpoint reads the 1EdTech list itself: a credential of this issuer with only a 1EdTech entry
      assertEquals(422, http.verify(signedWithOnlyTheListEntry(a.path("id").asText(), url)).status());
      assertEquals(200, http.verify(signedWithOnlyTheListEntry("urn:uuid:0c0c0c0c-0000-4000-8000-00000000000c",
          url)).status());
    }
    try (VcApiServer again = VcApiServer.start(StatusFixture.config().statusJdbcUrl(db).publicUrl(publicUrl).build())) {
      Http http = new Http(again, TOKEN);
      // the list keeps its public URL; this test reaches the restarted server on its own port
      String here = again.uri().resolve(URI.create(url).getPath()).toString();
      assertEquals(List.of(a.path("id").asText()), revoked(http, here, url), "the binding survives a restart");
      Http.assertProblem(http.verify(a), 422);
    }
  }

  /** An OB3 credential of {@link StatusFixture#ED} whose only status is the server's 1EdTech list, signed here. */
  static ObjectNode signedWithOnlyTheListEntry(String id, String url) throws Exception {
    ObjectNode vc = StatusFixture.openBadge(ED, id);
    ((ArrayNode) vc.get("@context")).add(RevocationList.CONTEXT);
    vc.set("credentialStatus", RevocationList.create(url, ED.publicKey().didKey()).statusEntry());
    return Credentials.sign(vc, ED, Cryptosuite.EDDSA_RDFC_2022).get();
  }

  @Test
  void refusalsAndListsThatAreNotThere() throws Exception {
    KeyPair suspendsOnly = KeyPair.generate(KeyType.ED25519);
    try (VcApiServer server = VcApiServer.start(StatusFixture.config()
        .issuer(ServerConfig.Issuer.dataIntegrity(suspendsOnly).withStatus(StatusPurpose.SUSPENSION)).build())) {
      Http http = new Http(server, TOKEN);
      ObjectNode noId = StatusFixture.openBadge(ED, "urn:uuid:0d0d0d0d-0000-4000-8000-00000000000d");
      noId.remove("id");
      ObjectNode req = Http.JSON.createObjectNode();
      req.set("credential", noId);
      Http.Reply r = http.post("/credentials/issue", req.toString(), TOKEN);
      Http.assertProblem(r, 422);
      assertTrue(r.body().path("detail").asText().startsWith("$.credential.id: "), r.body().toString());

      // an issuer without revocation status publishes no 1EdTech list and its badges carry no 1EdTech entry
      JsonNode s = http.issue(StatusFixture.openBadge(suspendsOnly, "urn:uuid:0e0e0e0e-0000-4000-8000-00000000000e"),
          null);
      assertFalse(s.toString().contains(RevocationList.TYPE), s.toString());
      String base = server.uri().resolve("/revocation-lists/").toString();
      assertEquals(404, StatusFixture.get(http, base + suspendsOnly.publicKey().didKey().substring(8)).status());
      assertEquals(404, StatusFixture.get(http, base + "z6MkNotAnIssuerOfThisService").status());
      assertEquals(404, StatusFixture.get(http, base + ED.publicKey().didKey().substring(8) + "/1").status());
      String url = base + ED.publicKey().didKey().substring(8);
      assertEquals(200, StatusFixture.get(http, url).status());
      Http.assertProblem(http.post("/revocation-lists/" + ED.publicKey().didKey().substring(8), "{}", TOKEN), 405);

      // the 1EdTech entry alone does not revoke: it follows the revocation entry
      JsonNode a = http.issue(StatusFixture.openBadge(ED, "urn:uuid:0f0f0f0f-0000-4000-8000-00000000000f"), null);
      Http.Reply alone = StatusFixture.update(http, "credentialStatus",
          StatusFixture.entryOfType(a, RevocationList.TYPE), "revoke", TOKEN);
      Http.assertProblem(alone, 422);
      assertTrue(alone.body().path("detail").asText().contains(RevocationList.TYPE), alone.body().toString());
      assertEquals(List.of(), revoked(http, url));
      assertEquals(200, http.verify(a).status());
    }
  }
}
