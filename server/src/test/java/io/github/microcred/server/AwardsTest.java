package io.github.microcred.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.core.MicroCredential;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.SecretKeyAccess;
import io.github.microcred.vc.ob3.Awards;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /microcredentials/{name}/awards}: a configured core MicroCredential awarded as an OB3 credential. */
class AwardsTest {
  static final String TOKEN = "awards-token-0123456789abcdef";
  static final KeyPair ED = KeyPair.generate(KeyType.ED25519);
  static final KeyPair P256 = KeyPair.generate(KeyType.P256);
  static final String LEARNER = "did:example:learner-ada";
  static MicroCredential mc;
  static VcApiServer server;
  static Http http;
  @TempDir static Path dir;

  @BeforeAll
  static void start() throws Exception {
    Path example = Path.of("..", "examples", "micro-credential.json");
    mc = MicroCredential.fromJson(Files.readString(example));
    Files.createDirectories(dir.resolve("mc"));
    Files.copy(example, dir.resolve("mc").resolve("data-literacy.json"));
    Files.writeString(dir.resolve("ed.json"), ED.toKeyFile("multikey", SecretKeyAccess.get()).toString());
    Files.writeString(dir.resolve("p256.json"), P256.toKeyFile("multikey", SecretKeyAccess.get()).toString());
    Files.writeString(dir.resolve("server.json"), "{\"port\":0,\"statusStore\":\"memory\",\"tokens\":[\"" + TOKEN
        + "\"],\"microcredentials\":\"mc\",\"issuers\":[{\"key\":\"ed.json\",\"status\":[\"revocation\"]},"
        + "{\"key\":\"p256.json\"}]}");
    ServerConfig cfg = ServerConfig.read(dir.resolve("server.json")).build();
    assertEquals(mc, cfg.microCredentials().get("data-literacy"));
    server = VcApiServer.start(cfg);
    http = new Http(server, TOKEN);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Http.Reply award(String name, ObjectNode body, String token) throws Exception {
    return http.post("/microcredentials/" + name + "/awards", body.toString(), token);
  }

  @Test
  void awardsAnOpenBadgeThatVerifiesAndMapsBack() throws Exception {
    Http.Reply r = award("data-literacy", Http.JSON.createObjectNode().put("learner", LEARNER), TOKEN);
    assertEquals(201, r.status(), r.body().toString());
    JsonNode vc = r.body().get("verifiableCredential");
    assertTrue(vc.path("type").toString().contains("OpenBadgeCredential"), vc.toString());
    assertEquals(ED.publicKey().didKey(), vc.path("issuer").path("id").asText(), vc.toString());
    assertEquals("Example Technological University", vc.path("issuer").path("name").asText());
    assertEquals(LEARNER, vc.path("credentialSubject").path("id").asText());
    assertEquals(mc.title(), vc.path("credentialSubject").path("achievement").path("name").asText());
    assertEquals("eddsa-rdfc-2022", vc.path("proof").path("cryptosuite").asText());
    // an OB 3.0 badge of an issuer with revocation status: its Bitstring entry and the 1EdTech Revocation List
    assertEquals("revocation", vc.path("credentialStatus").get(0).path("statusPurpose").asText(), vc.toString());
    assertEquals(io.github.microcred.vc.status.RevocationList.TYPE, vc.path("credentialStatus").get(1).path("type")
        .asText(), vc.toString());
    assertEquals(200, http.verify(vc).status());
    // the award maps back to the same micro-credential and learner
    var back = Awards.fromCredential(vc);
    assertEquals(LEARNER, back.learner().value());
    assertEquals(mc.id(), back.microCredential().id());
  }

  @Test
  void anotherIssuerAndFormatByRequest() throws Exception {
    ObjectNode body = Http.JSON.createObjectNode().put("learner", LEARNER).put("issuer", P256.publicKey().didKey());
    body.putObject("options").put("format", "vc+jwt");
    Http.Reply r = award("data-literacy", body, TOKEN);
    assertEquals(201, r.status(), r.body().toString());
    JsonNode vc = r.body().get("verifiableCredential");
    assertEquals("EnvelopedVerifiableCredential", vc.path("type").asText());
    assertEquals(200, http.verify(vc).status());
  }

  @Test
  void badAwardsAreRefused() throws Exception {
    ObjectNode ok = Http.JSON.createObjectNode().put("learner", LEARNER);
    Http.assertProblem(award("data-literacy", ok, null), 401);
    Http.assertProblem(award("nope", ok, TOKEN), 404);
    Http.assertProblem(award("data-literacy", Http.JSON.createObjectNode().put("learner", "Ada Lovelace"), TOKEN),
        400);
    Http.assertProblem(award("data-literacy", Http.JSON.createObjectNode(), TOKEN), 400);
    Http.assertProblem(award("data-literacy", ok.deepCopy().put("issuer", "did:example:other"), TOKEN), 422);
    Http.assertProblem(award("data-literacy", ok.deepCopy().put("grade", "A"), TOKEN), 400);
    assertThrows(IllegalArgumentException.class, () -> ServerConfig.builder().microCredential("a/b", mc));
  }
}
