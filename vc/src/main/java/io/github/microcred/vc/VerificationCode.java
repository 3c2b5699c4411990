package io.github.microcred.vc;

import io.github.microcred.core.Code;

/**
 * Why a {@link VerificationCheck} of a Data Integrity credential or presentation, a status check or a nested
 * credential failed: the {@link VerificationCheck#code()} of such a check. A {@code vc+jwt} / {@code vp+jwt} check
 * carries a {@link io.github.microcred.vc.jose.JwtRejection} and an SD-JWT VC check an
 * {@link io.github.microcred.vc.sdjwt.SdJwtRejection} instead; all three implement the core {@link Code}, so a
 * failed check converts to a core {@link io.github.microcred.core.Issue} ({@link VerificationCheck#toIssue()}).
 */
public enum VerificationCode implements Code {
  /** The check did not fail: the code of every {@code PASSED} and {@code NOT_APPLICABLE} check. */
  NONE,

  // ---------------------------------------------------------------- SYNTAX
  /**
   * The input is not one strict JSON object (a parse error, duplicate keys, trailing content, invalid UTF-8, beyond
   * the size or depth bound) or could not be read at all.
   */
  MALFORMED,
  /**
   * The document breaks a VC Data Model rule: a required member missing ({@code type}, {@code issuer},
   * {@code credentialSubject}), a member of the wrong shape, an {@code id} that is not an IRI, a date that is not an
   * XML Schema {@code dateTimeStamp}.
   */
  DATA_MODEL,
  /** The credential has no {@code proof}: it is not secured. */
  PROOF_MISSING,
  /**
   * A proof that is not an object (or an array of objects), or a proof member missing or of the wrong shape
   * ({@code cryptosuite}, {@code proofValue} that does not decode, a member an Ed25519Signature2020 proof does
   * not have).
   */
  PROOF_MALFORMED,

  // ---------------------------------------------------------------- CONTEXTS
  /**
   * {@code @context} missing or empty, its first entry not the VC 2.0 (or 1.1) context, or an entry that is neither
   * a context URL nor an inline context object.
   */
  CONTEXT_INVALID,
  /** A context URL the document loader refuses: not pinned (and remote loading off) or its pin does not match. */
  CONTEXT_UNAVAILABLE,
  /** An inline context object that would redefine or shadow a term of the pinned contexts. */
  INLINE_CONTEXT_REFUSED,

  // ---------------------------------------------------------------- COMPACT_FORM
  /**
   * The document is not in the compact form of its pinned contexts (a full-IRI or CURIE key, a keyword such as
   * {@code @id}, a nested {@code @context}, a checked member in another shape), or a checked member ({@code type},
   * {@code issuer}, {@code holder}, subject ids, dates, {@code credentialStatus}) says something else than the
   * signed graph.
   */
  NOT_COMPACT,

  // ---------------------------------------------------------------- PROOF
  /**
   * A proof type or cryptosuite this verifier does not support, a suite that does not secure this kind of document,
   * or a proof chain ({@code previousProof}) on a proof that cannot be chained ({@code ecdsa-sd-2023}).
   */
  UNSUPPORTED_PROOF,
  /**
   * A proof set or chain that cannot verify whatever its signatures ({@link CheckName#PROOF_CHAIN}): a proof
   * {@code id} that is not a string or that two proofs share, a {@code previousProof} that is malformed, names the
   * proof itself or a proof absent from the document (the spec's PROOF_VERIFICATION_ERROR), a cycle, more proofs
   * than are verified, or a chained proof whose previous proofs did not verify.
   */
  PROOF_CHAIN_INVALID,
  /** The cryptosuite cannot be verified with the type of the resolved key (e.g. ecdsa-rdfc-2019 with Ed25519). */
  KEY_TYPE_MISMATCH,
  /** The proof's {@code @context} is not the one the suite requires (equal to, or a prefix of, the document's). */
  PROOF_CONTEXT_MISMATCH,
  /**
   * The verification method did not resolve: no DID method or controller document for it, or it is not in its
   * controller document.
   */
  KEY_UNRESOLVED,
  /** The document could not be canonicalized or hashed (a JSON-LD error, a limit of the canonicalization). */
  CANONICALIZATION_FAILED,
  /** The signature does not verify over the canonical document and proof configuration (tampered, or another key). */
  SIGNATURE_INVALID,

  // ---------------------------------------------------------------- PURPOSE_AND_CONTROLLER
  /** The {@code proofPurpose} is not the expected one ({@code assertionMethod}, {@code authentication}). */
  PURPOSE_MISMATCH,
  /** The verification method is not authorised for the proof purpose in its controller document. */
  KEY_NOT_AUTHORIZED,
  /**
   * The key's controller is not the issuer (or holder), the signed data names no issuer (or holder), or the
   * verification method's controller is not its controller document.
   */
  CONTROLLER_MISMATCH,
  /**
   * A presentation's {@code challenge} / {@code nonce} differs from the verifier's, or the verifier required none
   * (a presentation without a verifier-issued challenge can be replayed).
   */
  CHALLENGE_MISMATCH,
  /** A presentation's {@code domain} does not contain the expected one. */
  DOMAIN_MISMATCH,
  /** The holder was required to be a subject of the presented credentials and is not (or names no holder). */
  HOLDER_NOT_SUBJECT,

  // ---------------------------------------------------------------- VALIDITY_PERIOD
  /** {@code validUntil} / {@code expirationDate} or a proof's {@code expires} has passed (beyond the skew). */
  EXPIRED,
  /** {@code validFrom} / {@code issuanceDate} or a proof's {@code created} is in the future (beyond the skew). */
  NOT_YET_VALID,
  /** A date that is not an XML Schema {@code dateTime}, or dates that cannot be read from the signed data. */
  BAD_TIME,

  // ---------------------------------------------------------------- STATUS
  /**
   * The document has a status and it was not checked, so the check fails closed: no status check configured, none
   * that reads this mechanism, the proof did not verify, the JSON status does not say what was signed, or the
   * checker failed.
   */
  STATUS_NOT_CHECKED,
  /**
   * A {@code credentialStatus} entry or {@code status} claim that is malformed: wrong type, missing or out-of-range
   * index, a list URL that is not an absolute URL, a status that needs the credential's id or issuer and it has none.
   */
  STATUS_ENTRY_INVALID,
  /**
   * The status list could not be used: unreachable, not verifying, issued by another party than the credential,
   * expired or issued in the future, of another purpose, or too short for the index.
   */
  STATUS_LIST_INVALID,
  /** The credential is revoked. */
  REVOKED,
  /** The credential is suspended. */
  SUSPENDED,
  /** Another status than valid (a message status, an application-specific or unregistered value): fails closed. */
  STATUS_NOT_VALID,

  // ---------------------------------------------------------------- NESTED_CREDENTIALS
  /** An embedded credential did not verify, or was not checked because the holding document's proof failed. */
  NESTED_INVALID,
  /** Credentials nested deeper, or more of them, than the verifier's bounds allow; those are not verified. */
  LIMIT_EXCEEDED;

  @Override
  public String module() {
    return "vc";
  }
}
