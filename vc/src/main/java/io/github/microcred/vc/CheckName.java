package io.github.microcred.vc;

/** The checks a verification runs; each appears in {@link VerificationResult#checks()}. */
public enum CheckName {
  /** JSON well-formed (no duplicate keys), required VC members present and of the right shape. */
  SYNTAX,
  /** Every {@code @context} entry is a known (pinned) URL; first entry is the VC 2.0 or 1.1 context. */
  CONTEXTS,
  /**
   * The document is in the compact form its pinned contexts define (no full-IRI or CURIE keys, no keywords or
   * nested contexts that could re-spell a term, checked members in their plain shape) and, for Data Integrity, the
   * checked members ({@code type}, {@code issuer}, {@code credentialSubject} ids, the validity dates,
   * {@code credentialStatus}) say exactly what the signed graph says, so code that reads JSON keys reads what was
   * signed.
   */
  COMPACT_FORM,
  /** A Data Integrity proof's signature over the canonical document and proof configuration. */
  PROOF,
  /**
   * The proof purpose is the expected one, the verification method is authorised for it in its controller
   * document, and the controller is the issuer. In a proof set or chain every proof's method must be authorised by
   * its own controller and at least one proof's controller must be the issuer (the others co-sign, e.g. a notary).
   */
  PURPOSE_AND_CONTROLLER,
  /**
   * A proof set or proof chain (VC Data Integrity 1.0, 2.1.1, 2.1.2, 4.5): proof ids are unique strings, every
   * {@code previousProof} names other proofs of this document, there is no cycle, at most 16 proofs, and a chained
   * proof verifies only over the document with exactly the proofs it names attached and only when those verify.
   * Reported for documents with more than one proof or any {@code previousProof}.
   */
  PROOF_CHAIN,
  /** {@code validFrom}/{@code validUntil} (VC 2.0) or {@code issuanceDate}/{@code expirationDate} (VC 1.1), and
   * proof {@code created}/{@code expires}, against the clock with bounded skew. */
  VALIDITY_PERIOD,
  /** Credential status (revocation / suspension), checked by a {@link StatusCheck}; fails closed when a
   * {@code credentialStatus} is present and no checker is configured. */
  STATUS,
  /**
   * One embedded credential (a CLR's {@code credentialSubject.verifiableCredential}, a presentation's
   * {@code verifiableCredential}, an Open Badges 3.0 {@code endorsement} or {@code endorsementJwt} wherever it is, an
   * {@code EnvelopedVerifiableCredential} JWT) verified with the same options; the
   * check's path is the credential's path, its result is in {@link VerificationResult#nested()}. Fails when the
   * embedded credential does not verify or the nesting depth or count limit is exceeded ({@code LIMIT_EXCEEDED}).
   */
  NESTED_CREDENTIALS
}
