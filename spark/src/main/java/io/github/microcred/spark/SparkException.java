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

  /**
   * Creates the exception.
   *
   * @param code the error code
   * @param message what went wrong, naming the argument or column concerned
   */
  public SparkException(SparkErrorCode code, String message) {
    super(code, message);
  }

  /**
   * Creates the exception with the underlying failure.
   *
   * @param code the error code
   * @param message what went wrong, naming the argument or column concerned
   * @param cause the underlying failure
   */
  public SparkException(SparkErrorCode code, String message, Throwable cause) {
    super(code, message, cause);
  }

  @Override
  public SparkErrorCode code() {
    return (SparkErrorCode) super.code();
  }
}
