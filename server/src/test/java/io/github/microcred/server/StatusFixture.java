package io.github.microcred.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.core.MicroCredential;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.ob3.MicroCredentials;
import io.github.microcred.vc.ob3.Profile;
import io.github.microcred.vc.status.StatusPurpose;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The setup the status endpoint tests share: an Ed25519 Data Integrity issuer keeping revocation and suspension
 * lists, raw GETs of published lists, {@code POST /credentials/status} in both request forms, and credentials to
 * issue.
 */
final class StatusFixture {
  /** The bearer token of {@link #config()}. */
  static final String TOKEN = "status-fixture-token-0123456789abcdef";
  /** The issuer of {@link #config()}. */
  static final KeyPair ED = KeyPair.generate(KeyType.ED25519);

  private StatusFixture() {}

  /** One issuer ({@link #ED}, Data Integrity) with revocation and suspension status, token {@link #TOKEN}. */
  static ServerConfig.Builder config() {
    return ServerConfig.builder().token(TOKEN)
        .issuer(ServerConfig.Issuer.dataIntegrity(ED).withStatus(StatusPurpose.REVOCATION, StatusPurpose.SUSPENSION));
  }

  /** A published list as served: HTTP status, content type, body text. */
  record Raw(int status, String type, String body) {}

  /** GET of a URI of the server under test, the body kept as text. */
  static Raw get(Http http, String uri) throws Exception {
    HttpResponse<String> r = http.client().send(HttpRequest.newBuilder(URI.create(uri)).build(),
        HttpResponse.BodyHandlers.ofString());
    return new Raw(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
  }

  /** {@code POST /credentials/status} with {@code {member: value, "action": action}} and a bearer token. */
  static Http.Reply update(Http http, String member, JsonNode value, String action, String token) throws Exception {
    ObjectNode req = Http.JSON.createObjectNode();
    req.set(member, value);
    req.put("action", action);
    return http.post("/credentials/status", req.toString(), token);
  }

  /** The issued credential's Bitstring entry of a purpose. */
  static JsonNode entry(JsonNode vc, String purpose) {
    for (JsonNode e : vc.path("credentialStatus")) {
      if (e.path("statusPurpose").asText().equals(purpose)) {
        return e;
      }
    }
    throw new AssertionError("no " + purpose + " entry in " + vc);
  }

  /** The issued credential's status entry of a type. */
  static JsonNode entryOfType(JsonNode vc, String type) {
    for (JsonNode e : vc.path("credentialStatus")) {
      if (e.path("type").asText().equals(type)) {
        return e;
      }
    }
    throw new AssertionError("no " + type + " entry in " + vc);
  }

  /** An unsigned OB 3.0 {@code OpenBadgeCredential} of the example micro-credential, issued by {@code issuer}. */
  static ObjectNode openBadge(KeyPair issuer, String id) throws Exception {
    var mc = MicroCredential.fromJson(Files.readString(Path.of("..", "examples", "micro-credential.json")));
    ObjectNode vc = MicroCredentials.toOpenBadge(mc, Profile.of(issuer.publicKey().didKey(), "Example University"),
        "did:example:learner", id, Instant.parse("2025-01-01T00:00:00Z")).toJson();
    assertEquals(id, vc.path("id").asText());
    return vc;
  }
}
