package io.github.microcred.ctdl;

import java.util.Objects;

/**
 * One problem found in a CTDL document.
 *
 * @param path the JSON path of the offending value, e.g. {@code $['@graph'][0]['ceterms:creditValue']}
 * @param code what kind of problem it is
 * @param severity how serious it is
 * @param message a human-readable explanation naming what was expected
 */
public record CtdlProblem(String path, CtdlProblemCode code, CtdlSeverity severity, String message) {
  /**
   * Checks the components.
   *
   * @param path the JSON path
   * @param code the code
   * @param severity the severity
   * @param message the message
   */
  public CtdlProblem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return severity + " " + code + " at " + path + ": " + message;
  }
}
