package io.github.microcred.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.sdjwt.SdJwt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * X.509 trust anchors (and CRLs) of the verify endpoints, from the configuration file's {@code trustAnchors} /
 * {@code crls} or {@code MCRED_SERVER_TRUST_ANCHORS} / {@code MCRED_SERVER_CRLS}: an SD-JWT VC whose {@code x5c}
 * chain (generated root → intermediate → end-entity) validates to a configured root verifies; to another root, or
 * with no anchors configured, it does not (as before); a revoked end-entity certificate does not.
 */
class X509TrustAnchorsTest {
  static final String ISSUER = "https://issuer.example/issuers/1";

  static String pem(X509Certificate... certs) throws Exception {
    StringBuilder b = new StringBuilder();
    for (X509Certificate c : certs) {
      b.append(TestPki.pem("CERTIFICATE", c.getEncoded()));
    }
    return b.toString();
  }

  static int verifyStatus(ServerConfig config, String token) throws Exception {
    try (VcApiServer s = VcApiServer.start(config)) {
      Http.Reply r = new Http(s, null).verify(Http.JSON.getNodeFactory().textNode(token));
      return r.status();
    }
  }

  @Test
  void aChainToAConfiguredRootVerifiesAnotherRootOrNoneIsRefused(@TempDir Path dir) throws Exception {
    TestPki.Ca root = TestPki.root("Root CA");
    TestPki.Ca ca = TestPki.intermediate(root);
    KeyPair issuer = KeyPair.generate(KeyType.P256);
    X509Certificate leaf = TestPki.leaf(issuer, ca, "issuer.example");
    ObjectNode vc = Http.credential(issuer).put("issuer", ISSUER);
    String token = SdJwt.issue(vc, issuer).withX5c(List.of(leaf, ca.cert())).withVct("https://example.org/vct/B")
        .get();
    Files.writeString(dir.resolve("root.pem"), pem(root.cert()));
    Files.writeString(dir.resolve("other.pem"), pem(TestPki.root("Root CA").cert()));
    Files.writeString(dir.resolve("ca.crl"), TestPki.pem("X509 CRL", TestPki.crl(ca).getEncoded()));
    Files.writeString(dir.resolve("root.crl"), TestPki.pem("X509 CRL", TestPki.crl(root).getEncoded()));
    Files.writeString(dir.resolve("revoked.crl"), TestPki.pem("X509 CRL", TestPki.crl(ca, leaf).getEncoded()));
    Path cfg = dir.resolve("server.json");

    Files.writeString(cfg, "{\"http\":true,\"port\":0,\"trustAnchors\":[\"root.pem\"]}");
    ServerConfig trusting = ServerConfig.read(cfg).build();
    assertEquals(List.of(root.cert()), trusting.trustAnchors());
    assertEquals(200, verifyStatus(trusting, token));
    Files.writeString(cfg, "{\"http\":true,\"port\":0,\"trustAnchors\":[\"other.pem\"]}");
    assertEquals(422, verifyStatus(ServerConfig.read(cfg).build(), token));
    Files.writeString(cfg, "{\"http\":true,\"port\":0}");
    assertEquals(422, verifyStatus(ServerConfig.read(cfg).build(), token), "no anchors: x5c is not read");
    // the environment replaces the file's anchors
    assertEquals(200, verifyStatus(ServerConfig.read(cfg).environment(Map.of("MCRED_SERVER_TRUST_ANCHORS",
        dir.resolve("other.pem") + "," + dir.resolve("root.pem"))).build(), token));

    // CRLs: clean lists pass, the end-entity revoked is refused, a missing list of the root fails closed
    Files.writeString(cfg, "{\"http\":true,\"port\":0,\"trustAnchors\":[\"root.pem\"],\"crls\":[\"ca.crl\","
        + "\"root.crl\"]}");
    assertEquals(200, verifyStatus(ServerConfig.read(cfg).build(), token));
    assertEquals(422, verifyStatus(ServerConfig.read(cfg).environment(Map.of("MCRED_SERVER_CRLS",
        dir.resolve("revoked.crl") + "," + dir.resolve("root.crl"))).build(), token));
    assertEquals(422, verifyStatus(ServerConfig.read(cfg).environment(Map.of("MCRED_SERVER_CRLS",
        dir.resolve("ca.crl").toString())).build(), token));
  }

  @Test
  void badAnchorAndCrlSettingsNameTheirMemberOrVariable(@TempDir Path dir) throws Exception {
    Path cfg = dir.resolve("server.json");
    Files.writeString(dir.resolve("junk.pem"), "not a certificate");
    Files.writeString(dir.resolve("root.pem"), pem(TestPki.root("Root CA").cert()));
    for (String[] c : new String[][] {
        {"{\"trustAnchors\":\"root.pem\"}", "$.trustAnchors: expected a non-empty array"},
        {"{\"trustAnchors\":[]}", "$.trustAnchors: expected a non-empty array"},
        {"{\"trustAnchors\":[7]}", "$.trustAnchors[0]: expected a file path"},
        {"{\"trustAnchors\":[\"junk.pem\"]}", "$.trustAnchors: " + dir.resolve("junk.pem")},
        {"{\"trustAnchors\":[\"missing.pem\"]}", "missing.pem: not readable"},
        {"{\"trustAnchors\":[\"root.pem\"],\"crls\":[\"root.pem\"]}", "$.crls: " + dir.resolve("root.pem")}}) {
      Files.writeString(cfg, c[0]);
      ServerException e = assertThrows(ServerException.class, () -> ServerConfig.read(cfg), c[0]);
      assertTrue(e.getMessage().contains(c[1]), e.getMessage());
    }
    ServerException e = assertThrows(ServerException.class, () -> ServerConfig.builder().environment(Map.of(
        "MCRED_SERVER_TRUST_ANCHORS", dir.resolve("junk.pem").toString())));
    assertTrue(e.getMessage().startsWith("MCRED_SERVER_TRUST_ANCHORS: "), e.getMessage());
    Files.writeString(cfg, "{\"crls\":[\"root.pem\"]}");
    assertThrows(ServerException.class, () -> ServerConfig.read(cfg));
    IllegalArgumentException noAnchors = assertThrows(IllegalArgumentException.class, () -> ServerConfig.builder()
        .crls(List.of(TestPki.crl(TestPki.root("R")))).build());
    assertTrue(noAnchors.getMessage().contains("trustAnchors"), noAnchors.getMessage());
  }
}
