package io.github.microcred.vc;

/**
 * Bounds on the work canonicalization may do, so that a hostile ("poison") document fails fast instead of
 * exhausting CPU or memory.
 *
 * @param maxDocumentBytes the largest accepted document, in bytes of its JSON serialization
 * @param maxBlankNodeWork the largest number of RDFC-1.0 work steps (ticks of the blank-node labelling
 *     algorithm) before canonicalization is abandoned
 */
public record CanonicalizationLimits(int maxDocumentBytes, long maxBlankNodeWork) {
  /** Defaults: 4 MiB and 100,000 blank-node work steps (ordinary credentials need a few dozen). */
  public static final CanonicalizationLimits DEFAULT = new CanonicalizationLimits(4 << 20, 100_000);

  /**
   * Validates the bounds.
   *
   * @param maxDocumentBytes see the record description
   * @param maxBlankNodeWork see the record description
   */
  public CanonicalizationLimits {
    if (maxDocumentBytes <= 0 || maxBlankNodeWork <= 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }
}
