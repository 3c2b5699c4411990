package io.github.microcred.elm;

import io.github.microcred.core.MicrocredException;

/**
 * A failure of the elm module itself (bad arguments, a document that is not an EDC credential, a micro-credential EDC
 * cannot express), with an error code. What an import cannot carry is reported as warnings ({@link io.github.microcred.core.Issue}s) instead.
 */
public final class ElmException extends MicrocredException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception, naming in the message the field or path concerned (see {@link MicrocredException}). */
  public ElmException(ElmErrorCode code, String message, Throwable... cause) {
    super(code, message, cause);
  }
}
