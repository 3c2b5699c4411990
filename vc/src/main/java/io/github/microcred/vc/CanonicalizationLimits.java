package io.github.microcred.vc;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds on reading and canonicalizing one document, so that a hostile document (huge, deeply nested, a "poison"
 * blank-node graph) fails fast with {@link VcErrorCode#LIMIT_EXCEEDED}, naming the JSON path or the stage, instead
 * of exhausting CPU or memory. Every stage is linear in its input, so these bounds also bound time; a time budget
 * ({@link #maxTime()}) bounds it directly, as a last resort on a slow or overloaded machine. Start from
 * {@link #DEFAULT} and change one bound with the {@code with...} methods.
 *
 * @param maxDocumentBytes the largest accepted document, in UTF-8 bytes; enforced while the JSON is read
 * @param maxBlankNodeWork the largest number of RDFC-1.0 work steps (ticks of the blank-node labelling
 *     algorithm) before canonicalization is abandoned
 * @param maxNestingDepth the deepest accepted nesting of JSON arrays and objects (the document itself is depth 1)
 * @param maxArrayItems the most items one JSON array may hold (checked, with its path, before expansion)
 * @param maxNodes the most nodes (node objects, blank or named) the document's graph may have
 * @param maxQuads the most RDF statements (quads) the document may produce
 * @param maxTime the longest one expansion and canonicalization of one document may run, measured on a monotonic
 *     ticker (not the verification clock); checked between the JSON-LD stages and inside the node map, quad,
 *     RDFC-1.0 and N-Quads loops, failing with {@link VcErrorCode#LIMIT_EXCEEDED} naming the stage
 */
public record CanonicalizationLimits(int maxDocumentBytes, long maxBlankNodeWork, int maxNestingDepth,
    int maxArrayItems, long maxNodes, long maxQuads, Duration maxTime) {
  /** The default time budget of one expansion and canonicalization: 10 s. */
  public static final Duration DEFAULT_MAX_TIME = Duration.ofSeconds(10);

  /**
   * Defaults: 4 MiB; 100,000 blank-node work steps (ordinary credentials need a few dozen); nesting depth 64
   * (credentials nest about 10 deep); 200,000 items per array; 200,000 nodes; 1,000,000 quads; 10 s.
   */
  public static final CanonicalizationLimits DEFAULT =
      new CanonicalizationLimits(4 << 20, 100_000, 64, 200_000, 200_000, 1_000_000, DEFAULT_MAX_TIME);

  /**
   * Validates the bounds.
   *
   * @param maxDocumentBytes see the record description
   * @param maxBlankNodeWork see the record description
   * @param maxNestingDepth see the record description
   * @param maxArrayItems see the record description
   * @param maxNodes see the record description
   * @param maxQuads see the record description
   * @param maxTime see the record description
   */
  public CanonicalizationLimits {
    Objects.requireNonNull(maxTime, "maxTime");
    if (maxDocumentBytes <= 0 || maxBlankNodeWork <= 0 || maxNestingDepth <= 0 || maxArrayItems <= 0
        || maxNodes <= 0 || maxQuads <= 0 || maxTime.isNegative() || maxTime.isZero()) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  /**
   * Size and blank-node bounds, the other bounds as in {@link #DEFAULT}.
   *
   * @param maxDocumentBytes see the record description
   * @param maxBlankNodeWork see the record description
   */
  public CanonicalizationLimits(int maxDocumentBytes, long maxBlankNodeWork) {
    this(maxDocumentBytes, maxBlankNodeWork, 64, 200_000, 200_000, 1_000_000, DEFAULT_MAX_TIME);
  }

  /**
   * A copy with another document size bound.
   *
   * @param bytes the largest document in UTF-8 bytes
   * @return the new limits
   */
  public CanonicalizationLimits withMaxDocumentBytes(int bytes) {
    return new CanonicalizationLimits(bytes, maxBlankNodeWork, maxNestingDepth, maxArrayItems, maxNodes,
        maxQuads, maxTime);
  }

  /**
   * A copy with another blank-node work bound.
   *
   * @param steps the largest number of RDFC-1.0 work steps
   * @return the new limits
   */
  public CanonicalizationLimits withMaxBlankNodeWork(long steps) {
    return new CanonicalizationLimits(maxDocumentBytes, steps, maxNestingDepth, maxArrayItems, maxNodes,
        maxQuads, maxTime);
  }

  /**
   * A copy with another nesting bound.
   *
   * @param depth the deepest nesting of arrays and objects
   * @return the new limits
   */
  public CanonicalizationLimits withMaxNestingDepth(int depth) {
    return new CanonicalizationLimits(maxDocumentBytes, maxBlankNodeWork, depth, maxArrayItems, maxNodes,
        maxQuads, maxTime);
  }

  /**
   * A copy with another bound on the items of one array.
   *
   * @param items the most items per array
   * @return the new limits
   */
  public CanonicalizationLimits withMaxArrayItems(int items) {
    return new CanonicalizationLimits(maxDocumentBytes, maxBlankNodeWork, maxNestingDepth, items, maxNodes,
        maxQuads, maxTime);
  }

  /**
   * A copy with another bound on the nodes of the graph.
   *
   * @param nodes the most nodes
   * @return the new limits
   */
  public CanonicalizationLimits withMaxNodes(long nodes) {
    return new CanonicalizationLimits(maxDocumentBytes, maxBlankNodeWork, maxNestingDepth, maxArrayItems, nodes,
        maxQuads, maxTime);
  }

  /**
   * A copy with another bound on the RDF statements.
   *
   * @param quads the most quads
   * @return the new limits
   */
  public CanonicalizationLimits withMaxQuads(long quads) {
    return new CanonicalizationLimits(maxDocumentBytes, maxBlankNodeWork, maxNestingDepth, maxArrayItems, maxNodes,
        quads, maxTime);
  }

  /**
   * A copy with another time budget.
   *
   * @param time the longest one expansion and canonicalization may run (positive)
   * @return the new limits
   */
  public CanonicalizationLimits withMaxTime(Duration time) {
    return new CanonicalizationLimits(maxDocumentBytes, maxBlankNodeWork, maxNestingDepth, maxArrayItems, maxNodes,
        maxQuads, time);
  }
}
