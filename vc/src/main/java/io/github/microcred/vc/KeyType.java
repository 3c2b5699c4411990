package io.github.microcred.vc;

import java.util.Locale;

/** The key algorithms microcred signs and verifies with. */
public enum KeyType {
  /** Ed25519 (RFC 8032), used by {@code eddsa-rdfc-2022}. Multicodec {@code ed25519-pub} 0xed. */
  ED25519("Ed25519", "OKP", 32, 32, new byte[] {(byte) 0xed, 0x01}, new byte[] {(byte) 0x80, 0x26}),
  /** NIST P-256 (secp256r1) with SHA-256, used by {@code ecdsa-rdfc-2019}. Multicodec {@code p256-pub} 0x1200. */
  P256("P-256", "EC", 33, 32, new byte[] {(byte) 0x80, 0x24}, new byte[] {(byte) 0x86, 0x26}),
  /** NIST P-384 (secp384r1) with SHA-384, used by {@code ecdsa-rdfc-2019}. Multicodec {@code p384-pub} 0x1201. */
  P384("P-384", "EC", 49, 48, new byte[] {(byte) 0x81, 0x24}, new byte[] {(byte) 0x87, 0x26}),
  /**
   * RSA (2048 to 8192 bits) with RSASSA-PKCS1-v1_5 and SHA-256: {@code RS256}, for JWTs only (the OB 3.0 JWT
   * profile); no Data Integrity suite uses it. Multicodec {@code rsa-pub} 0x1205 (DER PKCS#1, as {@code did:key}
   * carries it). Public and secret keys have no fixed length.
   */
  RSA("", "RSA", 0, 0, new byte[] {(byte) 0x85, 0x24}, new byte[] {(byte) 0x85, 0x26});

  private final String jwkCurve;
  private final String jwkKty;
  private final int publicKeyLength;
  private final int secretKeyLength;
  private final byte[] publicCodec;
  private final byte[] secretCodec;

  KeyType(String jwkCurve, String jwkKty, int publicKeyLength, int secretKeyLength, byte[] publicCodec,
      byte[] secretCodec) {
    this.jwkCurve = jwkCurve;
    this.jwkKty = jwkKty;
    this.publicKeyLength = publicKeyLength;
    this.secretKeyLength = secretKeyLength;
    this.publicCodec = publicCodec;
    this.secretCodec = secretCodec;
  }

  /**
   * The JWK {@code crv} value (RFC 7518 / RFC 8037).
   *
   * @return {@code Ed25519}, {@code P-256} or {@code P-384}; empty for RSA (an RSA JWK has no {@code crv})
   */
  public String jwkCurve() {
    return jwkCurve;
  }

  /**
   * The JWK {@code kty} value.
   *
   * @return {@code OKP}, {@code EC} or {@code RSA}
   */
  public String jwkKeyType() {
    return jwkKty;
  }

  /**
   * Length of the encoded public key in a Multikey (Ed25519: 32; EC: compressed point).
   *
   * @return bytes; 0 for RSA, whose DER encoding has no fixed length
   */
  public int publicKeyLength() {
    return publicKeyLength;
  }

  /**
   * Length of the raw secret key (Ed25519 seed or EC scalar).
   *
   * @return bytes; 0 for RSA, whose DER encoding has no fixed length
   */
  public int secretKeyLength() {
    return secretKeyLength;
  }

  byte[] publicCodec() {
    return publicCodec.clone();
  }

  byte[] secretCodec() {
    return secretCodec.clone();
  }

  /**
   * Parses a command-line style name: {@code ed25519}, {@code p256}, {@code p-256}, {@code p384}, {@code p-384},
   * {@code rsa}.
   *
   * @param name the name, case-insensitive
   * @return the key type
   * @throws VcException with {@link VcErrorCode#UNSUPPORTED_KEY} for any other name
   */
  public static KeyType parse(String name) throws VcException {
    switch (name.toLowerCase(Locale.ROOT).replace("-", "")) {
      case "ed25519":
        return ED25519;
      case "p256":
        return P256;
      case "p384":
        return P384;
      case "rsa":
        return RSA;
      default:
        throw new VcException(VcErrorCode.UNSUPPORTED_KEY,
            "key type '" + name + "' is not supported; expected ed25519, p256, p384 or rsa");
    }
  }
}
