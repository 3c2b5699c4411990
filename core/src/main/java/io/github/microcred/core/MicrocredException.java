package io.github.microcred.core;

import java.util.Objects;

/**
 * A failure of a microcred module itself (bad arguments, a missing resource, an unsupported feature), carrying a
 * {@link Code}: the common base of each module's one checked exception ({@code CoreException}, {@code
 * VcException}, {@code CtdlException}, {@code StackingException}, {@code ElmException}, {@code
 * ServerException}), each of which has one constructor taking its module's error-code enum. Bad <em>input
 * data</em> is reported as {@link Issue}s in a report or result instead.
 */
public abstract class MicrocredException extends Exception {
  private static final long serialVersionUID = 1L;

  private final Code code;

  /**
   * Creates the exception: the one constructor shape of every module's exception.
   *
   * @param code the error code, an enum constant of the module's error-code enum
   * @param message what went wrong, naming the field or path concerned
   * @param cause the underlying failure, if there is one (at most one)
   * @throws IllegalArgumentException if more than one cause is given
   */
  protected MicrocredException(Code code, String message, Throwable... cause) {
    super(message, cause == null || cause.length == 0 ? null : cause[0]);
    if (cause != null && cause.length > 1) {
      throw new IllegalArgumentException("at most one cause, got " + cause.length);
    }
    this.code = Objects.requireNonNull(code, "code");
  }

  /**
   * Returns the error code: always a constant of the module's error-code enum, which the module exception's
   * constructor takes ({@code CoreErrorCode}, {@code VcErrorCode}, ...), so compare it with {@code ==} or switch
   * over {@code (VcErrorCode) e.code()}.
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
