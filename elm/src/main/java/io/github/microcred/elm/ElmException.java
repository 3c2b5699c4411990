package io.github.microcred.elm;

import java.util.Objects;

/**
 * A failure of the elm module itself (bad arguments, a document that is not an EDC credential, a micro-credential EDC
 * cannot express), with an error code. What an import cannot carry is reported as {@link ElmWarning}s instead.
 */
public final class ElmException extends Exception {
  private static final long serialVersionUID = 1L;

  private final ElmErrorCode code;

  /**
   * Creates the exception.
   *
   * @param code the error code
   * @param message what went wrong, naming the field or JSON path concerned
   */
  public ElmException(ElmErrorCode code, String message) {
    super(message);
    this.code = Objects.requireNonNull(code, "code");
  }

  /**
   * Creates the exception with a cause.
   *
   * @param code the error code
   * @param message what went wrong, naming the field or JSON path concerned
   * @param cause the underlying failure
   */
  public ElmException(ElmErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
  }

  /**
   * Returns the error code.
   *
   * @return the code
   */
  public ElmErrorCode code() {
    return code;
  }

  @Override
  public String toString() {
    return "ElmException[" + code + "]: " + getMessage();
  }
}
