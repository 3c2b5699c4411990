package io.github.microcred.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.core.MicroCredential;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.status.StatusPurpose;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /audits}: credentials awarded by the service, verified (status included) and mapped by stacking's
 * OB3 mapping, audited against the example certificate rules.
 */
class AuditsTest {
  static final String TOKEN = "audits-token-0123456789abcdef";
  static final KeyPair ED = KeyPair.generate(KeyType.ED25519);
  static final String LEARNER = "did:example:learner-grace";
  static JsonNode rules;
  static VcApiServer server;
  static Http http;

  @BeforeAll
  static void start() throws Exception {
    rules = Http.JSON.readTree(Files.readString(Path.of("..", "examples", "stacking", "certificate-rules.json")));
    server = VcApiServer.start(ServerConfig.builder().token(TOKEN)
        .issuer(ServerConfig.Issuer.dataIntegrity(ED).withStatus(StatusPurpose.REVOCATION))
        .microCredential("data-literacy", MicroCredential.fromJson(Files.readString(
            Path.of("..", "examples", "micro-credential.json"))))
        .build());
    http = new Http(server, TOKEN);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static JsonNode awardDataLiteracy() throws Exception {
    Http.Reply r = http.post("/microcredentials/data-literacy/awards",
        Http.JSON.createObjectNode().put("learner", LEARNER).toString(), TOKEN);
    assertEquals(201, r.status(), r.body().toString());
    return r.body().get("verifiableCredential");
  }

  static Http.Reply audit(JsonNode... credentials) throws Exception {
    ObjectNode req = Http.JSON.createObjectNode();
    req.set("rules", rules);
    var a = req.putArray("credentials");
    for (JsonNode c : credentials) {
      a.add(c);
    }
    return http.post("/audits", req.toString(), null);
  }

  static JsonNode requirement(JsonNode result, String path) {
    for (JsonNode r : result.path("requirements")) {
      if (r.path("path").asText().equals(path)) {
        return r;
      }
    }
    throw new AssertionError("no requirement " + path + " in " + result);
  }

  @Test
  void theAwardCountsTowardItsRequirementUntilRevoked() throws Exception {
    JsonNode vc = awardDataLiteracy();
    Http.Reply r = audit(vc);
    assertEquals(200, r.status(), r.body().toString());
    JsonNode result = r.body();
    // the award counts (2 ECTS toward the certificate, which also needs a capstone and 5 more credits)
    assertEquals("NOT_SATISFIED", result.path("status").asText(), result.toString());
    assertEquals(2, result.path("countedCredits").asInt(), result.toString());
    assertEquals("https://credentials.example.edu/micro/data-literacy-101",
        result.path("assignments").get(0).path("credential").asText(), result.toString());
    assertFalse(requirement(result, "$/capstone").path("satisfied").asBoolean());
    assertEquals(0, result.path("exclusions").size(), result.toString());

    ObjectNode revoke = Http.JSON.createObjectNode().put("action", "revoke");
    revoke.set("credentialStatus", vc.get("credentialStatus"));
    assertEquals(200, http.post("/credentials/status", revoke.toString(), TOKEN).status());
    JsonNode after = audit(vc).body();
    assertEquals(0, after.path("countedCredits").asInt(), after.toString());
    assertEquals(0, after.path("assignments").size(), after.toString());
    assertEquals("REVOKED", after.path("exclusions").get(0).path("reason").asText(), after.toString());
    assertEquals("$.credentials[0]", after.path("exclusions").get(0).path("credential").asText());
  }

  @Test
  void tamperedAndUnmappableCredentialsAreExcludedWithTheirReason() throws Exception {
    ObjectNode tampered = awardDataLiteracy().deepCopy();
    ((ObjectNode) tampered.get("credentialSubject")).put("id", "did:example:mallory");
    JsonNode plain = http.issue(Http.credential(ED), null); // verifies, but is not an Open Badge
    JsonNode result = audit(tampered, plain).body();
    assertEquals(2, result.path("exclusions").size(), result.toString());
    assertEquals("NOT_VERIFIED", result.path("exclusions").get(0).path("reason").asText());
    assertEquals("NOT_MAPPABLE", result.path("exclusions").get(1).path("reason").asText());
    assertEquals(0, result.path("countedCredits").asInt(), result.toString());
  }

  @Test
  void badAuditRequestsAreRefused() throws Exception {
    Http.assertProblem(http.post("/audits", "{\"credentials\":[]}", null), 400);
    ObjectNode badRules = Http.JSON.createObjectNode();
    badRules.putObject("rules").put("id", "x");
    badRules.putArray("credentials");
    Http.assertProblem(http.post("/audits", badRules.toString(), null), 422);
    ObjectNode badDate = Http.JSON.createObjectNode();
    badDate.set("rules", rules);
    badDate.putArray("credentials");
    badDate.put("asOf", "yesterday");
    Http.assertProblem(http.post("/audits", badDate.toString(), null), 400);
    ObjectNode badBudget = Http.JSON.createObjectNode();
    badBudget.set("rules", rules);
    badBudget.putArray("credentials");
    badBudget.putObject("options").put("budgetMillis", 60_000);
    Http.assertProblem(http.post("/audits", badBudget.toString(), null), 400);
  }

  @Test
  void aCredentialAwardedTwiceCountsOnceAndTheOtherIsADuplicate() throws Exception {
    JsonNode first = awardDataLiteracy();
    JsonNode second = awardDataLiteracy(); // the same achievement, issued the same day: the first one counts
    for (JsonNode[] input : new JsonNode[][] {{first, second}, {first, first}}) {
      Http.Reply r = audit(input);
      assertEquals(200, r.status(), r.body().toString());
      JsonNode result = r.body();
      assertEquals(2, result.path("countedCredits").asInt(), result.toString());
      assertEquals(1, result.path("assignments").size(), result.toString());
      assertEquals(1, result.path("exclusions").size(), result.toString());
      JsonNode dup = result.path("exclusions").get(0);
      assertEquals("DUPLICATE", dup.path("reason").asText(), result.toString());
      assertEquals("$.credentials[1]", dup.path("credential").asText(), result.toString());
      assertTrue(dup.path("detail").asText().contains("$.credentials[0]"), result.toString());
    }
  }
}
