package io.github.microcred.server;

import io.github.microcred.core.MicrocredException;

/** The one checked exception of the server module: configuration and start-up failures, with a {@link #code()}. */
public final class ServerException extends MicrocredException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception, naming in the message the field or path concerned (see {@link MicrocredException}). */
  public ServerException(ServerErrorCode code, String message, Throwable... cause) {
    super(code, message, cause);
  }
}
