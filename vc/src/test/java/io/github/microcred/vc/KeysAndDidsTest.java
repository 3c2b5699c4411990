package io.github.microcred.vc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.internal.Base58;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeysAndDidsTest {
  @ParameterizedTest
  @EnumSource(KeyType.class)
  void jwkAndMultikeyRoundTrip(KeyType type) throws Exception {
    KeyPair kp = KeyPair.generate(type);
    SecretKeyAccess a = SecretKeyAccess.get();
    KeyPair fromJwk = KeyPair.fromJwk(kp.toPrivateJwk(a));
    KeyPair fromMk = KeyPair.fromMultikey(kp.publicKey().toMultibase(), kp.secretKeyMultibase(a));
    // Multikey defines no RSA keys: an RSA key file is a private JWK
    KeyPair fromFile = KeyPair.fromKeyFile(kp.toKeyFile(type == KeyType.RSA ? "jwk" : "multikey", a).toString());
    for (KeyPair k : new KeyPair[] {fromJwk, fromMk, fromFile}) {
      assertEquals(kp.publicKey(), k.publicKey());
      assertArrayEquals(kp.secretKeyBytes(a), k.secretKeyBytes(a));
    }
    assertEquals(kp.publicKey(), PublicKey.fromJwk(kp.publicKey().toJwk()));
    assertEquals(kp.publicKey(), PublicKey.fromMultibase(kp.publicKey().toMultibase()));
    byte[] msg = "hello".getBytes(StandardCharsets.UTF_8);
    assertTrue(kp.publicKey().verify(msg, kp.sign(msg)));
    assertFalse(kp.publicKey().verify("hellp".getBytes(StandardCharsets.UTF_8), kp.sign(msg)));
  }

  @org.junit.jupiter.api.Test
  void fromKeyFileReadsAPathAndNamesTheFileInEveryError(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    KeyPair kp = KeyPair.generate(KeyType.P256);
    java.nio.file.Path jwk = dir.resolve("issuer.json");
    java.nio.file.Files.writeString(jwk, kp.toKeyFile("jwk", SecretKeyAccess.get()).toString());
    assertEquals(kp.publicKey(), KeyPair.fromKeyFile(jwk).publicKey());
    java.nio.file.Path missing = dir.resolve("nope.json");
    VcException e = org.junit.jupiter.api.Assertions.assertThrows(VcException.class, () -> KeyPair.fromKeyFile(missing));
    assertEquals("key file " + missing + ": no such file", e.getMessage());
    java.nio.file.Path binary = dir.resolve("key.bin");
    java.nio.file.Files.write(binary, new byte[] {(byte) 0xC3, 0x28, 0x00, (byte) 0xFF});
    e = org.junit.jupiter.api.Assertions.assertThrows(VcException.class, () -> KeyPair.fromKeyFile(binary));
    assertEquals("key file " + binary + ": not UTF-8 text", e.getMessage());
    java.nio.file.Path other = dir.resolve("other.json");
    java.nio.file.Files.writeString(other, "{\"kty\":\"oct\"}".substring(0, 1) + "}");
    e = org.junit.jupiter.api.Assertions.assertThrows(VcException.class, () -> KeyPair.fromKeyFile(other));
    assertTrue(e.getMessage().startsWith("key file " + other + ": expected a private JWK"), e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void toStringNeverShowsSecret(KeyType type) throws Exception {
    KeyPair kp = KeyPair.generate(type);
    SecretKeyAccess a = SecretKeyAccess.get();
    String s = kp.toString();
    assertFalse(s.contains(kp.secretKeyMultibase(a)));
    assertFalse(s.contains(kp.toPrivateJwk(a).get("d").asText()));
    assertFalse(s.contains(Base58.hex(kp.secretKeyBytes(a))));
  }

  @Test
  void multikeyPrefixesMatchSpec() {
    assertTrue(KeyPair.generate(KeyType.ED25519).publicKey().toMultibase().startsWith("z6Mk"));
    assertTrue(KeyPair.generate(KeyType.P256).publicKey().toMultibase().startsWith("zDn"));
    assertTrue(KeyPair.generate(KeyType.P384).publicKey().toMultibase().startsWith("z82"));
  }

  @Test
  void ed25519SecretAs64BytesSeedPlusPublic() throws Exception {
    // 1EdTech vector key: 64-byte seed||public under multicodec 0x8026 (research/vc.md pitfall 9)
    JsonNode kp = TestSupport.vector("ob3-eddsa-rdfc-2022.json").get("keyPair");
    KeyPair k = KeyPair.fromMultikey(kp.get("publicKeyMultibase").asText(), kp.get("secretKeyMultibase").asText());
    assertEquals(kp.get("publicKeyHex").asText(), Base58.hex(k.publicKey().encoded()));
    byte[] wrong = k.secretKeyBytes(SecretKeyAccess.get());
    byte[] bad = new byte[64];
    System.arraycopy(wrong, 0, bad, 0, 32); // public half all zero: rejected
    VcException e = assertThrows(VcException.class, () -> KeyPair.fromSecret(KeyType.ED25519, bad));
    assertEquals(VcErrorCode.INVALID_KEY, e.code());
  }

  @Test
  void badKeyMaterialIsTyped() {
    assertEquals(VcErrorCode.INVALID_KEY,
        assertThrows(VcException.class, () -> PublicKey.fromMultibase("x123")).code());
    assertEquals(VcErrorCode.UNSUPPORTED_KEY,
        assertThrows(VcException.class, () -> PublicKey.fromMultibase("z2222222")).code());
    ObjectNode jwk = KeyPair.generate(KeyType.P256).publicKey().toJwk();
    jwk.put("y", jwk.get("x").asText());
    assertEquals(VcErrorCode.INVALID_KEY, assertThrows(VcException.class, () -> PublicKey.fromJwk(jwk)).code());
    ObjectNode oct = TestSupport.JSON.createObjectNode().put("kty", "oct").put("k", "AAAA");
    assertEquals(VcErrorCode.UNSUPPORTED_KEY, assertThrows(VcException.class, () -> PublicKey.fromJwk(oct)).code());
    ObjectNode rsa = TestSupport.JSON.createObjectNode().put("kty", "RSA");
    VcException noN = assertThrows(VcException.class, () -> PublicKey.fromJwk(rsa));
    assertEquals(VcErrorCode.INVALID_KEY, noN.code());
    assertTrue(noN.getMessage().contains("'n'"), noN.getMessage());
  }

  @Test
  void base58RoundTripSeeded() {
    SplittableRandom rnd = new SplittableRandom(42);
    for (int i = 0; i < 500; i++) {
      byte[] b = new byte[rnd.nextInt(70)];
      for (int j = 0; j < b.length; j++) {
        b[j] = (byte) (rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(256));
      }
      assertArrayEquals(b, Base58.decode(Base58.encode(b)), "seed 42 case " + i);
    }
  }

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void didKeyAndDidJwkResolveOffline(KeyType type) throws Exception {
    PublicKey pk = KeyPair.generate(type).publicKey();
    ControllerDocument dk = DidResolvers.offline().resolve(pk.didKey());
    assertEquals(pk, dk.method(pk.didKeyVerificationMethod()).orElseThrow().publicKey());
    assertTrue(dk.authorizes(pk.didKeyVerificationMethod(), "assertionMethod"));
    ControllerDocument dj = DidResolvers.offline().resolve(pk.didJwk());
    assertEquals(pk, dj.method(pk.didJwk() + "#0").orElseThrow().publicKey());
    assertEquals(VcErrorCode.RESOLUTION_FAILED,
        assertThrows(VcException.class, () -> DidResolvers.offline().resolve("did:web:example.com")).code());
    // controller document JSON round trip
    ControllerDocument back = ControllerDocument.fromJson(dk.toJson());
    assertTrue(back.authorizes(pk.didKeyVerificationMethod(), "authentication"));
  }

  @Test
  void w3cDidKeyVectorsDecode() throws Exception {
    for (String f : new String[] {"ecdsa-rdfc-2019-p256-vcdm2.json", "ecdsa-rdfc-2019-p384-vcdm2.json"}) {
      JsonNode kp = TestSupport.vector(f).get("keyPair");
      KeyPair k = KeyPair.fromMultikey(kp.get("publicKeyMultibase").asText(), kp.get("secretKeyMultibase").asText());
      assertEquals(kp.get("secretKeyMultibase").asText(), k.secretKeyMultibase(SecretKeyAccess.get()));
    }
  }

  @Test
  void didWebUrls() throws Exception {
    assertEquals("https://example.com/.well-known/did.json", DidResolvers.didWebUrl("did:web:example.com").toString());
    assertEquals("https://example.com:3000/user/alice/did.json",
        DidResolvers.didWebUrl("did:web:example.com%3A3000:user:alice").toString());
    assertThrows(VcException.class, () -> DidResolvers.didWebUrl("did:web:"));
    assertThrows(IllegalArgumentException.class, () -> DidResolvers.web(java.util.Set.of(),
        java.time.Duration.ofSeconds(1)));
  }

  @Test
  void loaderRefusesUnknownAndCheckedHashes() throws Exception {
    ContextLoader l = ContextLoader.pinned();
    assertTrue(l.isPinned("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"));
    VcException e = assertThrows(VcException.class, () -> l.load("https://evil.example/context.json"));
    assertEquals(VcErrorCode.CONTEXT_NOT_PINNED, e.code());
    assertTrue(e.getMessage().contains("https://evil.example/context.json"));
    assertEquals(VcErrorCode.CONTEXT_HASH_MISMATCH, assertThrows(VcException.class,
        () -> l.withContext("https://x.example/c", "{}".getBytes(StandardCharsets.UTF_8), "00")).code());
    // remote opt-in still refuses hosts outside the allow list (no network touched)
    ContextLoader remote = l.withRemote(java.util.Set.of("contexts.example.org"), java.time.Duration.ofSeconds(2));
    assertEquals(VcErrorCode.CONTEXT_NOT_PINNED,
        assertThrows(VcException.class, () -> remote.load("https://evil.example/context.json")).code());
    assertEquals(VcErrorCode.CONTEXT_NOT_PINNED,
        assertThrows(VcException.class, () -> remote.load("http://contexts.example.org/c.json")).code());
  }
}
