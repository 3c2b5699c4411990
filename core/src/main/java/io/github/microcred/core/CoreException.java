package io.github.microcred.core;

/**
 * A failure of the core model itself (bad arguments, a missing resource, an unsupported feature), with an error code.
 * Bad <em>input data</em> is reported through validation reports and results instead.
 */
public final class CoreException extends MicrocredException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception, naming in the message the field or path concerned (see {@link MicrocredException}). */
  public CoreException(CoreErrorCode code, String message, Throwable... cause) {
    super(code, message, cause);
  }
}
