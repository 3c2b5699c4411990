package io.github.microcred.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.Credentials;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.VerificationResult;
import io.github.microcred.vc.status.BitstringStatusList;
import io.github.microcred.vc.status.InMemoryStatusStore;
import io.github.microcred.vc.status.StatusPurpose;
import java.net.URI;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issuing with Bitstring Status List entries and publishing the lists (over HTTPS with the self-signed loopback
 * certificate, as the W3C status-list suite dereferences them).
 */
class StatusListEndpointTest {
  static final String TOKEN = "status-token-0123456789abcdef";
  static final KeyPair ED = KeyPair.generate(KeyType.ED25519);
  static final KeyPair P256 = KeyPair.generate(KeyType.P256);
  static final KeyPair PLAIN = KeyPair.generate(KeyType.ED25519);
  static final InMemoryStatusStore STORE = new InMemoryStatusStore();
  static VcApiServer server;
  static Http http;

  @BeforeAll
  static void start() throws Exception {
    server = VcApiServer.start(ServerConfig.builder().statusStore(STORE)
        .issuer(ServerConfig.Issuer.dataIntegrity(ED).withStatus(StatusPurpose.REVOCATION))
        .issuer(new ServerConfig.Issuer(P256, true, io.github.microcred.vc.Cryptosuite.ECDSA_RDFC_2019)
            .withStatus(StatusPurpose.REVOCATION, StatusPurpose.SUSPENSION))
        .issuer(ServerConfig.Issuer.dataIntegrity(PLAIN))
        .token(TOKEN).build());
    http = new Http(server, TOKEN);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void issuedCredentialCarriesAnEntryOfAPublishedSignedList() throws Exception {
    JsonNode vc = http.issue(Http.credential(ED), null);
    JsonNode entry = vc.path("credentialStatus");
    assertEquals("BitstringStatusListEntry", entry.path("type").asText(), vc.toString());
    assertEquals("revocation", entry.path("statusPurpose").asText());
    String url = entry.path("statusListCredential").asText();
    assertTrue(url.startsWith(server.uri() + "status-lists/" + ED.publicKey().didKey().substring(8)
        + "/revocation/"), url);
    assertTrue(entry.path("statusListIndex").asText().matches("[0-9]+"), entry.toString());
    assertEquals(url + "#" + entry.path("statusListIndex").asText(), entry.path("id").asText());
    // the list, fetched over https like a verifier would
    Http.Reply list = http.get(URI.create(url));
    assertEquals(200, list.status(), list.body().toString());
    assertTrue(list.type().startsWith("application/json"), list.type());
    JsonNode slc = list.body();
    assertEquals(url, slc.path("id").asText());
    assertTrue(slc.path("type").toString().contains("BitstringStatusListCredential"), slc.toString());
    assertEquals(ED.publicKey().didKey(), slc.path("issuer").asText());
    assertEquals("BitstringStatusList", slc.path("credentialSubject").path("type").asText());
    assertEquals("eddsa-rdfc-2022", slc.path("proof").path("cryptosuite").asText());
    assertTrue(slc.path("proof").path("verificationMethod").asText().startsWith("did:key:"));
    VerificationResult r = Credentials.verify(slc).get();
    assertTrue(r.verified(), r.toString());
    BitstringStatusList bits = BitstringStatusList.decode(slc.path("credentialSubject").path("encodedList")
        .asText(), 1);
    assertEquals(131_072, bits.entries());
    assertEquals(0, bits.status(Long.parseLong(entry.path("statusListIndex").asText())));
    // and the verify endpoint checks the status against it
    Http.Reply ok = http.verify(vc);
    assertEquals(200, ok.status(), ok.body().toString());
    assertTrue(ok.body().toString().contains("not revoked"), ok.body().toString());
  }

  @Test
  void jwtIssuerWithTwoPurposesGetsTwoEntriesAndVerifies() throws Exception {
    JsonNode vc = http.issue(Http.credential(P256), null);
    assertEquals("EnvelopedVerifiableCredential", vc.path("type").asText());
    String jwt = vc.path("id").asText().substring("data:application/vc+jwt,".length());
    JsonNode payload = Http.JSON.readTree(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    JsonNode status = payload.path("credentialStatus");
    assertEquals(2, status.size(), payload.toString());
    Set<String> purposes = new HashSet<>();
    status.forEach(e -> purposes.add(e.path("statusPurpose").asText()));
    assertEquals(Set.of("revocation", "suspension"), purposes);
    Http.Reply list = http.get(URI.create(status.get(1).path("statusListCredential").asText()));
    assertEquals(200, list.status());
    assertEquals("ecdsa-rdfc-2019", list.body().path("proof").path("cryptosuite").asText());
    Http.Reply ok = http.verify(vc);
    assertEquals(200, ok.status(), ok.body().toString());
  }

  @Test
  void entriesAreNeverReusedAndIssuersWithoutStatusGetNone() throws Exception {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      JsonNode e = http.issue(Http.credential(ED), null).path("credentialStatus");
      assertTrue(seen.add(e.path("statusListIndex").asText()), "reused " + e);
    }
    JsonNode plain = http.issue(Http.credential(PLAIN), null);
    assertTrue(plain.path("credentialStatus").isMissingNode(), plain.toString());
  }

  @Test
  void aCallerSuppliedStatusIsRefusedWhereTheIssuerAssignsIt() throws Exception {
    ObjectNode c = Http.credential(ED);
    c.putObject("credentialStatus").put("type", "BitstringStatusListEntry").put("statusPurpose", "revocation")
        .put("statusListIndex", "1").put("statusListCredential", "https://evil.example/list");
    ObjectNode req = Http.JSON.createObjectNode();
    req.set("credential", c);
    Http.Reply r = http.post("/credentials/issue", req.toString(), TOKEN);
    Http.assertProblem(r, 422);
    assertTrue(r.body().path("detail").asText().contains("credentialStatus"), r.body().toString());
  }

  @Test
  void unknownListsAre404AndForeignListsFailTheStatusCheck() throws Exception {
    Http.assertProblem(http.get(server.uri().resolve("/status-lists/z6MkNope/revocation/1")), 404);
    Http.assertProblem(http.get(server.uri().resolve("/status-lists/" + ED.publicKey().didKey().substring(8)
        + "/revocation/99")), 404);
    // a credential signed elsewhere pointing at a list this service does not publish: status fails, no fetch
    ObjectNode c = Http.credential(PLAIN);
    c.putObject("credentialStatus").put("type", "BitstringStatusListEntry").put("statusPurpose", "revocation")
        .put("statusListIndex", "7").put("statusListCredential", "https://issuer.example/status/1");
    ObjectNode signed = Credentials.sign(c, PLAIN, io.github.microcred.vc.Cryptosuite.EDDSA_RDFC_2022).get();
    Http.Reply r = http.verify(signed);
    Http.assertProblem(r, 422);
    assertTrue(r.body().path("detail").asText().contains("not published by this service"), r.body().toString());
  }
}
