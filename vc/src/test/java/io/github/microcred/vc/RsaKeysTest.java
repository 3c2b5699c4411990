package io.github.microcred.vc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RSA keys for RS256: generation, import (JWK, PKCS#1 / PKCS#8 DER and PEM), export, key hygiene, and the
 * signature primitive against the JDK's own RSASSA-PKCS1-v1_5 SHA-256 (an independent implementation) both ways.
 */
class RsaKeysTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final KeyPair KEY = KeyPair.generate(KeyType.RSA);

  static java.security.KeyPair jdkKey(int bits) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(bits);
    return g.generateKeyPair();
  }

  static java.security.PublicKey jdkPublic(PublicKey k) throws Exception {
    ObjectNode jwk = k.toJwk();
    return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
        new BigInteger(1, Base64.getUrlDecoder().decode(jwk.get("n").asText())),
        new BigInteger(1, Base64.getUrlDecoder().decode(jwk.get("e").asText()))));
  }

  @Test
  void generatedKeysAre2048BitsWithExponent65537() throws Exception {
    ObjectNode jwk = KEY.publicKey().toJwk();
    assertEquals("RSA", jwk.get("kty").asText());
    assertFalse(jwk.has("crv"));
    assertEquals("AQAB", jwk.get("e").asText());
    assertEquals(2048, new BigInteger(1, Base64.getUrlDecoder().decode(jwk.get("n").asText())).bitLength());
    assertEquals(KeyType.RSA, KeyType.parse("rsa"));
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {7L, 20261206L})
  void ourSignaturesVerifyInTheJdkAndTheJdksInOurs(long seed) throws Exception {
    SplittableRandom random = new SplittableRandom(seed);
    java.security.PublicKey jdkPub = jdkPublic(KEY.publicKey());
    java.security.KeyPair jdk = jdkKey(2048);
    KeyPair imported = KeyPair.fromSecret(KeyType.RSA, jdk.getPrivate().getEncoded()); // PKCS#8 DER
    for (int i = 0; i < 20; i++) {
      byte[] message = new byte[random.nextInt(0, 300)];
      for (int j = 0; j < message.length; j++) {
        message[j] = (byte) random.nextInt(256);
      }
      byte[] ours = KEY.sign(message);
      Signature v = Signature.getInstance("SHA256withRSA");
      v.initVerify(jdkPub);
      v.update(message);
      assertTrue(v.verify(ours), "seed " + seed + " message " + i);
      Signature s = Signature.getInstance("SHA256withRSA");
      s.initSign(jdk.getPrivate());
      s.update(message);
      byte[] theirs = s.sign();
      assertTrue(imported.publicKey().verify(message, theirs), "seed " + seed + " message " + i);
      // deterministic PKCS#1 v1.5: the same key signs the same bytes
      assertArrayEquals(theirs, imported.sign(message), "seed " + seed + " message " + i);
      theirs[random.nextInt(theirs.length)] ^= (byte) (1 << random.nextInt(8));
      assertFalse(imported.publicKey().verify(message, theirs), "seed " + seed + " flipped bit, message " + i);
    }
  }

  @Test
  void aSignatureOfTheWrongLengthIsRefused() {
    byte[] m = "m".getBytes(StandardCharsets.UTF_8);
    byte[] sig = KEY.sign(m);
    byte[] longer = new byte[sig.length + 1];
    System.arraycopy(sig, 0, longer, 1, sig.length); // a leading zero: same integer, not the JWS encoding
    assertTrue(KEY.publicKey().verify(m, sig));
    assertFalse(KEY.publicKey().verify(m, longer));
    assertFalse(KEY.publicKey().verify(m, java.util.Arrays.copyOf(sig, sig.length - 1)));
  }

  @Test
  void jwkRoundTripsAndTheSecretIsOnlyBehindSecretKeyAccess() throws Exception {
    ObjectNode priv = KEY.toPrivateJwk(SecretKeyAccess.get());
    for (String m : new String[] {"n", "e", "d", "p", "q", "dp", "dq", "qi"}) {
      assertTrue(priv.path(m).isTextual(), m);
    }
    KeyPair back = KeyPair.fromJwk(priv);
    assertEquals(KEY.publicKey(), back.publicKey());
    assertArrayEquals(KEY.secretKeyBytes(SecretKeyAccess.get()), back.secretKeyBytes(SecretKeyAccess.get()));
    assertEquals(KEY.publicKey(), PublicKey.fromJwk(KEY.publicKey().toJwk()));
    assertEquals(KEY.publicKey(), PublicKey.fromJwk(priv)); // private members ignored for a public key
    String text = KEY.toString() + KEY.publicKey();
    assertFalse(text.contains(priv.get("d").asText().substring(0, 12)), text);
    assertFalse(text.contains(priv.get("p").asText().substring(0, 12)), text);
    assertTrue(text.contains("secret redacted"), text);
    assertEquals(KEY.publicKey(), KeyPair.fromKeyFile(KEY.toKeyFile("jwk", SecretKeyAccess.get()).toString())
        .publicKey());
    VcException multikey = assertThrows(VcException.class, () -> KEY.toKeyFile("multikey", SecretKeyAccess.get()));
    assertEquals(VcErrorCode.INVALID_ARGUMENT, multikey.code());
  }

  @Test
  void inconsistentOrWeakPrivateJwksAreRefusedNamingTheProblem() throws Exception {
    ObjectNode priv = KEY.toPrivateJwk(SecretKeyAccess.get());
    ObjectNode swapped = priv.deepCopy().put("dp", priv.get("dq").asText());
    assertEquals(VcErrorCode.INVALID_KEY, assertThrows(VcException.class, () -> KeyPair.fromJwk(swapped)).code());
    ObjectNode otherN = priv.deepCopy().put("n", KeyPair.generate(KeyType.RSA).publicKey().toJwk().get("n").asText());
    assertTrue(assertThrows(VcException.class, () -> KeyPair.fromJwk(otherN)).getMessage().contains("modulus"));
    ObjectNode noQi = priv.deepCopy();
    noQi.remove("qi");
    assertTrue(assertThrows(VcException.class, () -> KeyPair.fromJwk(noQi)).getMessage().contains("'qi'"));
    // 1024-bit keys are refused (RFC 7518 section 3.3: 2048 bits or larger), as private and as public keys
    java.security.KeyPair small = jdkKey(1024);
    VcException weak = assertThrows(VcException.class,
        () -> KeyPair.fromSecret(KeyType.RSA, small.getPrivate().getEncoded()));
    assertTrue(weak.getMessage().contains("2048"), weak.getMessage());
    RSAPrivateCrtKey k = (RSAPrivateCrtKey) small.getPrivate();
    ObjectNode weakPublic = JSON.createObjectNode().put("kty", "RSA")
        .put("n", Base64.getUrlEncoder().withoutPadding().encodeToString(k.getModulus().toByteArray()))
        .put("e", "AQAB");
    assertEquals(VcErrorCode.INVALID_KEY, assertThrows(VcException.class, () -> PublicKey.fromJwk(weakPublic)).code());
    ObjectNode evenE = KEY.publicKey().toJwk().put("e", "AQAA");
    assertEquals(VcErrorCode.INVALID_KEY, assertThrows(VcException.class, () -> PublicKey.fromJwk(evenE)).code());
  }

  @Test
  void pemPkcs8AndPkcs1AreRead() throws Exception {
    java.security.KeyPair jdk = jdkKey(2048);
    String pkcs8 = "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(jdk.getPrivate()
            .getEncoded()) + "\n-----END PRIVATE KEY-----\n";
    KeyPair fromPkcs8 = KeyPair.fromKeyFile(pkcs8);
    assertEquals(jdkPublic(fromPkcs8.publicKey()), jdk.getPublic());
    byte[] pkcs1Der = fromPkcs8.secretKeyBytes(SecretKeyAccess.get());
    String pkcs1 = "-----BEGIN RSA PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(pkcs1Der)
        + "\n-----END RSA PRIVATE KEY-----";
    assertEquals(fromPkcs8.publicKey(), KeyPair.fromPem(pkcs1).publicKey());
    assertTrue(assertThrows(VcException.class, () -> KeyPair.fromPem(
        "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----")).getMessage()
        .contains("encrypted"));
    assertEquals(VcErrorCode.INVALID_KEY, assertThrows(VcException.class, () -> KeyPair.fromPem(
        "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----")).code());
    java.security.KeyPair ec = KeyPairGenerator.getInstance("EC").generateKeyPair();
    assertTrue(assertThrows(VcException.class, () -> KeyPair.fromSecret(KeyType.RSA, ec.getPrivate().getEncoded()))
        .getMessage().contains("not an RSA key"));
  }

  @Test
  void didJwkAndDidKeyCarryRsaKeys() throws Exception {
    ControllerDocument jwk = DidResolvers.offline().resolve(KEY.publicKey().didJwk());
    assertEquals(KEY.publicKey(), jwk.verificationMethods().get(0).publicKey());
    String didKey = KEY.publicKey().didKey();
    assertTrue(didKey.startsWith("did:key:z4MX"), didKey); // the did:key spec's prefix of 2048-bit RSA keys
    assertEquals(KEY.publicKey(), DidResolvers.offline().resolve(didKey).verificationMethods().get(0).publicKey());
    ObjectNode doc = ControllerDocument.singleKey("https://example.edu/issuers/1", "https://example.edu/issuers/1#k",
        "JsonWebKey", KEY.publicKey()).toJson();
    assertEquals("JsonWebKey", doc.at("/verificationMethod/0/type").asText());
    assertEquals(KEY.publicKey(), ControllerDocument.fromJson(doc).verificationMethods().get(0).publicKey());
  }

  @Test
  void noDataIntegritySuiteTakesAnRsaKey() {
    for (Cryptosuite s : Cryptosuite.values()) {
      assertFalse(s.accepts(KeyType.RSA), s.id());
    }
    ObjectNode vc = JSON.createObjectNode();
    vc.putArray("@context").add("https://www.w3.org/ns/credentials/v2");
    vc.putArray("type").add("VerifiableCredential");
    vc.put("issuer", KEY.publicKey().didJwk());
    vc.putObject("credentialSubject").put("id", "did:example:x");
    VcException e = assertThrows(VcException.class,
        () -> Credentials.sign(vc, KEY, Cryptosuite.ECDSA_RDFC_2019).get());
    assertEquals(VcErrorCode.UNSUPPORTED_SUITE, e.code());
  }
}
