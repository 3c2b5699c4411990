package io.github.microcred.vc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.internal.Base58;
import io.github.microcred.vc.internal.Crypto;
import io.github.microcred.vc.internal.JsonSupport;
import io.github.microcred.vc.internal.Rsa;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A public verification key: Ed25519, P-256, P-384 or RSA. Immutable. Converts to and from Multikey
 * ({@code publicKeyMultibase}), JWK (RFC 7517) and {@code did:key}; an RSA key is a JWK ({@code kty: RSA}, {@code n},
 * {@code e}) or, in {@code did:key}, multicodec {@code rsa-pub} over DER PKCS#1.
 */
public final class PublicKey {
  static final ObjectMapper JSON = JsonSupport.MAPPER;

  private final KeyType type;
  private final byte[] encoded;

  private PublicKey(KeyType type, byte[] encoded) {
    this.type = type;
    this.encoded = encoded;
  }

  /**
   * Creates a key from its raw encoding (Ed25519: 32 bytes; EC: SEC1 compressed or uncompressed point; RSA: the
   * canonical DER of a PKCS#1 {@code RSAPublicKey}, modulus 2048 to 8192 bits).
   *
   * @param type the key type
   * @param encoded the encoding
   * @return the key
   * @throws VcException {@link VcErrorCode#INVALID_KEY} if the bytes are not a valid key
   */
  public static PublicKey create(KeyType type, byte[] encoded) throws VcException {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(encoded, "encoded");
    if (type == KeyType.ED25519) {
      if (encoded.length != 32) {
        throw new VcException(VcErrorCode.INVALID_KEY, "Ed25519 public key must be 32 bytes, got " + encoded.length);
      }
      return new PublicKey(type, encoded.clone());
    }
    if (type == KeyType.RSA) {
      try {
        return new PublicKey(type, Rsa.encodePublic(Rsa.decodePublic(encoded)));
      } catch (IllegalArgumentException e) {
        throw new VcException(VcErrorCode.INVALID_KEY, "RSA public key: " + e.getMessage());
      }
    }
    try {
      return new PublicKey(type, Crypto.compressPoint(curve(type), encoded));
    } catch (RuntimeException e) {
      throw new VcException(VcErrorCode.INVALID_KEY, type.jwkCurve() + " public key is not a valid curve point");
    }
  }

  static Crypto.Curve curve(KeyType type) {
    if (type == KeyType.RSA) {
      throw new IllegalArgumentException("RSA is not an elliptic curve");
    }
    return Crypto.Curve.valueOf(type.name());
  }

  /**
   * Decodes a Multikey {@code publicKeyMultibase} value (base58btc with a multicodec header).
   *
   * @param multibase the value, e.g. {@code z6Mk...}
   * @return the key
   * @throws VcException {@link VcErrorCode#INVALID_KEY} / {@link VcErrorCode#UNSUPPORTED_KEY} naming the problem
   */
  public static PublicKey fromMultibase(String multibase) throws VcException {
    byte[] raw;
    try {
      raw = Base58.decodeMultibase(multibase);
    } catch (IllegalArgumentException e) {
      throw new VcException(VcErrorCode.INVALID_KEY, "publicKeyMultibase: " + e.getMessage());
    }
    for (KeyType t : KeyType.values()) {
      byte[] codec = t.publicCodec();
      boolean length = t == KeyType.RSA ? raw.length > codec.length : raw.length == codec.length + t.publicKeyLength();
      if (length && raw[0] == codec[0] && raw[1] == codec[1]) {
        return create(t, Arrays.copyOfRange(raw, codec.length, raw.length));
      }
    }
    throw new VcException(VcErrorCode.UNSUPPORTED_KEY,
        "publicKeyMultibase: multicodec header is not ed25519-pub, p256-pub, p384-pub or rsa-pub (or the length is"
            + " wrong)");
  }

  /**
   * Decodes a public JWK (members {@code kty}, {@code crv}, {@code x}, and {@code y} for EC; {@code kty: RSA},
   * {@code n} and {@code e} for RSA). Private members ({@code d}, ...), if present, are ignored.
   *
   * @param jwk the JWK object
   * @return the key
   * @throws VcException naming the member that is missing or wrong
   */
  public static PublicKey fromJwk(JsonNode jwk) throws VcException {
    KeyType t = jwkType(jwk);
    if (t == KeyType.RSA) {
      try {
        return new PublicKey(t, Rsa.encodePublic(Rsa.checkPublic(unsigned(jwk, "n"), unsigned(jwk, "e"))));
      } catch (IllegalArgumentException e) {
        throw new VcException(VcErrorCode.INVALID_KEY, "JWK n/e: " + e.getMessage());
      }
    }
    byte[] x = b64Member(jwk, "x");
    if (t == KeyType.ED25519) {
      return create(t, x);
    }
    byte[] y = b64Member(jwk, "y");
    try {
      return new PublicKey(t, Crypto.fromAffine(curve(t), x, y));
    } catch (RuntimeException e) {
      throw new VcException(VcErrorCode.INVALID_KEY, "JWK x/y: " + e.getMessage());
    }
  }

