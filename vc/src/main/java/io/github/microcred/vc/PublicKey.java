package io.github.microcred.vc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.internal.Base58;
import io.github.microcred.vc.internal.Crypto;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A public verification key: Ed25519, P-256 or P-384. Immutable. Converts to and from Multikey
 * ({@code publicKeyMultibase}), JWK (RFC 7517) and {@code did:key}.
 */
public final class PublicKey {
  static final ObjectMapper JSON = new ObjectMapper();

  private final KeyType type;
  private final byte[] encoded;

  private PublicKey(KeyType type, byte[] encoded) {
    this.type = type;
    this.encoded = encoded;
  }

  /**
   * Creates a key from its raw encoding (Ed25519: 32 bytes; EC: SEC1 compressed or uncompressed point).
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
    try {
      return new PublicKey(type, Crypto.compressPoint(curve(type), encoded));
    } catch (RuntimeException e) {
      throw new VcException(VcErrorCode.INVALID_KEY, type.jwkCurve() + " public key is not a valid curve point");
    }
  }

  static Crypto.Curve curve(KeyType type) {
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
      if (raw.length == codec.length + t.publicKeyLength() && raw[0] == codec[0] && raw[1] == codec[1]) {
        return create(t, Arrays.copyOfRange(raw, codec.length, raw.length));
      }
    }
    throw new VcException(VcErrorCode.UNSUPPORTED_KEY,
        "publicKeyMultibase: multicodec header is not ed25519-pub, p256-pub or p384-pub (or the length is wrong)");
  }

  /**
   * Decodes a public JWK (members {@code kty}, {@code crv}, {@code x}, and {@code y} for EC). A private member
   * {@code d}, if present, is ignored.
   *
   * @param jwk the JWK object
   * @return the key
   * @throws VcException naming the member that is missing or wrong
   */
  public static PublicKey fromJwk(JsonNode jwk) throws VcException {
    KeyType t = jwkType(jwk);
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
    for (KeyType t : KeyType.values()) {
      if (t.jwkKeyType().equals(kty) && t.jwkCurve().equals(crv)) {
        return t;
      }
    }
    throw new VcException(VcErrorCode.UNSUPPORTED_KEY,
        "JWK: kty '" + kty + "' / crv '" + crv + "' is not supported; expected OKP/Ed25519, EC/P-256 or EC/P-384");
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
   * The raw encoding (Ed25519 32 bytes, EC compressed point). A copy.
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
   * The public JWK, members in the order kty, crv, x(, y).
   *
   * @return a new JSON object
   */
  public ObjectNode toJwk() {
    ObjectNode n = JSON.createObjectNode();
    n.put("kty", type.jwkKeyType());
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
   * Verifies a raw signature (Ed25519, or ECDSA raw r||s over the message hashed with the curve's SHA-2).
   *
   * @param message the message
   * @param signature the signature
   * @return whether it is valid
   */
  public boolean verify(byte[] message, byte[] signature) {
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
    return "PublicKey[" + type + ", " + toMultibase() + "]";
  }
}
