package io.github.microcred.vc.jose;

/**
 * Which JWT shape a sign or verify operation produces or accepts. Both run through the same operation classes and
 * the same data-model, compact-form, key-binding, validity and status checks; the profile only decides the header
 * and the claims.
 */
enum JwtProfile {
  /**
   * W3C VC-JOSE-COSE: {@code typ: vc+jwt}, {@code cty: vc}, the payload is the credential (legacy VC-JWT 1.1 tokens
   * with a {@code vc} claim are read and reported as legacy).
   */
  VC_JOSE_COSE,
  /**
   * The Open Badges 3.0 JWT proof format (1EdTech OB 3.0 section 8.2): header {@code alg} and {@code kid} or
   * {@code jwk}, {@code typ} only {@code JWT}, no other header; claims {@code iss}, {@code jti}, {@code nbf},
   * {@code sub} required and equal to the credential's {@code issuer.id}, {@code id}, {@code validFrom},
   * {@code credentialSubject.id}, {@code exp} required when it has a {@code validUntil} and equal to it; the credential
   * in the {@code vc} claim (or, as OB 3.0.3 also allows, the payload itself).
   */
  OB3
}
