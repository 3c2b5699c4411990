package io.github.microcred.vc;

import java.util.Optional;

/**
 * The Data Integrity cryptosuites microcred implements: the RDFC suites sign the RDF graph the JSON-LD document
 * expresses (canonical N-Quads), the JCS suites sign the JSON text itself (RFC 8785). Either way the verifier takes
 * every decision on the signed data (see {@link VerifyOperation}).
 */
public enum Cryptosuite {
  /** {@code eddsa-rdfc-2022}: Ed25519 over RDFC-1.0 canonical N-Quads, SHA-256 (W3C vc-di-eddsa). */
  EDDSA_RDFC_2022("eddsa-rdfc-2022", true, Canonicalization.RDFC_1_0),
  /**
   * {@code ecdsa-rdfc-2019}: ECDSA P-256 (SHA-256) or P-384 (SHA-384) over RDFC-1.0 canonical N-Quads, RFC 6979
   * deterministic, raw r||s (W3C vc-di-ecdsa).
   */
  ECDSA_RDFC_2019("ecdsa-rdfc-2019", false, Canonicalization.RDFC_1_0),
  /**
   * {@code eddsa-jcs-2022}: Ed25519 over the JCS (RFC 8785) canonical JSON of the document and of the proof
   * configuration (which carries the document's {@code @context}), SHA-256 (W3C vc-di-eddsa).
   */
  EDDSA_JCS_2022("eddsa-jcs-2022", true, Canonicalization.JCS),
  /**
   * {@code ecdsa-jcs-2019}: ECDSA P-256 (SHA-256) or P-384 (SHA-384) over the JCS (RFC 8785) canonical JSON,
   * RFC 6979 deterministic, raw r||s (W3C vc-di-ecdsa).
   */
  ECDSA_JCS_2019("ecdsa-jcs-2019", false, Canonicalization.JCS),
  /**
   * {@code ecdsa-sd-2023}: selective disclosure with ECDSA P-256 over RDFC-1.0 canonical N-Quads whose blank nodes
   * carry HMAC labels (W3C vc-di-ecdsa). The issuer signs a base proof ({@link SignOperation#withMandatoryPointers}),
   * the holder derives a proof that discloses chosen parts ({@link Credentials#derive}), the verifier accepts only
   * derived proofs.
   */
  ECDSA_SD_2023("ecdsa-sd-2023", false, Canonicalization.RDFC_1_0);

  /** How a suite turns the document into the bytes it hashes. */
  public enum Canonicalization {
    /** RDF Dataset Canonicalization (W3C RDFC-1.0) of the JSON-LD document's graph, as N-Quads. */
    RDFC_1_0,
    /** The JSON Canonicalization Scheme (RFC 8785) of the JSON document. */
    JCS
  }

  private final String id;
  private final boolean eddsa;
  private final Canonicalization canonicalization;

  Cryptosuite(String id, boolean eddsa, Canonicalization canonicalization) {
    this.id = id;
    this.eddsa = eddsa;
    this.canonicalization = canonicalization;
  }

  /**
   * How this suite canonicalizes.
   *
   * @return RDFC-1.0 or JCS
   */
  public Canonicalization canonicalization() {
    return canonicalization;
  }

  /**
   * The suite's identifier as it appears in {@code proof.cryptosuite}.
   *
   * @return the identifier
   */
  public String id() {
    return id;
  }

  /**
   * Whether a key type may be used with this suite.
   *
   * @param type the key type
   * @return true for Ed25519 with the eddsa suites, P-256/P-384 with the ecdsa suites (P-256 only with
   *     {@code ecdsa-sd-2023}); never for RSA
   */
  public boolean accepts(KeyType type) {
    if (this == ECDSA_SD_2023) {
      return type == KeyType.P256;
    }
    return eddsa ? type == KeyType.ED25519 : type == KeyType.P256 || type == KeyType.P384;
  }

  /**
   * Looks a suite up by its identifier.
   *
   * @param id e.g. {@code eddsa-rdfc-2022}
   * @return the suite, or empty if not supported
   */
  public static Optional<Cryptosuite> byId(String id) {
    for (Cryptosuite s : values()) {
      if (s.id.equals(id)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /**
   * The default suite for a key type.
   *
   * @param type the key type
   * @return eddsa-rdfc-2022 for Ed25519, ecdsa-rdfc-2019 otherwise (for RSA, which no Data Integrity suite
   *     accepts, signing then fails with {@link VcErrorCode#UNSUPPORTED_SUITE})
   */
  public static Cryptosuite forKey(KeyType type) {
    return type == KeyType.ED25519 ? EDDSA_RDFC_2022 : ECDSA_RDFC_2019;
  }

  /**
   * The identifiers of every supported suite, for messages.
   *
   * @return e.g. {@code eddsa-rdfc-2022, ecdsa-rdfc-2019, eddsa-jcs-2022, ecdsa-jcs-2019, ecdsa-sd-2023}
   */
  public static String supported() {
    StringBuilder b = new StringBuilder();
    for (Cryptosuite s : values()) {
      b.append(b.length() == 0 ? "" : ", ").append(s.id);
    }
    return b.toString();
  }
}
