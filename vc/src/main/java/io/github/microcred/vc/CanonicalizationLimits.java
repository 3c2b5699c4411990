package io.github.microcred.vc;

/**
 * Bounds on reading and canonicalizing one document, so that a hostile document (huge, deeply nested, a "poison"
 * blank-node graph) fails fast with {@link VcErrorCode#LIMIT_EXCEEDED} instead of exhausting CPU or memory.
 * Start from {@link #DEFAULT} and change one bound with the {@code with...} methods.
 *
 * @param maxDocumentBytes the largest accepted document, in UTF-8 bytes; enforced while the JSON is read
 * @param maxBlankNodeWork the largest number of RDFC-1.0 work steps (ticks of the blank-node labelling
 *     algorithm) before canonicalization is abandoned
 * @param maxNestingDepth the deepest accepted nesting of JSON arrays and objects (the document itself is depth 1)
 */
public record CanonicalizationLimits(int maxDocumentBytes, long maxBlankNodeWork, int maxNestingDepth) {
  /**
   * Defaults: 4 MiB, 100,000 blank-node work steps (ordinary credentials need a few dozen), nesting depth 64
   * (credentials nest about 10 deep).
   */
  public static final CanonicalizationLimits DEFAULT = new CanonicalizationLimits(4 << 20, 100_000, 64);

  /**
   * Validates the bounds.
   *
   * @param maxDocumentBytes see the record description
   * @param maxBlankNodeWork see the record description
   * @param maxNestingDepth see the record description
   */
  public CanonicalizationLimits {
    if (maxDocumentBytes <= 0 || maxBlankNodeWork <= 0 || maxNestingDepth <= 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  /**
   * Size and blank-node bounds with the default nesting depth.
   *
   * @param maxDocumentBytes see the record description
   * @param maxBlankNodeWork see the record description
   */
  public CanonicalizationLimits(int maxDocumentBytes, long maxBlankNodeWork) {
    this(maxDocumentBytes, maxBlankNodeWork, DEFAULT_DEPTH);
  }

  private static final int DEFAULT_DEPTH = 64;

  /**
   * A copy with another document size bound.
   *
   * @param bytes the largest document in UTF-8 bytes
   * @return the new limits
   */
  public CanonicalizationLimits withMaxDocumentBytes(int bytes) {
    return new CanonicalizationLimits(bytes, maxBlankNodeWork, maxNestingDepth);
  }

  /**
   * A copy with another blank-node work bound.
   *
   * @param steps the largest number of RDFC-1.0 work steps
   * @return the new limits
   */
  public CanonicalizationLimits withMaxBlankNodeWork(long steps) {
    return new CanonicalizationLimits(maxDocumentBytes, steps, maxNestingDepth);
  }

  /**
   * A copy with another nesting bound.
   *
   * @param depth the deepest nesting of arrays and objects
   * @return the new limits
   */
  public CanonicalizationLimits withMaxNestingDepth(int depth) {
    return new CanonicalizationLimits(maxDocumentBytes, maxBlankNodeWork, depth);
  }
}
