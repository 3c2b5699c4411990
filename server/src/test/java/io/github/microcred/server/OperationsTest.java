package io.github.microcred.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Structured access logs and graceful shutdown. */
class OperationsTest {
  static final String TOKEN = "ops-token-0123456789abcdef";
  static final KeyPair ED = KeyPair.generate(KeyType.ED25519);

  @Test
  void oneJsonLinePerRequestWithoutSecrets(@TempDir Path dir) throws Exception {
    Path logFile = dir.resolve("access.log");
    com.nimbusds.jose.jwk.ECKey as = new com.nimbusds.jose.jwk.gen.ECKeyGenerator(com.nimbusds.jose.jwk.Curve.P_256)
        .keyID("as-1").generate();
    String jwt = accessToken(as, "credentials:issue", 300);
    String expiredJwt = accessToken(as, "credentials:issue", -3600);
    JsonNode vc;
    try (VcApiServer server = VcApiServer.start(ServerConfig.builder().tls(false).token(TOKEN)
        .issuer(ServerConfig.Issuer.dataIntegrity(ED)).accessLog(logFile.toString())
        .oauth(new ServerConfig.OAuth(new com.nimbusds.jose.jwk.JWKSet(as), "https://auth.example",
            "https://credentials.example", ServerConfig.DEFAULT_OAUTH_ALGORITHMS)).build())) {
      Http http = new Http(server, TOKEN);
      assertEquals(200, http.get(server.uri().resolve("/health")).status());
      vc = http.issue(Http.credential(ED), null);
      Http.assertProblem(http.post("/credentials/issue", "{}", TOKEN + "-wrong"), 401);
      assertEquals(200, http.verify(vc).status());
      ObjectNode req = Http.JSON.createObjectNode();
      req.set("credential", Http.credential(ED));
      Http.Reply byJwt = http.post("/credentials/issue", req.toString(), jwt);
      assertEquals(201, byJwt.status(), byJwt.body().toString());
      Http.assertProblem(http.post("/credentials/issue", req.toString(), expiredJwt), 401);
    }
    List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
    assertEquals(6, lines.size(), String.join("\n", lines));
    String all = String.join("\n", lines);
    assertFalse(all.contains(TOKEN), "a token was logged: " + all);
    assertFalse(all.contains("Ada Lovelace"), "a body was logged: " + all);
    // no part of an OAuth access token (header, claims or signature), accepted or refused
    for (String token : List.of(jwt, expiredJwt)) {
      for (String part : token.split("\\.")) {
        assertFalse(all.contains(part), "an access token part was logged: " + all);
      }
    }
    // nor the proof value of a credential that was issued and verified
    String proofValue = vc.path("proof").path("proofValue").asText();
    assertTrue(proofValue.length() > 40, vc.toString());
    assertFalse(all.contains(proofValue), "a proofValue was logged: " + all);
    JsonNode health = Http.JSON.readTree(lines.get(0));
    assertEquals("GET", health.path("method").asText());
    assertEquals("/health", health.path("path").asText());
    assertEquals(200, health.path("status").asInt());
    assertTrue(health.path("time").asText().endsWith("Z"), health.toString());
    assertTrue(health.path("micros").asLong(-1) >= 0 && health.path("bytesOut").asLong() > 0, health.toString());
    JsonNode issue = Http.JSON.readTree(lines.get(1));
    assertEquals(201, issue.path("status").asInt());
    assertEquals("api-token", issue.path("subject").asText());
    assertTrue(issue.path("bytesIn").asLong() > 100, issue.toString());
    JsonNode refused = Http.JSON.readTree(lines.get(2));
    assertEquals(401, refused.path("status").asInt());
    assertEquals("urn:microcred:problem:invalid-token", refused.path("problem").asText());
    assertTrue(refused.path("subject").isMissingNode());
    // the OAuth client is named by its sub, the refused token by nothing
    JsonNode oauth = Http.JSON.readTree(lines.get(4));
    assertEquals(201, oauth.path("status").asInt(), oauth.toString());
    assertEquals("lms-client-42", oauth.path("subject").asText(), oauth.toString());
    JsonNode expired = Http.JSON.readTree(lines.get(5));
    assertEquals(401, expired.path("status").asInt(), expired.toString());
    assertTrue(expired.path("subject").isMissingNode(), expired.toString());
    // ids are distinct and increasing
    long prev = 0;
    for (String l : lines) {
      long id = Http.JSON.readTree(l).path("id").asLong();
      assertTrue(id > prev, all);
      prev = id;
    }
  }

