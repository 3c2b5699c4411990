package io.github.microcred.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.KeyPair;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A test client of a {@link VcApiServer} on loopback: java.net.http, trusting the server's self-signed certificate
 * (and nothing else is ever contacted: every URI is the server's).
 */
final class Http {
  static final ObjectMapper JSON = new ObjectMapper();
  private final VcApiServer server;
  private final String token;
  private final HttpClient client;

  record Reply(int status, String type, JsonNode body, java.net.http.HttpHeaders headers) {}

  Http(VcApiServer server, String token) throws Exception {
    this.server = server;
    this.token = token;
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, new TrustManager[] {new X509TrustManager() {
      @Override
      public void checkClientTrusted(X509Certificate[] c, String a) {}

      @Override
      public void checkServerTrusted(X509Certificate[] c, String a) {}

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    }}, null);
    SSLParameters params = new SSLParameters();
    params.setEndpointIdentificationAlgorithm(null);
    this.client = HttpClient.newBuilder().sslContext(ctx).sslParameters(params).build();
  }

  HttpClient client() {
    return client;
  }

  static ObjectNode credential(KeyPair issuer) {
    ObjectNode c = JSON.createObjectNode();
    c.putArray("@context").add("https://www.w3.org/ns/credentials/v2");
    c.putArray("type").add("VerifiableCredential");
    c.put("issuer", issuer.publicKey().didKey()).put("validFrom", "2025-01-01T00:00:00Z");
    c.putObject("credentialSubject").put("id", "did:example:learner").put("name", "Ada Lovelace");
    return c;
  }

  Reply post(String path, String body, String bearer) throws Exception {
    return post(path, body, bearer, "application/json");
  }

  /** A POST with this Content-Type, or none when {@code contentType} is null. */
  Reply post(String path, String body, String bearer, String contentType) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(server.uri().resolve(path))
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    return reply(client.send(b.build(), HttpResponse.BodyHandlers.ofString()));
  }

  Reply get(URI uri) throws Exception {
    assertEquals(server.uri().getAuthority(), uri.getAuthority(), "tests only call the server under test");
    return reply(client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()));
  }

  private static Reply reply(HttpResponse<String> r) throws Exception {
    return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), JSON.readTree(r.body()),
        r.headers());
  }

  JsonNode issue(ObjectNode credential, ObjectNode options) throws Exception {
    ObjectNode req = JSON.createObjectNode();
    req.set("credential", credential);
    if (options != null) {
      req.set("options", options);
    }
    Reply r = post("/credentials/issue", req.toString(), token);
    assertEquals(201, r.status, r.body.toString());
    return r.body.get("verifiableCredential");
  }

  Reply verify(JsonNode vc) throws Exception {
    ObjectNode req = JSON.createObjectNode();
    req.set("verifiableCredential", vc);
    req.putObject("options").putArray("checks").add("proof").add("credentialStatus");
    return post("/credentials/verify", req.toString(), null);
  }

  static void assertProblem(Reply r, int status) {
    assertEquals(status, r.status, r.body.toString());
    assertTrue(r.type.startsWith("application/problem+json"), r.type);
    assertEquals(status, r.body.path("status").asInt());
    assertTrue(r.body.path("type").asText().startsWith("urn:microcred:problem:"), r.body.toString());
    assertFalse(r.body.path("detail").asText().isEmpty(), r.body.toString());
  }
}
