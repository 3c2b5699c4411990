package io.github.microcred.vc.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.security.InvalidAlgorithmParameterException;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.signers.RSADigestSigner;

/**
 * RSA for {@code RS256} (RSASSA-PKCS1-v1_5 with SHA-256, RFC 7518 section 3.3) on BouncyCastle. Keys travel as DER:
 * public keys as PKCS#1 {@code RSAPublicKey} (the bytes a {@code did:key} {@code rsa-pub} carries), secret keys as
 * PKCS#1 {@code RSAPrivateKey} with the CRT members. Moduli are 2048 to 8192 bits and public exponents odd, at
 * least 3 and at most 2^256 - so a key read from an untrusted document bounds the work its verification costs.
 * Internal.
 */
public final class Rsa {
  /** The smallest modulus accepted, in bits (RFC 7518 section 3.3: 2048 or larger). */
  public static final int MIN_BITS = 2048;
  /** The largest modulus accepted, in bits. */
  public static final int MAX_BITS = 8192;
  private static final BigInteger MAX_EXPONENT = BigInteger.ONE.shiftLeft(256);
  private static final SecureRandom RANDOM = new SecureRandom();

  private Rsa() {}

  /** A public key: modulus and exponent. */
  public record Public(BigInteger n, BigInteger e) {
    /**
     * The modulus length in bytes (= the signature length).
     *
     * @return bytes
     */
    public int size() {
      return (n.bitLength() + 7) / 8;
    }
  }

  /**
   * Validates a public key.
   *
   * @param n modulus
   * @param e public exponent
   * @return the key
   * @throws IllegalArgumentException naming what is wrong
   */
  public static Public checkPublic(BigInteger n, BigInteger e) {
    if (n.signum() <= 0 || n.bitLength() < MIN_BITS || n.bitLength() > MAX_BITS) {
      throw new IllegalArgumentException("RSA modulus must be " + MIN_BITS + " to " + MAX_BITS + " bits, got "
          + n.bitLength());
    }
    if (!n.testBit(0)) {
      throw new IllegalArgumentException("RSA modulus must be odd");
    }
    if (!e.testBit(0) || e.compareTo(BigInteger.valueOf(3)) < 0 || e.compareTo(MAX_EXPONENT) > 0
        || e.compareTo(n) >= 0) {
      throw new IllegalArgumentException("RSA public exponent must be odd, at least 3 and at most 2^256");
    }
    return new Public(n, e);
  }

  /**
   * Encodes a public key as DER PKCS#1 {@code RSAPublicKey}.
   *
   * @param key the key
   * @return DER bytes
   */
  public static byte[] encodePublic(Public key) {
    try {
      return new RSAPublicKey(key.n(), key.e()).getEncoded("DER");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Decodes and validates DER PKCS#1 {@code RSAPublicKey}; the input must be exactly its canonical encoding.
   *
   * @param der the bytes
   * @return the key
   * @throws IllegalArgumentException if it is not such a key
   */
  public static Public decodePublic(byte[] der) {
    Public p;
    try {
      RSAPublicKey k = RSAPublicKey.getInstance(ASN1Primitive.fromByteArray(der));
      p = checkPublic(k.getModulus(), k.getPublicExponent());
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not a DER PKCS#1 RSAPublicKey: " + e.getMessage());
    }
    if (!Arrays.equals(der, encodePublic(p))) {
      throw new IllegalArgumentException("not the canonical DER encoding of an RSAPublicKey");
    }
    return p;
  }

  /**
   * Generates a key pair with public exponent 65537.
   *
   * @param bits modulus size (2048, 3072 or 4096)
   * @return DER PKCS#1 {@code RSAPrivateKey}
   */
  public static byte[] generate(int bits) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(new RSAKeyGenParameterSpec(bits, RSAKeyGenParameterSpec.F4), RANDOM);
      RSAPrivateCrtKey k = (RSAPrivateCrtKey) g.generateKeyPair().getPrivate();
      return encodeSecret(k.getModulus(), k.getPublicExponent(), k.getPrivateExponent(), k.getPrimeP(),
          k.getPrimeQ(), k.getPrimeExponentP(), k.getPrimeExponentQ(), k.getCrtCoefficient());
    } catch (NoSuchAlgorithmException | InvalidAlgorithmParameterException e) {
      throw new IllegalStateException("RSA key generation unavailable", e);
    }
  }

