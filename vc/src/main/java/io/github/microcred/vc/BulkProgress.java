package io.github.microcred.vc;

/**
 * Progress of a bulk signing job ({@link Credentials#signAll}), reported on the thread that consumes the results,
 * once per document, in input order.
 */
@FunctionalInterface
public interface BulkProgress {
  /** Reports nothing. */
  BulkProgress NONE = (done, failed) -> {};

  /**
   * Called after each document's outcome is handed out.
   *
   * @param done documents handed out so far (signed or failed)
   * @param failed how many of them failed
   */
  void update(long done, long failed);
}
