package io.github.microcred.ctdl;

import java.util.Objects;

/**
 * Something an import did not map to the core model, or normalised (legacy shapes).
 *
 * @param path the JSON path in the record
 * @param message what happened
 */
public record CtdlWarning(String path, String message) {
  /**
   * Checks the components.
   *
   * @param path the path
   * @param message the message
   */
  public CtdlWarning {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return path + ": " + message;
  }
}
