package io.github.microcred.vc.internal.sdjwt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.internal.JsonSupport;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** JWS compact serialization with the module's keys (raw {@code r||s} ECDSA, Ed25519). */
public final class CompactJws {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private CompactJws() {}

  /**
   * The JWS algorithm of a key type.
   *
   * @param type the key type
   * @return EdDSA, ES256 or ES384
   */
  public static String alg(KeyType type) {
    switch (type) {
      case ED25519:
        return "EdDSA";
      case P256:
        return "ES256";
      case P384:
        return "ES384";
      default:
        throw new IllegalArgumentException("no JWS algorithm for " + type);
    }
  }

  /**
   * The key type an algorithm needs.
   *
   * @param alg EdDSA, ES256 or ES384
   * @return the key type
   */
  public static KeyType keyType(String alg) {
    switch (alg) {
      case "EdDSA":
        return KeyType.ED25519;
      case "ES256":
        return KeyType.P256;
      default:
        return KeyType.P384;
    }
  }

  /**
   * The signature length of an algorithm, in bytes.
   *
   * @param alg EdDSA, ES256 or ES384
   * @return 64 or 96
   */
  public static int signatureLength(String alg) {
    return alg.equals("ES384") ? 96 : 64;
  }

  /**
   * Signs.
   *
   * @param header the protected header
   * @param payload the payload
   * @param key the key
   * @return {@code header.payload.signature}
   */
  public static String sign(ObjectNode header, ObjectNode payload, KeyPair key) {
    try {
      String input = B64.encodeToString(JsonSupport.MAPPER.writeValueAsBytes(header)) + "."
          + B64.encodeToString(JsonSupport.MAPPER.writeValueAsBytes(payload));
      return input + "." + B64.encodeToString(key.sign(input.getBytes(StandardCharsets.US_ASCII)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a JSON tree", e);
    }
  }
}