  /** An ES256 access token of the client-credentials grant, expiring {@code seconds} from now (negative: past). */
  static String accessToken(com.nimbusds.jose.jwk.ECKey key, String scope, long seconds) throws Exception {
    java.time.Instant now = java.time.Instant.now();
    com.nimbusds.jwt.SignedJWT j = new com.nimbusds.jwt.SignedJWT(new com.nimbusds.jose.JWSHeader.Builder(
        com.nimbusds.jose.JWSAlgorithm.ES256).keyID(key.getKeyID()).type(new com.nimbusds.jose.JOSEObjectType("at+jwt"))
        .build(), new com.nimbusds.jwt.JWTClaimsSet.Builder().issuer("https://auth.example")
        .audience("https://credentials.example").subject("lms-client-42").claim("scope", scope)
        .claim("client_id", "lms-client-42").jwtID(java.util.UUID.randomUUID().toString())
        .issueTime(java.util.Date.from(now.plusSeconds(Math.min(0, seconds) - 60)))
        .expirationTime(java.util.Date.from(now.plusSeconds(seconds))).build());
    j.sign(new com.nimbusds.jose.crypto.ECDSASigner(key));
    return j.serialize();
  }

  @Test
  void closeLetsTheRequestInFlightFinishAndRefusesNewOnes() throws Exception {
    VcApiServer server = VcApiServer.start(ServerConfig.builder().tls(false).token(TOKEN)
        .issuer(ServerConfig.Issuer.dataIntegrity(ED)).build());
    Http http = new Http(server, TOKEN);
    JsonNode vc = http.issue(Http.credential(ED), null);
    ObjectNode req = Http.JSON.createObjectNode();
    req.set("verifiableCredential", vc);
    byte[] body = req.toString().getBytes(StandardCharsets.UTF_8);
    // the issue request above may still be counted for a moment after its response reached us (the count drops when
    // the response callback completes): wait until nothing is in flight, so the count below is our request's
    for (int i = 0; i < 1000 && server.inFlight() != 0; i++) {
      Thread.sleep(10); // bounded wait (not a timing assertion)
    }
    assertEquals(0, server.inFlight(), "an earlier request never finished");
    // the body is sent in two parts over a socket of our own: the request is in flight (its handler reading) while
    // the server stops
    java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port());
    java.io.OutputStream feed = socket.getOutputStream();
    feed.write(("POST /credentials/verify HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII));
    feed.write(body, 0, body.length / 2);
    feed.flush();
    for (int i = 0; i < 1000 && server.inFlight() == 0; i++) {
      Thread.sleep(10); // bounded wait for the handler to start (not a timing assertion)
    }
    assertEquals(1, server.inFlight(), "the request never reached the handler");
    java.net.URI health = server.uri().resolve("/health");
    CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
    // new requests are refused while it stops: a 503 problem detail, or no connection at all
    boolean refused = false;
    for (int i = 0; i < 500 && !refused; i++) {
      try {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(health).build(),
            HttpResponse.BodyHandlers.ofString());
        refused = r.statusCode() == 503;
        if (refused) {
          assertTrue(r.body().contains("shutting-down"), r.body());
        }
      } catch (IOException e) {
        refused = true;
      }
      if (!refused) {
        Thread.sleep(10);
      }
    }
    assertTrue(refused, "new requests were still served while stopping");
    assertFalse(closing.isDone(), "close() returned before the request in flight finished");
    feed.write(body, body.length / 2, body.length - body.length / 2);
    feed.flush();
    socket.setSoTimeout(30_000);
    String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    socket.close();
    assertTrue(response.startsWith("HTTP/1.1 200 "), response);
    String json = response.substring(response.indexOf("\r\n\r\n") + 4);
    assertTrue(Http.JSON.readTree(json).path("verified").asBoolean(), json);
    closing.get(30, TimeUnit.SECONDS);
    server.close(); // a second close does nothing
  }
}
