package io.github.microcred.spark;

import io.github.microcred.core.MicrocredException;

/**
 * A failure of the spark module itself, raised on the driver before any job starts: an argument or a Dataset that
 * the operation cannot work with, with a {@link SparkErrorCode} and a message naming the argument, column or file.
 * Bad <em>rows</em> never throw: an unreadable transcript is an {@code INVALID} row, a bad credential a
 * {@code verified = false} row with its failed checks.
 */
public final class SparkException extends MicrocredException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception, naming in the message the argument or column concerned (see {@link MicrocredException}). */
  public SparkException(SparkErrorCode code, String message, Throwable... cause) {
    super(code, message, cause);
  }
}
