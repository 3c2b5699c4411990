package io.github.microcred.vc.status;

import java.util.Optional;

/** The {@code statusPurpose} of a Bitstring Status List. */
public enum StatusPurpose {
  /** Permanent cancellation: once set, a revocation bit is never cleared. */
  REVOCATION("revocation"),
  /** Temporary hold: a suspension bit can be set and cleared. */
  SUSPENSION("suspension"),
  /** An arbitrary status value with {@code statusSize} bits, explained by {@code statusMessage}. */
  MESSAGE("message");

  private final String term;

  StatusPurpose(String term) {
    this.term = term;
  }

  /**
   * Returns the term used in JSON ({@code revocation}, {@code suspension}, {@code message}).
   *
   * @return the term
   */
  public String term() {
    return term;
  }

  /**
   * Looks a purpose up by its JSON term.
   *
   * @param term the term
   * @return the purpose, or empty when unknown
   */
  public static Optional<StatusPurpose> fromTerm(String term) {
    for (StatusPurpose p : values()) {
      if (p.term.equals(term)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
