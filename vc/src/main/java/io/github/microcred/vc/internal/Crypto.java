package io.github.microcred.vc.internal;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.bouncycastle.util.BigIntegers;

/**
 * Raw signature primitives on BouncyCastle: Ed25519, and deterministic (RFC 6979) ECDSA on P-256 / P-384
 * with raw {@code r||s} (IEEE P1363) encoding. Keys are passed as raw bytes: Ed25519 32-byte seed / public key,
 * EC scalar / compressed or uncompressed point. A signing key's BouncyCastle parameters are built once per key
 * ({@link SigningKey}, held by the key pair); a public key's decoded, validated point is kept in a bounded cache
 * keyed by its exact bytes, so verifying with the same verification method again neither decodes the point nor
 * recomputes its multiplication table.
 */
public final class Crypto {
  private static final SecureRandom RANDOM = new SecureRandom();
  /**
   * Distinct public keys kept decoded; the cache is emptied when it reaches this size (concurrent callers may each
   * add one entry past it).
   */
  static final int PUBLIC_KEY_CACHE_LIMIT = 256;
  private static final ConcurrentHashMap<PublicKeyBytes, Verifier> PUBLIC_KEYS = new ConcurrentHashMap<>();

  private Crypto() {}

  /** Supported curves (mirrors the public KeyType without depending on it). */
  public enum Curve {
    /** Ed25519. */
    ED25519(null, 32),
    /** P-256. */
    P256("secp256r1", 32),
    /** P-384. */
    P384("secp384r1", 48);

    private final int size;
    private final ECDomainParameters domain;

    Curve(String bcName, int size) {
      this.size = size;
      if (bcName == null) {
        this.domain = null;
      } else {
        X9ECParameters x9 = CustomNamedCurves.getByName(bcName);
        this.domain = new ECDomainParameters(x9.getCurve(), x9.getG(), x9.getN(), x9.getH());
      }
    }

    ECDomainParameters domain() {
      return domain;
    }

    /**
     * Field / scalar size in bytes.
     *
     * @return the size
     */
    public int size() {
      return size;
    }

    Digest digest() {
      return this == P384 ? new SHA384Digest() : new SHA256Digest();
    }
  }

  /**
   * Generates a fresh secret key.
   *
   * @param curve the curve
   * @return secret bytes (Ed25519 seed or EC scalar, fixed length)
   */
  public static byte[] generateSecret(Curve curve) {
    if (curve == Curve.ED25519) {
      byte[] seed = new byte[32];
      RANDOM.nextBytes(seed);
      return seed;
    }
    ECDomainParameters d = curve.domain();
    BigInteger k;
    do {
      k = BigIntegers.createRandomBigInteger(d.getN().bitLength(), RANDOM);
    } while (k.signum() == 0 || k.compareTo(d.getN()) >= 0);
    return BigIntegers.asUnsignedByteArray(curve.size(), k);
  }

  /**
   * Derives the public key from a secret.
   *
   * @param curve the curve
   * @param secret the secret bytes
   * @return Ed25519: 32 bytes; EC: 33/49-byte compressed point
   * @throws IllegalArgumentException if the secret is invalid
   */
  public static byte[] publicFromSecret(Curve curve, byte[] secret) {
    return signingKey(curve, secret).publicKey();
  }

  /**
   * Builds the signing parameters of a secret once, for every later {@link #sign(SigningKey, byte[])}.
   *
   * @param curve the curve
   * @param secret the secret bytes (Ed25519 32-byte seed or EC scalar); copied
   * @return the signing key
   * @throws IllegalArgumentException if the secret is invalid
   */
  public static SigningKey signingKey(Curve curve, byte[] secret) {
    if (curve == Curve.ED25519) {
      if (secret.length != 32) {
        throw new IllegalArgumentException("Ed25519 seed must be 32 bytes, got " + secret.length);
      }
      return new SigningKey(curve, new Ed25519PrivateKeyParameters(secret, 0), null);
    }
    return new SigningKey(curve, null, new ECPrivateKeyParameters(scalar(curve, secret), curve.domain()));
  }

  /**
   * A secret key's BouncyCastle signing parameters, built once per key: Ed25519 keeps its derived public key (so a
   * signature does not recompute it), ECDSA its validated scalar and domain. Held by the key pair; never printed.
   */
  public static final class SigningKey {
    private final Curve curve;
    private final Ed25519PrivateKeyParameters ed25519;
    private final ECPrivateKeyParameters ec;

