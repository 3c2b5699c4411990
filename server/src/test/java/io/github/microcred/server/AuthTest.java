package io.github.microcred.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.SecretKeyAccess;
import io.github.microcred.vc.status.StatusPurpose;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Authentication on loopback: static API tokens and OAuth 2.0 client-credentials JWTs verified against a JWKS file;
 * no token, a wrong or forged one, an expired one → 401; a valid one without the scope → 403.
 */
class AuthTest {
  static final String API_TOKEN = "auth-api-token-0123456789abcdef";
  static final String ISS = "https://auth.example";
  static final String AUD = "https://credentials.example";
  static final KeyPair ED = KeyPair.generate(KeyType.ED25519);
  static RSAKey rsa;
  static ECKey ec;
  static RSAKey stranger;
  static VcApiServer server;
  static Http http;
  @TempDir static Path dir;

  @BeforeAll
  static void start() throws Exception {
    rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
    ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
    stranger = new RSAKeyGenerator(2048).keyID("rsa-1").generate(); // same kid, not in the JWKS
    // the file holds private parts too (as some exports do): only the public keys are kept
    Files.writeString(dir.resolve("jwks.json"), new JWKSet(List.of(rsa, ec)).toString(false));
    Files.writeString(dir.resolve("issuer.json"), ED.toKeyFile("multikey", SecretKeyAccess.get()).toString());
    Files.writeString(dir.resolve("server.json"), "{\"http\":true,\"port\":0,\"statusStore\":\"memory\","
        + "\"tokens\":[\"" + API_TOKEN + "\"],\"issuers\":[{\"key\":\"issuer.json\",\"status\":[\"revocation\"]}],"
        + "\"auth\":{\"openVerify\":false,\"oauth\":{\"jwks\":\"jwks.json\",\"issuer\":\"" + ISS + "\","
        + "\"audience\":\"" + AUD + "\"}}}");
    ServerConfig cfg = ServerConfig.read(dir.resolve("server.json")).build();
    assertEquals(List.of(StatusPurpose.REVOCATION), cfg.issuers().get(0).status());
    assertTrue(cfg.oauth().orElseThrow().keys().getKeys().stream().noneMatch(k -> k.isPrivate()));
    server = VcApiServer.start(cfg);
    http = new Http(server, API_TOKEN);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static JWTClaimsSet.Builder claims(String scope) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder().issuer(ISS).audience(AUD).subject("lms-client-42").issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(300))).claim("scope", scope).claim("client_id", "lms-client-42")
        .jwtID(java.util.UUID.randomUUID().toString());
  }

  static String rs256(JWTClaimsSet c, RSAKey key) throws Exception {
    SignedJWT j = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
        .type(new JOSEObjectType("at+jwt")).build(), c);
    j.sign(new RSASSASigner(key));
    return j.serialize();
  }

  static String es256(JWTClaimsSet c) throws Exception {
    SignedJWT j = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(ec.getKeyID())
        .type(new JOSEObjectType("at+jwt")).build(), c);
    j.sign(new ECDSASigner(ec));
    return j.serialize();
  }

  static ObjectNode issueBody() {
    ObjectNode req = Http.JSON.createObjectNode();
    req.set("credential", Http.credential(ED));
    return req;
  }

  static Http.Reply issue(String token) throws Exception {
    return http.post("/credentials/issue", issueBody().toString(), token);
  }

  static void assertUnauthorized(Http.Reply r) {
    Http.assertProblem(r, 401);
  }

  @Test
  void staticTokenAndScopedAccessTokensAreAccepted() throws Exception {
    assertEquals(201, issue(API_TOKEN).status());
    assertEquals(201, issue(rs256(claims("credentials:issue").build(), rsa)).status());
    Http.Reply ec256 = issue(es256(claims("openid credentials:issue credentials:status").build()));
    assertEquals(201, ec256.status(), ec256.body().toString());
    // scp as an array works too
    assertEquals(201, issue(rs256(claims(null).claim("scp", List.of("credentials:issue")).build(), rsa)).status());
  }

  @Test
  void aRefusedRequestWhoseBodyWasNotReadLeavesItsConnectionUsable() throws Exception {
    // the 401 is decided before the body is read. Closing the socket with the body unread resets it, and a client
    // still sending then loses the answer (seen in CI as "header parser received no bytes"); keeping the unread
    // body makes the next request on the connection unreadable. So the server reads and drops it: two requests
    // pipelined on one socket both get their answers, in order.
    byte[] body = issueBody().toString().getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST /credentials/issue HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
          + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String both = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int second = both.indexOf("HTTP/1.1 200");
      assertTrue(both.startsWith("HTTP/1.1 401"), both);
      assertTrue(second > 0 && both.substring(second).contains("\"status\":\"ok\""), both);
      assertTrue(!both.substring(0, second).toLowerCase(Locale.ROOT).contains("connection: close"), both);
    }
    // a declared body beyond the drain bound (twice the body limit) is not read: the answer says Connection: close
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(("POST /credentials/issue HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "Content-Type: application/json\r\nContent-Length: " + (3L * ServerConfig.DEFAULT_MAX_BODY_BYTES)
          + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(answer.startsWith("HTTP/1.1 401"), answer);
      assertTrue(answer.toLowerCase(Locale.ROOT).contains("connection: close"), answer);
    }
    for (int i = 0; i < 40; i++) {
      assertUnauthorized(issue(null));
      assertEquals(201, issue(API_TOKEN).status());
    }
  }

  @Test
  void noWrongForgedExpiredOrMisaddressedTokensAre401() throws Exception {
    Http.Reply none = issue(null);
    assertUnauthorized(none);
    assertUnauthorized(issue("not-a-token-at-all-0123456789"));
    assertUnauthorized(issue(API_TOKEN + "x"));
    // signed by a key that is not in the JWKS (same kid)
    assertUnauthorized(issue(rs256(claims("credentials:issue").build(), stranger)));
    // expired (beyond the verifier's skew)
    Instant past = Instant.now().minusSeconds(3600);
    Http.Reply expired = issue(rs256(claims("credentials:issue").issueTime(Date.from(past.minusSeconds(60)))
        .expirationTime(Date.from(past)).build(), rsa));
    assertUnauthorized(expired);
    assertTrue(expired.body().path("detail").asText().toLowerCase(Locale.ROOT).contains("expired"),
        expired.body().toString());
    // wrong audience, wrong issuer, no exp
    assertUnauthorized(issue(rs256(claims("credentials:issue").audience("https://other.example").build(), rsa)));
    assertUnauthorized(issue(rs256(claims("credentials:issue").issuer("https://evil.example").build(), rsa)));
    assertUnauthorized(issue(rs256(claims("credentials:issue").expirationTime(null).build(), rsa)));
    // alg none, and HS256 keyed with the RSA public key (algorithm confusion)
    assertUnauthorized(issue(new PlainJWT(claims("credentials:issue").build()).serialize()));
    SignedJWT hs = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("rsa-1").build(),
        claims("credentials:issue").build());
    hs.sign(new MACSigner(java.util.Arrays.copyOf(rsa.toPublicJWK().toRSAPublicKey().getEncoded(), 64)));
    assertUnauthorized(issue(hs.serialize()));
    // a tampered payload
    String good = rs256(claims("credentials:status").build(), rsa);
    String[] parts = good.split("\\.");
    String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]),
        StandardCharsets.UTF_8)
        .replace("credentials:status", "credentials:issue");
    String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
        payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    assertUnauthorized(issue(forged));
    // the challenge says why
    HttpResponse<String> raw = http.client().send(HttpRequest.newBuilder(server.uri().resolve("/credentials/issue"))
        .header("Authorization", "Bearer " + API_TOKEN + "x").POST(HttpRequest.BodyPublishers.ofString("{}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(401, raw.statusCode());
    assertTrue(raw.headers().firstValue("WWW-Authenticate").orElse("").contains("error=\"invalid_token\""),
        raw.headers().map().toString());
  }

  @Test
  void notYetValidTokensAre401() throws Exception {
    Instant now = Instant.now();
    // nbf ten minutes ahead: beyond the verifier's 60 s skew
    Http.Reply early = issue(rs256(claims("credentials:issue").notBeforeTime(Date.from(now.plusSeconds(600)))
        .build(), rsa));
    assertUnauthorized(early);
    assertTrue(early.body().path("detail").asText().contains("before use time"), early.body().toString());
    // the same token with nbf now is accepted: the refusal above is the nbf, nothing else
    assertEquals(201, issue(rs256(claims("credentials:issue").notBeforeTime(Date.from(now)).build(), rsa))
        .status());
    // and with nbf inside the skew (clocks of the two servers drift) too
    assertEquals(201, issue(rs256(claims("credentials:issue").notBeforeTime(Date.from(now.plusSeconds(20)))
        .build(), rsa)).status());
  }

  /** An RS256 access token with this {@code typ} header (none when null). */
  static String typed(JOSEObjectType typ, JWTClaimsSet c) throws Exception {
    SignedJWT j = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(rsa.getKeyID()).type(typ).build(), c);
    j.sign(new RSASSASigner(rsa));
    return j.serialize();
  }

  static void assertUnauthorized(Http.Reply r, String because) {
    assertUnauthorized(r);
    assertTrue(r.body().path("detail").asText().contains(because), because + ": " + r.body());
  }

  @Test
  void tokensOffTheRfc9068ProfileAre401() throws Exception {
    Instant now = Instant.now();
    // iat ten minutes ahead: beyond the 60 s skew; 20 s ahead is inside it
    assertUnauthorized(issue(rs256(claims("credentials:issue").issueTime(Date.from(now.plusSeconds(600))).build(),
        rsa)), "issued in the future");
    assertEquals(201, issue(rs256(claims("credentials:issue").issueTime(Date.from(now.plusSeconds(20))).build(),
        rsa)).status());
    // every claim RFC 9068 §2.2 makes REQUIRED, each missing alone
    for (String claim : List.of("iss", "exp", "aud", "sub", "client_id", "iat", "jti")) {
      JWTClaimsSet.Builder b = claims("credentials:issue");
      b.claim(claim, null);
      assertUnauthorized(issue(rs256(b.build(), rsa)), claim);
    }
    assertUnauthorized(issue(rs256(claims("credentials:issue").jwtID(" ").build(), rsa)), "jti");
    assertUnauthorized(issue(rs256(claims("credentials:issue").claim("client_id", 42).build(), rsa)), "client_id");
    // typ: at+jwt or application/at+jwt (§4 step 1); JWT (an ID token's) or none refused
    assertEquals(201, issue(typed(new JOSEObjectType("application/at+jwt"), claims("credentials:issue").build()))
        .status());
    assertUnauthorized(issue(typed(JOSEObjectType.JWT, claims("credentials:issue").build())), "type");
    assertUnauthorized(issue(typed(null, claims("credentials:issue").build())), "type");
    // iss and aud exact: no trailing slash, no case folding; aud may be a list holding ours
    assertUnauthorized(issue(rs256(claims("credentials:issue").issuer(ISS + "/").build(), rsa)), "iss");
    assertUnauthorized(issue(rs256(claims("credentials:issue").issuer(ISS.toUpperCase(Locale.ROOT)).build(), rsa)),
        "iss");
    assertUnauthorized(issue(rs256(claims("credentials:issue").audience(AUD + "/").build(), rsa)), "aud");
    assertUnauthorized(issue(rs256(claims("credentials:issue").audience(List.of("https://other.example",
        AUD.replace("https", "HTTPS"))).build(), rsa)), "aud");
    assertEquals(201, issue(rs256(claims("credentials:issue").audience(List.of("https://other.example", AUD))
        .build(), rsa)).status());
    // jti is not one-time: a bearer access token serves every request until it expires (RFC 6750; RFC 9068 asks
    // for no replay check), so the same token is accepted again
    String token = rs256(claims("credentials:issue").build(), rsa);
    assertEquals(201, issue(token).status());
    assertEquals(201, issue(token).status());
  }

  static String rsSigned(JWSAlgorithm alg, JWTClaimsSet c) throws Exception {
    SignedJWT j = new SignedJWT(new JWSHeader.Builder(alg).keyID(rsa.getKeyID()).type(new JOSEObjectType("at+jwt"))
        .build(), c);
    j.sign(new RSASSASigner(rsa));
    return j.serialize();
  }

  @Test
  void tokensSignedWithAnAlgorithmOffTheConfiguredListAre401() throws Exception {
    // signed by a key of the JWKS, but RS512 / PS384 are not in the default list (RS256, PS256, ES256, ES384)
    assertEquals(List.of("RS256", "PS256", "ES256", "ES384"), server.config().oauth().orElseThrow().algorithms());
    for (JWSAlgorithm alg : List.of(JWSAlgorithm.RS512, JWSAlgorithm.PS384, JWSAlgorithm.RS384)) {
      Http.Reply r = issue(rsSigned(alg, claims("credentials:issue").build()));
      assertUnauthorized(r);
      assertTrue(r.body().path("detail").asText().contains("no matching key"), alg + ": " + r.body());
    }
    // the very same tokens are accepted by an authenticator whose list has them: the list is what refused them
    ServerConfig listed = ServerConfig.builder().tls(false).oauth(new ServerConfig.OAuth(new JWKSet(List.of(rsa)),
        ISS, AUD, List.of("RS512", "PS384", "RS384"))).build();
    io.github.microcred.server.internal.Authenticator a = new io.github.microcred.server.internal.Authenticator(
        listed);
    for (JWSAlgorithm alg : List.of(JWSAlgorithm.RS512, JWSAlgorithm.PS384, JWSAlgorithm.RS384)) {
      assertEquals(200, a.check("Bearer " + rsSigned(alg, claims("credentials:issue").build()), "credentials:issue")
          .status(), alg.getName());
    }
    // and that list in turn refuses RS256
    assertEquals(401, a.check("Bearer " + rs256(claims("credentials:issue").build(), rsa), "credentials:issue")
        .status());
  }

  @Test
  void aValidTokenWithoutTheScopeIs403() throws Exception {
    String statusOnly = rs256(claims("credentials:status").build(), rsa);
    Http.Reply r = issue(statusOnly);
    Http.assertProblem(r, 403);
    assertEquals("credentials:issue", r.body().path("scope").asText());
    HttpResponse<String> raw = http.client().send(HttpRequest.newBuilder(server.uri().resolve("/credentials/issue"))
        .header("Authorization", "Bearer " + statusOnly).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertTrue(raw.headers().firstValue("WWW-Authenticate").orElse("").contains("error=\"insufficient_scope\""));
    // the status scope does open /credentials/status (and the issue scope does not)
    JsonNode vc = http.issue(Http.credential(ED), null);
    ObjectNode update = Http.JSON.createObjectNode().put("action", "revoke");
    update.set("credentialStatus", vc.get("credentialStatus"));
    Http.assertProblem(http.post("/credentials/status", update.toString(),
        rs256(claims("credentials:issue").build(), rsa)), 403);
    assertEquals(200, http.post("/credentials/status", update.toString(), statusOnly).status());
  }

  @Test
  void verifyIsProtectedWhenConfiguredSo() throws Exception {
    JsonNode vc = http.issue(Http.credential(ED), null);
    ObjectNode req = Http.JSON.createObjectNode();
    req.set("verifiableCredential", vc);
    assertUnauthorized(http.post("/credentials/verify", req.toString(), null));
    Http.assertProblem(http.post("/credentials/verify", req.toString(),
        rs256(claims("credentials:issue").build(), rsa)), 403);
    assertEquals(200, http.post("/credentials/verify", req.toString(),
        rs256(claims("credentials:verify").build(), rsa)).status());
    assertUnauthorized(http.post("/presentations/verify", "{}", null));
    // status lists and health stay open
    JsonNode entry = vc.path("credentialStatus");
    assertEquals(200, http.get(java.net.URI.create(entry.path("statusListCredential").asText())).status());
    assertEquals(200, http.get(server.uri().resolve("/health")).status());
  }
}
