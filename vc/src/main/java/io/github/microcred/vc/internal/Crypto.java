package io.github.microcred.vc.internal;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
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
import org.bouncycastle.util.BigIntegers;

/**
 * Raw signature primitives on BouncyCastle: Ed25519, and deterministic (RFC 6979) ECDSA on P-256 / P-384
 * with raw {@code r||s} (IEEE P1363) encoding. Keys are passed as raw bytes: Ed25519 32-byte seed / public key,
 * EC scalar / compressed or uncompressed point.
 */
public final class Crypto {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Crypto() {}

  /** Supported curves (mirrors the public KeyType without depending on it). */
  public enum Curve {
    /** Ed25519. */
    ED25519(null, 32),
    /** P-256. */
    P256("secp256r1", 32),
    /** P-384. */
    P384("secp384r1", 48);

    private final String bcName;
    private final int size;

    Curve(String bcName, int size) {
      this.bcName = bcName;
      this.size = size;
    }

    ECDomainParameters domain() {
      X9ECParameters x9 = CustomNamedCurves.getByName(bcName);
      return new ECDomainParameters(x9.getCurve(), x9.getG(), x9.getN(), x9.getH());
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
    if (curve == Curve.ED25519) {
      if (secret.length != 32) {
        throw new IllegalArgumentException("Ed25519 seed must be 32 bytes, got " + secret.length);
      }
      return new Ed25519PrivateKeyParameters(secret, 0).generatePublicKey().getEncoded();
    }
    ECDomainParameters d = curve.domain();
    BigInteger k = scalar(curve, secret);
    return d.getG().multiply(k).normalize().getEncoded(true);
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
    ECPoint p = curve.domain().getCurve().decodePoint(encoded);
    if (p.isInfinity() || !p.isValid()) {
      throw new IllegalArgumentException("not a valid " + curve + " point");
    }
    return p.normalize().getEncoded(true);
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
    if (curve == Curve.ED25519) {
      Ed25519Signer s = new Ed25519Signer();
      s.init(true, new Ed25519PrivateKeyParameters(secret, 0));
      s.update(message, 0, message.length);
      return s.generateSignature();
    }
    Digest digest = curve.digest();
    byte[] hash = new byte[digest.getDigestSize()];
    digest.update(message, 0, message.length);
    digest.doFinal(hash, 0);
    ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(curve.digest()));
    signer.init(true, new ECPrivateKeyParameters(scalar(curve, secret), curve.domain()));
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
        Ed25519Signer v = new Ed25519Signer();
        v.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
        v.update(message, 0, message.length);
        return v.verifySignature(signature);
      }
      if (signature.length != 2 * curve.size()) {
        return false;
      }
      ECDomainParameters d = curve.domain();
      ECPoint q = d.getCurve().decodePoint(publicKey);
      Digest digest = curve.digest();
      byte[] hash = new byte[digest.getDigestSize()];
      digest.update(message, 0, message.length);
      digest.doFinal(hash, 0);
      ECDSASigner v = new ECDSASigner();
      v.init(false, new ECPublicKeyParameters(q, d));
      BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, curve.size()));
      BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, curve.size(), signature.length));
      return v.verifySignature(hash, r, s);
    } catch (RuntimeException e) {
      return false;
    }
  }
}
