package io.github.microcred.vc.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.microcred.vc.internal.Crypto.Curve;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Signing keys built once per key and public keys kept decoded per exact bytes: the signatures are the published
 * vectors' (RFC 8032, RFC 6979) through a key object used many times, and the bounded public-key cache never answers
 * for bytes it was not given, never keeps an invalid key, and stays within its bound.
 */
class CryptoKeyCacheTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void rfc8032Test1ThroughOneSigningKeyUsedTwice() {
    Crypto.SigningKey key = Crypto.signingKey(Curve.ED25519,
        HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
    byte[] expected = HEX.parseHex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555"
        + "fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
    byte[] pub = HEX.parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    assertArrayEquals(pub, key.publicKey());
    for (int i = 0; i < 2; i++) {
      assertArrayEquals(expected, Crypto.sign(key, new byte[0]));
      assertTrue(Crypto.verify(Curve.ED25519, pub, new byte[0], expected));
    }
    assertFalse(key.toString().contains("9d61"), key.toString());
  }

  @Test
  void rfc6979SampleOnP256AndP384ThroughOneSigningKeyUsedTwice() {
    byte[] sample = "sample".getBytes(StandardCharsets.US_ASCII);
    Crypto.SigningKey p256 = Crypto.signingKey(Curve.P256,
        HEX.parseHex("c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721"));
    byte[] sig256 = HEX.parseHex("efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716"
        + "f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8");
    Crypto.SigningKey p384 = Crypto.signingKey(Curve.P384, HEX.parseHex("6b9d3dad2e1b8c1c05b19875b6659f4de23c3b667bf2"
        + "97ba9aa47740787137d896d5724e4c70a825f872c9ea60d2edf5"));
    byte[] sig384 = HEX.parseHex("94edbb92a5ecb8aad4736e56c691916b3f88140666ce9fa73d64c4ea95ad133c81a648152e44acf96e"
        + "36dd1e80fabe4699ef4aeb15f178cea1fe40db2603138f130e740a19624526203b6351d0a3a94fa329c145786e679e7b82c71a38628ac8");
    for (int i = 0; i < 2; i++) {
      assertArrayEquals(sig256, Crypto.sign(p256, sample));
      assertTrue(Crypto.verify(Curve.P256, p256.publicKey(), sample, sig256));
      assertArrayEquals(sig384, Crypto.sign(p384, sample));
      assertTrue(Crypto.verify(Curve.P384, p384.publicKey(), sample, sig384));
    }
  }

  @ParameterizedTest
  @EnumSource(Curve.class)
  void aKeyOneBitAwayFromACachedKeyIsItsOwnKey(Curve curve) {
    Crypto.SigningKey key = Crypto.signingKey(curve, Crypto.generateSecret(curve));
    byte[] message = "m".getBytes(StandardCharsets.US_ASCII);
    byte[] sig = Crypto.sign(key, message);
    byte[] pub = key.publicKey();
    assertTrue(Crypto.verify(curve, pub, message, sig));
    byte[] near = pub.clone();
    near[near.length - 1] ^= 1;
    assertFalse(Crypto.verify(curve, near, message, sig), "a neighbour of a cached key verified its signature");
    // the caller's array changing after the call does not change what the cached entry means
    byte[] mutable = pub.clone();
    assertTrue(Crypto.verify(curve, mutable, message, sig));
    mutable[mutable.length - 1] ^= 1;
    assertFalse(Crypto.verify(curve, mutable, message, sig));
    mutable[mutable.length - 1] ^= 1;
    assertTrue(Crypto.verify(curve, mutable, message, sig));
  }

  @ParameterizedTest
  @ValueSource(strings = {"00", "02", "04"})
  void anInvalidPointIsRefusedEveryTimeAndNeverKept(String prefix) {
    byte[] bad = new byte[prefix.equals("00") ? 1 : prefix.equals("02") ? 33 : 65];
    bad[0] = HEX.parseHex(prefix)[0];
    for (int i = 1; i < bad.length; i++) {
      bad[i] = (byte) 0xff; // x = 2^256 - 1 is not a field element of P-256
    }
    for (int i = 0; i < 2; i++) {
      assertThrows(IllegalArgumentException.class, () -> Crypto.compressPoint(Curve.P256, bad));
      assertFalse(Crypto.verify(Curve.P256, bad, new byte[32], new byte[64]));
    }
  }

  @Test
  void manyDistinctKeysStayWithinTheBoundAndEachVerifiesOnlyItsOwn() {
    long seed = 20261208L;
    SplittableRandom random = new SplittableRandom(seed);
    int n = Crypto.PUBLIC_KEY_CACHE_LIMIT * 2 + 17;
    List<byte[]> pubs = new ArrayList<>();
    List<byte[]> sigs = new ArrayList<>();
    byte[] message = new byte[64];
    for (int i = 0; i < n; i++) {
      byte[] seedBytes = new byte[32];
      for (int j = 0; j < 32; j++) {
        seedBytes[j] = (byte) random.nextInt(256);
      }
      Crypto.SigningKey k = Crypto.signingKey(Curve.ED25519, seedBytes);
      pubs.add(k.publicKey());
      sigs.add(Crypto.sign(k, message));
    }
    boolean allOk = IntStream.range(0, n * 3).parallel().allMatch(i -> {
      int a = i % n;
      int b = (a + 1 + (i / n)) % n;
      return Crypto.verify(Curve.ED25519, pubs.get(a), message, sigs.get(a))
          && !Crypto.verify(Curve.ED25519, pubs.get(b), message, sigs.get(a));
    });
    assertTrue(allOk, "seed " + seed);
    // each concurrent caller may add one entry between the size check and its insertion
    int callers = Runtime.getRuntime().availableProcessors() + 1;
    assertTrue(Crypto.cachedPublicKeys() <= Crypto.PUBLIC_KEY_CACHE_LIMIT + callers,
        "seed " + seed + ": " + Crypto.cachedPublicKeys() + " keys kept");
    assertEquals(33, Crypto.compressPoint(Curve.P256, Crypto.signingKey(Curve.P256, Crypto.generateSecret(Curve.P256))
        .publicKey()).length);
  }
}
