package io.github.microcred.core;

import java.util.Objects;

/**
 * A failure of the core model itself (bad arguments, a missing resource, an unsupported feature), with an error code.
 * Bad <em>input data</em> is reported through validation reports and results instead.
 */
public final class CoreException extends Exception {
  private static final long serialVersionUID = 1L;

  private final CoreErrorCode code;

  /**
   * Creates the exception.
   *
   * @param code the error code
   * @param message what went wrong, naming the field or path concerned
   */
  public CoreException(CoreErrorCode code, String message) {
    super(message);
    this.code = Objects.requireNonNull(code, "code");
  }

  /**
   * Creates the exception with a cause.
   *
   * @param code the error code
   * @param message what went wrong, naming the field or path concerned
   * @param cause the underlying failure
   */
  public CoreException(CoreErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
  }

  /**
   * Returns the error code.
   *
   * @return the code
   */
  public CoreErrorCode code() {
    return code;
  }

  @Override
  public String toString() {
    return "CoreException[" + code + "]: " + getMessage();
  }
}
