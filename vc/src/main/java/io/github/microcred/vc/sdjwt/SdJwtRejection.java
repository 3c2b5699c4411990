package io.github.microcred.vc.sdjwt;

import io.github.microcred.core.Code;

/**
 * Why an SD-JWT VC was rejected: every failed check of {@link SdJwtVerifyOperation} names one of these as its
 * {@link io.github.microcred.vc.VerificationCheck#code()}.
 */
public enum SdJwtRejection implements Code {
  /**
   * Not {@code <issuer-signed JWT>~<Disclosure>~...~[<KB-JWT>]}, a JWT that is not three base64url parts, a header
   * or payload that is not a strict JSON object, or an {@code _sd} / {@code ...} digest that is not a string.
   */
  MALFORMED,
  /** The token, a part, the number of Disclosures or the nesting depth is beyond its bound (checked before work). */
  TOO_LARGE,
  /** {@code alg: none}. */
  ALG_NONE,
  /** An algorithm outside EdDSA / ES256 / ES384 (for example HS256 keyed with the public key). */
  ALG_NOT_ALLOWED,
  /** The algorithm does not fit the key's type. */
  ALG_KEY_MISMATCH,
  /** The Issuer-signed JWT's {@code typ} is not {@code dc+sd-jwt}. */
  TYP_MISMATCH,
  /** {@code crit} names a header parameter this verifier does not understand. */
  CRIT_UNKNOWN,
  /**
   * No {@code iss} string to bind the key to (and no {@code x5c} end-entity certificate, validated to a configured
   * anchor, naming the issuer instead).
   */
  ISSUER_MISSING,
  /** {@code kid} names a verification method that is not an {@code assertionMethod} key of {@code iss}. */
  KID_NOT_ISSUER,
  /** The issuer or {@code kid} does not resolve (no DID method, no configured controller document). */
  KEY_UNRESOLVED,
  /** No {@code kid} and the issuer has more than one {@code assertionMethod} key. */
  KEY_AMBIGUOUS,
  /**
   * With configured X.509 trust anchors: the {@code x5c} header is not an array of standard base64 DER certificates,
   * or the end-entity key is not an Ed25519, P-256 or P-384 key.
   */
  X5C_INVALID,
  /**
   * The {@code x5c} chain does not validate (PKIX, RFC 5280) to a configured trust anchor at the verification time:
   * an unknown root, an expired or not yet valid certificate, a certificate not signed by the next one, an
   * intermediate that is not a CA, an end-entity key usage without {@code digitalSignature}.
   */
  X5C_UNTRUSTED,
  /**
   * The {@code x5c} end-entity certificate does not name {@code iss} as a subject alternative name, or (a token
   * without {@code iss}) names no single issuer.
   */
  X5C_NOT_ISSUER,
  /** With configured CRLs: a certificate of the {@code x5c} chain is revoked by its issuer's CRL. */
  X5C_REVOKED,
  /**
   * With configured CRLs: a certificate of the {@code x5c} chain has no current CRL of its issuer among them (none,
   * or one past its {@code nextUpdate}, or one not signed by the issuer): revocation is undetermined, which fails
   * closed.
   */
  X5C_REVOCATION_UNKNOWN,
  /** The Issuer-signed JWT's signature does not verify. */
  SIGNATURE_INVALID,
  /**
   * {@code _sd_alg} is not one of {@code sha-256}, {@code sha-384}, {@code sha-512} as IANA spells them (unknown,
   * {@code none}, {@code md5}, another spelling, not a string).
   */
  SD_ALG_UNSUPPORTED,
  /** A Disclosure is not base64url of a strict JSON array {@code [salt, name, value]} / {@code [salt, value]}. */
  DISCLOSURE_MALFORMED,
  /** The same Disclosure is presented twice. */
  DISCLOSURE_DUPLICATE,
  /** A digest appears more than once in the payload or the Disclosures. */
  DIGEST_REUSED,
  /** A Disclosure that no digest references (tampered, or taken from another credential). */
  DISCLOSURE_UNREFERENCED,
  /** An array-element Disclosure referenced from {@code _sd}, or a property Disclosure from an array element. */
  DISCLOSURE_MISMATCH,
  /** A Disclosure names its claim {@code _sd} or {@code ...}. */
  CLAIM_NAME_RESERVED,
  /** A disclosed claim would overwrite a claim of the same name at its level. */
  CLAIM_OVERWRITE,
  /**
   * A claim that must stay visible was selectively disclosable: {@code iss}, {@code nbf}, {@code exp},
   * {@code cnf}, {@code vct}, {@code status} (SD-JWT VC), and the credential's {@code @context}, {@code type},
   * {@code issuer}, {@code validFrom}, {@code validUntil}, {@code credentialStatus}; a Holder could otherwise hide
   * an expiry or a status.
   */
  NOT_DISCLOSABLE,
  /** No {@code vct} string. */
  VCT_MISSING,
  /** The disclosed document carries {@code @context} but is not a VC Data Model 2.0 credential. */
  DATA_MODEL,
  /** The disclosed document is not in the compact form of its pinned contexts. */
  NOT_COMPACT,
  /** {@code iss} differs from the credential's {@code issuer}. */
  ISS_MISMATCH,
  /** {@code exp} or {@code validUntil} is past (beyond the clock skew). */
  EXPIRED,
  /** {@code nbf}, {@code iat} or {@code validFrom} is in the future (beyond the clock skew). */
  NOT_YET_VALID,
  /** A time claim is not a NumericDate / date-time. */
  BAD_TIME,
  /**
   * An embedded credential (an OB 3.0 {@code endorsement} / {@code endorsementJwt}, a CLR's credentials) did not
   * verify, or the nesting limits were exceeded; the failed NESTED_CREDENTIALS check names its path.
   */
  NESTED_CREDENTIAL,
  /**
   * The status check failed: revoked or suspended, or the {@code status} claim / {@code credentialStatus} could not
   * be read (no check configured, a mechanism no check reads, an unreachable or unverifiable status list).
   */
  STATUS,
  /** Key Binding is required and there is no KB-JWT. */
  KB_MISSING,
  /** Key Binding is required (or a KB-JWT is present) and the SD-JWT has no usable {@code cnf.jwk}. */
  CNF_MISSING,
  /** The KB-JWT is not a strict JWS with {@code typ: kb+jwt} and the claims {@code iat}, {@code aud}, {@code nonce},
   * {@code sd_hash}. */
  KB_MALFORMED,
  /** The KB-JWT's signature does not verify with the {@code cnf} key. */
  KB_SIGNATURE_INVALID,
  /** The KB-JWT's {@code nonce} differs from the expected one. */
  KB_NONCE_MISMATCH,
  /** The KB-JWT's {@code aud} differs from the expected audience. */
  KB_AUDIENCE_MISMATCH,
  /** The KB-JWT's {@code iat} is older than the allowed age or in the future (beyond the clock skew). */
  KB_STALE,
  /** The KB-JWT's {@code sd_hash} does not cover this SD-JWT with exactly these Disclosures. */
  KB_SD_HASH_MISMATCH;

  @Override
  public String module() {
    return "vc";
  }
}
