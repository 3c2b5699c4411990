package io.github.microcred.cli;

/** A failure reported to the user as one line on stderr, with an exit code, never as a stack trace. */
public final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  /**
   * Creates the exception.
   *
   * @param exitCode the process exit code ({@link Main#FAILED} or {@link Main#USAGE})
   * @param message what went wrong, for the user
   */
  public CliException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  /**
   * Returns the exit code.
   *
   * @return the process exit code
   */
  public int exitCode() {
    return exitCode;
  }
}
