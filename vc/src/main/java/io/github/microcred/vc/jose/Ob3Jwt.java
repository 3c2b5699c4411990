package io.github.microcred.vc.jose;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.microcred.vc.KeyPair;
import java.util.Objects;

/**
 * The front door for the Open Badges 3.0 JWT proof format (1EdTech OB 3.0 section 8.2, the profile 1EdTech
 * certifies), beside {@link VcJwt}'s VC-JOSE-COSE {@code vc+jwt}.
 *
 * <pre>{@code
 * KeyPair rsa = KeyPair.generate(KeyType.RSA);                         // RS256, the profile's minimum
 * String jwt = Ob3Jwt.sign(credential, rsa).withKeyId(issuerId + "#key-1").get();
 * JwtVerification v = Ob3Jwt.verify(jwt).withControllerDocument(issuerDocument).get();
 * }</pre>
 *
 * <p>What a token looks like: header {@code {"alg":"RS256","typ":"JWT","kid":...}} (or {@code jwk} in place of the
 * {@code kid}, see {@link JwtSignOperation#withJwkHeader()}), nothing else; payload {@code {"vc": <the credential,
 * unchanged>, "iss": issuer.id, "jti": id, "sub": credentialSubject.id, "nbf": validFrom, "exp": validUntil}}
 * ({@code exp} only with a {@code validUntil}; VC 1.1 credentials use {@code issuanceDate} / {@code expirationDate}).
 *
 * <p>The verifier refuses any other JOSE header ({@link JwtRejection#HEADER_NOT_ALLOWED}, including {@code cty},
 * {@code crit}, {@code x5c}, {@code jku}), a {@code typ} other than {@code JWT}, a token without {@code kid} or
 * {@code jwk}, a missing required claim ({@link JwtRejection#CLAIM_MISSING}) and a claim that differs from the
 * credential ({@link JwtRejection#CLAIM_CONFLICT}, {@link JwtRejection#ISS_MISMATCH}); then it runs the same
 * checks as every other verifier: the VC data model, the compact form of the pinned contexts, the key bound to the
 * issuer (the {@code kid} must be an {@code assertionMethod} of the issuer's DID or controller document, a
 * {@code jwk} must be one of its keys: the profile itself does not say so, a verifier must), the algorithm
 * following from that key (never {@code none} or {@code HS*}), the validity window, the status (fails closed) and
 * embedded credentials. The credential is also read when the payload itself is the credential (OB 3.0.3 text).
 */
public final class Ob3Jwt {
  private Ob3Jwt() {}

  /**
   * Starts signing a credential as an OB 3.0 JWT. The algorithm follows from the key: {@code RS256} (RSA) is what
   * every certified verifier reads; {@code ES256}, {@code ES384} and {@code EdDSA} are allowed by the profile.
   *
   * @param credential the OpenBadgeCredential (or any VC) JSON object, with {@code id}, {@code issuer},
   *     {@code credentialSubject.id} and {@code validFrom}
   * @param key the issuer's key
   * @return the operation; {@link JwtSignOperation#get()} fails with
   *     {@link io.github.microcred.vc.VcErrorCode#INVALID_DOCUMENT} naming the member the profile needs
   */
  public static JwtSignOperation sign(JsonNode credential, KeyPair key) {
    return new JwtSignOperation(JwtProfile.OB3, Objects.requireNonNull(credential, "credential"),
        Objects.requireNonNull(key, "key"));
  }

  /**
   * Starts verifying an OB 3.0 JWT.
   *
   * @param jwt the compact serialization
   * @return the operation (configure it as a {@link VcJwt#verify(String)} operation)
   */
  public static JwtVerifyOperation verify(String jwt) {
    return new JwtVerifyOperation(JwtProfile.OB3, Objects.requireNonNull(jwt, "jwt"));
  }
}
