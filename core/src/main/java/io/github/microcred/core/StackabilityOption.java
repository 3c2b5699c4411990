package io.github.microcred.core;

/** EU Annex I optional "integration / stackability options". */
public enum StackabilityOption {
  /** A stand-alone, independent micro-credential. */
  STANDALONE,
  /** Can be stacked with others toward a larger credential. */
  STACKABLE,
  /** Integrated into another credential (part of a programme). */
  INTEGRATED
}
