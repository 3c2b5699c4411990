package io.github.microcred.ctdl;

import io.github.microcred.core.MicrocredException;

/**
 * A failure of the ctdl module itself (bad arguments, a missing resource, an unsupported feature), with an error code.
 * Bad <em>input data</em> is reported through validation reports and results instead.
 */
public final class CtdlException extends MicrocredException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception, naming in the message the field or path concerned (see {@link MicrocredException}). */
  public CtdlException(CtdlErrorCode code, String message, Throwable... cause) {
    super(code, message, cause);
  }
}
