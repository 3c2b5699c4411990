package io.github.microcred.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.microcred.server.internal.SelfSignedCertificate;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.SecretKeyAccess;
import io.github.microcred.vc.status.StatusPurpose;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration file, its environment overrides and a configured TLS key store. */
class ServerConfigTest {
  static final String TOKEN = "file-token-0123456789abcdef";
  static final String ENV_TOKEN = "env-token-0123456789abcdef";

  static Path keyFile(Path dir, KeyPair key) throws Exception {
    Path f = dir.resolve("issuer.json");
    Files.writeString(f, key.toKeyFile("multikey", SecretKeyAccess.get()).toString());
    return f;
  }

  @Test
  void fileThenEnvironmentOverrides(@TempDir Path dir) throws Exception {
    KeyPair ed = KeyPair.generate(KeyType.ED25519);
    keyFile(dir, ed);
    Path cfg = dir.resolve("server.json");
    Files.writeString(cfg, "{\"port\":8443,\"tokens\":[\"" + TOKEN + "\"],\"publicUrl\":\"https://issuer.example\","
        + "\"statusStore\":\"memory\",\"issuers\":[{\"key\":\"issuer.json\",\"status\":[\"revocation\","
        + "\"suspension\"]}]}");
    ServerConfig plain = ServerConfig.read(cfg).build();
    assertEquals(8443, plain.port());
    assertTrue(plain.tls());
    assertEquals(URI.create("https://issuer.example"), plain.publicUrl().orElseThrow());
    assertTrue(plain.statusStore().isPresent());
    assertEquals(java.util.List.of(StatusPurpose.REVOCATION, StatusPurpose.SUSPENSION),
        plain.issuers().get(0).status());
    ServerConfig c = ServerConfig.read(cfg).environment(Map.of("MCRED_SERVER_PORT", "0", "MCRED_SERVER_HTTP", "true",
        "MCRED_SERVER_TOKENS", ENV_TOKEN + ", " + ENV_TOKEN + "2", "MCRED_SERVER_PUBLIC_URL", "https://other.example",
        "MCRED_SERVER_STATUS_STORE", "jdbc:h2:mem:x", "MCRED_SERVER_MAX_BODY_BYTES", "4096", "UNRELATED", "1"))
        .build();
    assertEquals(0, c.port());
    assertFalse(c.tls());
    assertEquals(4096, c.maxBodyBytes());
    assertTrue(c.acceptsToken(TOKEN) && c.acceptsToken(ENV_TOKEN) && c.acceptsToken(ENV_TOKEN + "2"));
    assertEquals(3, c.tokenCount());
    assertEquals("https://other.example", c.publicUrl().orElseThrow().toString());
    assertEquals("jdbc:h2:mem:x", c.statusJdbcUrl().orElseThrow());
    assertTrue(c.statusStore().isEmpty());
    // the default store is the embedded H2 file beside the configuration
    Files.writeString(cfg, "{}");
    assertTrue(ServerConfig.read(cfg).build().statusJdbcUrl().orElseThrow()
        .startsWith("jdbc:h2:file:" + dir.toAbsolutePath().resolve("mcred-status")));
  }

  @Test
  void malformedValuesNameTheirVariableOrPath(@TempDir Path dir) throws Exception {
    for (var bad : Map.of("MCRED_SERVER_PORT", "80000", "MCRED_SERVER_HTTP", "yes", "MCRED_SERVER_TOKENS", "short",
        "MCRED_SERVER_PUBLIC_URL", "ftp://x", "MCRED_SERVER_MAX_BODY_BYTES", "ten",
        "MCRED_SERVER_TLS_KEYSTORE_PASSWORD", "pw").entrySet()) {
      ServerException e = assertThrows(ServerException.class,
          () -> ServerConfig.builder().environment(Map.of(bad.getKey(), bad.getValue())), bad.toString());
      assertEquals(ServerErrorCode.INVALID_CONFIG, e.code());
      assertTrue(e.getMessage().startsWith(bad.getKey() + ":"), e.getMessage());
    }
    keyFile(dir, KeyPair.generate(KeyType.ED25519));
    Path cfg = dir.resolve("server.json");
    for (var bad : Map.of(
        "{\"issuers\":[{\"key\":\"issuer.json\",\"status\":[\"message\"]}]}", "$.issuers[0].status[0]",
        "{\"issuers\":[{\"key\":\"issuer.json\",\"status\":\"revocation\"}]}", "$.issuers[0].status",
        "{\"tls\":{\"keystore\":1}}", "$.tls", "{\"tls\":{\"keystore\":\"k.p12\",\"pass\":\"x\"}}", "$.tls.pass",
        "{\"statusStore\":7}", "$.statusStore", "{\"publicUrl\":\"relative/path\"}", "$.publicUrl").entrySet()) {
      Files.writeString(cfg, bad.getKey());
      ServerException e = assertThrows(ServerException.class, () -> ServerConfig.read(cfg), bad.getKey());
      assertTrue(e.getMessage().contains(bad.getValue() + ":"), e.getMessage() + " should name " + bad.getValue());
    }
  }

  @Test
  void configuredKeystoreIsServedAndItsPasswordRedacted(@TempDir Path dir) throws Exception {
    // a PKCS#12 file of our own, under a password of its own
    KeyStore made = SelfSignedCertificate.create("127.0.0.1");
    String alias = made.aliases().nextElement();
    Key key = made.getKey(alias, SelfSignedCertificate.PASSWORD.toCharArray());
    Certificate[] chain = made.getCertificateChain(alias);
    char[] pw = "file-secret-123".toCharArray();
    KeyStore p12 = KeyStore.getInstance("PKCS12");
    p12.load(null, null);
    p12.setKeyEntry("server", key, pw, chain);
    Path file = dir.resolve("server.p12");
    try (OutputStream out = Files.newOutputStream(file)) {
      p12.store(out, pw);
    }
    ServerConfig cfg = ServerConfig.builder().token(TOKEN).environment(Map.of("MCRED_SERVER_TLS_KEYSTORE",
        file.toString(), "MCRED_SERVER_TLS_KEYSTORE_PASSWORD", new String(pw))).build();
    assertFalse(cfg.toString().contains("file-secret"), cfg.toString());
    assertEquals(file.toAbsolutePath(), cfg.keystore().orElseThrow());
    X509Certificate[] seen = new X509Certificate[1];
    try (VcApiServer s = VcApiServer.start(cfg)) {
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, new TrustManager[] {new X509TrustManager() {
        @Override
        public void checkClientTrusted(X509Certificate[] c, String a) {}

        @Override
        public void checkServerTrusted(X509Certificate[] c, String a) {
          seen[0] = c[0];
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
          return new X509Certificate[0];
        }
      }}, null);
      HttpResponse<String> h = HttpClient.newBuilder().sslContext(ctx).build().send(
          HttpRequest.newBuilder(s.uri().resolve("/health")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, h.statusCode());
    }
    assertArrayEquals(chain[0].getEncoded(), seen[0].getEncoded(), "the configured certificate is served");
    ServerException wrong = assertThrows(ServerException.class, () -> VcApiServer.start(ServerConfig.builder()
        .keystore(file, "nope".toCharArray()).build()));
    assertEquals(ServerErrorCode.UNREADABLE_FILE, wrong.code());
    assertTrue(wrong.getMessage().contains(file.toString()), wrong.getMessage());
  }
}
