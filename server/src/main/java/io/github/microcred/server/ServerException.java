package io.github.microcred.server;

/** The one checked exception of the server module: configuration and start-up failures, with a {@link #code()}. */
public final class ServerException extends Exception {
  private static final long serialVersionUID = 1L;
  private final ServerErrorCode code;

  /**
   * Creates one.
   *
   * @param code the code
   * @param message what went wrong, naming the field or file
   */
  public ServerException(ServerErrorCode code, String message) {
    super(message);
    this.code = java.util.Objects.requireNonNull(code, "code");
  }

  /**
   * Creates one with a cause.
   *
   * @param code the code
   * @param message what went wrong
   * @param cause the cause
   */
  public ServerException(ServerErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = java.util.Objects.requireNonNull(code, "code");
  }

  /**
   * The code.
   *
   * @return the code
   */
  public ServerErrorCode code() {
    return code;
  }
}
