package io.github.microcred.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ecdsa-sd-2023 over the VC-API on 127.0.0.1: {@code /credentials/issue} with {@code options.cryptosuite} and
 * {@code options.mandatoryPointers} (a base proof), {@code POST /credentials/derive} with
 * {@code options.selectivePointers} (201, the derived credential), {@code /credentials/verify} of the result (and a
 * refusal of the base proof); problem details for what cannot be derived.
 */
class DeriveEndpointTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String TOKEN = "test-token-derive-0123456789";
  static final KeyPair P256 = KeyPair.generate(KeyType.P256);
  static final KeyPair ED = KeyPair.generate(KeyType.ED25519);
  static VcApiServer server;
  static Http http;

  @BeforeAll
  static void start() throws Exception {
    server = VcApiServer.start(ServerConfig.builder().tls(false).maxBodyBytes(256 * 1024)
        .issuer(ServerConfig.Issuer.dataIntegrity(P256)).issuer(ServerConfig.Issuer.dataIntegrity(ED))
        .token(TOKEN).build());
    http = new Http(server, TOKEN);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static ObjectNode sdOptions(String... mandatory) {
    ObjectNode o = JSON.createObjectNode().put("cryptosuite", "ecdsa-sd-2023");
    var a = o.putArray("mandatoryPointers");
    for (String m : mandatory) {
      a.add(m);
    }
    return o;
  }

  static Http.Reply derive(JsonNode vc, String... pointers) throws Exception {
    ObjectNode req = JSON.createObjectNode();
    req.set("verifiableCredential", vc);
    var a = req.putObject("options").putArray("selectivePointers");
    for (String p : pointers) {
      a.add(p);
    }
    return http.post("/credentials/derive", req.toString(), null);
  }

  @Test
  void issueDeriveVerify() throws Exception {
    ObjectNode c = Http.credential(P256);
    ((ObjectNode) c.get("credentialSubject")).put("description", "born 1990-01-01");
    JsonNode base = http.issue(c, sdOptions("/issuer", "/validFrom"));
    assertEquals("ecdsa-sd-2023", base.at("/proof/cryptosuite").asText(), base.toString());
    Http.Reply refused = http.verify(base);
    Http.assertProblem(refused, 422);
    assertTrue(refused.body().toString().contains("base proof"), refused.body().toString());

    Http.Reply d = derive(base, "/credentialSubject/name");
    assertEquals(201, d.status(), d.body().toString());
    JsonNode derived = d.body();
    assertEquals("Ada Lovelace", derived.at("/credentialSubject/name").asText());
    assertTrue(derived.at("/credentialSubject/description").isMissingNode(), derived.toString());
    assertEquals(base.get("issuer"), derived.get("issuer"));
    Http.Reply v = http.verify(derived);
    assertEquals(200, v.status(), v.body().toString());
    assertTrue(v.body().path("verified").asBoolean(), v.body().toString());
    // tampered after derivation
    ObjectNode tampered = derived.deepCopy();
    ((ObjectNode) tampered.get("credentialSubject")).put("name", "Mallory");
    Http.assertProblem(http.verify(tampered), 422);
  }

  @Test
  void whatCannotBeDerivedIsAProblem() throws Exception {
    JsonNode base = http.issue(Http.credential(P256), sdOptions("/issuer"));
    Http.assertProblem(derive(base, "/credentialSubject/nope"), 422);
    assertTrue(derive(base, "/credentialSubject/nope").body().path("detail").asText()
        .contains("/credentialSubject/nope"));
    JsonNode rdfc = http.issue(Http.credential(P256), null);
    Http.assertProblem(derive(rdfc, "/credentialSubject"), 422);
    Http.assertProblem(http.post("/credentials/derive", "{\"verifiableCredential\": 1}", null), 400);
    Http.assertProblem(http.post("/credentials/derive", "{\"verifiableCredential\": {}, \"options\": "
        + "{\"selectivePointers\": [1]}}", null), 400);
    // mandatory pointers: only with ecdsa-sd-2023, and only for a P-256 issuer
    ObjectNode req = JSON.createObjectNode();
    req.set("credential", Http.credential(P256));
    req.putObject("options").putArray("mandatoryPointers").add("/issuer");
    Http.assertProblem(http.post("/credentials/issue", req.toString(), TOKEN), 422);
    req.set("credential", Http.credential(ED));
    req.set("options", sdOptions("/issuer"));
    Http.assertProblem(http.post("/credentials/issue", req.toString(), TOKEN), 422);
  }
}