    private SigningKey(Curve curve, Ed25519PrivateKeyParameters ed25519, ECPrivateKeyParameters ec) {
      this.curve = curve;
      this.ed25519 = ed25519;
      this.ec = ec;
    }

    /**
     * The public key of this secret.
     *
     * @return Ed25519: 32 bytes; EC: 33/49-byte compressed point
     */
    public byte[] publicKey() {
      if (ed25519 != null) {
        return ed25519.generatePublicKey().getEncoded();
      }
      return curve.domain().getG().multiply(ec.getD()).normalize().getEncoded(true);
    }

    @Override
    public String toString() {
      return "SigningKey[" + curve + ", secret redacted]";
    }
  }

  private static BigInteger scalar(Curve curve, byte[] secret) {
    if (secret.length != curve.size()) {
      throw new IllegalArgumentException(curve + " secret must be " + curve.size() + " bytes, got " + secret.length);
    }
    BigInteger k = new BigInteger(1, secret);
    if (k.signum() == 0 || k.compareTo(curve.domain().getN()) >= 0) {
      throw new IllegalArgumentException(curve + " secret scalar is out of range");
    }
    return k;
  }

  /**
   * Decodes and validates an EC point (compressed or uncompressed) and returns it compressed.
   *
   * @param curve P256 or P384
   * @param encoded the SEC1 encoding
   * @return compressed encoding
   * @throws IllegalArgumentException if not a valid point on the curve
   */
  public static byte[] compressPoint(Curve curve, byte[] encoded) {
    if (curve == Curve.ED25519) {
      throw new IllegalArgumentException("Ed25519 keys are not EC points");
    }
    return verifier(curve, encoded).compressed.clone();
  }

  /**
   * Returns the affine x and y coordinates of a compressed EC point, each {@code size} bytes.
   *
   * @param curve P256 or P384
   * @param compressed the point
   * @return {x, y}
   */
  public static byte[][] affine(Curve curve, byte[] compressed) {
    ECPoint p = curve.domain().getCurve().decodePoint(compressed).normalize();
    return new byte[][] {
      BigIntegers.asUnsignedByteArray(curve.size(), p.getAffineXCoord().toBigInteger()),
      BigIntegers.asUnsignedByteArray(curve.size(), p.getAffineYCoord().toBigInteger())
    };
  }

  /**
   * Builds a compressed point from affine coordinates.
   *
   * @param curve P256 or P384
   * @param x x coordinate
   * @param y y coordinate
   * @return compressed point
   * @throws IllegalArgumentException if not on the curve
   */
  public static byte[] fromAffine(Curve curve, byte[] x, byte[] y) {
    if (x.length != curve.size() || y.length != curve.size()) {
      throw new IllegalArgumentException(curve + " coordinates must be " + curve.size() + " bytes");
    }
    byte[] enc = new byte[1 + 2 * curve.size()];
    enc[0] = 4;
    System.arraycopy(x, 0, enc, 1, x.length);
    System.arraycopy(y, 0, enc, 1 + x.length, y.length);
    return compressPoint(curve, enc);
  }

  /**
   * Signs a message. Ed25519 signs the message itself; ECDSA hashes it with SHA-256 (P-256) or SHA-384 (P-384)
   * and signs deterministically (RFC 6979), returning raw {@code r||s}.
   *
   * @param curve the curve
   * @param secret the secret
   * @param message the message
   * @return the signature (64 or 96 bytes)
   */
  public static byte[] sign(Curve curve, byte[] secret, byte[] message) {
    return sign(signingKey(curve, secret), message);
  }

