package io.github.microcred.vc;

import java.util.Optional;

/** The Data Integrity cryptosuites microcred implements. */
public enum Cryptosuite {
  /** {@code eddsa-rdfc-2022}: Ed25519 over RDFC-1.0 canonical N-Quads, SHA-256 (W3C vc-di-eddsa). */
  EDDSA_RDFC_2022("eddsa-rdfc-2022"),
  /**
   * {@code ecdsa-rdfc-2019}: ECDSA P-256 (SHA-256) or P-384 (SHA-384) over RDFC-1.0 canonical N-Quads, RFC 6979
   * deterministic, raw r||s (W3C vc-di-ecdsa).
   */
  ECDSA_RDFC_2019("ecdsa-rdfc-2019");

  private final String id;

  Cryptosuite(String id) {
    this.id = id;
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
   * @return true for Ed25519 with eddsa, P-256/P-384 with ecdsa
   */
  public boolean accepts(KeyType type) {
    return this == EDDSA_RDFC_2022 ? type == KeyType.ED25519 : type != KeyType.ED25519;
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
   * @return eddsa-rdfc-2022 for Ed25519, ecdsa-rdfc-2019 otherwise
   */
  public static Cryptosuite forKey(KeyType type) {
    return type == KeyType.ED25519 ? EDDSA_RDFC_2022 : ECDSA_RDFC_2019;
  }
}
