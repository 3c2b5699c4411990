package io.github.microcred.ctdl;

import io.github.microcred.core.MicrocredException;

/**
 * A failure of the ctdl module itself (bad arguments, a missing resource, an unsupported feature), with an error code.
 * Bad <em>input data</em> is reported through validation reports and results instead.
 */
public final class CtdlException extends MicrocredException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; the message says what went wrong, naming the field or path concerned. */
  public CtdlException(CtdlErrorCode code, String message) {
    super(code, message);
  }

  /** Creates the exception with the underlying failure. */
  public CtdlException(CtdlErrorCode code, String message, Throwable cause) {
    super(code, message, cause);
  }

  @Override
  public CtdlErrorCode code() {
    return (CtdlErrorCode) super.code();
  }
}