  /**
   * Checks the CRT members of a secret key against each other and encodes it as DER PKCS#1.
   *
   * @param n modulus
   * @param e public exponent
   * @param d private exponent
   * @param p first prime
   * @param q second prime
   * @param dp d mod (p-1)
   * @param dq d mod (q-1)
   * @param qi q^-1 mod p
   * @return DER PKCS#1 {@code RSAPrivateKey}
   * @throws IllegalArgumentException naming the member that does not fit
   */
  public static byte[] encodeSecret(BigInteger n, BigInteger e, BigInteger d, BigInteger p, BigInteger q,
      BigInteger dp, BigInteger dq, BigInteger qi) {
    checkPublic(n, e);
    BigInteger one = BigInteger.ONE;
    if (p.compareTo(one) <= 0 || q.compareTo(one) <= 0 || !p.multiply(q).equals(n)) {
      throw new IllegalArgumentException("RSA primes p and q do not multiply to the modulus n");
    }
    BigInteger pm1 = p.subtract(one);
    BigInteger qm1 = q.subtract(one);
    BigInteger lambda = pm1.divide(pm1.gcd(qm1)).multiply(qm1);
    if (d.signum() <= 0 || d.compareTo(n) >= 0 || !e.multiply(d).mod(lambda).equals(one)) {
      throw new IllegalArgumentException("RSA private exponent d does not invert e");
    }
    if (!dp.equals(d.mod(pm1)) || !dq.equals(d.mod(qm1))) {
      throw new IllegalArgumentException("RSA CRT exponents dp / dq do not match d");
    }
    if (!qi.equals(q.modInverse(p))) {
      throw new IllegalArgumentException("RSA CRT coefficient qi is not q^-1 mod p");
    }
    try {
      return new RSAPrivateKey(n, e, d, p, q, dp, dq, qi).getEncoded("DER");
    } catch (IOException ex) {
      throw new IllegalStateException(ex);
    }
  }

  /**
   * Decodes a secret key: DER PKCS#1 {@code RSAPrivateKey} or a PKCS#8 {@code PrivateKeyInfo} holding one, and
   * checks its members.
   *
   * @param der the bytes
   * @return the canonical DER PKCS#1 encoding
   * @throws IllegalArgumentException if it is not a consistent RSA secret key
   */
  public static byte[] decodeSecret(byte[] der) {
    RSAPrivateKey k;
    try {
      ASN1Sequence seq = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(der));
      if (seq.size() >= 3 && seq.getObjectAt(1) instanceof ASN1Sequence) {
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(seq);
        if (!PKCSObjectIdentifiers.rsaEncryption.equals(info.getPrivateKeyAlgorithm().getAlgorithm())) {
          throw new IllegalArgumentException("PKCS#8 key is not an RSA key ("
              + info.getPrivateKeyAlgorithm().getAlgorithm() + ")");
        }
        k = RSAPrivateKey.getInstance(info.parsePrivateKey());
      } else {
        k = RSAPrivateKey.getInstance(seq);
      }
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not a DER RSA private key (PKCS#1 or PKCS#8): " + e.getMessage());
    }
    return encodeSecret(k.getModulus(), k.getPublicExponent(), k.getPrivateExponent(), k.getPrime1(),
        k.getPrime2(), k.getExponent1(), k.getExponent2(), k.getCoefficient());
  }

  /**
   * The members of a secret key (decoded from canonical DER made by this class).
   *
   * @param der DER PKCS#1
   * @return {n, e, d, p, q, dp, dq, qi}
   */
  public static BigInteger[] secretMembers(byte[] der) {
    RSAPrivateKey k = RSAPrivateKey.getInstance(der);
    return new BigInteger[] {k.getModulus(), k.getPublicExponent(), k.getPrivateExponent(), k.getPrime1(),
      k.getPrime2(), k.getExponent1(), k.getExponent2(), k.getCoefficient()};
  }

  /**
   * The public key of a secret key.
   *
   * @param der DER PKCS#1 secret key (canonical, made by this class)
   * @return the public key
   */
  public static Public publicOf(byte[] der) {
    RSAPrivateKey k = RSAPrivateKey.getInstance(der);
    return new Public(k.getModulus(), k.getPublicExponent());
  }

  /**
   * Signs with RSASSA-PKCS1-v1_5 and SHA-256 (blinded).
   *
   * @param der DER PKCS#1 secret key
   * @param message the message
   * @return the signature, as long as the modulus
   */
  public static byte[] signSha256(byte[] der, byte[] message) {
    RSAPrivateKey k = RSAPrivateKey.getInstance(der);
    RSADigestSigner s = new RSADigestSigner(new SHA256Digest());
    s.init(true, new RSAPrivateCrtKeyParameters(k.getModulus(), k.getPublicExponent(), k.getPrivateExponent(),
        k.getPrime1(), k.getPrime2(), k.getExponent1(), k.getExponent2(), k.getCoefficient()));
    s.update(message, 0, message.length);
    try {
      return s.generateSignature();
    } catch (CryptoException e) {
      throw new IllegalStateException("RSA signing failed", e);
    }
  }

  /**
   * Verifies an RSASSA-PKCS1-v1_5 SHA-256 signature. The signature must be exactly as long as the modulus. Never
   * throws for malformed input.
   *
   * @param key the public key
   * @param message the message
   * @param signature the signature
   * @return whether it is valid
   */
  public static boolean verifySha256(Public key, byte[] message, byte[] signature) {
    try {
      if (signature.length != key.size()) {
        return false;
      }
      RSADigestSigner v = new RSADigestSigner(new SHA256Digest());
      v.init(false, new RSAKeyParameters(false, key.n(), key.e()));
      v.update(message, 0, message.length);
      return v.verifySignature(signature);
    } catch (RuntimeException e) {
      return false;
    }
  }
}