  /**
   * Signs a message with a key built once by {@link #signingKey}; the same signature as
   * {@link #sign(Curve, byte[], byte[])}.
   *
   * @param key the signing key
   * @param message the message
   * @return the signature (64 or 96 bytes)
   */
  public static byte[] sign(SigningKey key, byte[] message) {
    Curve curve = key.curve;
    if (curve == Curve.ED25519) {
      byte[] sig = new byte[Ed25519PrivateKeyParameters.SIGNATURE_SIZE];
      key.ed25519.sign(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, sig, 0);
      return sig;
    }
    Digest digest = curve.digest();
    byte[] hash = new byte[digest.getDigestSize()];
    digest.update(message, 0, message.length);
    digest.doFinal(hash, 0);
    ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(curve.digest()));
    signer.init(true, key.ec);
    BigInteger[] rs = signer.generateSignature(hash);
    byte[] out = new byte[2 * curve.size()];
    System.arraycopy(BigIntegers.asUnsignedByteArray(curve.size(), rs[0]), 0, out, 0, curve.size());
    System.arraycopy(BigIntegers.asUnsignedByteArray(curve.size(), rs[1]), 0, out, curve.size(), curve.size());
    return out;
  }

  /**
   * Verifies a signature made by {@link #sign}. Never throws for malformed input.
   *
   * @param curve the curve
   * @param publicKey Ed25519 32 bytes or a compressed EC point
   * @param message the message
   * @param signature the signature
   * @return whether the signature is valid
   */
  public static boolean verify(Curve curve, byte[] publicKey, byte[] message, byte[] signature) {
    try {
      if (curve == Curve.ED25519) {
        if (signature.length != 64 || publicKey.length != 32) {
          return false;
        }
        return verifier(curve, publicKey).ed25519.verify(Ed25519.Algorithm.Ed25519, null, message, 0, message.length,
            signature, 0);
      }
      if (signature.length != 2 * curve.size()) {
        return false;
      }
      ECPublicKeyParameters q = verifier(curve, publicKey).ec;
      Digest digest = curve.digest();
      byte[] hash = new byte[digest.getDigestSize()];
      digest.update(message, 0, message.length);
      digest.doFinal(hash, 0);
      ECDSASigner v = new ECDSASigner();
      v.init(false, q);
      BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, curve.size()));
      BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, curve.size(), signature.length));
      return v.verifySignature(hash, r, s);
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * The decoded, validated public key of these exact bytes, from the bounded cache or decoded now (and kept).
   *
   * @throws IllegalArgumentException if the bytes are not a valid key of the curve (nothing is kept)
   */
  private static Verifier verifier(Curve curve, byte[] encoded) {
    PublicKeyBytes k = new PublicKeyBytes(curve, encoded);
    Verifier v = PUBLIC_KEYS.get(k);
    if (v != null) {
      return v;
    }
    v = decode(curve, encoded);
    if (PUBLIC_KEYS.size() >= PUBLIC_KEY_CACHE_LIMIT) {
      PUBLIC_KEYS.clear();
    }
    PUBLIC_KEYS.putIfAbsent(new PublicKeyBytes(curve, encoded.clone()), v);
    return v;
  }

  private static Verifier decode(Curve curve, byte[] encoded) {
    if (curve == Curve.ED25519) {
      return new Verifier(new Ed25519PublicKeyParameters(encoded, 0), null, null);
    }
    ECPoint p = curve.domain().getCurve().decodePoint(encoded);
    if (p.isInfinity() || !p.isValid()) {
      throw new IllegalArgumentException("not a valid " + curve + " point");
    }
    p = p.normalize();
    return new Verifier(null, new ECPublicKeyParameters(p, curve.domain()), p.getEncoded(true));
  }

  /** Number of public keys currently kept decoded (for tests of the bound). */
  static int cachedPublicKeys() {
    return PUBLIC_KEYS.size();
  }

  /** A decoded public key: Ed25519 parameters, or the EC parameters and the point's compressed encoding. */
  private static final class Verifier {
    final Ed25519PublicKeyParameters ed25519;
    final ECPublicKeyParameters ec;
    final byte[] compressed;

    Verifier(Ed25519PublicKeyParameters ed25519, ECPublicKeyParameters ec, byte[] compressed) {
      this.ed25519 = ed25519;
      this.ec = ec;
      this.compressed = compressed;
    }
  }

  /** A cache key: the curve and the exact key bytes (never mutated after construction). */
  private static final class PublicKeyBytes {
    private final Curve curve;
    private final byte[] bytes;
    private final int hash;

    PublicKeyBytes(Curve curve, byte[] bytes) {
      this.curve = curve;
      this.bytes = bytes;
      this.hash = 31 * curve.ordinal() + Arrays.hashCode(bytes);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof PublicKeyBytes k && k.curve == curve && Arrays.equals(k.bytes, bytes);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
