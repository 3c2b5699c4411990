package io.github.microcred.core;

import java.util.Objects;

/**
 * A failure of a microcred module itself (bad arguments, a missing resource, an unsupported feature), carrying a
 * {@link Code}: the common base of each module's one checked exception ({@code CoreException}, {@code
 * VcException}, {@code CtdlException}, {@code StackingException}, {@code ElmException}, {@code
 * ServerException}), each of which narrows {@link #code()} to its module's error-code enum. Bad <em>input
 * data</em> is reported as {@link Issue}s in a report or result instead.
 */
public abstract class MicrocredException extends Exception {
  private static final long serialVersionUID = 1L;

  private final Code code;

  /**
   * Creates the exception.
   *
   * @param code the error code
   * @param message what went wrong, naming the field or path concerned
   */
  protected MicrocredException(Code code, String message) {
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
  protected MicrocredException(Code code, String message, Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
  }

  /**
   * Returns the error code; each module's exception narrows the type to its own enum.
   *
   * @return the code
   */
  public Code code() {
    return code;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + code.name() + "]: " + getMessage();
  }
}
