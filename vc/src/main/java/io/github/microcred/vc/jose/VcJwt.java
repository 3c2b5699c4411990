package io.github.microcred.vc.jose;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import java.util.Objects;
import java.util.Set;

/**
 * The front door for VC-JOSE-COSE: secure a credential as a {@code vc+jwt} (or a presentation as a {@code vp+jwt})
 * and verify such tokens.
 *
 * <pre>{@code
 * String jwt = VcJwt.sign(credential, issuerKey).get();          // kid defaults to the did:key / did:jwk method
 * JwtVerification v = VcJwt.verify(jwt).withStatus(statusCheck).get();
 * if (!v.verified()) { System.out.println(v.rejections()); }
 * }</pre>
 *
 * <p>Algorithms: {@code EdDSA} (Ed25519), {@code ES256} (P-256), {@code ES384} (P-384) and {@code RS256} (RSA,
 * RSASSA-PKCS1-v1_5 with SHA-256); the algorithm always follows from the key, never from the token.
 */
public final class VcJwt {
  /** {@code typ} of a credential secured as a JWT. */
  public static final String TYP_VC = "vc+jwt";
  /** {@code typ} of a presentation secured as a JWT. */
  public static final String TYP_VP = "vp+jwt";
  /** {@code cty} of a credential. */
  public static final String CTY_VC = "vc";
  /** {@code cty} of a presentation. */
  public static final String CTY_VP = "vp";
  /** The algorithms this library signs and verifies. */
  public static final Set<String> ALGORITHMS = Set.of("EdDSA", "ES256", "ES384", "RS256");

  private VcJwt() {}

  /**
   * Starts securing a credential as a {@code vc+jwt}.
   *
   * @param credential the credential (VC Data Model 2.0 JSON object)
   * @param key the issuer's key pair
   * @return the operation
   */
  public static JwtSignOperation sign(JsonNode credential, KeyPair key) {
    return new JwtSignOperation(JwtKind.CREDENTIAL, Objects.requireNonNull(credential, "credential"),
        Objects.requireNonNull(key, "key"));
  }

  /**
   * Starts securing a presentation as a {@code vp+jwt}; set the verifier's {@code nonce} and {@code aud}.
   *
   * @param presentation the presentation JSON object
   * @param key the holder's key pair
   * @return the operation
   */
  public static JwtSignOperation signPresentation(JsonNode presentation, KeyPair key) {
    return new JwtSignOperation(JwtKind.PRESENTATION, Objects.requireNonNull(presentation, "presentation"),
        Objects.requireNonNull(key, "key"));
  }

  /**
   * Starts verifying a {@code vc+jwt} (or a legacy VC-JWT 1.1 credential).
   *
   * @param jwt the compact serialization
   * @return the operation
   */
  public static JwtVerifyOperation verify(String jwt) {
    return new JwtVerifyOperation(JwtKind.CREDENTIAL, Objects.requireNonNull(jwt, "jwt"));
  }

  /**
   * Starts verifying a {@code vp+jwt} (or a legacy VC-JWT 1.1 presentation); set the expected nonce and audience.
   *
   * @param jwt the compact serialization
   * @return the operation
   */
  public static JwtVerifyOperation verifyPresentation(String jwt) {
    return new JwtVerifyOperation(JwtKind.PRESENTATION, Objects.requireNonNull(jwt, "jwt"));
  }

  /**
   * The JWS algorithm of a key type.
   *
   * @param type the key type
   * @return {@code EdDSA}, {@code ES256}, {@code ES384} or {@code RS256}
   */
  public static String algorithm(KeyType type) {
    switch (type) {
      case ED25519:
        return "EdDSA";
      case P256:
        return "ES256";
      case P384:
        return "ES384";
      case RSA:
        return "RS256";
      default:
        throw new IllegalArgumentException("no JWS algorithm for " + type);
    }
  }

  /**
   * Whether a string looks like a JWS compact serialization (three base64url parts).
   *
   * @param text the text
   * @return true for {@code xxx.yyy.zzz}
   */
  public static boolean looksLikeJwt(String text) {
    return text != null && text.strip().matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
  }
}