  static KeyType jwkType(JsonNode jwk) throws VcException {
    if (jwk == null || !jwk.isObject()) {
      throw new VcException(VcErrorCode.INVALID_KEY, "JWK: expected a JSON object");
    }
    String kty = jwk.path("kty").asText("");
    String crv = jwk.path("crv").asText("");
    if (kty.equals("RSA") && !jwk.has("crv")) {
      return KeyType.RSA;
    }
    for (KeyType t : KeyType.values()) {
      if (t.jwkKeyType().equals(kty) && t.jwkCurve().equals(crv)) {
        return t;
      }
    }
    throw new VcException(VcErrorCode.UNSUPPORTED_KEY,
        "JWK: kty '" + kty + "' / crv '" + crv
        + "' is not supported; expected OKP/Ed25519, EC/P-256, EC/P-384 or RSA");
  }

  static byte[] b64Member(JsonNode jwk, String name) throws VcException {
    JsonNode v = jwk.get(name);
    if (v == null || !v.isTextual()) {
      throw new VcException(VcErrorCode.INVALID_KEY, "JWK: member '" + name + "' is missing or not a string");
    }
    try {
      return Base64.getUrlDecoder().decode(v.asText());
    } catch (IllegalArgumentException e) {
      throw new VcException(VcErrorCode.INVALID_KEY, "JWK: member '" + name + "' is not base64url");
    }
  }

  /** A base64url unsigned big-endian integer member (RFC 7518 section 6.3), at most 8192 bits. */
  static BigInteger unsigned(JsonNode jwk, String name) throws VcException {
    JsonNode v = jwk.get(name);
    if (v != null && v.isTextual() && v.asText().length() > 2048) {
      throw new VcException(VcErrorCode.INVALID_KEY, "JWK: member '" + name + "' is longer than 8192 bits");
    }
    byte[] b = b64Member(jwk, name);
    if (b.length == 0) {
      throw new VcException(VcErrorCode.INVALID_KEY, "JWK: member '" + name + "' is empty");
    }
    return new BigInteger(1, b);
  }

  static String b64(BigInteger i) {
    byte[] b = i.toByteArray();
    return b64(b[0] == 0 && b.length > 1 ? Arrays.copyOfRange(b, 1, b.length) : b);
  }

  static String b64(byte[] b) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /**
   * The key type.
   *
   * @return the type
   */
  public KeyType type() {
    return type;
  }

  /**
   * The raw encoding (Ed25519 32 bytes, EC compressed point, RSA DER PKCS#1 {@code RSAPublicKey}). A copy.
   *
   * @return the bytes
   */
  public byte[] encoded() {
    return encoded.clone();
  }

  /**
   * The Multikey {@code publicKeyMultibase} value.
   *
   * @return base58btc multibase with the multicodec header
   */
  public String toMultibase() {
    byte[] codec = type.publicCodec();
    byte[] raw = new byte[codec.length + encoded.length];
    System.arraycopy(codec, 0, raw, 0, codec.length);
    System.arraycopy(encoded, 0, raw, codec.length, encoded.length);
    return Base58.encodeMultibase(raw);
  }

  /**
   * The public JWK, members in the order kty, crv, x(, y); for RSA kty, n, e.
   *
   * @return a new JSON object
   */
  public ObjectNode toJwk() {
    ObjectNode n = JSON.createObjectNode();
    n.put("kty", type.jwkKeyType());
    if (type == KeyType.RSA) {
      Rsa.Public k = Rsa.decodePublic(encoded);
      n.put("n", b64(k.n()));
      n.put("e", b64(k.e()));
      return n;
    }
    n.put("crv", type.jwkCurve());
    if (type == KeyType.ED25519) {
      n.put("x", b64(encoded));
    } else {
      byte[][] xy = Crypto.affine(curve(type), encoded);
      n.put("x", b64(xy[0]));
      n.put("y", b64(xy[1]));
    }
    return n;
  }

  /**
   * The {@code did:key} DID of this key.
   *
   * @return {@code did:key:z...}
   */
  public String didKey() {
    return "did:key:" + toMultibase();
  }

  /**
   * The verification method id of this key under {@code did:key}: {@code did:key:z..#z..}.
   *
   * @return the id
   */
  public String didKeyVerificationMethod() {
    String mb = toMultibase();
    return "did:key:" + mb + "#" + mb;
  }

  /**
   * The {@code did:jwk} DID of this key (base64url of the public JWK's JSON).
   *
   * @return {@code did:jwk:...}
   */
  public String didJwk() {
    return "did:jwk:" + b64(toJwk().toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Verifies a raw signature (Ed25519, ECDSA raw r||s over the message hashed with the curve's SHA-2, or for RSA
   * RSASSA-PKCS1-v1_5 with SHA-256, exactly as long as the modulus).
   *
   * @param message the message
   * @param signature the signature
   * @return whether it is valid
   */
  public boolean verify(byte[] message, byte[] signature) {
    if (type == KeyType.RSA) {
      return Rsa.verifySha256(Rsa.decodePublic(encoded), message, signature);
    }
    return Crypto.verify(curve(type), encoded, message, signature);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PublicKey && ((PublicKey) o).type == type && Arrays.equals(((PublicKey) o).encoded, encoded);
  }

  @Override
  public int hashCode() {
    return type.hashCode() * 31 + Arrays.hashCode(encoded);
  }

  @Override
  public String toString() {
    if (type == KeyType.RSA) {
      return "PublicKey[RSA " + Rsa.decodePublic(encoded).n().bitLength() + " bits, n " + toJwk().get("n").asText()
          .substring(0, 16) + "...]";
    }
    return "PublicKey[" + type + ", " + toMultibase() + "]";
  }
}
