package io.github.microcred.server;

import io.github.microcred.core.Code;

/** Why the service could not be configured or started; carried by {@link ServerException}. */
public enum ServerErrorCode implements Code {
  /** The configuration file or a value in it is malformed (the message names the JSON path). */
  INVALID_CONFIG,
  /** A file the configuration names (an issuer key) cannot be read or is not a key. */
  UNREADABLE_FILE,
  /** The HTTP(S) listener could not start (port in use, TLS setup). */
  START_FAILED;

  /** {@inheritDoc} Always {@code server}. */
  @Override
  public String module() {
    return "server";
  }
}
