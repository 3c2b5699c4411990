package io.github.microcred.server;

import io.github.microcred.core.MicrocredException;

/** The one checked exception of the server module: configuration and start-up failures, with a {@link #code()}. */
public final class ServerException extends MicrocredException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; the message says what went wrong, naming the field or path concerned. */
  public ServerException(ServerErrorCode code, String message) {
    super(code, message);
  }

  /** Creates the exception with the underlying failure. */
  public ServerException(ServerErrorCode code, String message, Throwable cause) {
    super(code, message, cause);
  }

  @Override
  public ServerErrorCode code() {
    return (ServerErrorCode) super.code();
  }
}
