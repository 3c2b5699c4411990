package io.github.microcred.vc.jose;

import io.github.microcred.core.Code;

/** Why a JWT was rejected: every failed JWT check names one of these. */
public enum JwtRejection implements Code {
  /**
   * Not three base64url parts, or header / payload not a strict JSON object (duplicate keys, trailing content and
   * invalid UTF-8 are refused).
   */
  MALFORMED,
  /** The token, its header or its payload is larger than the limit (checked before decoding). */
  TOO_LARGE,
  /**
   * The payload is not a VC Data Model 2.0 credential / presentation: {@code @context} missing, not a list of
   * pinned context URLs or not starting with the VC 2.0 context, no {@code VerifiableCredential} /
   * {@code VerifiablePresentation} type, no {@code credentialSubject}, an issuer that is not an IRI, or a
   * {@code vc} / {@code vp} claim in a VC-JOSE-COSE token.
   */
  DATA_MODEL,
  /**
   * {@code sub} is not the id of a {@code credentialSubject}, or {@code jti} differs from the {@code id}; in the OB
   * 3.0 profile also {@code nbf} / {@code exp} differ from {@code validFrom} / {@code validUntil}.
   */
  CLAIM_CONFLICT,
  /**
   * A JOSE header the profile does not allow: the OB 3.0 JWT profile allows only {@code alg}, {@code kid},
   * {@code jwk} and {@code typ} ("Additional JOSE Headers are NOT allowed").
   */
  HEADER_NOT_ALLOWED,
  /** Neither {@code kid} nor {@code jwk}: the OB 3.0 JWT profile requires one of them. */
  KEY_HEADER_MISSING,
  /**
   * A claim the profile requires is missing: OB 3.0 requires {@code iss}, {@code jti}, {@code nbf}, {@code sub},
   * and {@code exp} when the credential has a {@code validUntil}.
   */
  CLAIM_MISSING,
  /** {@code alg: none}: an unsecured JWS is never accepted. */
  ALG_NONE,
  /** An algorithm outside the allow-list (for example HS256, which would use the public key as an HMAC secret). */
  ALG_NOT_ALLOWED,
  /** The algorithm does not match the type of the issuer's key (for example ES256 with an Ed25519 key). */
  ALG_KEY_MISMATCH,
  /** {@code typ} is not {@code vc+jwt} / {@code vp+jwt} (or {@code JWT} for legacy tokens). */
  TYP_MISMATCH,
  /** {@code cty}, when present, is not {@code vc} / {@code vp}. */
  CTY_MISMATCH,
  /** {@code crit} names a header parameter this verifier does not understand, or is malformed. */
  CRIT_UNKNOWN,
  /** {@code kid} points at a verification method whose controller is not the issuer (for example another DID). */
  KID_NOT_ISSUER,
  /** A {@code jwk} header carries a key that is not one of the issuer's keys. */
  JWK_NOT_ISSUER,
  /** No {@code kid} or {@code jwk}, and the issuer has more than one assertion key. */
  KEY_AMBIGUOUS,
  /** The issuer's DID or the {@code kid} could not be resolved. */
  KEY_UNRESOLVED,
  /** The signature does not verify (tampered, truncated, or taken from another token). */
  SIGNATURE_INVALID,
  /** The payload has no usable {@code issuer}. */
  ISSUER_MISSING,
  /** The {@code iss} claim differs from the credential's {@code issuer}. */
  ISS_MISMATCH,
  /** {@code exp} or {@code validUntil} is in the past (beyond the allowed clock skew). */
  EXPIRED,
  /** {@code nbf}, {@code iat} or {@code validFrom} is in the future (beyond the allowed clock skew). */
  NOT_YET_VALID,
  /** A time claim is not a number or a date-time. */
  BAD_TIME,
  /** The presentation's {@code nonce} differs from the one the verifier expected. */
  NONCE_MISMATCH,
  /** The presentation's {@code aud} does not contain the expected audience. */
  AUDIENCE_MISMATCH,
  /** The presentation's {@code holder} is not the controller of the signing key. */
  HOLDER_MISMATCH,
  /** The status check failed (revoked, suspended, list unreachable or invalid). */
  STATUS,
  /**
   * An embedded credential did not verify, or the nesting limits were exceeded; the failed
   * {@link io.github.microcred.vc.CheckName#NESTED_CREDENTIALS} check names its path.
   */
  NESTED_CREDENTIAL,
  /**
   * The payload is not in the compact form of its pinned contexts (a full-IRI or CURIE key, a keyword such as
   * {@code @id} / {@code @graph} / {@code @included}, a nested {@code @context}, a checked member in another shape):
   * its JSON keys would not say what the JSON-LD says.
   */
  NOT_COMPACT;

  @Override
  public String module() {
    return "vc";
  }
}
