package io.github.microcred.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.SecretKeyAccess;
import io.github.microcred.vc.jose.Ob3Jwt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An issuer configured for the OB 3.0 JWT profile: an RSA key signs RS256 OB 3.0 JWTs (enveloped as
 * {@code data:application/jwt,}), which the verify endpoint reads with the profile's checks; a P-256 issuer gives an
 * ES256 one per request; RSA issuers are refused Data Integrity, cryptosuites and status lists with a reason.
 */
class Ob3JwtIssuerTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String TOKEN = "test-token-0123456789abcdef";
  static final KeyPair RSA = KeyPair.generate(KeyType.RSA);
  static final KeyPair P256 = KeyPair.generate(KeyType.P256);
  static VcApiServer server;
  static Http http;

  @BeforeAll
  static void start() throws Exception {
    server = VcApiServer.start(ServerConfig.builder().tls(false).issuer(ServerConfig.Issuer.ob3Jwt(RSA))
        .issuer(ServerConfig.Issuer.dataIntegrity(P256)).token(TOKEN).build());
    http = new Http(server, TOKEN);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static ObjectNode credential(KeyPair issuer) {
    return Http.credential(issuer).put("id", "urn:uuid:3f0d7a56-0b3c-4c53-9a55-2d8f5f0c1e11");
  }

  static Http.Reply issue(ObjectNode credential, ObjectNode options) throws Exception {
    ObjectNode req = JSON.createObjectNode();
    req.set("credential", credential);
    if (options != null) {
      req.set("options", options);
    }
    return http.post("/credentials/issue", req.toString(), TOKEN);
  }

  static Http.Reply verify(JsonNode vc) throws Exception {
    ObjectNode req = JSON.createObjectNode();
    req.set("verifiableCredential", vc);
    return http.post("/credentials/verify", req.toString(), null);
  }

  static String token(JsonNode enveloped) {
    String id = enveloped.path("id").asText();
    assertTrue(id.startsWith("data:application/jwt,"), enveloped.toString());
    return id.substring("data:application/jwt,".length());
  }

  @Test
  void anRsaIssuerIssuesRs256Ob3JwtsThatVerify() throws Exception {
    Http.Reply r = issue(credential(RSA), null);
    assertEquals(201, r.status(), r.body().toString());
    JsonNode vc = r.body().get("verifiableCredential");
    assertEquals("EnvelopedVerifiableCredential", vc.path("type").asText());
    String jwt = token(vc);
    JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]));
    assertEquals("RS256", header.get("alg").asText());
    assertEquals("JWT", header.get("typ").asText());
    assertTrue(Ob3Jwt.verify(jwt).get().verified());
    Http.Reply ok = verify(vc);
    assertEquals(200, ok.status(), ok.body().toString());
    // the enveloped OB 3.0 JWT is verified with the profile: a changed sub claim is refused
    String[] p = jwt.split("\\.");
    ObjectNode payload = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(p[1]));
    payload.put("sub", "did:example:mallory");
    String forged = p[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.toString()
        .getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + p[2];
    ObjectNode env = ((ObjectNode) vc.deepCopy()).put("id", "data:application/jwt," + forged);
    Http.assertProblem(verify(env), 422);
  }

  @Test
  void aP256IssuerGivesAnEs256Ob3JwtPerRequestAndAnRsaIssuerNoDataIntegrity() throws Exception {
    Http.Reply r = issue(credential(P256), JSON.createObjectNode().put("format", "ob3-jwt"));
    assertEquals(201, r.status(), r.body().toString());
    String jwt = token(r.body().get("verifiableCredential"));
    assertEquals("ES256", JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[0])).get("alg").asText());
    assertEquals(200, verify(r.body().get("verifiableCredential")).status());
    Http.Reply di = issue(credential(RSA), JSON.createObjectNode().put("format", "data-integrity"));
    Http.assertProblem(di, 422);
    assertTrue(di.body().toString().contains("JWTs only"), di.body().toString());
    Http.assertProblem(issue(credential(RSA), JSON.createObjectNode().put("cryptosuite", "ecdsa-rdfc-2019")), 422);
    // the profile needs a credential id (the jti claim): refused with the path
    ObjectNode noId = Http.credential(RSA);
    Http.Reply missing = issue(noId, null);
    Http.assertProblem(missing, 422);
    assertTrue(missing.body().toString().contains("$.id"), missing.body().toString());
  }

  @Test
  void configFilesNameTheProfileAndRefuseWhatAnRsaKeyCannotDo(@TempDir Path dir) throws Exception {
    Path key = dir.resolve("rsa.json");
    Files.writeString(key, RSA.toKeyFile("jwk", SecretKeyAccess.get()).toString());
    Path cfg = dir.resolve("server.json");
    Files.writeString(cfg, "{\"http\":true,\"port\":0,\"tokens\":[\"" + TOKEN + "\"],\"issuers\":[{\"key\":"
        + "\"rsa.json\"}]}");
    ServerConfig c = ServerConfig.read(cfg).build();
    assertEquals(ServerConfig.Format.OB3_JWT, c.issuers().get(0).format()); // the default for an RSA key
    assertEquals(Optional.empty(), c.issuers().get(0).cryptosuite());
    for (String bad : List.of("\"format\":\"di\"", "\"cryptosuite\":\"ecdsa-rdfc-2019\"",
        "\"status\":[\"revocation\"]")) {
      Files.writeString(cfg, "{\"tokens\":[\"" + TOKEN + "\"],\"issuers\":[{\"key\":\"rsa.json\"," + bad + "}]}");
      ServerException e = assertThrows(ServerException.class, () -> ServerConfig.read(cfg).build());
      assertEquals(ServerErrorCode.INVALID_CONFIG, e.code());
      assertTrue(e.getMessage().contains("$.issuers[0]") && e.getMessage().contains("JWTs"), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> new ServerConfig.Issuer(RSA, ServerConfig.Format.OB3_JWT,
        Optional.empty(), List.of(io.github.microcred.vc.status.StatusPurpose.REVOCATION)));
    assertThrows(IllegalArgumentException.class, () -> new ServerConfig.Issuer(P256, ServerConfig.Format.OB3_JWT,
        Optional.empty(), List.of()));
  }
}
